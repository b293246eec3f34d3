"""The command line: plainlint check, rules, rule and stats."""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from linter import __version__
from linter.config import Config, ConfigError, defaults, find_config, load_config
from linter.interrupts import Stopped, stoppable

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:
    from linter.results import FileResult


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
            sys.exit(stop.code)

    return run  # type: ignore[return-value]


class _Configs:
    """The config for each file: --config if given, else the nearest config file."""

    def __init__(self, forced: Path | None) -> None:
        self.forced = load_config(forced) if forced else None
        self.cache: dict[Path | None, Config] = {}

    def for_path(self, path: Path) -> Config:
        if self.forced is not None:
            return self.forced
        found = find_config(path)
        if found not in self.cache:
            self.cache[found] = load_config(found) if found else defaults()
        return self.cache[found]


def _configs(config_file: Path | None) -> _Configs:
    """The configs for a run, or a clear error and exit 2."""
    if config_file is not None and not config_file.is_file():
        _usage(f"config file '{config_file}' does not exist")
    try:
        return _Configs(config_file)
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
    help="How to show problems: concise, full or json.",
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
@click.option("--diff", is_flag=True, help="Show the fixes as a diff; change no file.")
@click.option(
    "--diff-base",
    metavar="REF",
    help="Only report problems on lines added or changed since this git revision.",
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
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path,
    verbose: bool,
    quiet: bool,
) -> None:
    """Check articles for plain language. PATHS are files or folders (default: .)."""
    from linter.cache import CacheError, ResultCache
    from linter.files import display_path
    from linter.formats import Summary, formatter, names
    from linter.parallel import Task, run
    from linter.results import FileResult, Options
    from linter.rules import selected, unknown_keys
    from linter.runner import FixMode

    try:
        make = formatter(output_format)
    except KeyError:
        _usage(f"unknown format '{output_format}' (choose from {', '.join(names())})")
    select, ignore = _split(select), _split(ignore)
    for key in unknown_keys(select + ignore):
        _usage(f"unknown rule '{key}' (see: plainlint rules)")
    configs = _configs(config_file)

    mode = FixMode(fix=fix or (unsafe_fixes and not diff), unsafe=unsafe_fixes, diff=diff)
    fmt = make(sys.stdout, sys.stderr, quiet)
    summary = Summary()
    failed = False
    rule_sets: dict[int, Options] = {}

    def options_for(config: Config) -> Options:
        key = id(config)
        if key not in rule_sets:
            for k in unknown_keys(config.select + config.ignore + tuple(config.severity)):
                raise ConfigError(f"{config.source}: unknown rule '{k}' (see: plainlint rules)")
            chosen = selected(select or config.select, ignore + config.ignore)
            rule_sets[key] = Options(
                tuple(chosen),
                audience.lower() if audience else None,
                # Only the full format shows each problem's line: others need not carry it.
                keep_lines=output_format == "full",
            )
        return rule_sets[key]

    def emit(result: FileResult) -> None:
        nonlocal failed
        summary.add(result)
        if result.error is not None:
            failed = True
            click.echo(f"error: {_clean(result.error)}", err=True)
        elif result.skipped is not None and (verbose or result.notice):
            click.echo(f"skipped {_clean(result.path)}: {_clean(result.skipped)}", err=True)
        if result.diff:
            sys.stdout.write(result.diff)
            return
        fmt.file(result)

    def items() -> Iterator[Task | FileResult]:
        errors: list[FileResult] = []
        for path in _targets(paths or (Path("."),), configs, errors.append):
            yield from errors
            errors.clear()
            display = display_path(path)
            try:
                config = configs.for_path(path)
                options = options_for(config)
            except ConfigError as exc:
                yield FileResult(display, error=str(exc))
                continue
            yield Task(path, display, config, options)
        yield from errors

    cache = None
    if not no_cache:
        try:
            cache = ResultCache.open(cache_dir, [Path("."), *paths])
        except CacheError as exc:
            _fail(str(exc))
    progress = _Progress(output_format in ("concise", "full") and not quiet)
    try:
        for item, result in run(items(), mode, jobs or os.cpu_count() or 1, cache):
            if diff_base is not None and isinstance(item, Task):
                from linter.diffbase import DiffBaseError, filter_result

                try:
                    result = filter_result(result, item.path, diff_base, item.config, item.options)
                except DiffBaseError as exc:
                    progress.done()
                    _fail(str(exc))
            progress.step(bool(result.diagnostics or result.error))
            emit(result)
    finally:
        progress.done()
    if mode.diff:
        if not quiet:
            click.echo(f"Would fix {summary.fixed} problem{'s' if summary.fixed != 1 else ''}.")
        sys.exit(2 if failed else 1 if summary.fixed else 0)
    fmt.finish(summary)
    sys.stdout.flush()
    if failed:
        sys.exit(2)
    if summary.blocking:
        sys.exit(1)


