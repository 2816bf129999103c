"""Scenario files: validation (one line per problem, exit 2, nothing run), every transform
(checked on the resulting instance data), `set` paths and inheritance.

Instances are tiny dicts written to tmp_path; every expected value follows from the transform's
definition in bemanna.scenario (docstrings) and is worked out in the test's comment.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from bemanna.scenario import (
    BASE,
    ScenarioError,
    applied,
    apply_scenario,
    apply_to_data,
    load_scenario,
    read_file_data,
)

Data = dict[str, Any]
ROOT = Path(__file__).resolve().parents[1]


def instance_data() -> Data:
    """Two usk staff and a nurse; a day need and a night need per unit (two units)."""
    return {
        "name": "tiny",
        "horizon": {"start": "2025-03-03", "weeks": 1, "cyclic": True},
        "skills": [{"id": "usk"}, {"id": "ssk"}],
        "shift_types": [
            {"id": "D", "parts": [{"start": "07:00", "end": "15:30"}], "break_minutes": 30,
             "skills": ["usk", "ssk"]},
            {"id": "S", "parts": [{"start": "07:00", "end": "11:30"},
                                  {"start": "15:30", "end": "20:00"}], "skills": ["usk"]},
            {"id": "N", "parts": [{"start": "21:00", "end": "07:00"}], "paid_meal_break": True,
             "skills": ["usk"]},
        ],
        "employees": [
            {"id": "a", "skills": ["usk"], "employment_rate": 75,
             "desired_employment_rate": 90},
            {"id": "b", "skills": ["usk"], "employment_rate": 50},
            {"id": "c", "skills": ["ssk"]},
        ],
        "demand": [
            {"skill": "usk", "label": "Eken: day", "bands": [
                {"start": "07:00", "end": "15:30", "min": 3, "desired": 4}]},
            {"skill": "usk", "label": "Eken: night", "bands": [
                {"start": "21:00", "end": "07:00", "min": 1}]},
            {"skill": "usk", "label": "Lönnen: night", "bands": [
                {"start": "21:00", "end": "07:00", "min": 1}]},
            {"skill": "ssk", "label": "Nurse", "weekdays": ["mon", "tue", "wed", "thu", "fri"],
             "bands": [{"start": "07:00", "end": "15:30", "min": 1}]},
        ],
        "rules": {
            "max_consecutive_days": {"max": 6, "per_employee": {"b": 5}},
            "max_split_shifts": {"max": 2, "per_employee": {"a": 1}},
        },
        "cost_model": {"employee_monthly_salary": {"b": 30000}},
    }


def write(path: Path, data: Data) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def base_file(tmp_path: Path) -> Path:
    return write(tmp_path / "tiny.yaml", instance_data())


def scenario(tmp_path: Path, name: str = "s", **fields: Any) -> Path:
    return write(tmp_path / f"{name}.yaml", {"name": name, **fields})


def run(tmp_path: Path, transforms: list[Any], data: Data | None = None) -> Data:
    """Apply the transforms; return the changed data (validated as an instance)."""
    loaded = load_scenario(scenario(tmp_path, transforms=transforms))
    changed, problems = apply_to_data(loaded, data or instance_data())
    assert problems == []
    apply_scenario(loaded, data or instance_data())  # the result is a valid instance
    return changed


def problems_of(tmp_path: Path, **fields: Any) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(scenario(tmp_path, **fields))
    return caught.value.problems


# --- validation ----------------------------------------------------------------------------


def test_every_problem_of_a_scenario_file_is_one_line_naming_its_path(tmp_path: Path) -> None:
    """Unknown transform, unknown and missing parameters, a wrong type, an unknown set path
    (with the close field name) and a wrong value type: each reported, none hiding another."""
    found = problems_of(tmp_path, colour="red", transforms=[
        "frobnicate", {"remove_employee": {"idd": "a"}}, {"scale_demand": {"factor": "lots"}},
        "pre_2023_rest_rules"],
        set={"rules.daily_rest.min_hours": 9, "rules.weekly_rest.min_minutes": "long",
             "horizon.weeks": 99})
    assert found[0].startswith("transforms[0]: unknown transform 'frobnicate' (known: ")
    assert found[1:4] == [
        "transforms[1].remove_employee.id: Field required",
        "transforms[1].remove_employee.idd: Extra inputs are not permitted",
        "transforms[2].scale_demand.factor: Input should be a valid decimal",
    ]
    assert "colour: Extra inputs are not permitted" in found
    assert ("set.rules.daily_rest.min_hours: unknown field 'min_hours' of rules.daily_rest "
            "(did you mean 'min_minutes'?); known: enabled, mode, weight_sek, min_minutes, "
            "reduced_minutes") in found
    assert ("set.rules.weekly_rest.min_minutes: Input should be a valid integer, unable to "
            "parse string as an integer (got 'long')") in found
    assert "set.horizon.weeks: Input should be less than or equal to 53 (got 99)" in found
    assert len(found) == 8


def test_nested_set_mappings_are_dotted_paths(tmp_path: Path) -> None:
    """`set: {rules: {daily_rest: {min_minutes: 600}}}` merges into the rule record: the
    other daily_rest fields keep their values."""
    loaded = load_scenario(scenario(tmp_path, set={"rules": {"daily_rest": {
        "min_minutes": 600}}}))
    inst = apply_scenario(loaded, instance_data())
    assert inst.rules.daily_rest.min_minutes == 600
    assert inst.rules.daily_rest.enabled and inst.rules.daily_rest.mode == "hard"


def test_an_instance_file_is_not_a_scenario(base_file: Path) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(base_file)
    assert caught.value.problems[0].startswith("(file): an instance file, not a scenario")


def test_inheritance_cycle_is_reported(tmp_path: Path) -> None:
    scenario(tmp_path, "one", inherits="two.yaml")
    scenario(tmp_path, "two", inherits="one.yaml")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(tmp_path / "one.yaml")
    assert caught.value.problems == [f"inherits: a cycle through {tmp_path / 'one.yaml'}"]


def test_problems_met_when_applying_name_the_scenario_and_the_instance(tmp_path: Path) -> None:
    """An employee that does not exist (by id in a set path and in a transform), and a set
    value of the right type that the instance's own validation rejects (an unknown shift)."""
    loaded = load_scenario(scenario(tmp_path, transforms=[{"remove_employee": {"id": "zz"}}],
                                    set={"employees.yy.employment_rate": 50}))
    with pytest.raises(ScenarioError) as caught:
        apply_scenario(loaded, instance_data(), "tiny.yaml")
    assert caught.value.source.endswith("on tiny.yaml")
    assert caught.value.problems == [
        "transforms[0].remove_employee: employees: no employee 'zz'",
        "set.employees.yy.employment_rate: employees has no element with id 'yy'",
    ]
    loaded = load_scenario(scenario(tmp_path, "t", set={"employees.a.allowed_shifts": ["X"]}))
    with pytest.raises(ScenarioError) as caught:
        apply_scenario(loaded, instance_data())
    assert caught.value.problems == [
        "employees[0].allowed_shifts[0]: unknown shift 'X'",
        "employees[0]: employee 'a' has no allowed shift that their skills may work"]


