"""The engine: one article in, its diagnostics out, in one straight line.

read file -> front matter and profile -> Markdown tree -> prose with a source map ->
sentences and words -> rules -> diagnostics -> suppressions -> output.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

from linter.config import Config
from linter.diagnostics import Diagnostic, Fix, Span
from linter.document import ArticleSettings, Document
from linter.frontmatter import parse_front_matter
from linter.lexicon import LexiconError
from linter.markdown import MAX_NESTING, nested_too_deep, parse_markdown
from linter.prose import build_prose
from linter.results import FileResult, Options
from linter.rules import Rule
from linter.source import ReadError, SourceFile
from linter.suppressions import apply_suppressions


def load_document(src: SourceFile, config: Config, audience: str | None) -> Document | str:
    """The document, or the reason the file is not checked."""
    front_matter = parse_front_matter(src)
    settings = ArticleSettings.from_front_matter(front_matter, src.path)
    name = audience or front_matter.audience
    profile = config.profile_for(name)
    if profile is None:
        if name is None:
            return "no audienceLevel in its front matter"
        return f"no profile for audience '{name}'"
    tokens = parse_markdown(src.text)
    deep = nested_too_deep(tokens)
    if deep is not None:
        # Never check part of a file in silence: the text past this line would be missed.
        raise ReadError(
            f"{src.path}:{deep}: lists or quotes are nested more than {MAX_NESTING // 2} levels "
            "deep here; plainlint cannot check this file"
        )
    prose = build_prose(src, tokens)
    return Document(src, front_matter, profile, config, prose, settings)


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
    if isinstance(loaded, str):
        return FileResult(src.path, skipped=loaded)
    doc = loaded
    found: list[Diagnostic] = []
    for rule in options.rules:
        severity = doc.profile.severity.get(
            rule.code, config.severity.get(rule.code, rule.severity)
        )

        def report(
            span: Span,
            message: str,
            suggestions: list[str] | None = None,
            fix: Fix | None = None,
            rule: Rule = rule,
            severity=severity,
        ) -> None:
            found.append(
                Diagnostic(rule.code, rule.name, severity, message, span, suggestions or [], fix)
            )

        rule.check(doc, report)
    for d in found:
        d.path = src.path
        d.line, d.column = src.position(d.span.start)
        d.end_line, d.end_column = src.position(d.span.end)
    kept = apply_suppressions(found, src, doc.prose.comments, doc.settings.ignore)
    kept.sort(key=Diagnostic.sort_key)
    lines: dict[int, str] = {}
    if options.keep_lines:
        # Once per line: thousands of problems on one long line must not copy it each time.
        for d in kept:
            if d.line not in lines:
                lines[d.line] = src.line_text(d.line)
    return FileResult(src.path, kept, profile=doc.profile, lines=lines, grade=round(doc.grade, 1))