class _Progress:
    """A progress line on stderr for long runs on a terminal; nothing otherwise."""

    def __init__(self, wanted: bool) -> None:
        self.count = 0
        self.shown = False
        self.start = self.last = time.monotonic()
        self.on = wanted and sys.stderr.isatty()

    def step(self, clear: bool) -> None:
        self.count += 1
        if not self.on:
            return
        now = time.monotonic()
        if clear and self.shown:
            sys.stderr.write("\r\x1b[K")
            self.shown = False
        # Only runs that take a while get a progress line; files are counted as they go.
        if now - self.start >= 1.0 and now - self.last >= 0.1:
            self.last = now
            rate = self.count / (now - self.start)
            sys.stderr.write(f"\rChecked {self.count} files ({rate:.0f} a second)…")
            sys.stderr.flush()
            self.shown = True

    def done(self) -> None:
        if self.on and self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False


def _targets(
    paths: tuple[Path, ...], configs: _Configs, emit: Callable[[FileResult], None]
) -> Iterator[Path]:
    """Files to check, in a stable order; missing paths are reported and skipped."""
    from linter.files import Found, display_path, inside, matches, walk
    from linter.results import FileResult

    here = os.path.realpath(".")
    # Only several paths can name one file twice; one folder walk never does.
    seen: set[str] | None = set() if len(paths) > 1 else None
    for given in paths:
        if not given.exists() and not given.is_symlink():
            emit(FileResult(display_path(given), error=f"{given}: no such file or folder"))
            continue
        if given.is_dir():
            candidates: Iterator[Found] = walk(given)
            explicit = False
        else:
            # A link named on the command line is followed only into the current folder.
            target = os.path.realpath(given)
            outside = target if given.is_symlink() and not inside(target, here) else None
            candidates = iter([Found(given, outside)])
            explicit = True
        for found in candidates:
            path = found.path
            try:
                config = configs.for_path(path)
            except ConfigError as exc:
                emit(FileResult(display_path(path), error=str(exc)))
                continue
            wanted = explicit or found.is_dir or matches(path, config.root, config.include)
            if not wanted or matches(path, config.root, config.exclude):
                continue
            if found.outside is not None:
                what = "folder" if found.is_dir else "file"
                emit(
                    FileResult(
                        display_path(path),
                        skipped=f"is a link to a {what} outside the folder being checked "
                        f"({found.outside}); not followed",
                        notice=True,
                    )
                )
                continue
            if seen is not None:
                key = os.path.abspath(path)
                if key in seen:
                    continue
                seen.add(key)
            yield path


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
            {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary}
            for r in rules
        ]
        click.echo(json.dumps(data, indent=2))
        return
    for r in rules:
        click.echo(f"{r.code}  {r.name:<22} {r.severity.value:<8} {r.summary}")


@main.command("rule")
@click.argument("code")
def explain_rule(code: str) -> None:
    """Explain one rule (by code or name), with an example and a fix."""
    from linter.rules import find_rule

    rule = find_rule(code)
    if rule is None:
        _usage(f"unknown rule '{code}' (see: plainlint rules)")
        return
    click.echo(f"# {rule.code} {rule.name} ({rule.severity.value})\n\n{rule.summary}.\n")
    click.echo(rule.doc)


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
        article_stats,
        load,
        render_rows,
        render_table,
        sentence_stats,
        word_stats,
    )

    try:
        config = load_config(config_file) if config_file else _nearest(file)
        doc = load(file, display_path(file), config, audience)
        if show_words:
            data: object = word_stats(doc)
            columns = ["word", "syllables", "source"]
        elif show_sentences:
            data = sentence_stats(doc)
            columns = ["line", "words", "grade", "difficulty", "text"]
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


def _nearest(path: Path) -> Config:
    found = find_config(path)
    return load_config(found) if found else defaults()


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
    from linter.files import display_path
    from linter.frontmatter import parse_front_matter
    from linter.report import Article, render
    from linter.results import FileResult, Options
    from linter.rules import selected
    from linter.source import ReadError, read_source

    configs = _configs(config_file)
    articles: list[Article] = []
    errors: list[FileResult] = []
    for path in _targets(paths or (Path("."),), configs, errors.append):
        display = display_path(path)
        try:
            config = configs.for_path(path)
            src = read_source(path, display)
        except (ConfigError, ReadError) as exc:
            articles.append(Article(FileResult(display, error=str(exc)), None, 0))
            continue
        options = Options(
            tuple(selected(config.select, config.ignore)), audience.lower() if audience else None
        )
        result = lint_source(src, config, options)
        if result.error is not None or result.skipped is not None:
            articles.append(Article(result, None, 0))
            continue
        fm = parse_front_matter(src)
        body = src.line_starts[fm.body_line] if fm.present else 0
        articles.append(Article(result, src, body))
    articles.extend(Article(e, None, 0) for e in errors)
    try:
        output.write_text(render(articles), encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: cannot write the report ({exc.strerror})")
    shown = sum(1 for a in articles if a.source is not None)
    click.echo(f"Wrote {output} ({shown} articles).")
