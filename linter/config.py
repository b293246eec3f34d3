"""Configuration: the shipped defaults and what one config file's settings change.

Finding the config files that apply to an article, and layering them (nested folders,
`extends`, `overrides`), is config_files.py's work; this module reads one file's
settings into a Config and checks every value.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from linter.diagnostics import Severity
from linter.grades import GRADE_METRICS
from linter.packs import load_pack
from linter.source import DEFAULT_LIMIT
from linter.yamlfile import YamlProblem, describe, key_name, load_yaml, sorted_keys

CONFIG_NAMES = (".plainlint.yaml", ".plainlint.yml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.mdx")


class ConfigError(Exception):
    """A config file (or option) that cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class Profile:
    name: str
    grade_target: float
    grade_metric: str
    severity: dict[str, Severity] = field(default_factory=dict)
    preset: str | None = None
    # Rule options set for this audience (sentence-limit: 25); see linter/options.py.
    options: dict[str, int | float] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    source: str = "(defaults)"
    root: Path = field(default_factory=Path.cwd)
    profiles: dict[str, Profile] = field(default_factory=dict)
    default_audience: str | None = None
    glossary_patterns: tuple[str, ...] = ()
    lexicon: tuple[Path, ...] = ()
    glossary: tuple[Path, ...] = ()
    acronyms: tuple[str, ...] = ()
    # The site's own ways of explaining words in place (see rules/explanations.yaml).
    explanations: tuple[Path, ...] = ()
    # 'link-or-explain': a term explained where it is used needs no link; 'link': it does.
    jargon_policy: str = "link-or-explain"
    # How grades count a list that a sentence leads into ('Bring:' then '- your card'):
    # 'separately' (each item is a sentence) or 'with-lead-in' (the lead-in and its
    # unpunctuated items are one sentence).
    list_items: str = "separately"
    # Which Markdown the site writes ('hugo', 'mdx', ...); 'auto' chooses per file.
    dialect: str = "auto"
    # The site's glossary shortcodes and components ('glossary', 'Glossary'): their term is
    # a glossary link.
    glossary_markup: tuple[str, ...] = ()
    # How the glossary-link fix writes a link: '{text}', '{slug}' and '{href}' are filled in.
    link_template: str = "[{text}]({href})"
    # Phrases and titles that keep their words: PL103 offers no plainer word inside them.
    fixed_phrases: tuple[str, ...] = ()
    # The site's language and country ('en-GB'), for everyday acronyms such as GP;
    # an article's front matter 'language:' or 'lang:' wins.
    locale: str | None = None
    # Rule options set for the whole config (unfamiliar-threshold: 2.5).
    options: dict[str, int | float] = field(default_factory=dict)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    # The folders the include and exclude globs are relative to: those of the files
    # that set them.
    include_root: Path = field(default_factory=Path.cwd)
    exclude_root: Path = field(default_factory=Path.cwd)
    # Bytes: larger files are not read (a mistake, or a file that never ends).
    max_file_size: int = DEFAULT_LIMIT
    baseline: Path | None = None
    # Where each setting came from ('ignore' -> 'articles/.plainlint.yaml'), for
    # `plainlint config --show`; not part of what decides a result.
    origins: dict[str, str] = field(default_factory=dict, compare=False)

    def profile_for(self, audience: str | None) -> Profile | None:
        name = audience if audience is not None else self.default_audience
        return self.profiles.get(name) if name is not None else None

    def option(self, name: str, profile: Profile | None = None) -> int | float:
        """A rule option's value: the profile's, else the config's, else the default."""
        if profile is not None and name in profile.options:
            return profile.options[name]
        if name in self.options:
            return self.options[name]
        from linter.rules import all_options

        return all_options()[name][1].default

    def is_glossary_address(self, href: str) -> bool:
        return any(address_matches(p, href) for p in self.glossary_patterns)


def address_matches(pattern: str, address: str) -> bool:
    """Whether a link address contains the pattern.

    '*' stands for any text, '^' at the start means the address begins there and '$'
    at the end that it ends there. Patterns are not regular expressions: matching
    takes one pass over the address, so no pattern can make a run hang.
    """
    at_start = pattern.startswith("^")
    at_end = pattern.endswith("$")
    pieces = pattern[int(at_start) : len(pattern) - int(at_end)].split("*")
    low, high = 0, len(address)
    if at_start:
        first = pieces.pop(0)
        if not address.startswith(first):
            return False
        low = len(first)
    if at_end:
        if not pieces:
            return low == high  # '^word$': the whole address
        last = pieces.pop()
        if not address.endswith(last) or high - len(last) < low:
            return False
        high -= len(last)
    for piece in pieces:
        found = address.find(piece, low, high)
        if found < 0:
            return False
        low = found + len(piece)
    return True


