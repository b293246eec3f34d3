"""Front matter: the block of settings at the top of an article (YAML between `---`
lines, TOML between `+++` lines or a JSON object, as Hugo writes them), and the audience
it names."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from linter.source import ReadError, SourceFile
from linter.yamlfile import YamlProblem, describe, load_yaml


@dataclass
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    present: bool = False
    # 0-based index of the first line after the closing fence, and its character offset:
    # worked out here once, for every step that must leave the front matter alone.
    body_line: int = 0
    body_start: int = 0
    # 'yaml', 'toml' or 'json'; '' when the article has none.
    kind: str = ""

    @property
    def audience(self) -> str | None:
        value = self.data.get("audienceLevel")
        return value.strip().lower() if isinstance(value, str) and value.strip() else None


def parse_front_matter(src: SourceFile) -> FrontMatter:
    starts = src.line_starts
    first = src.line_text(1).rstrip() if starts else ""
    if first == "---":
        return _fenced(src, ("---", "..."), "yaml", _load)
    if first == "+++":
        return _fenced(src, ("+++",), "toml", _load_toml)
    if first == "{" or first.startswith('{"'):
        # Not '{/* a comment */}', which opens many MDX files.
        return _json(src)
    return FrontMatter()


def _fenced(
    src: SourceFile, ends: tuple[str, ...], kind: str, load: Callable[[str, str], dict[str, Any]]
) -> FrontMatter:
    text, starts = src.text, src.line_starts
    for index in range(1, len(starts)):
        if src.line_text(index + 1).rstrip() in ends:
            body = text[starts[1] : starts[index]]
            after = index + 1
            start = starts[after] if after < len(starts) else len(text)
            return FrontMatter(load(body, src.path), True, after, start, kind)
    fence = ends[0]
    raise ReadError(
        f"{src.path}:1: front matter starts with {fence} but never ends (add a {fence} line)"
    )


def _json(src: SourceFile) -> FrontMatter:
    """Hugo's JSON front matter: an object from the first line to a line that is '}' (or
    all on the first line)."""
    text, starts = src.text, src.line_starts
    for index in range(len(starts)):
        line = src.line_text(index + 1).rstrip()
        if line != "}" and not (index == 0 and line.endswith("}")):
            continue
        after = index + 1
        start = starts[after] if after < len(starts) else len(text)
        try:
            data = json.loads(text[:start])
        except json.JSONDecodeError as problem:
            if index == 0:
                continue
            reason = problem.msg[:1].lower() + problem.msg[1:]
            raise ReadError(
                f"{src.path}:{problem.lineno}: front matter is not valid JSON ({reason})"
            ) from None
        return FrontMatter(_checked(data, src.path, 1), True, after, start, "json")
    raise ReadError(f"{src.path}:1: front matter starts with {{ but never ends (add a }} line)")


_TOML_LINE = re.compile(r"\(at line (\d+)")


def _load_toml(body: str, path: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(body)
    except tomllib.TOMLDecodeError as problem:
        message = str(problem)
        m = _TOML_LINE.search(message)
        # The front matter's first line is the file's second.
        where = f":{int(m.group(1)) + 1}" if m else ""
        reason = _TOML_LINE.split(message)[0].strip().rstrip(" (").lower()
        raise ReadError(f"{path}{where}: front matter is not valid TOML ({reason})") from None
    return _checked(data, path, 2)


def _load(body: str, path: str) -> dict[str, Any]:
    try:
        data = load_yaml(body)
    except YamlProblem as problem:
        # The front matter's first line is the file's second.
        where = f":{problem.line + 1}" if problem.line is not None else ""
        raise ReadError(f"{path}{where}: front matter {problem.message}") from None
    if data is None:
        return {}
    return _checked(data, path, 2)


def _checked(data: Any, path: str, line: int) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ReadError(
            f"{path}:{line}: front matter must be a list of 'key: value' lines, "
            f"not a {type(data).__name__}"
        )
    audience = data.get("audienceLevel")
    if audience is not None and not isinstance(audience, str):
        raise ReadError(
            f"{path}: front matter 'audienceLevel' must be a word such as 'patient', "
            f"not {describe(audience)}"
        )
    return data
