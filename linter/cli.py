"""The command line: plainlint check, rules, rule and stats."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from linter import __version__
from linter.config import ConfigError
from linter.config_files import ConfigSet
from linter.interrupts import Stopped, stoppable

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:
    from linter.results import FileResult


class _Main(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        from linter.rules import RegistryError

        try:
            return super().invoke(ctx)
        except RegistryError as exc:
            # A broken rule module (a plugin or a local edit) is named, not a traceback.
            click.echo(f"error: plainlint's rules cannot be loaded: {exc}", err=True)
            sys.exit(2)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plainlint")
def main() -> None:
    """plainlint: checks patient health articles for plain language.

    It finds jargon with no glossary link, sentences that are too long, and a
    reading grade above the target. Start with: plainlint check
    """


class _FilesCommand(click.Command):
    """A command whose PATHS may start with '-'.

    pre-commit passes the names of the files in a commit after the hook's own options,
    with no '--' between them, so a file named '--config=evil.md' or '-x.md' would be
    read as an option. Here an argument that names an existing file or folder is a path,
    unless it is exactly one of the command's option names.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        flags: set[str] = set()
        takes_value: set[str] = set()
        for param in self.get_params(ctx):
            if isinstance(param, click.Option):
                names = [*param.opts, *param.secondary_opts]
                flags.update(names)
                if not param.is_flag and not param.count:
                    takes_value.update(names)
        options: list[str] = []
        paths: list[str] = []
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                paths.extend(args[i + 1 :])
                break
            if arg.startswith("-") and arg != "-" and arg not in flags and os.path.lexists(arg):
                paths.append(arg)
            elif arg.startswith("-") and arg != "-":
                options.append(arg)
                if arg in takes_value and i + 1 < len(args):
                    i += 1
                    options.append(args[i])
            else:
                paths.append(arg)
            i += 1
        return super().parse_args(ctx, [*options, "--", *paths] if paths else options)


