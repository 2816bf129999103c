"""The solver optimises kronor: uncovered need costs what the gap-fill policy pays for it
(sources in order up to their caps, with OB at that hour), own passes cost their OB, and the
solver's objective equals the pricing of the same roster to the öre.

Prices per minute in whole öre (docs/costs.md), USK wage 32 600 / 165 = 197.5758 SEK/h, PO 45 %:
hourly temp (wage × 1.12 + OB) × 1.45: no OB 320.863 SEK/h → 535 öre/min; weekend OB 63.90:
413.518 → 689. Kvalificerad overtime wage × 2.4 × 1.45 = 687.564 SEK/h → 1 146 öre/min.
Agency 470 SEK/h → 783; + weekend OB 533.90 → 890.
"""

from __future__ import annotations

from typing import Any

from bemanna.pricing import price_roster
from solver_cases import D, N, band, build, employee, run

SATURDAY, MONDAY = "sat", "mon"


def need(weekday: str, start: str, end: str) -> dict[str, Any]:
    return {"skill": "usk", "weekdays": [weekday], "bands": [band(start, end)]}


KRONOR = {"own_ob": True}
"""`costs` without flat weights: the cost model prices the objective."""


def test_capped_sources_buy_in_order_and_each_takes_its_cheapest_minutes() -> None:
    """Need Monday 10–12 (120 min, no OB) and Saturday 10–13 (180 min, weekend OB); E1 may only
    work nights, which would cost OB and stranded time, so nobody works and 300 minutes are
    bought: temps up to 1 h, overtime up to 1 h, agency the rest (180).

    Which minutes: the temps' price differs most between the days (689 − 535 = 154, agency's
    107, overtime's 0), so the temps take 60 Monday minutes, overtime 60 Saturday minutes,
    agency 60 Monday and 120 Saturday minutes: 60 × 535 + 60 × 1 146 + 60 × 783 + 120 × 890 =
    32 100 + 68 760 + 46 980 + 106 800 = 254 640 öre (any other split costs more, e.g.
    overtime on Monday: 261 060)."""
    inst = build(
        [D, N],
        employees=[employee(allowed_shifts=["N"])],
        demand=[need(MONDAY, "10:00", "12:00"), need(SATURDAY, "10:00", "13:00")],
        costs=KRONOR,
        cost_model={"gap_fill": {"usk": [
            {"source": "hourly_temp", "max_hours_per_week": 1},
            {"source": "overtime", "max_hours_per_week": 1},
            {"source": "agency"}]}},
    )
    result, report = run(inst)
    assert result.status == "OPTIMAL" and result.roster is not None and report is not None
    assert result.roster.assignments == []
    assert result.objective_by_term["uncovered_demand"] == 254_640
    totals = price_roster(inst, result.roster).totals
    assert (totals["hourly_temps"], totals["overtime"], totals["agency"]) == (
        32_100, 68_760, 153_780)
    assert report.costs["uncovered_demand"] == 254_640


def test_own_staff_on_the_weekday_when_agency_carries_no_po() -> None:
    """Need one USK Monday and Saturday 07:00–15:30; E1 may work one pass (total_minutes ≤ 480
    paid), the rest is bought from agency. Working Saturday saves agency + OB (890/min) but
    costs E1's weekend OB with PO (63.90 × 1.45 = 92.655 SEK/h); working Monday saves 783/min
    and costs no OB. Per 510 minutes: Saturday saves 510 × 890 − round(8.5 × 9 265.5) =
    453 900 − 78 757 = 375 143 öre; Monday saves 510 × 783 = 399 330. So E1 works Monday."""
    inst = build(
        [D],
        employees=[employee()],
        demand=[need(MONDAY, "07:00", "15:30"), need(SATURDAY, "07:00", "15:30")],
        rules={"total_minutes": {"enabled": True, "max": 480}},
        costs=KRONOR,
        cost_model={"gap_fill": {"usk": [{"source": "agency"}]}},
    )
    result, report = run(inst)
    assert result.status == "OPTIMAL" and result.roster is not None and report is not None
    assert [(a.date.strftime("%a"), a.shift) for a in result.roster.assignments] == [
        ("Mon", "D")]
    assert result.objective_by_term["uncovered_demand"] == 510 * 890
    assert result.objective_by_term.get("ob", 0) == 0
    assert report.total == result.objective
