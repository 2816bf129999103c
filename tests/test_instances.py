"""The shipped instances and the instance-format documentation.

Every `instances/*.yaml` must load and validate, say what it assumes, match what
`instances/build.py` writes (fixed-seed calls of `bemanna.generate`), and be feasible by its
witness roster, which the independent checker passes; the complete example in
`docs/instance-format.md` must load.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from bemanna.checker import hard_violations
from bemanna.generate.witness import witness_roster
from bemanna.instance import Instance, contract_minutes, load_instance
from bemanna.instance.types import WEEKDAY_NAMES
from bemanna.units import MINUTES_PER_DAY

ROOT = Path(__file__).resolve().parents[1]
INSTANCES = sorted((ROOT / "instances").glob("*.yaml"))
FORMAT_DOC = ROOT / "docs" / "instance-format.md"


def min_demand_minutes(inst: Instance) -> int:
    """Person-minutes of minimum need over the horizon, per docs/rules.md "Need per minute":
    entries of a skill add up; on a date listed in a dated entry of that skill only the dated
    entries apply; a band past midnight wraps (cyclic) or is cut at the horizon's end."""
    horizon_end = inst.horizon.days * MINUTES_PER_DAY
    total = 0
    for day in range(inst.horizon.days):
        date = inst.horizon.date(day)
        for skill in {s.id for s in inst.skills}:
            own = [d for d in inst.demand if d.skill == skill]
            dated = [d for d in own if d.dates is not None and date in d.dates]
            weekday = WEEKDAY_NAMES[date.weekday()]
            for entry in dated or [d for d in own if d.dates is None and weekday in d.weekdays]:
                for band in entry.bands:
                    start, end = (day * MINUTES_PER_DAY + t for t in band.offsets)
                    if not inst.horizon.cyclic:
                        end = min(end, horizon_end)
                    total += band.min * max(0, end - start)
    return total


def test_the_three_instances_are_shipped() -> None:
    assert {p.stem for p in INSTANCES} >= {"care_home", "lss_group_home", "nurse_group"}


@pytest.mark.parametrize("path", INSTANCES, ids=lambda p: p.stem)
def test_instance_loads_and_describes_itself(path: Path) -> None:
    inst = load_instance(path)  # raises InstanceError with every problem if invalid
    assert inst.name == path.stem
    assert inst.description.strip(), "the description must state the instance's assumptions"


@pytest.mark.parametrize("path", INSTANCES, ids=lambda p: p.stem)
def test_the_witness_roster_passes_the_checker(path: Path) -> None:
    """Every employee has a pattern schedule meeting the contract ± tolerance, and all of them
    together keep every hard rule by the independent checker: the instance is feasible (the
    hard rules bind one employee at a time; coverage is priced)."""
    inst = load_instance(path)
    roster = witness_roster(inst)
    assert hard_violations(inst, roster) == []
    tolerance = inst.rules.contract_hours.tolerance_minutes
    for summary in roster.employees:
        contract = contract_minutes(inst, inst.employee[summary.id])
        assert abs(summary.scheduled_minutes - contract) <= tolerance, summary.id


def test_care_home_contract_exceeds_minimum_need() -> None:
    # Passes are the only way to cover need, and the contract hours rule (hard, ±4 h) caps each
    # employee's paid time near the contract. If the staff's contract minutes were below the
    # person-minutes of minimum need, full coverage would be impossible whatever the roster.
    # The care home is sized a few percent above the need (that surplus is its resurstid).
    inst = load_instance(ROOT / "instances" / "care_home.yaml")
    contract = sum(contract_minutes(inst, e) for e in inst.employees)
    need = min_demand_minutes(inst)
    assert contract > need
    assert 1.03 <= contract / need <= 1.08


def test_nurse_group_is_short_staffed() -> None:
    # The nurse group is meant to show gaps: six nurses where about seven are needed (its
    # contracts are generated at 83 % of the minimum need, a post trimmed to 90 %).
    inst = load_instance(ROOT / "instances" / "nurse_group.yaml")
    contract = sum(contract_minutes(inst, e) for e in inst.employees)
    assert len(inst.employees) == 6
    assert contract < min_demand_minutes(inst)


def test_format_doc_example_loads(tmp_path: Path) -> None:
    text = FORMAT_DOC.read_text(encoding="utf-8")
    match = re.search(r"^```yaml\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    assert match, "docs/instance-format.md has no ```yaml block"
    path = tmp_path / "example.yaml"
    path.write_text(match.group(1), encoding="utf-8")
    inst = load_instance(path)
    assert inst.description.strip()
    # The example's figures quoted in its comments.
    assert contract_minutes(inst, inst.employee["omar"]) == 3098
    assert contract_minutes(inst, inst.employee["leila"]) == 3502
    assert inst.shift["delad"].paid_minutes == 540
    assert inst.shift["natt"].paid_minutes == 600


def test_instance_files_match_build_script(tmp_path: Path) -> None:
    # The YAML files are generated: rerunning the seeded script must give the same bytes.
    spec = importlib.util.spec_from_file_location(
        "build_instances", ROOT / "instances" / "build.py"
    )
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.main(["--out", str(tmp_path)]) == 0
    for path in INSTANCES:
        generated = tmp_path / path.name
        assert generated.exists(), f"{path.name} is not written by build.py"
        assert generated.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
