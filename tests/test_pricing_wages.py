"""Base salaries with PO, overtime, hourly temps and agency, by hand.

Hourly wage = monthly / 165: SSK 44 550 → 270.00 SEK/h = 27 000 öre/h exactly; USK 32 600 →
197.5758 SEK/h (652 000/33 öre/h). Full time 38.25 h = 2 295 minutes a week. PO 45 %.
Salaries and OB of own passes are rounded half up to whole öre once per table row; labour
bought for uncovered need is priced per minute in whole öre (hourly price / 60, rounded half
up once), the price the solver's objective uses.
"""

from __future__ import annotations

from typing import Any

from bemanna.pricing import Pricing, to_sek
from test_pricing_builders import price, pricing_instance

NURSE = [{"id": "S1", "skills": ["ssk"]}]


def wage_row(pricing: Pricing, employee: str) -> tuple[int, int, int]:
    row = pricing.wages.set_index("employee").loc[employee]
    return int(row.wage_ore), int(row.po_ore), int(row.cost_ore)


def test_base_salary_with_po() -> None:
    """A full-time nurse, one week: 38.25 h × 270.00 = 10 327.50 SEK (1 032 750 öre);
    with PO × 1.45 = 14 974.875 SEK → 1 497 488 öre; PO = 464 738 öre."""
    pricing = price(pricing_instance(employees=NURSE), [])
    assert wage_row(pricing, "S1") == (1_032_750, 464_738, 1_497_488)
    assert pricing.totals["personnel"] == 1_497_488


def test_po_of_2023_is_a_parameter() -> None:
    """PO 44.5 % (2023): 10 327.50 × 1.445 = 14 923.2375 SEK → 1 492 324 öre."""
    inst = pricing_instance(employees=NURSE, cost_model={"po_rate": 0.445})
    assert wage_row(price(inst, []), "S1") == (1_032_750, 459_574, 1_492_324)


def test_assistant_nurse_salary_and_employee_override() -> None:
    """E1 (USK, full time): 2 295 min × 652 000/33 / 60 = 755 727.27 → 755 727 öre; × 1.45 =
    1 095 804.55 → 1 095 805 öre.
    E2 at 75 % with an own salary of 30 000 SEK: contract 0.75 × 2 295 = 1 721.25 → 1 721 min;
    1 721 × 3 000 000/165 / 60 = 521 515.15 → 521 515 öre; × 1.45 → 756 196.97 → 756 197."""
    inst = pricing_instance(
        employees=[{"id": "E1", "skills": ["usk"]},
                   {"id": "E2", "skills": ["usk"], "employment_rate": 75}],
        cost_model={"employee_monthly_salary": {"E2": 30000}},
    )
    pricing = price(inst, [])
    assert wage_row(pricing, "E1") == (755_727, 340_078, 1_095_805)
    assert wage_row(pricing, "E2") == (521_515, 234_682, 756_197)
    assert list(pricing.wages.salary_from) == ["usk", "employee"]


def nurse_gap(**cost_model: Any) -> Pricing:
    """S1 works SD (07:00–15:30) on Monday; ssk needs 1 on Monday 07:00–17:00 and on Tuesday
    10:00–11:00. Uncovered: Monday 15:30–17:00 (90 min, within 2 h after S1's pass) and
    Tuesday 10:00–11:00 (60 min, no pass near)."""
    inst = pricing_instance(
        employees=[*NURSE, {"id": "E1", "skills": ["usk"]}],
        demand=[
            {"skill": "ssk", "weekdays": ["mon"],
             "bands": [{"start": "07:00", "end": "17:00", "min": 1}]},
            {"skill": "ssk", "weekdays": ["tue"],
             "bands": [{"start": "10:00", "end": "11:00", "min": 1}]},
        ],
        cost_model=cost_model,
    )
    return price(inst, [("S1", 0, "SD", "ordinary", "ssk")])


def fill(pricing: Pricing) -> dict[tuple[str, str], tuple[int, int]]:
    """{(source, pay): (minutes, cost öre)}."""
    grouped = pricing.gap_fill.groupby(["source", "pay"])[["minutes", "cost_ore"]].sum()
    return {(str(k[0]), str(k[1])): (int(v.minutes), int(v.cost_ore))
            for k, v in grouped.iterrows()}