# A term explained in place is enough ('link-or-explain'), or the site wants a link ('link').
JARGON_POLICIES = ("link-or-explain", "link")
# Each list item is a sentence ('separately'), or a lead-in and its items are one.
LIST_ITEM_COUNTS = ("separately", "with-lead-in")

# Keys a writer may use, with what each must hold.
_TOP_KEYS = {
    "profiles",
    "default-audience",
    "glossary-patterns",
    "lexicon",
    "glossary",
    "acronyms",
    "explanations",
    "jargon-policy",
    "list-items",
    "dialect",
    "glossary-markup",
    "link-template",
    "fixed-phrases",
    "locale",
    "select",
    "ignore",
    "severity",
    "include",
    "exclude",
    "max-file-size",
    "baseline",
}
# Lists a file can add to instead of replacing: extend-ignore adds to the ignore list
# that applies above it (as ruff's extend-select does).
EXTENDABLE = (
    "select",
    "ignore",
    "lexicon",
    "glossary",
    "acronyms",
    "explanations",
    "fixed-phrases",
)
_TOP_KEYS |= {f"extend-{k}" for k in EXTENDABLE}
# Keys a config file may hold besides its settings: they say how it is layered.
LAYER_KEYS = {"extends", "overrides"}
# What an override (settings for some files only) may change: not which files are
# articles, nor the files that apply to a whole run.
OVERRIDE_KEYS = _TOP_KEYS - {"include", "exclude", "max-file-size", "baseline"}
_PROFILE_KEYS = {
    "preset",
    "grade-target",
    "grade-metric",
    "severity",
}


@cache
def presets() -> dict[str, dict[str, Any]]:
    return load_pack("presets.yaml")["presets"]  # type: ignore[no-any-return]


@cache
def _shipped() -> dict[str, Any]:
    return {**load_pack("profiles.yaml"), **load_pack("glossary.yaml")}


@cache
def defaults() -> Config:
    return apply_settings(Config(), _shipped(), "defaults")