def test_compare_with_a_bad_scenario_exits_2_and_runs_nothing(tmp_path: Path,
                                                              base_file: Path) -> None:
    """The CLI prints one line per problem and exits 2 before any solve: no output folder."""
    bad = scenario(tmp_path, "bad", transforms=["frobnicate"],
                   set={"rules.daily_rest.min_hours": 9})
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "bemanna", "compare", str(base_file), str(bad),
                           "--out", str(out), "--time-limit", "1"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2, done.stderr
    lines = [line.strip() for line in done.stderr.splitlines()]
    assert any(line.endswith("transforms[0]: unknown transform 'frobnicate' (known: "
                             "all_fulltime, grant_rohs, no_split_shifts, pre_2023_rest_rules, "
                             "remove_employee, add_float_pool, scale_demand)")
               for line in lines)
    assert any("set.rules.daily_rest.min_hours: unknown field 'min_hours'" in line
               for line in lines)
    assert "Traceback" not in done.stderr
    assert not out.exists()


# --- set paths --------------------------------------------------------------------------------


def test_set_paths_by_id_index_and_mapping_key(tmp_path: Path) -> None:
    """employees.b (by id), employees.0 (by index), a new mapping key (agency price of ssk),
    and a generic rule written into the instance, which turns it on as in a file."""
    loaded = load_scenario(scenario(tmp_path, set={
        "employees.b.employment_rate": 60,
        "employees.0.skills": ["usk", "ssk"],
        "cost_model.agency_per_hour.ssk": 950,
        "rules.max_weekends.max": 1,
    }))
    inst = apply_scenario(loaded, instance_data())
    assert inst.employee["b"].employment_rate == 60
    assert inst.employee["a"].skills == ["usk", "ssk"]
    assert inst.cost_model.agency_per_hour == {"ssk": 950}
    assert inst.rules.max_weekends.enabled and inst.rules.max_weekends.max == 1


