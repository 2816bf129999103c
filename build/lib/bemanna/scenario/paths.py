"""Dotted field paths into instance data: `rules.daily_rest.min_minutes`,
`employees.d03.employment_rate` (a list of records by id) or `employees.0.skills` (by index),
`cost_model.agency_per_hour.SSK` (a key of a mapping).

A path is checked against the instance model's field types (so a misspelt field is named
before anything runs), then set in the raw instance data as if written in the file: missing
records and mappings on the way are created (writing a rule record into an instance turns the
rule on, as in a file), list elements must exist. The value's type is checked afterwards by
the instance validation itself, which names the same path.
"""

from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from bemanna.instance.model import Instance

_MODEL, _MAPPING, _LIST, _LEAF = "model", "mapping", "list", "leaf"


def _kind(annotation: Any) -> tuple[str, Any]:
    """What a field annotation holds: (kind, inner) with inner the model class, the value type
    of a mapping or the element type of a list."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _kind(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        for member in members:
            kind, inner = _kind(member)
            if kind != _LEAF:
                return kind, inner
        return _LEAF, None
    if origin is dict:
        return _MAPPING, get_args(annotation)[1]
    if origin is list:
        return _LIST, get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _MODEL, annotation
    if origin is Literal:
        return _LEAF, None
    return _LEAF, None


def _record_has_id(element: Any) -> bool:
    kind, inner = _kind(element)
    return kind == _MODEL and "id" in inner.model_fields


def _step(kind: str, inner: Any, segment: str, where: str) -> tuple[str, Any] | str:
    """The type one segment further down, or a problem text."""
    if kind == _MODEL:
        fields = inner.model_fields
        if segment not in fields:
            close = difflib.get_close_matches(segment, list(fields), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            return (f"unknown field {segment!r} of {where or 'the instance'}{hint}; known: "
                    f"{', '.join(fields)}")
        return _kind(fields[segment].annotation)
    if kind == _MAPPING:
        return _kind(inner)
    if kind == _LIST:
        if segment.isdigit() or _record_has_id(inner):
            return _kind(inner)
        return f"{where} is a list: give an index (0, 1, ...)"
    return f"{where} is a value and has no field {segment!r}"


def _target(path: str) -> tuple[Any, list[str]]:
    """The type a dotted path leads to (with the field's own constraints), or problems."""
    segments = path.split(".")
    if not path or any(not s for s in segments):
        return None, [f"{path!r}: not a dotted field path"]
    kind, inner = _MODEL, Instance
    target: Any = Instance
    for i, segment in enumerate(segments):
        where = ".".join(segments[:i])
        step = _step(kind, inner, segment, where)
        if isinstance(step, str):
            return None, [step]
        if kind == _MODEL:
            info = inner.model_fields[segment]
            target = Annotated[info.annotation, info]
        else:
            target = inner
        kind, inner = step
    return target, []


def path_problems(path: str) -> list[str]:
    """Problems of a dotted path against the instance format (empty: the path exists)."""
    return _target(path)[1]


def value_problems(path: str, value: Any) -> list[str]:
    """Problems of a path, or of the value's type and range at that path."""
    target, problems = _target(path)
    if problems:
        return problems
    try:
        TypeAdapter(target).validate_python(value)
    except ValidationError as exc:
        for item in exc.errors(include_url=False):
            inside = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in item["loc"])
            message = str(item["msg"]).removeprefix("Value error, ")
            problems.append(f"{inside.lstrip('.') + ': ' if inside else ''}{message} "
                            f"(got {value!r})")
    return problems


def _element(node: list[Any], segment: str, where: str) -> int | str:
    """Index of a list element by position or by id, or a problem text."""
    if segment.isdigit():
        index = int(segment)
        return index if index < len(node) else f"{where} has no element {index}"
    for index, item in enumerate(node):
        if isinstance(item, dict) and str(item.get("id")) == segment:
            return index
    return f"{where} has no element with id {segment!r}"


def set_path(data: dict[str, Any], path: str, value: Any) -> list[str]:
    """Set `path` to `value` in raw instance data (in place); problems, if any, instead."""
    problems = path_problems(path)
    if problems:
        return problems
    segments = path.split(".")
    kind, inner = _MODEL, Instance
    node: Any = data
    for i, segment in enumerate(segments):
        where = ".".join(segments[:i]) or "the instance"
        step = _step(kind, inner, segment, where)
        assert not isinstance(step, str)  # the path was checked above
        last = i == len(segments) - 1
        if isinstance(node, dict):
            key: Any = segment
            if last:
                node[key] = value
                return []
            if node.get(key) is None:
                if step[0] == _LIST:
                    return [f"{'.'.join(segments[:i + 1])} is empty: it has no element "
                            f"{segments[i + 1]!r}"]
                node[key] = {}
        elif isinstance(node, list):
            found = _element(node, segment, where)
            if isinstance(found, str):
                return [found]
            key = found
            if last:
                node[key] = value
                return []
        else:
            return [f"{where} is not a record in the data (it is {node!r})"]
        node = node[key]
        kind, inner = step
    return []
