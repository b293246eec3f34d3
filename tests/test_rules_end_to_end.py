"""What is checked and what is not: audiences, exclusions, suppressions, front matter."""

from __future__ import annotations

from helpers import PATIENT, lint_text

from linter.config import Config, defaults

HARD = (
    "# Title\n\nYour prognosis depends on the regimen, and the median time to progression "
    "was longer in the randomized study that compared two drugs over many months of careful "
    "follow-up in clinics.\n"
)


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


def test_patient_article_is_checked() -> None:
    assert {"PL101", "PL201", "PL301"} <= set(codes(lint_text(PATIENT + HARD)))


def test_professional_article_and_no_front_matter_are_skipped() -> None:
    pro = lint_text("---\naudienceLevel: professional\n---\n\n" + HARD)
    assert pro.diagnostics == [] and "professional" in pro.skipped
    bare = lint_text(HARD)
    assert bare.diagnostics == [] and "no audienceLevel" in bare.skipped


def test_audience_option_and_default_audience_check_them_anyway() -> None:
    assert codes(lint_text(HARD, audience="patient"))
    config = Config(**{**defaults().__dict__, "default_audience": "patient"})
    assert codes(lint_text(HARD, config=config))


def test_nothing_inside_code_front_matter_comments_or_urls_is_reported() -> None:
    text = (
        "---\naudienceLevel: patient\nnote: prognosis regimen armamentarium\n---\n\n"
        "# Plain title\n\nHere is `prognosis regimen` in code.\n\n"
        "```\nThe armamentarium and the regimen and the prognosis in a very long line "
        "of code that goes on and on and on and on and on and on and on and on and on.\n```\n\n"
        "<!-- the prognosis and the regimen -->\n\n"
        "See https://example.org/prognosis/regimen for more.\n\n"
        "[Read this](https://example.org/armamentarium) now.\n"
    )
    assert lint_text(text).diagnostics == []


def test_disable_and_enable_comments() -> None:
    text = PATIENT + (
        "# Title\n\n<!-- plainlint-disable PL101 -->\n\nYour prognosis is good.\n\n"
        "<!-- plainlint-enable PL101 -->\n\nThe regimen is short.\n"
    )
    found = lint_text(text, ("PL101",)).diagnostics
    assert [d.message.split("'")[1] for d in found] == ["regimen"]


def test_disable_all_without_enable_runs_to_the_end() -> None:
    text = PATIENT + "# Title\n\n<!-- plainlint-disable -->\n\nYour prognosis is good.\n"
    assert lint_text(text, ("PL101",)).diagnostics == []


def test_disable_next_line() -> None:
    text = PATIENT + (
        "# Title\n\n<!-- plainlint-disable-next-line -->\nYour prognosis is good.\n"
        "The regimen is short.\n"
    )
    found = lint_text(text, ("PL101",)).diagnostics
    assert [d.line for d in found] == [9]


def test_front_matter_ignore_and_allow() -> None:
    text = (
        "---\naudienceLevel: patient\nplainlint:\n  ignore: [PL301, long-sentence]\n"
        "  allow: [prognosis]\n---\n\n" + HARD
    )
    found = lint_text(text).diagnostics
    assert [d.message.split("'")[1] for d in found] == [
        "regimen",
        "median",
        "time to progression",
        "randomized",
    ]


def test_bad_front_matter_setting_is_an_error_naming_the_file() -> None:
    result = lint_text("---\naudienceLevel: patient\nplainlint: {skip: [PL201]}\n---\n\nText.\n")
    assert (
        result.error is not None and "test.md" in result.error and "plainlint.skip" in result.error
    )


def test_glossary_patterns_from_config_count_as_glossary_links() -> None:
    text = PATIENT + "# T\n\nAsk about [pomalidomide](/about-cancer/treatment/drugs/page-17).\n"
    assert codes(lint_text(text, ("PL101",))) == ["PL101"]
    config = Config(
        **{
            **defaults().__dict__,
            "glossary_patterns": (*defaults().glossary_patterns, "/treatment/drugs/"),
        }
    )
    assert codes(lint_text(text, ("PL101",), config=config)) == []
