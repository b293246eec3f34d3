"""The result cache, in process: an entry gives back exactly the result that was stored,
and the key changes with everything a result depends on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from helpers import PATIENT, lint_text

from linter.cache import ResultCache, settings_key
from linter.config import defaults
from linter.results import Options
from linter.rules import all_rules, selected

HARD = (
    "# Care\n\nYour prognosis is good, but immunomodulatory pharmacotherapy necessitates "
    "thromboprophylaxis and the regimen continues until progression, which the "
    "investigators measured carefully over many months in a randomized study.\n"
)


def test_an_entry_gives_back_every_field(tmp_path: Path) -> None:
    result = lint_text(PATIENT + HARD)
    result = replace(result, notice=True, skipped=None)
    assert result.diagnostics and any(d.details for d in result.diagnostics)
    cache = ResultCache.open(tmp_path / "c", [tmp_path])
    key = cache.key(b"text", "a.md", "settings")
    cache.put(key, result)
    again = cache.get(key)
    assert again == result
    assert [d.__dict__ for d in again.diagnostics] == [d.__dict__ for d in result.diagnostics]


def test_the_key_changes_with_each_thing_a_result_depends_on(tmp_path: Path) -> None:
    cache = ResultCache.open(tmp_path / "c", [tmp_path])
    config = defaults()
    options = Options(tuple(all_rules()))
    base = cache.key(b"text", "a.md", settings_key(config, options))
    changed = [
        cache.key(b"text!", "a.md", settings_key(config, options)),
        cache.key(b"text", "b.md", settings_key(config, options)),
        cache.key(b"text", "a.md", settings_key(replace(config, ignore=("PL201",)), options)),
        cache.key(
            b"text",
            "a.md",
            settings_key(replace(config, options={"unfamiliar-threshold": 3.0}), options),
        ),
        cache.key(b"text", "a.md", settings_key(config, replace(options, keep_lines=False))),
        cache.key(b"text", "a.md", settings_key(config, replace(options, audience="patient"))),
        cache.key(b"text", "a.md", settings_key(config, Options(tuple(selected(("PL2",), ()))))),
    ]
    assert len({base, *changed}) == len(changed) + 1
    assert cache.key(b"text", "a.md", settings_key(config, options)) == base
