"""Read scenario files (with inheritance) and apply them to instance data.

    scenario = load_scenario("scenarios/pre_2023_rest_rules.yaml")
    inst = apply_scenario(scenario, read_instance_data("instances/care_home.yaml"))

Every problem is reported at once, one line each with its field path, as a `ScenarioError`
(an `InstanceError`, so the CLI prints it and exits 2): in the scenario file itself (unknown
field, transform or parameter, a wrong type, a `set` path the instance format does not have),
and, when applied, in what the changes make of the instance (a value of the wrong type, an
employee that does not exist).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from bemanna.instance import Instance, InstanceError, instance_from_data
from bemanna.instance.load import parse_text, validation_problems
from bemanna.scenario.model import TRANSFORM_NAMES, ScenarioFile, Transform
from bemanna.scenario.paths import set_path, value_problems
from bemanna.scenario.transforms import TRANSFORMS

Data = dict[str, Any]


class ScenarioError(InstanceError):
    """Bad scenario input: `problems` holds one line per problem, each naming its path."""


@dataclass(frozen=True)
class Scenario:
    """A scenario with its inherited changes: `layers` run root first."""

    name: str
    description: str = ""
    path: Path | None = None
    base: Path | None = None
    layers: tuple[ScenarioFile, ...] = field(default_factory=tuple)

    @property
    def is_identity(self) -> bool:
        return all(not layer.transforms and not layer.overrides for layer in self.layers)


BASE_NAME = "base"
BASE = Scenario(name=BASE_NAME, description="the instance as it is")
"""The identity scenario: the instance unchanged (the reference of compare and batch)."""


def read_file_data(path: str | Path) -> Data:
    """A YAML/JSON file as a mapping (InstanceError naming the file if it cannot be read)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InstanceError(str(path), ["(file): no such file"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InstanceError(str(path), [f"(file): cannot read: {exc}"]) from None
    return parse_text(text, path.suffix.lower(), str(path))


def is_scenario_data(data: Data) -> bool:
    """Scenario files have no horizon; instance files must have one."""
    return data.get("format") == "bemanna-scenario/1" or (
        "horizon" not in data and any(k in data for k in ("base", "inherits", "transforms",
                                                           "set")))


def _flatten(mapping: Data, prefix: str = "") -> list[tuple[str, Any]]:
    """Nested mappings in `set` become dotted paths (merged key by key); an empty mapping
    stays a value (it writes the record with its defaults)."""
    found: list[tuple[str, Any]] = []
    for key, value in mapping.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            found += _flatten(value, path + ".")
        else:
            found.append((path, value))
    return found


_TRANSFORM = TypeAdapter(Transform)


def _transforms(raw: Any) -> tuple[list[Any], list[str]]:
    """Validate `name` or `{name: {params}}` items, each on its own (so that every problem
    names its item's index)."""
    if not isinstance(raw, list):
        return [], ["transforms: expected a list of transforms"]
    known = ", ".join(TRANSFORM_NAMES)
    items: list[Any] = []
    problems: list[str] = []
    for i, item in enumerate(raw):
        params: Any
        if isinstance(item, str):
            name, params = item, {}
        elif isinstance(item, dict) and len(item) == 1:
            name, params = next(iter(item.items()))
            params = {} if params is None else params
        else:
            problems.append(f"transforms[{i}]: expected a transform name or "
                            "{name: {parameters}}")
            continue
        if name not in TRANSFORM_NAMES:
            problems.append(f"transforms[{i}]: unknown transform {name!r} (known: {known})")
            continue
        if not isinstance(params, dict):
            problems.append(f"transforms[{i}].{name}: expected a mapping of parameters")
            continue
        try:
            items.append(_TRANSFORM.validate_python({"kind": name, **params}))
        except ValidationError as exc:
            problems += [f"transforms[{i}].{line}" for line in validation_problems(exc)]
    return items, problems


def _read_layer(path: Path) -> ScenarioFile:
    data = read_file_data(path)
    if not is_scenario_data(data):
        raise ScenarioError(str(path), ["(file): an instance file, not a scenario (a scenario "
                                        "has base/inherits/transforms/set and no horizon)"])
    data = dict(data)
    transforms, problems = _transforms(data.pop("transforms", []))
    if isinstance(data.get("set"), dict):
        data["set"] = dict(_flatten(data["set"]))
        for dotted, value in data["set"].items():
            problems += [f"set.{dotted}: {p}" for p in value_problems(str(dotted), value)]
    layer: ScenarioFile | None = None
    try:
        layer = ScenarioFile.model_validate(data)
    except ValidationError as exc:
        problems += validation_problems(exc)
    if problems or layer is None:
        raise ScenarioError(str(path), problems)
    return layer.model_copy(update={"transforms": transforms})


def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario file and the files it inherits from; ScenarioError on any problem."""
    chain: list[tuple[Path, ScenarioFile]] = []
    current: Path | None = Path(path)
    seen: set[Path] = set()
    while current is not None:
        resolved = current.resolve()
        if resolved in seen:
            raise ScenarioError(str(path), [f"inherits: a cycle through {current}"])
        seen.add(resolved)
        layer = _read_layer(current)
        chain.append((current, layer))
        current = None if layer.inherits is None else current.parent / layer.inherits
    base: Path | None = None
    for file_path, layer in chain:  # the nearest base wins
        if layer.base is not None:
            base = file_path.parent / layer.base
            break
    top = chain[0][1]
    return Scenario(name=top.name, description=top.description, path=Path(path), base=base,
                    layers=tuple(layer for _, layer in reversed(chain)))


def apply_to_data(scenario: Scenario, data: Data) -> tuple[Data, list[str]]:
    """The changed data (a copy) and the problems met while applying the changes."""
    out = copy.deepcopy(data)
    problems: list[str] = []
    for layer in scenario.layers:
        for i, transform in enumerate(layer.transforms):
            found = TRANSFORMS[transform.kind](out, transform)
            problems += [f"transforms[{i}].{transform.kind}: {p}" for p in found]
        for dotted, value in layer.overrides.items():
            problems += [f"set.{dotted}: {p}" for p in set_path(out, dotted, value)]
    return out, problems


def applied(scenario: Scenario, data: Data, source: str = "<instance>") -> tuple[Instance, Data]:
    """Apply the scenario to raw instance data and validate the result: (instance, changed
    data). The changed data is what a batch job sends to its worker.

    ScenarioError names the scenario and the instance: the changes' own problems, or the
    instance validation's (one line per problem with its field path)."""
    where = f"scenario {scenario.name} ({scenario.path or 'built in'}) on {source}"
    changed, problems = apply_to_data(scenario, data)
    if problems:
        raise ScenarioError(where, problems)
    try:
        return instance_from_data(changed, where), changed
    except InstanceError as exc:
        raise ScenarioError(where, exc.problems) from None


def apply_scenario(scenario: Scenario, data: Data, source: str = "<instance>") -> Instance:
    """The validated instance the scenario makes of raw instance data (see `applied`)."""
    return applied(scenario, data, source)[0]


def scenario_base(scenario: Scenario) -> Path:
    if scenario.base is None:
        raise ScenarioError(str(scenario.path), ["base: the scenario names no base instance"])
    return scenario.base
