"""Budget (forecast / budget / deviation, annualised) and the key figures, by hand.

Deviation = budget − forecast (negative: over budget); % = deviation / budget × 100, one
decimal, half up. Annualised = × 52 / weeks.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from bemanna.pricing import annualise
from test_pricing_builders import price, pricing_instance
from test_pricing_wages import nurse_gap


def test_annualise() -> None:
    """× 52 / weeks, rounded half up to whole öre: 1 000 öre over 6 weeks → 8 666.67 → 8 667;
    over 2 weeks → 26 000; 1 öre over 8 weeks → 6.5 → 7."""
    assert annualise(1_000, 6) == 8_667
    assert annualise(1_000, 2) == 26_000
    assert annualise(1, 8) == 7


def two_week_budget(budget: dict[str, Any]) -> pd.DataFrame:
    """Two weeks, E1 and E2 full-time USK; usk needs 1 on Mondays 07:00–14:39 (459 minutes)
    and nobody works, all bought from agency.

    Personnel: 2 × (4 590 min × 652 000/33 / 60 × 1.45 = 2 191 609.09 → 2 191 609) =
    4 383 218 öre. Agency: 2 × 459 = 918 min × 470 SEK/h, priced per minute in whole öre:
    47 000 / 60 = 783.33 → 783 öre/min; 918 × 783 = 718 794 öre.
    """
    inst = pricing_instance(
        weeks=2,
        demand=[{"skill": "usk", "weekdays": ["mon"],
                 "bands": [{"start": "07:00", "end": "14:39", "min": 1}]}],
        cost_model={"gap_fill": {"usk": [{"source": "agency"}]}, "budget": budget},
    )
    pricing = price(inst, [])
    assert pricing.totals == {"personnel": 4_383_218, "ob": 0, "overtime": 0,
                              "hourly_temps": 0, "agency": 718_794, "total": 5_102_012}
    kpis = dict(zip(pricing.kpis.kpi, pricing.kpis.value, strict=True))
    assert kpis["agency_fte"] == 0.2  # 918 / (2 295 × 2)
    return pricing.budget.set_index("line")


def test_forecast_budget_deviation_and_annualised() -> None:
    """Personnel budget 45 000 SEK: deviation 4 500 000 − 4 383 218 = 116 782 öre, 2.5951 %
    → 2.6 %; annualised × 26: forecast 113 963 668, budget 117 000 000, deviation 3 036 332.
    Agency budget 6 000 SEK: deviation 600 000 − 718 794 = −118 794 öre (over budget),
    −19.799 % → −19.8 %; annual forecast 718 794 × 26 = 18 688 644. Lines without a budget,
    and so the total, have no budget and no deviation (<NA>)."""
    table = two_week_budget({"personnel": 45000, "agency": 6000})
    personnel = table.loc["personnel"]
    assert (personnel.forecast_ore, personnel.budget_ore, personnel.deviation_ore) == (
        4_383_218, 4_500_000, 116_782)
    assert personnel.deviation_pct == 2.6
    assert (personnel.annual_forecast_ore, personnel.annual_budget_ore,
            personnel.annual_deviation_ore) == (113_963_668, 117_000_000, 3_036_332)
    agency = table.loc["agency"]
    assert (agency.deviation_ore, agency.deviation_pct) == (-118_794, -19.8)
    assert agency.annual_forecast_ore == 18_688_644
    assert pd.isna(table.loc["ob"].budget_ore) and pd.isna(table.loc["total"].deviation_ore)
    assert table.loc["total"].forecast_ore == 5_102_012
    assert table.loc["total"].annual_forecast_ore == 113_963_668 + 18_688_644


def test_total_budget_when_every_line_has_one() -> None:
    """All five lines budgeted: 45 000 + 1 000 + 500 + 500 + 6 000 = 53 000 SEK; deviation
    5 300 000 − 5 102 012 = 197 988 öre, 3.736 % → 3.7 %."""
    table = two_week_budget({"personnel": 45000, "ob": 1000, "overtime": 500,
                             "hourly_temps": 500, "agency": 6000})
    total = table.loc["total"]
    assert (total.budget_ore, total.deviation_ore, total.deviation_pct) == (
        5_300_000, 197_988, 3.7)
    assert total.annual_budget_ore == 5_300_000 * 26


def test_staff_key_figures() -> None:
    """Two weeks; E1 100 %, E2 75 %, E3 50 %, E4 100 %: full-time share 2/4 = 50 %, average
    employment rate (100 + 75 + 50 + 100) / 4 = 81.25 %.
    Passes: E1 S (split) Monday, N Saturday (day 5), N Sunday (day 13); E2 D Tuesday,
    N Saturday (day 12); E3 D Wednesday; E4 none. Split shifts 1 / 6 passes = 16.67 per 100.
    Weekends worked among those who work: E1 2, E2 1, E3 0 → spread 2. Nights (≥ 3 h in
    22–06) among night workers: E1 2, E2 1 → spread 1.
    Wishes: E2 a day off on Monday (met), E3 a day off on Wednesday (not met) → 50 %."""
    employees = [
        {"id": "E1", "skills": ["usk"]},
        {"id": "E2", "skills": ["usk"], "employment_rate": 75,
         "wishes": [{"kind": "day_off", "date": "2025-03-03"}]},
        {"id": "E3", "skills": ["usk"], "employment_rate": 50,
         "wishes": [{"kind": "day_off", "date": "2025-03-05"}]},
        {"id": "E4", "skills": ["usk"]},
    ]
    inst = pricing_instance(weeks=2, employees=employees)
    pricing = price(inst, [("E1", 0, "S"), ("E1", 5, "N"), ("E1", 13, "N"), ("E2", 1, "D"),
                           ("E2", 12, "N"), ("E3", 2, "D")])
    kpis = dict(zip(pricing.kpis.kpi, pricing.kpis.value, strict=True))
    assert kpis["full_time_share"] == 50.0
    assert kpis["average_employment_rate"] == 81.25
    assert kpis["split_shifts_per_100_passes"] == 16.67
    assert kpis["weekend_spread"] == 2
    assert kpis["night_spread"] == 1
    assert kpis["wishes_met"] == 50.0
    assert kpis["overtime_share_of_personnel_cost"] == 0.0
    staff = pricing.staff.set_index("employee")
    assert list(staff.nights) == [2, 1, 0, 0]
    assert list(staff.weekends) == [2, 1, 0, 0]


def test_overtime_share_of_personnel_cost() -> None:
    """The nurse case of test_pricing_wages: overtime 199 665 öre; personnel S1 1 497 488 +
    E1 1 095 805 = 2 593 293; no OB, no temps. 199 665 / 2 792 958 × 100 = 7.1489 → 7.15 %."""
    pricing = nurse_gap()
    kpis = dict(zip(pricing.kpis.kpi, pricing.kpis.value, strict=True))
    assert pricing.totals["personnel"] == 2_593_293
    assert kpis["overtime_share_of_personnel_cost"] == 7.15


def test_key_figures_without_a_denominator_are_missing_not_zero() -> None:
    """No passes and no wishes: split shifts per 100 passes and wishes met are <NA>."""
    kpis = price(pricing_instance(), []).kpis.set_index("kpi").value
    assert pd.isna(kpis["split_shifts_per_100_passes"]) and pd.isna(kpis["wishes_met"])
    assert kpis["full_time_share"] == 100.0
