"""Text shown to people: nothing from an article, a file name or a YAML key can change what
else is on the screen or in a report.

Control characters (escape sequences, carriage returns, newlines), bidirectional marks
(which reorder what is shown around them), line separators and bytes of a file name that
are not UTF-8 are written as visible escapes (`\\x1b`, `\\u202e`, `\\xff`), never passed on
and never silently dropped, so the writer can see that they are there.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 and C1 controls, DEL, bidirectional controls and marks, line and paragraph
# separators, and the lone surrogates that stand for a file name's undecodable bytes.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_KEEP_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte of a file name that is not UTF-8
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def shown(text: str, keep_lines: bool = False) -> str:
    """Text made safe to print; keep_lines keeps tabs and line ends (for a report's text)."""
    if keep_lines:
        return _UNSAFE_KEEP_LINES.sub(_escape, text)
    return _UNSAFE.sub(_escape, text)


_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON in UTF-8 in which the characters that could spoof a display are \\u escapes.

    JSON already escapes C0 controls; this escapes the others too, so the data is the
    same when parsed, and no viewer shows it reordered or broken.
    """
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
