"""Reading a file: bytes to text, and character offsets to lines and columns."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

_LINE_END = re.compile(r"\r\n|\r|\n")


class ReadError(Exception):
    """A file that cannot be linted; the message is shown to the writer as is."""


@dataclass
class SourceFile:
    path: str
    text: str
    line_starts: list[int]
    # Whether the file began with a UTF-8 byte-order mark, so that fixes keep it.
    bom: bool = False

    @classmethod
    def from_text(cls, path: str, text: str, bom: bool = False) -> SourceFile:
        # CRLF, LF and a lone CR each end a line, as they do for editors and markdown-it.
        starts = [0]
        starts.extend(m.end() for m in _LINE_END.finditer(text))
        return cls(path, text, starts, bom)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a character offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def read_source(path: Path, display: str) -> SourceFile:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReadError(f"{display}: is a folder, not a file") from None
    except PermissionError:
        raise ReadError(f"{display}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise ReadError(f"{display}: cannot be read ({exc.strerror or exc})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"{display}: is UTF-16 text; save it as UTF-8")
    if b"\x00" in data[:8192]:
        raise ReadError(f"{display}: looks like a binary file, not Markdown text")
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReadError(
            f"{display}: is not UTF-8 text (bad byte on line {line}); save it as UTF-8"
        ) from None
    return SourceFile.from_text(display, text, bom)
