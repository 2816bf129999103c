"""RÖHS as a decision: the solver grants a request when the extra contract hours save more
gap-fill cost than they add in salary, and not when they only add stranded time; the policy
can force all or none; the checker holds a roster to the policy and the pricing pays the
granted rate.

Arithmetic (docs/costs.md): USK wage 32 600 / 165 = 197.5758 SEK/h, loaded × 1.45 = 286.4848
SEK/h. Full time 38.25 h = 2 295 min/week. D is 07:00–15:30, 480 paid minutes (510 worked).
Agency USK 470 SEK/h = 783 öre/min (no OB on weekdays 07–15:30).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from bemanna.checker import check_roster
from bemanna.pricing import price_roster
from solver_cases import D, band, build, employee, run

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
CONTRACT = {"contract_hours": {"enabled": True, "tolerance_minutes": 240}}
AGENCY = {"gap_fill": {"usk": [{"source": "agency"}]}}


def half_timer(days: list[str], rohs: dict[str, Any] | None = None) -> Any:
    """E1 at 50 % asks for 100 % (steps of 50 points: 50 or 100). Need one USK 07:00–15:30 on
    `days`. At 50 % the contract is 1 147.5 → 1 148 min ± 240: two D passes (960); at 100 %
    2 295 ± 240: five passes (2 400) or four (1 920 is below 2 055: not enough) — so five."""
    return build(
        [D],
        employees=[employee(employment_rate=50, desired_employment_rate=100)],
        demand=[{"skill": "usk", "weekdays": days, "bands": [band("07:00", "15:30")]}],
        rules=CONTRACT,
        costs={"own_ob": True},
        cost_model=AGENCY,
        rohs={"step_percent": 50, **(rohs or {})},
    )


def test_granted_when_cheaper_than_agency() -> None:
    """Need every weekday. Not granted: E1 works 2 days, 3 × 510 min bought from agency =
    1 530 × 783 = 1 197 990 öre. Granted: 5 days worked, no agency; extra salary = contract
    2 295 min − 1 148 min at 286.4848 SEK/h: round(2 295 × 28 648.48 / 60) − round(1 148 ×
    28 648.48 / 60) = 1 095 805 − 548 141 = 547 664 öre. Granting is cheaper."""
    result, report = run(half_timer(WEEKDAYS))
    assert result.status == "OPTIMAL" and result.roster is not None and report is not None
    summary = result.roster.employees[0]
    assert summary.employment_rate == Decimal(100) and summary.contract_minutes == 2_295
    assert result.objective_by_term["rohs"] == 547_664
    assert result.objective_by_term.get("uncovered_demand", 0) == 0
    assert report.violations == [] and report.costs["rohs"] == 547_664


def test_not_granted_when_the_hours_are_not_needed() -> None:
    """Need only Monday and Tuesday: at 50 % E1 covers both; the extra 1 147 minutes of a
    grant would only add salary (and stranded time). Not granted."""
    result, report = run(half_timer(["mon", "tue"]))
    assert result.status == "OPTIMAL" and result.roster is not None and report is not None
    assert result.roster.employees[0].employment_rate == Decimal(50)
    assert result.objective_by_term.get("rohs", 0) == 0
    assert report.violations == []


def test_policy_grant_all_and_grant_none() -> None:
    """grant_all gives 100 % even when the hours are not needed (cost 547 664 öre of salary);
    grant_none keeps 50 % even when agency must be bought."""
    granted, _ = run(half_timer(["mon", "tue"], {"policy": "grant_all"}))
    assert granted.roster is not None
    assert granted.roster.employees[0].employment_rate == Decimal(100)
    assert granted.objective_by_term["rohs"] == 547_664
    kept, _ = run(half_timer(WEEKDAYS, {"policy": "grant_none"}))
    assert kept.roster is not None
    assert kept.roster.employees[0].employment_rate == Decimal(50)
    assert kept.objective_by_term["uncovered_demand"] == 3 * 510 * 783


def test_the_checker_holds_a_roster_to_the_policy_and_pricing_pays_the_grant() -> None:
    """A roster claiming 75 % (not a step: 50 or 100 allowed) is a `rohs` violation; the
    granted roster's personnel line is the 50 % salary plus the grant's 547 664 öre."""
    inst = half_timer(WEEKDAYS)
    result, _ = run(inst)
    assert result.roster is not None
    pricing = price_roster(inst, result.roster)
    base = price_roster(inst, dataclasses.replace(result.roster, employees=[
        dataclasses.replace(e, employment_rate=None, contract_minutes=1_148)
        for e in result.roster.employees]))
    assert pricing.totals["personnel"] - base.totals["personnel"] == 547_664
    odd = dataclasses.replace(result.roster, employees=[
        dataclasses.replace(e, employment_rate=Decimal(75)) for e in result.roster.employees])
    found = [v for v in check_roster(inst, odd).violations if v.rule == "rohs"]
    assert len(found) == 1 and "75 %" in found[0].message and "50, 100" in found[0].message


def test_min_share_forces_grants() -> None:
    """min_share 1: every requested point must be granted even where it only costs."""
    result, _ = run(half_timer(["mon", "tue"], {"min_share": 1}))
    assert result.roster is not None
    assert result.roster.employees[0].employment_rate == Decimal(100)
