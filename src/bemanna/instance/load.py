"""Read an instance file (JSON or YAML) into a validated `Instance`, or say what is wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from bemanna.instance.model import Instance
from bemanna.limits import MAX_FILE_BYTES as MAX_FILE_BYTES  # re-exported: the size limit
from bemanna.limits import FileTooLarge, read_text_bounded, sniff_suffix

SIZE_LIMITS: tuple[tuple[str, int, str], ...] = (
    ("employees", 2000, "employees"),
    ("shift_types", 200, "shift types"),
    ("skills", 100, "skills"),
    ("demand", 5000, "demand entries"),
    ("shift_demand", 50_000, "shift_demand entries"),
)
"""Hard limits on input size (the horizon is limited to 53 weeks by the model itself)."""
PER_ITEM_LIMITS: tuple[tuple[str, str, int], ...] = (
    ("employees", "wishes", 1000),
    ("employees", "pinned", 1000),
    ("employees", "unavailable", 1000),
    ("demand", "bands", 200),
    ("demand", "dates", 1000),
)


def _count(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def size_problems(data: dict[str, Any]) -> list[str]:
    """One line per list in the raw data that is longer than the limits allow."""
    problems = []
    for key, limit, what in SIZE_LIMITS:
        items = data.get(key)
        if isinstance(items, list) and len(items) > limit:
            problems.append(f"{key}: {_count(len(items))} {what}, at most {_count(limit)} are "
                            "supported (instance size limit)")
    for key, inner, limit in PER_ITEM_LIMITS:
        items = data.get(key)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            value = item.get(inner) if isinstance(item, dict) else None
            if isinstance(value, list) and len(value) > limit:
                problems.append(f"{key}[{i}].{inner}: {_count(len(value))} entries, at most "
                                f"{_count(limit)} are supported (instance size limit)")
    return problems


class InstanceError(Exception):
    """Bad input: `problems` holds one line per problem, each naming the field path."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


def _path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def validation_problems(error: ValidationError) -> list[str]:
    """One line per pydantic error: 'field.path: message'."""
    lines: list[str] = []
    for item in error.errors(include_url=False):
        loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and "[" in p))
        path = _path(loc)
        msg = str(item["msg"]).removeprefix("Value error, ")
        for sub in msg.split("\n"):
            # Cross-reference lines already carry their own path.
            lines.append(sub if (":" in sub and not path) else f"{path or '(top)'}: {sub}")
    return lines


def parse_text(text: str, suffix: str, source: str = "<text>") -> dict[str, Any]:
    """Parse JSON or YAML (by suffix; by content when the suffix says neither)."""
    suffix = sniff_suffix(text, suffix)
    try:
        data = yaml.safe_load(text) if suffix in (".yaml", ".yml") else json.loads(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise InstanceError(source, [f"(file): not valid {suffix.lstrip('.') or 'JSON'}: "
                                     f"{str(exc).splitlines()[0]}"]) from None
    except RecursionError:
        raise InstanceError(source, ["(file): nested too deeply"]) from None
    except (ValueError, OverflowError) as exc:
        # A value the parser itself cannot build: a YAML date such as 2025-13-03, an integer
        # of more than 4 300 digits (found by fuzzing, docs/robustness.md).
        raise InstanceError(source, [f"(file): not valid {suffix.lstrip('.') or 'JSON'}: "
                                     f"a value cannot be read: {exc}"]) from None
    if not isinstance(data, dict):
        raise InstanceError(source, ["(top): expected a mapping of fields"])
    return data


def instance_from_data(data: dict[str, Any], source: str = "<data>",
                       base_dir: Path | None = None) -> Instance:
    """Validate a mapping; files it names (absence.history_csv) are read relative to base_dir
    (the instance file's folder), else to the working directory."""
    too_large = size_problems(data)
    if too_large:
        raise InstanceError(source, too_large)
    try:
        return Instance.model_validate(data, context={"base_dir": base_dir})
    except ValidationError as exc:
        raise InstanceError(source, validation_problems(exc)) from None
    except RecursionError:
        raise InstanceError(source, ["(file): nested too deeply"]) from None


def read_input_text(path: Path) -> str:
    """The text of an input file, at most MAX_FILE_BYTES read (InstanceError otherwise)."""
    try:
        return read_text_bounded(path)
    except FileTooLarge as exc:
        raise InstanceError(str(path), [exc.problem]) from None
    except FileNotFoundError:
        raise InstanceError(str(path), ["(file): no such file"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InstanceError(str(path), [f"(file): cannot read: {exc}"]) from None


def load_instance(path: str | Path) -> Instance:
    """Load and validate an instance file; raise InstanceError with every problem found."""
    path = Path(path)
    data = parse_text(read_input_text(path), path.suffix.lower(), str(path))
    return instance_from_data(data, str(path), path.parent)
