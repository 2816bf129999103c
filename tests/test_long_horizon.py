"""Annual horizons: up to 53 weeks (a year has 52 or 53 ISO weeks) validate and solve.

The shipped nurse group (6 nurses; its need, staff, wishes and absences) over a whole year:
the instance validates, the memory estimate admits it, the solver returns a roster within a
short limit, and the independent checker finds every hard rule kept and prices it as the
solver does. 54 weeks is refused with the field named.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bemanna.checker import check_roster
from bemanna.instance import InstanceError, instance_from_data
from bemanna.instance.model import MAX_WEEKS
from bemanna.presolve.size import memory_problem
from bemanna.solver import SolverParams, solve

ROOT = Path(__file__).resolve().parent.parent


def _nurse_group(weeks: int) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "instances" / "nurse_group.yaml").read_text())
    data["horizon"]["weeks"] = weeks
    return data


def test_a_year_validates_solves_and_checks() -> None:
    """52 weeks of the nurse group: 364 days, a roster that keeps every rule (the checker's
    total equals the solver's objective to the öre)."""
    inst = instance_from_data(_nurse_group(52))
    assert inst.horizon.days == 364
    assert memory_problem(inst, workers=2, limit_mb=8192) is None
    result = solve(inst, SolverParams(time_limit=8, workers=2, seed=0))
    assert result.roster is not None
    assert result.status in ("OPTIMAL", "FEASIBLE")
    report = check_roster(inst, result.roster)
    assert report.violations == []
    assert report.total == result.objective
    assert max(a.date for a in result.roster.assignments) > inst.horizon.date(300)


def test_53_weeks_is_the_limit() -> None:
    """53 weeks validate (ISO years with 53 weeks); 54 are refused naming the field."""
    assert MAX_WEEKS == 53
    assert instance_from_data(_nurse_group(53)).horizon.days == 371
    with pytest.raises(InstanceError, match="weeks"):
        instance_from_data(_nurse_group(54))