def test_transforms_run_before_set_and_parents_before_children(tmp_path: Path) -> None:
    """Parent: pre-2023 rules (rest 540); child: all_fulltime and a set of rest 600 — the
    child's set comes last, so rest is 600; the nearest base (the child's own) wins."""
    base_file = write(tmp_path / "tiny.yaml", instance_data())
    write(tmp_path / "other.yaml", {**instance_data(), "name": "other"})
    scenario(tmp_path, "parent", base="other.yaml", transforms=["pre_2023_rest_rules"])
    child = load_scenario(scenario(tmp_path, "child", inherits="parent.yaml",
                                   base="tiny.yaml", transforms=["all_fulltime"],
                                   set={"rules.daily_rest.min_minutes": 600}))
    assert child.base == tmp_path / "tiny.yaml"
    inst = apply_scenario(child, read_file_data(base_file))
    assert inst.rules.daily_rest.min_minutes == 600
    assert inst.rules.pass_span.max_minutes == 900  # from the parent
    assert [e.employment_rate for e in inst.employees] == [100, 100, 100]


def test_the_base_scenario_changes_nothing() -> None:
    inst, data = applied(BASE, instance_data())
    assert data == instance_data() and inst.name == "tiny"


# --- each transform ------------------------------------------------------------------------


def test_all_fulltime(tmp_path: Path) -> None:
    """Every rate 100 and the RÖHS request dropped (it is met)."""
    data = run(tmp_path, ["all_fulltime"])
    assert [(e["id"], e["employment_rate"], "desired_employment_rate" in e)
            for e in data["employees"]] == [("a", 100, False), ("b", 100, False),
                                             ("c", 100, False)]
    data = run(tmp_path, [{"all_fulltime": {"employees": ["b"]}}])
    assert [e.get("employment_rate") for e in data["employees"]] == [75, 100, None]


def test_grant_rohs(tmp_path: Path) -> None:
    """a asked for 90 % and gets it; b asked for nothing and keeps 50 %."""
    data = run(tmp_path, ["grant_rohs"])
    assert [(e["id"], e.get("employment_rate")) for e in data["employees"]] == [
        ("a", 90), ("b", 50), ("c", None)]
    assert all("desired_employment_rate" not in e for e in data["employees"])


def test_no_split_shifts(tmp_path: Path) -> None:
    """max_split_shifts hard with max 0 for everyone: a's personal 1 is gone."""
    data = run(tmp_path, ["no_split_shifts"])
    assert data["rules"]["max_split_shifts"] == {"enabled": True, "mode": "hard", "max": 0}


def test_pre_2023_rest_rules(tmp_path: Path) -> None:
    """domain.md §3: 9 h rest (540 min), 15 h span (900 min); a planned-exception value is
    dropped and the strict 24-hour reading, when present, goes to 9 h too."""
    source = instance_data()
    source["rules"]["daily_rest"] = {"min_minutes": 660, "reduced_minutes": 600}
    source["rules"]["daily_rest_24h"] = {"min_minutes": 660}
    data = run(tmp_path, ["pre_2023_rest_rules"], source)
    assert data["rules"]["daily_rest"] == {"min_minutes": 540}
    assert data["rules"]["pass_span"] == {"max_minutes": 900}
    assert data["rules"]["daily_rest_24h"] == {"min_minutes": 540}
    data = run(tmp_path, [{"pre_2023_rest_rules": {"daily_rest_minutes": 600,
                                                   "pass_span_minutes": 840}}])
    assert data["rules"]["daily_rest"] == {"min_minutes": 600}
    assert data["rules"]["pass_span"] == {"max_minutes": 840}


def test_remove_employee(tmp_path: Path) -> None:
    """b leaves, with their personal limit and salary."""
    data = run(tmp_path, [{"remove_employee": {"id": "b"}}])
    assert [e["id"] for e in data["employees"]] == ["a", "c"]
    assert data["rules"]["max_consecutive_days"]["per_employee"] == {}
    assert data["cost_model"]["employee_monthly_salary"] == {}
    assert data["rules"]["max_split_shifts"]["per_employee"] == {"a": 1}