def _stops_cleanly(command: F) -> F:
    """Ctrl-C exits with 130 and SIGTERM with 143, after the workers and files are tidied."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            with stoppable():
                return command(*args, **kwargs)
        except Stopped as stop:
            click.echo("Stopped.", err=True)
            # Everything is tidied by now. Leave at once: a normal exit waits for the
            # worker pool's reader thread, which can wait for ever on a result a killed
            # worker was half-way through sending.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(stop.code)

    return run  # type: ignore[return-value]


def _configs(config_file: Path | None) -> ConfigSet:
    """The configs for a run, or a clear error and exit 2."""
    if config_file is not None and not config_file.is_file():
        _usage(f"config file '{config_file}' does not exist")
    try:
        return ConfigSet(config_file)
    except ConfigError as exc:
        _fail(str(exc))
        raise  # _fail exits; this only tells type checkers so


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@main.command(cls=_FilesCommand)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    default="concise",
    show_default=True,
    help="How to show problems: concise, full, json, jsonl, github, sarif, gitlab, junit "
    "or rdjson.",
)
@click.option(
    "--config", "config_file", type=click.Path(path_type=Path), help="Use this config file."
)
@click.option("--select", multiple=True, help="Only these rules (codes, code prefixes or names).")
@click.option("--ignore", multiple=True, help="Skip these rules (codes, code prefixes or names).")
@click.option("--audience", help="Treat every file as written for this audience, e.g. patient.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files.")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="Also apply fixes that may change the meaning (with --fix).",
)
@click.option("--diff", is_flag=True, help="Show the fixes as a diff (on stderr); change no file.")
@click.option(
    "--diff-base",
    metavar="REF",
    help="Only report problems on lines added or changed since this git revision.",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    help="Only report problems that are not in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path),
    help="Record today's problems in this baseline file (and exit 0).",
)
@click.option(
    "--stdin-filename",
    type=click.Path(path_type=Path),
    help="With PATHS '-': check standard input as if it were this file.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="How many files to check at once (default: one per CPU).",
)
@click.option("--no-cache", is_flag=True, help="Check every file again, ignoring the cache.")
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),
    default=".plainlint_cache",
    show_default=True,
    help="Where to keep results of unchanged files.",
)
@click.option("--exit-zero", is_flag=True, help="Exit with 0 even when problems are found.")
@click.option(
    "-o", "--output-file", type=click.Path(path_type=Path), help="Write the report to this file."
)
@click.option("--statistics", is_flag=True, help="Count problems per rule instead of listing them.")
@click.option("-v", "--verbose", is_flag=True, help="Say which files were skipped and why.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the problems, no summary.")
@_stops_cleanly
def check(
    paths: tuple[Path, ...],
    output_format: str,
    config_file: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    audience: str | None,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    diff_base: str | None,
    baseline: Path | None,
    write_baseline: Path | None,
    stdin_filename: Path | None,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path,
    exit_zero: bool,
    output_file: Path | None,
    statistics: bool,
    verbose: bool,
    quiet: bool,
) -> None:
    """Check articles for plain language. PATHS are files or folders (default: .);
    '-' is standard input."""
    from linter.run import CheckSettings, Run, RunError

    stdin = len(paths) == 1 and str(paths[0]) in ("-", "/dev/stdin")
    if stdin_filename is not None and not stdin:
        _usage("--stdin-filename needs '-' as the path (standard input)")
    settings = CheckSettings(
        paths=paths,
        output_format=output_format,
        config_file=config_file,
        select=_split(select),
        ignore=_split(ignore),
        audience=audience,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        diff_base=diff_base,
        jobs=jobs,
        # Standard input has no file to key a result on: it is never cached.
        cache=not no_cache and not stdin,
        cache_dir=cache_dir,
        verbose=verbose,
        quiet=quiet,
        baseline=baseline,
        write_baseline=write_baseline,
        stdin_filename=stdin_filename,
        exit_zero=exit_zero,
        output_file=output_file,
        statistics=statistics,
    )
    try:
        code = Run(settings).execute()
    except RunError as exc:
        sys.stdout.flush()
        _fail(str(exc))
        return
    sys.stdout.flush()
    sys.exit(code)


@main.command("config")
@click.option(
    "--show",
    "file",
    required=True,
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="The article whose settings to print.",
)
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Use this config.")
def config_show(file: Path, config_file: Path | None) -> None:
    """Print the settings that apply to one article, and where each came from."""
    from linter.settings_view import describe

    configs = _configs(config_file)
    try:
        config = configs.for_path(file)
    except ConfigError as exc:
        _fail(str(exc))
        return
    click.echo(_clean_lines(describe(file, config, configs.files_for(file))))


def _clean_lines(text: str) -> str:
    return "\n".join(_clean(line) for line in text.split("\n"))


def _usage(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


def _fail(message: str) -> None:
    click.echo(f"error: {_clean(message)}", err=True)
    sys.exit(2)


def _clean(text: str) -> str:
    from linter.display import shown

    return shown(text)


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
def list_rules(output_format: str) -> None:
    """List every rule with its code, name and default level."""
    from linter.rules import all_rules

    rules = all_rules()
    if output_format == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "group": r.group,
                "severity": r.severity.value,
                "summary": r.summary,
                "options": [o.name for o in r.options],
            }
            for r in rules
        ]
        click.echo(json.dumps(data, indent=2))
        return
    name_width = max(len(r.name) for r in rules) + 2
    group_width = max(len(r.group) for r in rules) + 2
    for r in rules:
        click.echo(
            f"{r.code}  {r.name:<{name_width}}{r.group:<{group_width}}{r.severity.value:<9}"
            f"{r.summary}"
        )


@main.command("rule")
@click.argument("code")
def explain_rule(code: str) -> None:
    """Explain one rule (by code or name), with an example and a fix."""
    from linter.rules import describe, find_rule

    rule = find_rule(code)
    if rule is None:
        _usage(f"unknown rule '{code}' (see: plainlint rules)")
        return
    click.echo(describe(rule), nl=False)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
@click.option("--words", "show_words", is_flag=True, help="List each word with its syllables.")
@click.option(
    "--sentences", "show_sentences", is_flag=True, help="List each sentence with its scores."
)
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Use this config.")
@click.option("--audience", help="Treat the file as written for this audience.")
@_stops_cleanly
def stats(
    file: Path,
    output_format: str,
    show_words: bool,
    show_sentences: bool,
    config_file: Path | None,
    audience: str | None,
) -> None:
    """Show an article's counts and every reading grade."""
    from linter.files import display_path
    from linter.lexicon import LexiconError
    from linter.source import ReadError
    from linter.stats import (
        SENTENCE_COLUMNS,
        article_stats,
        load,
        render_rows,
        render_table,
        sentence_stats,
        word_stats,
    )

    try:
        config = _configs(config_file).for_path(file)
        doc = load(file, display_path(file), config, audience)
        if show_words:
            data: object = word_stats(doc)
            columns = ["word", "syllables", "source"]
        elif show_sentences:
            data = sentence_stats(doc)
            columns = list(SENTENCE_COLUMNS)
        else:
            data = article_stats(doc)
    except (ConfigError, ReadError, LexiconError) as exc:
        _fail(str(exc))
        return
    if output_format == "json":
        from linter.display import json_text

        click.echo(json_text(data))
    elif isinstance(data, list):
        click.echo(render_rows(data, columns))
    else:
        click.echo(render_table(data))  # type: ignore[arg-type]


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("plainlint-report.html"),
    show_default=True,
    help="Where to write the report.",
)
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Use this config.")
@click.option("--audience", help="Treat every file as written for this audience.")
@_stops_cleanly
def report(
    paths: tuple[Path, ...], output: Path, config_file: Path | None, audience: str | None
) -> None:
    """Write an HTML report: grades, a plot, and each article with its problems marked."""
    from linter.engine import lint_source
    from linter.files import display_path, targets
    from linter.frontmatter import parse_front_matter
    from linter.report import Article, render
    from linter.results import FileResult
    from linter.run import options_for
    from linter.source import ReadError, read_source

    configs = _configs(config_file)
    articles: list[Article] = []
    errors: list[FileResult] = []
    for path in targets(paths or (Path("."),), configs.for_path, errors.append):
        display = display_path(path)
        try:
            config = configs.for_path(path)
            src = read_source(path, display)
            options = options_for(config, audience=audience)
        except (ConfigError, ReadError) as exc:
            articles.append(Article(FileResult(display, error=str(exc)), None, 0))
            continue
        result = lint_source(src, config, options)
        if result.error is not None or result.skipped is not None:
            articles.append(Article(result, None, 0))
            continue
        fm = parse_front_matter(src)
        body = fm.body_start
        articles.append(Article(result, src, body))
    articles.extend(Article(e, None, 0) for e in errors)
    try:
        output.write_text(render(articles), encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: cannot write the report ({exc.strerror})")
    shown = sum(1 for a in articles if a.source is not None)
    click.echo(f"Wrote {output} ({shown} articles).")
