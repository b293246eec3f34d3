"""Reading a file: bytes to text, and character offsets to lines and columns."""

from __future__ import annotations

import bisect
import os
import re
import stat
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


DEFAULT_LIMIT = 5 * 1024 * 1024

_KINDS = {
    stat.S_IFIFO: "a pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def read_bytes(path: Path, display: str, limit: int = DEFAULT_LIMIT) -> bytes:
    """A regular file's bytes, at most `limit` of them.

    Pipes, devices and sockets are refused before they are read: a pipe would wait for a
    writer forever and a device such as /dev/zero never ends.
    """
    try:
        # O_NONBLOCK: opening a pipe must not wait for a writer (it is refused just after).
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except IsADirectoryError:
        raise ReadError(f"{display}: is a folder, not a file") from None
    except PermissionError:
        raise ReadError(f"{display}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise ReadError(f"{display}: cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(f"{display}: is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
            raise ReadError(f"{display}: is {kind}, not a file; not read")
        if info.st_size > limit:
            raise ReadError(_too_large(display, limit))
        chunks = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                # The file grew while it was read.
                raise ReadError(_too_large(display, limit))
        return b"".join(chunks)
    except OSError as exc:
        raise ReadError(f"{display}: cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def _too_large(display: str, limit: int) -> str:
    return (
        f"{display}: is larger than {limit / 1024 / 1024:g} MB, the most plainlint reads; "
        "not checked (raise 'max-file-size' in the config to check it)"
    )


def read_source(path: Path, display: str, limit: int = DEFAULT_LIMIT) -> SourceFile:
    data = read_bytes(path, display, limit)
    return decode_source(data, display)


def decode_source(data: bytes, display: str) -> SourceFile:
    """A file's bytes as text, or ReadError when they are not UTF-8 Markdown."""
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
