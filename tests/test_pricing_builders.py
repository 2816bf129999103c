"""Builders shared by the pricing tests, on top of the checker's (`test_check_builders`).

The default horizon is one week from Monday 2025-03-03, not cyclic, skills usk and ssk (the
cost model's USK and SSK defaults apply to them, names compared case-insensitively). Besides
the checker's shift types (D 07:00–15:30, K 13:30–21:30, N 21:00–07:00, S split, LD, E
06:00–14:00) there are:

    FK  19:00–22:00   (a Friday-evening pass)
    NS  22:00–06:00   (a night without an evening hour)
    SD  07:00–15:30 with 30 min break, skill ssk

Hand arithmetic in öre. Hourly wages (monthly / 165): USK 32 600 → 19 757.58 öre/h
(652 000/33 exactly), SSK 44 550 → 27 000 öre/h. PO 45 %.
"""

from __future__ import annotations

from typing import Any

from bemanna.instance import Instance
from bemanna.pricing import Pricing, price_roster
from test_check_builders import make_instance, make_pass, make_roster

EXTRA_SHIFTS: list[dict[str, Any]] = [
    {"id": "FK", "parts": [{"start": "19:00", "end": "22:00"}], "skills": ["usk"]},
    {"id": "NS", "parts": [{"start": "22:00", "end": "06:00"}], "paid_meal_break": True,
     "skills": ["usk"]},
    {"id": "SD", "parts": [{"start": "07:00", "end": "15:30"}], "break_minutes": 30,
     "skills": ["ssk"]},
]


def pricing_instance(*, start: str = "2025-03-03", weeks: int = 1, cyclic: bool = False,
                     shifts: list[dict[str, Any]] | None = None, **fields: Any) -> Instance:
    """A tiny instance with the extra shift types (and `shifts`); `fields` go to the top
    level."""
    return make_instance(
        shifts=EXTRA_SHIFTS + (shifts or []),
        horizon={"start": start, "weeks": weeks, "cyclic": cyclic},
        **fields,
    )


def price(inst: Instance, passes: list[tuple[Any, ...]]) -> Pricing:
    """Price a roster given as (employee, day, shift[, kind[, skill]]) tuples."""
    return price_roster(inst, make_roster(inst, [make_pass(inst, *p) for p in passes]))


def ob_of(pricing: Pricing, **where: Any) -> dict[str, tuple[int, int]]:
    """{category: (minutes, OB öre without PO)} of the OB rows that match `where`."""
    rows = pricing.ob
    for key, value in where.items():
        rows = rows[rows[key] == value]
    grouped = rows.groupby("category")[["minutes", "ob_ore"]].sum()
    return {str(k): (int(v.minutes), int(v.ob_ore)) for k, v in grouped.iterrows()}


def test_an_empty_roster_costs_its_contracts_only() -> None:
    """No passes, no demand: no OB, nothing to fill; the personnel line is the contracts
    (E1 and E2, two full-time USK, are paid whatever the roster says)."""
    pricing = price(pricing_instance(), [])
    assert pricing.totals["ob"] == pricing.totals["overtime"] == 0
    assert pricing.totals["hourly_temps"] == pricing.totals["agency"] == 0
    assert pricing.totals["total"] == pricing.totals["personnel"] > 0
    assert pricing.gap_fill.empty and pricing.uncovered.empty and pricing.resurstid.empty
