"""Property tests: any input gives a valid result or a clean error, never a traceback.

The instance reader (text → mapping → validated instance), the pre-solve checks and the
command line are fed arbitrary text, arbitrary JSON-like values and random mutations of a
valid instance (a field replaced by another value, removed, or a list repeated). The answer
must be an `Instance` or an `InstanceError` (exit 2 at the command line), and whatever is
valid must go through the pre-solve checks, the memory estimate and the explaining index
without an exception. The coverage-guided counterpart (atheris) is benchmarks/fuzz_instance.py;
its budget and findings are in docs/robustness.md.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bemanna.cli import app
from bemanna.explain.core import explaining_index
from bemanna.instance import Instance, InstanceError, instance_from_data, load_instance
from bemanna.instance.load import parse_text
from bemanna.presolve import presolve
from bemanna.presolve.size import estimate_memory
from test_cli import tiny_data

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
    st.sampled_from(["07:00", "24:00", "25:00", "2025-03-03", "2025-02-30", "mon", "usk",
                     "D", "hard", "soft", "-1", "1e309", "night", "rotating"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside nested dicts and lists."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*prefix, i))
    return found


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """tiny_data() (plus a pin, a wish and an absence) with one to three random mutations."""
    data = tiny_data()
    data["employees"][0]["pinned"] = [{"date": "2025-03-04", "shift": "D"}]
    data["employees"][0]["wishes"] = [{"kind": "day_off", "date": "2025-03-06"}]
    data["employees"][1]["unavailable"] = [{"start": "2025-03-05", "end": "2025-03-06"}]
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        parent: Any = data
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "delete", "repeat"]))
        last = path[-1]
        if action == "delete":
            del parent[last]
        elif action == "repeat" and isinstance(parent[last], list):
            parent[last] = parent[last] * draw(st.integers(0, 3))
        else:
            parent[last] = draw(values)
    return data


def _exercise(inst: Instance) -> None:
    """What a valid instance must survive before any search."""
    findings = presolve(inst)
    assert all(f.severity in ("error", "warning") and f.message for f in findings)
    assert estimate_memory(inst, 2).megabytes > 0
    explaining_index(inst)


@SETTINGS
@given(text=st.text(max_size=300), suffix=st.sampled_from([".json", ".yaml", ".yml", ""]))
def test_any_text_parses_or_is_bad_input(text: str, suffix: str) -> None:
    try:
        data = parse_text(text, suffix)
    except InstanceError as exc:
        assert exc.problems and all(isinstance(p, str) for p in exc.problems)
        return
    assert isinstance(data, dict)


@SETTINGS
@given(data=st.dictionaries(st.sampled_from(
    ["name", "horizon", "skills", "shift_types", "employees", "demand", "rules", "costs",
     "shift_demand", "resurspass", "format"]), values, max_size=8))
def test_any_mapping_validates_or_is_bad_input(data: dict[str, Any]) -> None:
    try:
        inst = instance_from_data(data)
    except InstanceError as exc:
        assert exc.problems
        return
    _exercise(inst)


@SETTINGS
@given(data=mutated())
def test_mutated_instances_validate_or_are_bad_input(data: dict[str, Any]) -> None:
    try:
        inst = instance_from_data(copy.deepcopy(data))
    except InstanceError as exc:
        assert exc.problems and all(":" in p for p in exc.problems), exc.problems
        return
    _exercise(inst)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(blob=st.binary(max_size=200), suffix=st.sampled_from([".json", ".yaml"]))
def test_any_file_loads_or_is_bad_input(blob: bytes, suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(blob)
    try:
        load_instance(path)
    except InstanceError as exc:
        assert exc.problems


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=mutated(), as_yaml=st.booleans())
def test_validate_command_exits_cleanly(data: dict[str, Any], as_yaml: bool,
                                        tmp_path: Path) -> None:
    """`bemanna validate` on a mutated file: exit 0 (valid), 1 (certainly infeasible) or 2
    (bad input), never an exception."""
    path = tmp_path / ("fuzz.yaml" if as_yaml else "fuzz.json")
    text = (yaml.safe_dump(data, allow_unicode=True) if as_yaml
            else json.dumps(data, allow_nan=True))
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.output, result.exception)


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=mutated())
def test_solve_command_exits_cleanly(data: dict[str, Any], tmp_path: Path) -> None:
    """`bemanna solve` on a mutated instance: a roster (exit 0, or 1 when a rule is broken),
    infeasible (1) or bad input (2), and never an exception."""
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(data, allow_nan=True), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["solve", str(path), "--time-limit", "1", "--workers", "1",
                                      "--out", str(out), "--quiet"])
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.output, result.exception)
    if result.exit_code == 0:
        assert (out / "roster.json").is_file()
