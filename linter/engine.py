"""The engine: one article in, its diagnostics out, in one straight line.

read file -> front matter and profile -> Markdown tree -> prose with a source map ->
sentences and words -> rules -> diagnostics -> suppressions -> output.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path

from linter.config import Config
from linter.diagnostics import Details, Diagnostic, Fix, Span
from linter.dialect import (
    MDX_DIALECTS,
    abbr_elements,
    abbreviations,
    choose_dialect,
    dialect_comments,
    glossary_terms,
    hidden_ranges,
    link_addresses,
)
from linter.document import ArticleSettings, Document
from linter.frontmatter import parse_front_matter
from linter.lexicon import LexiconError
from linter.markdown import MAX_NESTING, masked, nested_too_deep, parse_markdown
from linter.prose import Comment, build_prose
from linter.results import FileResult, Options
from linter.rules import Report, Rule, resolve
from linter.source import ReadError, SourceFile
from linter.suppressions import apply_suppressions


@dataclass(frozen=True)
class Skip:
    """Why a file is not checked; notice when the reason is probably a mistake."""

    reason: str
    notice: bool = False


def load_document(src: SourceFile, config: Config, audience: str | None) -> Document | Skip:
    """The document, or why the file is not checked."""
    front_matter = parse_front_matter(src)
    settings = ArticleSettings.from_front_matter(front_matter, src.path)
    name = audience or front_matter.audience
    profile = config.profile_for(name)
    if profile is None:
        if name is None:
            return Skip("no audienceLevel in its front matter")
        close = get_close_matches(name, list(config.profiles), 1, 0.8)
        if close:
            # 'patients' for 'patient': a typo that would skip the article in silence.
            return Skip(f"no profile for audience '{name}' (did you mean '{close[0]}'?)", True)
        return Skip(f"no profile for audience '{name}'")
    dialect = choose_dialect(Path(src.path), config.dialect)
    # TOML and JSON front matter, and the dialect's own markup, are not Markdown's: the
    # parser reads them as blank, so that they are never prose.
    start = front_matter.body_start
    hidden = ((0, start),) if front_matter.kind in ("toml", "json") else ()
    body = src.text[start:]
    markup = hidden_ranges(body, dialect.name, start, config.glossary_markup)
    hidden += markup
    view = masked(src.text, hidden)
    flavour = "mdx" if dialect.name in MDX_DIALECTS else dialect.name
    tokens = parse_markdown(view, flavour)
    deep = nested_too_deep(tokens)
    if deep is not None:
        # Never check part of a file in silence: the text past this line would be missed.
        raise ReadError(
            f"{src.path}:{deep}: lists or quotes are nested more than {MAX_NESTING // 2} levels "
            "deep here; plainlint cannot check this file"
        )
    # The prose is built from what the parser read; its offsets are the file's own.
    read = src if view is src.text else SourceFile.from_text(src.path, view)
    own = [
        Comment(Span(a, b), inner, _alone(src.text, a, b))
        for a, b, inner in dialect_comments(body, dialect.name, start)
    ]
    prose = build_prose(read, tokens, link_addresses(body, dialect.name, start), own)
    defined = abbreviations(body, dialect.name)
    elements = abbr_elements(body, start)
    linked = glossary_terms(body, dialect.name, start, config.glossary_markup)
    return Document(
        src, front_matter, profile, config, prose, settings, markup, defined, elements, linked
    )


def _alone(text: str, start: int, end: int) -> bool:
    """Whether nothing but spaces stands before and after the range on its lines."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    after_end = text.find("\n", end)
    after = text[end : len(text) if after_end < 0 else after_end]
    return not before.strip() and not after.strip()


def lint_source(src: SourceFile, config: Config, options: Options) -> FileResult:
    try:
        with _no_cycle_collection():
            return _lint(src, config, options)
    except (ReadError, LexiconError) as exc:
        return FileResult(src.path, error=str(exc))


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while one article is linted.

    An article's tokens, units, sentences and words form no cycles (reference counting
    frees them), but the collector would scan them again and again as they pile up, so
    that time grew faster than the article (measured by bench/growth.py: a table of
    12,000 rows took 2x longer per row than one of 3,000). It runs again between files.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _lint(src: SourceFile, config: Config, options: Options) -> FileResult:
    loaded = load_document(src, config, options.audience)
    if isinstance(loaded, Skip):
        return FileResult(src.path, skipped=loaded.reason, notice=loaded.notice)
    doc = loaded
    found: list[Diagnostic] = []
    reporters = {rule.code: _reporter(doc, config, rule, found) for rule in options.rules}
    for rule in options.rules:
        rule.check(doc, reporters[rule.code])
    _place(src, found)
    outcome = apply_suppressions(found, src, doc.prose.comments, doc.settings.ignore, resolve)
    kept = outcome.kept
    # Rules about the suppressions see what they did; their own problems are not suppressed
    # by the comments they are about.
    ran = {rule.code for rule in options.rules}
    after: list[Diagnostic] = []
    for rule in options.rules:
        if rule.after_suppressions is not None:
            rule.after_suppressions(doc, outcome, ran, _reporter(doc, config, rule, after))
    _place(src, after)
    kept.extend(d for d in after if d.code not in outcome.ignored)
    kept.sort(key=Diagnostic.sort_key)
    lines: dict[int, str] = {}
    if options.keep_lines:
        # Once per line: thousands of problems on one long line must not copy it each time.
        for d in kept:
            for line in (d.line, d.end_line):
                if line not in lines:
                    lines[line] = src.line_text(line)
    return FileResult(
        src.path,
        kept,
        profile=doc.profile,
        lines=lines,
        grade=round(doc.grade, 1),
        target=doc.grade_target,
    )


def _reporter(doc: Document, config: Config, rule: Rule, found: list[Diagnostic]) -> Report:
    severity = doc.profile.severity.get(rule.code, config.severity.get(rule.code, rule.severity))

    def report(
        span: Span,
        message: str,
        suggestions: list[str] | None = None,
        fix: Fix | None = None,
        details: Details | None = None,
    ) -> None:
        withheld = fix is not None and any(doc.touches_markup(e.start, e.end) for e in fix.edits)
        if withheld:
            # A fix that would write into a shortcode, a tag or a link built by the
            # template would break the site's build: the problem is still reported.
            fix = None
        found.append(
            Diagnostic(
                rule.code,
                rule.name,
                severity,
                message,
                span,
                suggestions or [],
                fix,
                details=details,
                fix_withheld=withheld,
                highlight=rule.highlight,
                scope=rule.scope,
            )
        )

    return report


def _place(src: SourceFile, found: list[Diagnostic]) -> None:
    """Lines and columns of each problem, and the words it points at."""
    for d in found:
        d.path = src.path
        d.line, d.column = src.position(d.span.start)
        d.end_line, d.end_column = src.position(d.span.end)
        # A problem with the whole article (its grade) is the same problem wherever its
        # span sits, so a baseline keeps recognising it after an edit to the title.
        if d.scope != "article":
            d.subject = " ".join(
                src.text[d.span.start : min(d.span.end, d.span.start + 400)].split()
            )
