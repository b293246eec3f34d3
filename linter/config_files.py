"""Which config files apply to an article, and how they are layered into one Config.

For an article, plainlint reads every config file (`.plainlint.yaml`, `.plainlint.yml` or
a `pyproject.toml` with `[tool.plainlint]`) in its folder and in each folder above it, and
applies them from the top folder down, so that the nearest file wins key by key:

- a file's `extends: FILE` (or a list of files) is applied just before the file itself;
- a file's `overrides:` entries (`files:` globs with settings) are applied right after it,
  for the articles their globs match;
- a key a nearer file sets replaces the same key from further up, lists included; tables
  (profiles and their settings, severity) merge key by key.

`--config FILE` uses that one file (and what it extends) instead. Nothing is kept between
runs: a config file made or changed while an editor server runs is read on the next check.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from linter.config import (
    CONFIG_NAMES,
    LAYER_KEYS,
    OVERRIDE_KEYS,
    Config,
    ConfigError,
    apply_settings,
    defaults,
    read_raw,
)
from linter.files import matches
from linter.yamlfile import describe


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    settings: dict[str, Any]
    where: str


@dataclass(frozen=True)
class Layer:
    """One config file's own settings, its folder, and its overrides."""

    settings: dict[str, Any]
    where: str
    folder: Path
    overrides: tuple[Override, ...] = ()


def _has_tool_section(path: Path) -> bool:
    try:
        return "[tool.plainlint" in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def config_in(folder: Path) -> Path | None:
    """The config file in one folder, if there is one."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_tool_section(candidate)):
            return candidate
    return None


def find_config(start: Path) -> Path | None:
    """The nearest config file in the folder of `start` or above it."""
    chain = config_chain(start)
    return chain[-1] if chain else None


def config_chain(start: Path) -> list[Path]:
    """Every config file from the top folder down to the folder of `start`."""
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    found = []
    while True:
        config = config_in(folder)
        if config is not None:
            found.append(config)
        if folder.parent == folder:
            return found[::-1]
        folder = folder.parent


def read_layers(path: Path, seen: tuple[Path, ...] = ()) -> list[Layer]:
    """A config file as layers: what it extends first, then the file itself."""
    real = path.resolve()
    if real in seen:
        chain = " -> ".join(str(p) for p in (*seen, real))
        raise ConfigError(f"{path}: 'extends' goes round in a circle ({chain})")
    raw = read_raw(path)
    where = str(path)
    layers: list[Layer] = []
    extends = raw.get("extends", [])
    if isinstance(extends, str):
        extends = [extends]
    if not isinstance(extends, list) or not all(isinstance(e, str) for e in extends):
        raise ConfigError(f"{where}: 'extends' must be a config file, or a list of them")
    for entry in extends:
        base = (path.parent / entry).resolve()
        if not base.is_file():
            raise ConfigError(f"{where}: 'extends' file {entry!r} does not exist")
        layers.extend(read_layers(base, (*seen, real)))
    settings = {k: v for k, v in raw.items() if k not in LAYER_KEYS}
    folder = path.parent.resolve()
    overrides = _overrides(raw.get("overrides", []), where, folder)
    # Check every setting now, so a mistake is found whichever articles it applies to.
    apply_settings(replace(defaults(), root=folder), settings, where)
    layers.append(Layer(settings, where, folder, overrides))
    return layers


def _overrides(value: Any, where: str, folder: Path) -> tuple[Override, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: 'overrides' must be a list of settings, each with 'files'")
    out = []
    for number, item in enumerate(value, 1):
        label = f"{where} (overrides, entry {number})"
        if not isinstance(item, dict):
            raise ConfigError(f"{label}: must be settings with 'files', not {describe(item)}")
        files = item.get("files")
        if isinstance(files, str):
            files = [files]
        if not files or not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise ConfigError(f"{label}: 'files' must be a list of globs, such as 'drafts/**'")
        settings = {k: v for k, v in item.items() if k != "files"}
        apply_settings(replace(defaults(), root=folder), settings, label, OVERRIDE_KEYS)
        out.append(Override(tuple(files), settings, label))
    return tuple(out)


def build(layers: list[Layer], path: Path | None) -> Config:
    """The Config for one article (or, with path None, without any overrides)."""
    config = defaults()
    for layer in layers:
        config = replace(config, source=layer.where, root=layer.folder)
        config = apply_settings(config, layer.settings, layer.where)
        for override in layer.overrides:
            if path is not None and matches(path, layer.folder, override.files):
                config = apply_settings(config, override.settings, override.where, OVERRIDE_KEYS)
    return config


def load_config(path: Path) -> Config:
    """One config file (and what it extends) over the shipped defaults, no overrides."""
    return build(read_layers(path), None)


class ConfigSet:
    """The config of each article in one run: found, read and layered once per folder."""

    def __init__(self, forced: Path | None = None) -> None:
        self.forced = read_layers(forced) if forced is not None else None
        self._layers: dict[Path, list[Layer]] = {}
        self._chains: dict[Path, tuple[Path, ...]] = {}
        self._built: dict[tuple[object, ...], Config] = {}

    def layers_for(self, path: Path) -> list[Layer]:
        if self.forced is not None:
            return self.forced
        folder = Path(os.path.abspath(path))
        if not folder.is_dir():
            folder = folder.parent
        chain = self._chains.get(folder)
        if chain is None:
            chain = self._chains[folder] = tuple(config_chain(folder))
        out: list[Layer] = []
        for file in chain:
            if file not in self._layers:
                self._layers[file] = read_layers(file)
            out.extend(self._layers[file])
        return out

    def for_path(self, path: Path) -> Config:
        layers = self.layers_for(path)
        # Articles that match the same overrides share one Config (and one cache key).
        matched = tuple(
            (i, j)
            for i, layer in enumerate(layers)
            for j, override in enumerate(layer.overrides)
            if matches(path, layer.folder, override.files)
        )
        key = (tuple(id(layer) for layer in layers), matched)
        config = self._built.get(key)
        if config is None:
            config = self._built[key] = build(layers, path)
        return config

    def files_for(self, path: Path) -> list[str]:
        """The config files that apply to an article, top folder first."""
        seen: list[str] = []
        for layer in self.layers_for(path):
            if layer.where not in seen:
                seen.append(layer.where)
        return seen
