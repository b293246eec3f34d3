"""Rule options: a setting a rule reads, declared by the rule itself.

A rule lists its options in OPTIONS; the config accepts their keys (at the top level,
or in a profile when `per_profile`), checks each value with the option's own check, and
the cache key includes them with the rest of the settings, with no edit elsewhere. The
default of each option is data, in rules/options.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from linter.packs import load_pack


class OptionError(ValueError):
    """A value an option cannot take; the message says what it must be."""


@dataclass(frozen=True)
class Option:
    name: str  # the config key, e.g. 'sentence-limit'
    kind: type  # int or float
    low: float
    high: float
    help: str
    # Set per audience, in a profile (sentence-limit), or for the whole config.
    per_profile: bool = False

    def parse(self, value: Any) -> int | float:
        if self.kind is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
            what = f"a whole number from {self.low:g} to {self.high:g}"
        else:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            what = f"a number from {self.low:g} to {self.high:g}"
        if not ok or not self.low <= value <= self.high:
            raise OptionError(f"must be {what}")
        return self.kind(value)  # type: ignore[no-any-return]

    @property
    def default(self) -> int | float:
        return self.parse(option_defaults()[self.name])


@cache
def option_defaults() -> dict[str, Any]:
    """The shipped default of every rule option (rules/options.yaml)."""
    data = load_pack("options.yaml")
    return dict(data.get("options") or {})