def read_raw(path: Path) -> dict[str, Any]:
    """One config file's keys and values, or ConfigError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc})") from None
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:
            reason = str(exc)[:80] if isinstance(exc, tomllib.TOMLDecodeError) else "a bad value"
            raise ConfigError(f"{path}: not valid TOML ({reason})") from None
        tool = data.get("tool", {})
        raw = tool.get("plainlint", {}) if isinstance(tool, dict) else None
    else:
        try:
            raw = load_yaml(text)
        except YamlProblem as problem:
            where = f":{problem.line}" if problem.line is not None else ""
            raise ConfigError(f"{path}{where}: the config {problem.message}") from None
        raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the config must be a list of 'key: value' settings")
    return raw


def apply_settings(
    base: Config, raw: dict[str, Any], where: str, allowed: set[str] = _TOP_KEYS
) -> Config:
    """base with one file's settings on top.

    A key set here replaces the same key set further up, lists included, except that
    'extend-KEY' adds to the list KEY from further up; tables (profiles and their
    settings, severity) are merged key by key. Paths and globs are
    relative to base.root, the folder of the file being applied. The shipped
    glossary-patterns are always kept, and a file's own patterns added to them.
    """
    rule_options = _rule_options(per_profile=False)
    allowed = allowed | set(rule_options)
    unknown = [k for k in sorted_keys(raw) if k not in allowed]
    if unknown:
        raise ConfigError(
            f"{where}: unknown key '{key_name(unknown[0])}' "
            f"(known keys: {', '.join(sorted(allowed | LAYER_KEYS))})"
        )
    extended = [k for k in EXTENDABLE if f"extend-{k}" in raw]
    raw = _extended(base, raw, where)
    changes: dict[str, Any] = {}
    origins = dict(base.origins)
    for key in raw:
        origins[key] = where
    for key in extended:
        origins[key] = f"{base.origins.get(key, 'defaults')} + {where}"
    changes["origins"] = origins
    if "profiles" in raw:
        profiles = dict(base.profiles)
        table = _mapping(raw["profiles"], where, "profiles")
        for name, body in table.items():
            profiles[str(name)] = _profile(str(name), body, profiles.get(str(name)), where)
            for key in body if isinstance(body, dict) else ():
                origins[f"profiles.{name}.{key}"] = where
                if key == "preset":
                    # A preset sets the grade settings the file does not set itself.
                    for implied in ("grade-target", "grade-metric"):
                        if implied not in body:
                            origins[f"profiles.{name}.{implied}"] = f"{where} (preset)"
        changes["profiles"] = profiles
    if "default-audience" in raw:
        value = raw["default-audience"]
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{where}: 'default-audience' must be an audience name or null")
        changes["default_audience"] = value.lower() if isinstance(value, str) else None
    if "glossary-patterns" in raw:
        patterns = _strings(raw["glossary-patterns"], where, "glossary-patterns")
        for pattern in patterns:
            if not pattern.strip("^$*"):
                raise ConfigError(
                    f"{where}: 'glossary-patterns' entry {pattern!r} would match every link"
                )
        shipped = () if where == "defaults" else defaults().glossary_patterns
        changes["glossary_patterns"] = tuple(dict.fromkeys(shipped + patterns))
    for key in ("lexicon", "glossary", "explanations"):
        if key in raw:
            files = []
            for entry in _strings(raw[key], where, key):
                file = (base.root / entry).resolve()
                if not file.is_file():
                    raise ConfigError(f"{where}: '{key}' file {entry!r} does not exist")
                files.append(file)
            changes[key] = tuple(files)
    if changes.get("explanations"):
        from linter.explanations import ExplanationError, load_patterns

        try:
            load_patterns(changes["explanations"])
        except ExplanationError as exc:
            raise ConfigError(f"{where}: 'explanations': {exc}") from None
    for key, attr in (("select", "select"), ("ignore", "ignore")):
        if key in raw:
            changes[attr] = tuple(c.upper() for c in _strings(raw[key], where, key))
    if "severity" in raw:
        changes["severity"] = {**base.severity, **_severities(raw["severity"], where, "severity")}
    own = {k: _option_value(rule_options[k], raw[k], where, k) for k in rule_options if k in raw}
    if own:
        changes["options"] = {**base.options, **own}
    if "acronyms" in raw:
        changes["acronyms"] = tuple(a.upper() for a in _strings(raw["acronyms"], where, "acronyms"))
    from linter.dialect import DIALECTS

    for key, choices in (
        ("list-items", LIST_ITEM_COUNTS),
        ("jargon-policy", JARGON_POLICIES),
        ("dialect", DIALECTS),
    ):
        if key in raw:
            if raw[key] not in choices:
                raise ConfigError(
                    f"{where}: '{key}' must be one of {', '.join(repr(c) for c in choices)}"
                )
            changes[key.replace("-", "_")] = raw[key]
    if "glossary-markup" in raw:
        names = _strings(raw["glossary-markup"], where, "glossary-markup")
        bad = [n for n in names if not re.fullmatch(r"[A-Za-z][\w.-]*", n)]
        if bad:
            raise ConfigError(
                f"{where}: 'glossary-markup' holds names of shortcodes or components; "
                f"{bad[0]!r} is not one"
            )
        changes["glossary_markup"] = names
    if "fixed-phrases" in raw:
        phrases = _strings(raw["fixed-phrases"], where, "fixed-phrases")
        if any(not p.strip() for p in phrases):
            raise ConfigError(f"{where}: 'fixed-phrases' holds phrases; one is empty")
        changes["fixed_phrases"] = tuple(" ".join(p.split()) for p in phrases)
    if "link-template" in raw:
        template = raw["link-template"]
        if not isinstance(template, str) or template.count("{text}") != 1:
            raise ConfigError(
                f"{where}: 'link-template' must be a link with '{{text}}' in it once, "
                "such as '[{text}]({href})'"
            )
        changes["link_template"] = template
    if "locale" in raw:
        locale = raw["locale"]
        tag = r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*"
        if not isinstance(locale, str) or not re.fullmatch(tag, locale):
            raise ConfigError(f"{where}: 'locale' must be a language tag such as 'en-GB'")
        changes["locale"] = locale
    for key in ("include", "exclude"):
        if key in raw:
            changes[key] = _strings(raw[key], where, key)
            changes[f"{key}_root"] = base.root
    if "max-file-size" in raw:
        value = raw["max-file-size"]
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1000:
            raise ConfigError(f"{where}: 'max-file-size' must be a number of megabytes, 1 to 1000")
        changes["max_file_size"] = int(value * 1024 * 1024)
    if "baseline" in raw:
        value = raw["baseline"]
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: 'baseline' must be the path of a baseline file")
        changes["baseline"] = (base.root / value).resolve()
    return replace(base, **changes)


def _rule_options(per_profile: bool) -> dict[str, Any]:
    """The options the rules declare, by config key (at the top level, or per profile)."""
    from linter.rules import all_options

    return {k: o for k, (_, o) in all_options().items() if o.per_profile == per_profile}


def _option_value(option: Any, value: Any, where: str, key: str) -> int | float:
    from linter.options import OptionError

    try:
        return option.parse(value)  # type: ignore[no-any-return]
    except OptionError as exc:
        raise ConfigError(f"{where}: '{key}' {exc}") from None


def _extended(base: Config, raw: dict[str, Any], where: str) -> dict[str, Any]:
    """raw with each 'extend-KEY' turned into KEY: the list from above, then its own."""
    if not any(f"extend-{k}" in raw for k in EXTENDABLE):
        return raw
    out = {k: v for k, v in raw.items() if not (isinstance(k, str) and k.startswith("extend-"))}
    for key in EXTENDABLE:
        name = f"extend-{key}"
        if name not in raw:
            continue
        if key in raw:
            raise ConfigError(f"{where}: set '{key}' or '{name}', not both")
        added = _strings(raw[name], where, name)
        above: tuple[Any, ...] = getattr(base, key.replace("-", "_"))
        if key in ("lexicon", "glossary", "explanations"):
            # Files above are already resolved; the new ones are relative to this file.
            out[key] = [str(p) for p in above] + list(added)
        else:
            out[key] = list(above) + list(added)
    return out


def _profile(name: str, body: Any, old: Profile | None, where: str) -> Profile:
    key = f"profiles.{name}"
    body = _mapping(body, where, key)
    rule_options = _rule_options(per_profile=True)
    known = _PROFILE_KEYS | set(rule_options)
    unknown = [k for k in sorted_keys(body) if k not in known]
    if unknown:
        raise ConfigError(
            f"{where}: unknown key '{key}.{key_name(unknown[0])}' "
            f"(known keys: {', '.join(sorted(known))})"
        )
    preset_name = body.get("preset", old.preset if old else None)
    preset: dict[str, Any] = {}
    if preset_name is not None:
        if not isinstance(preset_name, str) or preset_name not in presets():
            raise ConfigError(
                f"{where}: '{key}.preset' must be one of {', '.join(sorted(presets()))}"
            )
        preset = presets()[preset_name]
        if "preset" in body:
            # A new preset replaces the grade settings the profile had before.
            old = (
                replace(
                    old, grade_target=preset["grade-target"], grade_metric=preset["grade-metric"]
                )
                if old
                else None
            )
    target = body.get("grade-target", old.grade_target if old else preset.get("grade-target", 8))
    if isinstance(target, bool) or not isinstance(target, int | float) or not 0 < target < 30:
        raise ConfigError(f"{where}: '{key}.grade-target' must be a number from 1 to 29")
    metric = body.get(
        "grade-metric", old.grade_metric if old else preset.get("grade-metric", "flesch-kincaid")
    )
    if metric not in GRADE_METRICS:
        raise ConfigError(
            f"{where}: '{key}.grade-metric' must be one of {', '.join(GRADE_METRICS)}"
        )
    options = dict(old.options) if old else {}
    for option_key, option in rule_options.items():
        if option_key in body:
            value = body[option_key]
            options[option_key] = _option_value(option, value, where, f"{key}.{option_key}")
    severity = dict(old.severity) if old else {}
    # A profile set in a nearer file keeps what a file further up gave it, key by key.
    if "severity" in body:
        severity.update(_severities(body["severity"], where, f"{key}.severity"))
    return Profile(name, float(target), metric, severity, preset_name, options)


def _mapping(value: Any, where: str, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: '{key}' must be a list of 'key: value' settings")
    return value


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of text values")
    return tuple(value)


def _severities(value: Any, where: str, key: str) -> dict[str, Severity]:
    table = _mapping(value, where, key)
    out = {}
    for code, level in table.items():
        if not isinstance(code, str):
            raise ConfigError(f"{where}: '{key}' names rules by code, not {describe(code)}")
        try:
            if not isinstance(level, str):
                raise ValueError
            out[code.upper()] = Severity(level.lower())
        except ValueError:
            raise ConfigError(
                f"{where}: '{key}.{key_name(code)}' must be error, warning or info, "
                f"not {describe(level)}"
            ) from None
    return out