def test_add_float_pool(tmp_path: Path) -> None:
    data = run(tmp_path, [{"add_float_pool": {"count": 2, "skills": ["usk"],
                                              "employment_rate": 75, "full_time": "rotating",
                                              "allowed_shifts": ["D", "N"]}}])
    assert data["employees"][3:] == [
        {"id": "pool01", "name": "Pool 1", "skills": ["usk"], "employment_rate": 75,
         "full_time": "rotating", "allowed_shifts": ["D", "N"]},
        {"id": "pool02", "name": "Pool 2", "skills": ["usk"], "employment_rate": 75,
         "full_time": "rotating", "allowed_shifts": ["D", "N"]},
    ]
    loaded = load_scenario(scenario(tmp_path, "bad", transforms=[
        {"add_float_pool": {"count": 1, "skills": ["vb"], "id_prefix": "a"}}]))
    _, problems = apply_to_data(loaded, {**instance_data(), "employees": [
        {"id": "a01", "skills": ["usk"]}]})
    assert problems == ["transforms[0].add_float_pool: skills: no skill 'vb'",
                        "transforms[0].add_float_pool: employees: id 'a01' is taken"]


def _bands(data: Data, label: str) -> list[tuple[str, list[str] | None, str, str, int, Any]]:
    return [(e["label"], e.get("weekdays"), b["start"], b["end"], b["min"], b.get("desired"))
            for e in data["demand"] if e["label"].startswith(label) for b in e["bands"]]


def test_scale_demand_rounds_entries_that_add_up_together(tmp_path: Path) -> None:
    """The two units' night entries (1 each, same times and days) scaled by 0.5 are one need
    of 2 → 1: the first entry keeps 1, the second gets 0. The day entry 3 (desired 4) × 0.5:
    1.5 → 2, desired 2.0 → 2."""
    data = run(tmp_path, [{"scale_demand": {"skills": ["usk"], "factor": 0.5}}])
    assert _bands(data, "Eken") == [("Eken: day", None, "07:00", "15:30", 2, 2),
                                    ("Eken: night", None, "21:00", "07:00", 1, None)]
    assert _bands(data, "Lönnen") == [("Lönnen: night", None, "21:00", "07:00", 0, None)]
    assert _bands(data, "Nurse")[0][4] == 1  # another skill: untouched


def test_scale_demand_cuts_bands_at_the_clock_window(tmp_path: Path) -> None:
    """Window 22:00–06:00 on the night band 21:00–07:00 of Eken (label filter): 21–22 and
    06–07 stay 1; 22:00–06:00 × 0 = 0. 06:00–07:00 starts after midnight, so it moves to an
    entry of the next weekday (every day → every day)."""
    data = run(tmp_path, [{"scale_demand": {"label_contains": "eken: NIGHT", "factor": 0,
                                            "start": "22:00", "end": "06:00"}}])
    assert _bands(data, "Eken: night") == [
        ("Eken: night", None, "21:00", "22:00", 1, None),
        ("Eken: night", None, "22:00", "06:00", 0, None),
        ("Eken: night (after midnight)",
         ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "06:00", "07:00", 1, None),
    ]
    assert _bands(data, "Lönnen") == [("Lönnen: night", None, "21:00", "07:00", 1, None)]


def test_scale_demand_splits_an_entry_by_weekday(tmp_path: Path) -> None:
    """Weekend days only, factor 2: the nurse entry (Mon–Fri) does not match; the Eken day
    entry (every day) splits into Mon–Fri (3, unchanged) and Sat–Sun (6, desired 8)."""
    data = run(tmp_path, [{"scale_demand": {"label_contains": "Eken: day", "factor": 2,
                                            "weekdays": ["sat", "sun"]}}])
    assert _bands(data, "Eken: day") == [
        ("Eken: day", ["mon", "tue", "wed", "thu", "fri"], "07:00", "15:30", 3, 4),
        ("Eken: day", ["sat", "sun"], "07:00", "15:30", 6, 8),
    ]


def test_scale_demand_that_matches_nothing_is_a_problem(tmp_path: Path) -> None:
    loaded = load_scenario(scenario(tmp_path, transforms=[
        {"scale_demand": {"skills": ["vb"], "factor": 0.8}}]))
    _, problems = apply_to_data(loaded, instance_data())
    assert problems == ["transforms[0].scale_demand: demand: no demand band matches (check "
                        "skills, label_contains, weekdays and the clock window)"]
    assert problems_of(tmp_path, transforms=[{"scale_demand": {"factor": 1, "start": "22:00"}}]
                       ) == ["transforms[0].scale_demand: give both start and end of the clock "
                             "window, or neither"]


def test_shipped_scenario_files_load_and_apply() -> None:
    """Every file in scenarios/ loads and applies to its own base, or else to the shipped
    care home."""
    files = sorted((ROOT / "scenarios").glob("*.yaml"))
    assert len(files) >= 7
    for path in files:
        loaded = load_scenario(path)
        base = loaded.base or ROOT / "instances" / "care_home.yaml"
        inst = apply_scenario(loaded, read_file_data(base))
        assert inst.name == base.stem
