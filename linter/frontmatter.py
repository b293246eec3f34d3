"""Front matter: the YAML block at the top of an article, and the audience it names."""

from __future__ import annotations

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

    @property
    def audience(self) -> str | None:
        value = self.data.get("audienceLevel")
        return value.strip().lower() if isinstance(value, str) and value.strip() else None


def parse_front_matter(src: SourceFile) -> FrontMatter:
    text = src.text
    starts = src.line_starts
    first = src.line_text(1) if starts else ""
    if first.rstrip() != "---":
        return FrontMatter()
    for index in range(1, len(starts)):
        line = src.line_text(index + 1)
        if line.rstrip() in ("---", "..."):
            body = text[starts[1] : starts[index]]
            after = index + 1
            start = starts[after] if after < len(starts) else len(text)
            return FrontMatter(_load(body, src.path), True, after, start)
    raise ReadError(f"{src.path}:1: front matter starts with --- but never ends (add a --- line)")


def _load(body: str, path: str) -> dict[str, Any]:
    try:
        data = load_yaml(body)
    except YamlProblem as problem:
        # The front matter's first line is the file's second.
        where = f":{problem.line + 1}" if problem.line is not None else ""
        raise ReadError(f"{path}{where}: front matter {problem.message}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ReadError(
            f"{path}:2: front matter must be a list of 'key: value' lines, "
            f"not a {type(data).__name__}"
        )
    audience = data.get("audienceLevel")
    if audience is not None and not isinstance(audience, str):
        raise ReadError(
            f"{path}: front matter 'audienceLevel' must be a word such as 'patient', "
            f"not {describe(audience)}"
        )
    return data
