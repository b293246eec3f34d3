"""`plainlint config --show FILE`: the settings one article is checked with, and where each
came from (a config file, an override in one, or plainlint's defaults)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from linter.config import Config
from linter.dialect import choose_dialect
from linter.files import display_path
from linter.rules import all_options

_TOP = [
    ("default-audience", "default_audience"),
    ("select", "select"),
    ("ignore", "ignore"),
    ("severity", "severity"),
    ("glossary-patterns", "glossary_patterns"),
    ("glossary", "glossary"),
    ("lexicon", "lexicon"),
    ("acronyms", "acronyms"),
    ("explanations", "explanations"),
    ("jargon-policy", "jargon_policy"),
    ("list-items", "list_items"),
    ("dialect", "dialect"),
    ("glossary-markup", "glossary_markup"),
    ("link-template", "link_template"),
    ("fixed-phrases", "fixed_phrases"),
    ("locale", "locale"),
    ("include", "include"),
    ("exclude", "exclude"),
    ("max-file-size", "max_file_size"),
    ("baseline", "baseline"),
]
_PROFILE = [
    ("preset", "preset"),
    ("grade-target", "grade_target"),
    ("grade-metric", "grade_metric"),
    ("severity", "severity"),
]


def _value(key: str, value: Any) -> str:
    if key == "max-file-size":
        return f"{value / 1024 / 1024:g} MB"
    if isinstance(value, float) and value.is_integer():
        return f"{value:g}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, tuple | list):
        return (
            "[" + ", ".join(display_path(v) if isinstance(v, Path) else str(v) for v in value) + "]"
        )
    if isinstance(value, Path):
        return display_path(value)
    return "null" if value is None else str(value)


def _origin(config: Config, key: str) -> str:
    """Where a setting came from; 'A + B' when B extended A's list."""
    parts = []
    for where in (config.origins.get(key) or "defaults").split(" + "):
        path, _, rest = where.partition(" (")
        shown = "plainlint's default" if path == "defaults" else display_path(Path(path))
        parts.append(shown + (f" ({rest}" if rest else ""))
    return " + ".join(parts)


def _audience(file: Path) -> str | None:
    from linter.frontmatter import parse_front_matter
    from linter.source import ReadError, read_source

    try:
        return parse_front_matter(read_source(file, display_path(file))).audience
    except ReadError:
        return None


def describe(file: Path, config: Config, files: list[str]) -> str:
    lines = [f"Settings for {display_path(file)}"]
    shown_files = ", ".join(display_path(Path(f.partition(" (")[0])) for f in files) or "none"
    lines.append(f"Config files, top folder first: {shown_files}")
    audience = _audience(file) if file.is_file() else None
    name = audience or config.default_audience
    if name is None:
        lines.append("Audience: none in its front matter, so it is not checked")
    else:
        why = "its front matter's audienceLevel" if audience else "default-audience"
        checked = "checked" if name in config.profiles else "not checked: no profile for it"
        lines.append(f"Audience: {name} (from {why}); {checked}")
    dialect = choose_dialect(file, config.dialect)
    where = f" {display_path(dialect.site_file)}" if dialect.site_file else ""
    lines.append(f"Dialect: {dialect.name} ({dialect.why}{where})")
    width = max(len(k) for k in [*(k for k, _ in _TOP), *all_options()]) + 4
    lines.append("")
    options = all_options()
    for key, attr in _TOP:
        value = _value(key, getattr(config, attr))
        lines.append(f"  {key:<{width}} {value}   <- {_origin(config, key)}")
    for key, (rule, option) in sorted(options.items()):
        if not option.per_profile:
            value = _value(key, config.option(key))
            lines.append(f"  {key:<{width}} {value}   <- {_origin(config, key)} ({rule.code})")
    for pname, profile in sorted(config.profiles.items()):
        lines.append("")
        lines.append(f"  profiles.{pname}:")
        for key, attr in _PROFILE:
            value = _value(key, getattr(profile, attr))
            origin = _origin(config, f"profiles.{pname}.{key}")
            lines.append(f"    {key:<{width - 2}} {value}   <- {origin}")
        for key, (rule, option) in sorted(options.items()):
            if option.per_profile:
                value = _value(key, config.option(key, profile))
                origin = _origin(config, f"profiles.{pname}.{key}")
                lines.append(f"    {key:<{width - 2}} {value}   <- {origin} ({rule.code})")
    return "\n".join(lines)