def test_overtime_enkel_and_kvalificerad() -> None:
    """SSK default policy: overtime (≤ 10 h/week) first. Enkel: 270 × 1.8 × 1.45 = 704.70
    SEK/h = 1 174.5 öre/min → 1 175; 90 min → 105 750 öre. Kvalificerad: 270 × 2.4 × 1.45 =
    939.60 SEK/h = 1 566 öre/min exactly; 60 min → 93 960 öre. Overtime earns no OB."""
    pricing = nurse_gap()
    assert fill(pricing) == {("overtime", "enkel"): (90, 105_750),
                             ("overtime", "kvalificerad"): (60, 93_960)}
    assert pricing.totals["overtime"] == 199_710


def test_capped_overtime_then_agency_nurses() -> None:
    """Overtime capped at 1 h/week buys 60 of the 150 uncovered minutes, agency the other 90.
    Which 60: the cheapest for overtime, i.e. enkel minutes (within 2 h after S1's pass, 1 175
    öre/min, against 1 566 kvalificerad), while agency costs the same at every one of these
    minutes (no OB): 60 × 1 175 = 70 500 öre. Agency at the default 2 × the nurse's loaded
    hour = 2 × 270 × 1.45 = 783 SEK/h = 1 305 öre/min: 90 × 1 305 = 117 450 öre."""
    pricing = nurse_gap(gap_fill={"ssk": [{"source": "overtime", "max_hours_per_week": 1},
                                          {"source": "agency"}]})
    assert fill(pricing) == {("overtime", "enkel"): (60, 70_500),
                             ("agency", "agency"): (90, 117_450)}
    assert pricing.totals["agency"] == 117_450


def usk_gap(**cost_model: Any) -> Pricing:
    """usk needs 1 on Monday 10:00–11:00 (no OB) and Friday 19:00–20:00 (weekend OB); nobody
    works."""
    inst = pricing_instance(
        demand=[{"skill": "usk", "weekdays": ["mon"],
                 "bands": [{"start": "10:00", "end": "11:00", "min": 1}]},
                {"skill": "usk", "weekdays": ["fri"],
                 "bands": [{"start": "19:00", "end": "20:00", "min": 1}]}],
        cost_model=cost_model,
    )
    return price(inst, [])


def by_ob(pricing: Pricing) -> dict[str, int]:
    return {str(r.ob_category): int(r.cost_ore) for r in pricing.gap_fill.itertuples()}


def test_hourly_temp_loading() -> None:
    """USK temps (default policy, first 40 h/week). One hour at 10:00: wage × 1.12 (holiday
    pay) × 1.45 (PO) = 197.5758 × 1.624 = 320.8630 SEK/h = 534.77 öre/min → 535; 60 min →
    32 100 öre. One Friday hour at 19:00 adds weekend OB before PO: (197.5758 × 1.12 + 63.90) ×
    1.45 = 413.5180 SEK/h = 689.20 öre/min → 689; 60 min → 41 340 öre."""
    pricing = usk_gap()
    assert by_ob(pricing) == {"none": 32_100, "weekend": 41_340}
    assert pricing.totals["hourly_temps"] == 32_100 + 41_340


def test_hourly_temp_without_holiday_pay() -> None:
    """temp_holiday_pay 0: 197.5758 × 1.45 = 286.4848 SEK/h = 477.47 öre/min → 477; the 10:00
    hour 28 620 öre."""
    assert by_ob(usk_gap(temp_holiday_pay=0))["none"] == 28_620


def test_agency_assistant_nurse_gets_ob_on_top() -> None:
    """USK agency default 470 SEK/h = 783.33 öre/min → 783: the 10:00 hour 46 980 öre; the
    Friday hour 470 + 63.90 = 533.90 SEK/h = 889.83 öre/min → 890: 53 400 öre (an invoice: no
    PO)."""
    pricing = usk_gap(gap_fill={"usk": [{"source": "agency"}]})
    assert by_ob(pricing) == {"none": 46_980, "weekend": 53_400}
    assert set(pricing.gap_fill.pay) == {"agency"}


def test_sek_is_for_display_only() -> None:
    """to_sek turns öre columns into SEK; the öre tables stay integers."""
    pricing = usk_gap()
    shown = to_sek(pricing.gap_fill)
    assert sorted(shown.cost_sek) == [321.0, 413.4]
    assert pricing.gap_fill.cost_ore.dtype == "int64"
