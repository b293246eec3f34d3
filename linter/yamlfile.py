"""YAML that writers wrote: plain data only, and every problem one short message.

PyYAML's safe loader builds only plain data (no tags such as !!python/object), but it can
still fail while it builds a value (a date that does not exist, a number too long to
convert, text nested thousands deep), and what it raises then is not a YAML error at
all. load_yaml turns each such failure into one YamlProblem that names the line and the
key. describe() quotes at most a few dozen characters of a value and never walks into
it, so a value that shares itself many times over (an "alias bomb") costs nothing to name.
"""

from __future__ import annotations

import datetime
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# libyaml's parser is about ten times faster; values are built by PyYAML's safe
# constructor either way.
_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_QUOTE = 40


class YamlProblem(Exception):
    """What is wrong with a YAML text, with the line (1-based, in that text) when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _BadValue(Exception):
    def __init__(self, node: Node, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.node = node
        self.cause = cause


class _Loader(_BASE):  # type: ignore[misc]
    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (_BadValue, yaml.YAMLError):
            raise
        except (ValueError, OverflowError, TypeError, RecursionError) as exc:
            # The innermost value that failed is the one to name.
            raise _BadValue(node, exc) from None


def load_yaml(text: str) -> Any:
    """The data in a YAML text, or YamlProblem."""
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise YamlProblem("is nested too deeply to read") from None
        except yaml.YAMLError as exc:
            raise YamlProblem(_yaml_reason(exc), _yaml_line(exc)) from None
        if node is None:
            return None
        try:
            return loader.construct_document(node)
        except _BadValue as bad:
            raise YamlProblem(_bad_value(node, bad), bad.node.start_mark.line + 1) from None
        except RecursionError:
            raise YamlProblem("is nested too deeply to read") from None
        except yaml.YAMLError as exc:
            raise YamlProblem(_yaml_reason(exc), _yaml_line(exc)) from None
    finally:
        loader.dispose()


def _yaml_line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None)
    return mark.line + 1 if mark is not None else None


def _yaml_reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    if problem:
        # PyYAML's problems are short phrases of its own; a tag it refuses is named.
        return f"is not valid YAML ({problem})"
    return "is not valid YAML"


def _key_paths(root: Node) -> dict[int, str]:
    """Each node's key path ('plainlint.grade', 'tags[2]'), visiting every node once."""
    paths: dict[int, str] = {id(root): ""}
    stack = [root]
    while stack:
        node = stack.pop()
        base = paths[id(node)]
        children: list[tuple[str, Node]] = []
        if isinstance(node, MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, ScalarNode) else "?"
                children.append((f"{base}.{name}" if base else str(name), value))
        elif isinstance(node, SequenceNode):
            children = [(f"{base}[{i}]", item) for i, item in enumerate(node.value)]
        for path, child in children:
            if id(child) not in paths:
                paths[id(child)] = path
                stack.append(child)
    return paths


def _bad_value(root: Node, bad: _BadValue) -> str:
    """'updated' ('2024-02-30') is not a real date or time."""
    node = bad.node
    path = _key_paths(root).get(id(node))
    shown = f" ({quote_text(node.value)})" if isinstance(node, ScalarNode) else ""
    tag = node.tag.rsplit(":", 1)[-1]
    if isinstance(bad.cause, RecursionError):
        why = "is nested too deeply to read"
    elif tag == "timestamp":
        why = "is not a real date or time"
    elif tag == "int":
        why = "is a number too long to read"
    else:
        why = "cannot be read"
    if path:
        return f"'{_clip(path)}'{shown} {why}"
    return f"has a value{shown} that {why}"


def _clip(text: str) -> str:
    return text if len(text) <= _QUOTE else text[: _QUOTE - 1] + "…"


def quote_text(text: str) -> str:
    """Text quoted for a message: at most a few dozen characters."""
    return repr(_clip(text))


def describe(value: Any) -> str:
    """A short name for any value from YAML, without walking into lists or tables."""
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "nothing (null)"}[value]
    if isinstance(value, str):
        return quote_text(value)
    if isinstance(value, int):
        # str() of a huge integer is slow and may refuse: say how long it is instead.
        return str(value) if value.bit_length() < 64 else "a very long number"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a list of 'key: value' settings"
    return f"a value of type {type(value).__name__}"


def key_name(key: Any) -> str:
    """A mapping key for a message: text as written (clipped), anything else described."""
    return _clip(key) if isinstance(key, str) else describe(key)


def sorted_keys(table: dict[Any, Any]) -> list[Any]:
    """The keys of a table in a stable order, whatever their types."""
    return sorted(table, key=lambda k: (not isinstance(k, str), key_name(k)))
