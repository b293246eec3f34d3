"""Config files that compose: nested files, extends, overrides, and `config --show`."""

from __future__ import annotations

from pathlib import Path

from conftest import SEED, run_cli

ARTICLE = SEED.read_text(encoding="utf-8")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(out: str) -> set[str]:
    return {line.split(": ")[1].split()[0] for line in out.splitlines() if ": PL" in line}


def site(tmp_path: Path) -> None:
    """A site config with a glossary, an exclusion and a profile setting."""
    write(
        tmp_path / ".plainlint.yaml",
        "glossary: glossary.yaml\nexclude: ['content/drafts/**']\n"
        "profiles:\n  patient:\n    sentence-limit: 40\n",
    )
    write(
        tmp_path / "glossary.yaml",
        "glossary:\n  - term: prognosis\n    url: /glossary/prognosis\n",
    )
    write(tmp_path / "content" / "health" / "a.md", ARTICLE)
    write(tmp_path / "content" / "drafts" / "b.md", ARTICLE)


def test_a_nested_config_merges_with_its_parent(tmp_path: Path) -> None:
    site(tmp_path)
    write(tmp_path / "content" / ".plainlint.yaml", "ignore: [PL103]\n")
    proc = run_cli("check", "--no-cache", "content", cwd=tmp_path)
    out = proc.stdout
    # Its own key applies ...
    assert "PL103" not in codes(out)
    # ... and the parent's glossary, exclusions and profile still do.
    assert (
        "Link it to the glossary: [prognosis](/glossary/prognosis)"
        in run_cli("check", "--no-cache", "--format", "full", "content", cwd=tmp_path).stdout
    )
    assert "drafts" not in out
    assert "the limit is 40" in out and "the limit is 25" not in out


def test_lists_replace_and_extend_keys_add(tmp_path: Path) -> None:
    site(tmp_path)
    write(tmp_path / ".plainlint.yaml", "ignore: [PL201]\n")
    write(tmp_path / "content" / ".plainlint.yaml", "ignore: [PL103]\n")
    replaced = codes(run_cli("check", "--no-cache", "content/health", cwd=tmp_path).stdout)
    assert "PL201" in replaced and "PL103" not in replaced
    write(tmp_path / "content" / ".plainlint.yaml", "extend-ignore: [PL103]\n")
    added = codes(run_cli("check", "--no-cache", "content/health", cwd=tmp_path).stdout)
    assert not added & {"PL201", "PL103"} and "PL101" in added


def test_extends_a_shared_base(tmp_path: Path) -> None:
    site(tmp_path)
    write(tmp_path / "shared" / "base.yaml", "severity:\n  PL201: error\nignore: [PL1]\n")
    write(tmp_path / "content" / ".plainlint.yaml", "extends: ../shared/base.yaml\n")
    proc = run_cli("check", "--no-cache", "--format", "full", "content", cwd=tmp_path)
    assert "PL201 [error]" in proc.stdout
    assert not {c for c in codes(proc.stdout) if c.startswith("PL1")}
    write(tmp_path / "shared" / "base.yaml", "extends: ../content/.plainlint.yaml\n")
    loop = run_cli("check", "--no-cache", "content", cwd=tmp_path)
    assert loop.returncode == 2
    assert "'extends' goes round in a circle" in loop.stderr
    assert "Traceback" not in loop.stderr


def test_overrides_apply_to_the_files_their_globs_match(tmp_path: Path) -> None:
    site(tmp_path)
    write(tmp_path / "content" / "heart" / "c.md", ARTICLE)
    write(
        tmp_path / "content" / ".plainlint.yaml",
        "overrides:\n  - files: ['heart/**']\n    select: [PL201]\n",
    )
    out = run_cli("check", "--no-cache", "content", cwd=tmp_path).stdout
    heart = {c for line in out.splitlines() if "heart/c.md" in line for c in codes(line)}
    health = {c for line in out.splitlines() if "health/a.md" in line for c in codes(line)}
    assert heart == {"PL201"}
    assert {"PL101", "PL201", "PL301"} <= health
    bad = write(
        tmp_path / "content" / ".plainlint.yaml",
        "overrides:\n  - select: [PL201]\n",
    )
    proc = run_cli("check", "--no-cache", "content", cwd=tmp_path)
    assert proc.returncode == 2
    assert f"{bad} (overrides, entry 1): 'files' must be a list of globs" in proc.stderr


def test_config_show_names_each_setting_and_its_file(tmp_path: Path) -> None:
    site(tmp_path)
    write(tmp_path / "content" / ".plainlint.yaml", "extend-ignore: [PL103]\n")
    proc = run_cli("config", "--show", "content/health/a.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = [" ".join(line.split()) for line in proc.stdout.splitlines()]
    assert "Config files, top folder first: .plainlint.yaml, content/.plainlint.yaml" in lines
    assert "Audience: patient (from its front matter's audienceLevel); checked" in lines
    assert "ignore [PL103] <- plainlint's default + content/.plainlint.yaml" in lines
    assert "glossary [glossary.yaml] <- .plainlint.yaml" in lines
    assert "sentence-limit 40 <- .plainlint.yaml (PL201)" in lines
    assert "grade-target 8 <- plainlint's default (preset)" in lines


def test_glossary_patterns_always_keep_the_shipped_ones(tmp_path: Path) -> None:
    write(tmp_path / ".plainlint.yaml", "glossary-patterns: ['/dictionary/']\n")
    write(tmp_path / "sub" / ".plainlint.yaml", "glossary-patterns: ['/words/']\n")
    text = (
        "---\naudienceLevel: patient\n---\n\n# Care\n\n"
        "Your [prognosis](/glossary/prognosis) is good. Some get "
        "[neutropenia](/dictionary/entry?id=42) or [anemia](/words/id-7).\n"
    )
    write(tmp_path / "sub" / "a.md", text)
    proc = run_cli("check", "--no-cache", "--select", "PL101", "sub", cwd=tmp_path)
    # The shipped '/glossary/' and the nearer file's '/words/' count; the parent's
    # '/dictionary/' was replaced, as every list is.
    assert [line.split(": ", 1)[1][:19] for line in proc.stdout.splitlines() if ": PL" in line] == [
        "PL101 'neutropenia'"
    ]
    show = run_cli("config", "--show", "sub/a.md", cwd=tmp_path).stdout
    assert "[popDefinition.aspx, /glossary/, #glossary, /words/]" in show


def test_nothing_kept_between_runs_in_one_process_hides_a_config_change(tmp_path: Path) -> None:
    """An editor server checks for hours in one process: a config or term list created or
    changed after it started counts on the next run."""
    from helpers import PATIENT

    from linter.config_files import ConfigSet
    from linter.engine import lint_source
    from linter.run import options_for
    from linter.source import SourceFile

    article = write(tmp_path / "content" / "a.md", PATIENT + "# Care\n\nYou may get zorblitis.\n")

    def codes_now() -> set[str]:
        config = ConfigSet().for_path(article)
        result = lint_source(
            SourceFile.from_text(str(article), article.read_text(encoding="utf-8")),
            config,
            options_for(config, ("PL1",)),
        )
        return {d.code for d in result.diagnostics}

    assert "PL101" not in codes_now()
    write(tmp_path / "terms.yaml", "terms:\n  - term: zorblitis\n    plain: a made-up illness\n")
    write(tmp_path / ".plainlint.yaml", "lexicon: [terms.yaml]\n")
    assert "PL101" in codes_now()
    write(tmp_path / "terms.yaml", "terms:\n  - term: zorbl\n    plain: something else\n")
    assert "PL101" not in codes_now()
    write(tmp_path / "content" / ".plainlint.yaml", "ignore: [PL1]\n")
    assert codes_now() == set()
