"""The simulation's refill order and rules on hand-made rosters with fixed absences.

Prices (docs/costs.md, USK defaults, weekday daytime on Monday 2025-03-03 / Tuesday: no OB):
wage = 32 600 / 165 SEK/h; PO 45 %.

- hourly temp: wage × 1.12 × 1.45 = 52 942.4 / 165 = 320.863 SEK/h; 60 min = 32 086.30 öre;
- enkel overtime: wage × 1.8 × 1.45 = 85 086 / 165 = 515.673 SEK/h; 120 min = 103 134.55 öre;
- kvalificerad overtime: wage × 2.4 × 1.45 = 113 448 / 165 = 687.564 SEK/h;
- agency: 470 SEK/h (the USK default), no PO, no OB here; 90 min = 70 500 öre.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from bemanna.instance import Instance
from bemanna.roster import Roster
from bemanna.simulation import OvertimeCaps, SimulationResult
from bemanna.simulation.engine import simulate_absences
from test_check_builders import make_instance, make_pass, make_roster

EXTRA_SHIFTS: list[dict[str, Any]] = [
    {"id": "R4", "parts": [{"start": "07:00", "end": "11:00"}], "skills": ["usk"]},
    {"id": "K2", "parts": [{"start": "15:30", "end": "21:30"}], "skills": ["usk"]},
    {"id": "K3", "parts": [{"start": "12:00", "end": "20:00"}], "break_minutes": 30,
     "skills": ["usk"]},
]
NO_CAP = OvertimeCaps(per_4_weeks=1000, per_month=1000, per_year=10000)


def instance(employees: list[str], policy: list[dict[str, Any]],
             demand: list[dict[str, Any]]) -> Instance:
    return make_instance(
        employees=[{"id": e, "skills": ["usk"]} for e in employees],
        shifts=EXTRA_SHIFTS,
        demand=demand,
        cost_model={"gap_fill": {"usk": policy}},
    )


def absent(inst: Instance, *who: tuple[str, int]) -> np.ndarray:
    """One run in which these (employee, day) are absent."""
    days = np.zeros((1, len(inst.employees), inst.horizon.days), dtype=bool)
    index = {e.id: i for i, e in enumerate(inst.employees)}
    for emp, day in who:
        days[0, index[emp], day] = True
    return days


def run(inst: Instance, roster: Roster, days: np.ndarray,
        caps: OvertimeCaps = NO_CAP) -> dict[str, int]:
    result: SimulationResult = simulate_absences(inst, roster, days, caps)
    row = result.per_run.iloc[0]
    return {column: int(row[column]) for column in result.per_run.columns
            if column.endswith(("_minutes", "_ore")) and column.startswith(
                ("absence_", "gap", "booked", "absent", "fallback"))}


def test_refill_order_resurspass_temps_overtime_agency() -> None:
    """A's day pass 07:00–15:30 (510 min) is lost on Monday and the need is 1 all day.

    - R's resurspass 07:00–11:00 is booked first: 240 min;
    - hourly temps take the next 60 min (cap 1 h/week × 1 week): 11:00–12:00;
    - overtime (cap 2 h/week): B's pass starts 15:30, B comes 2 h early (enkel, the whole
      2-hour window): 13:30–15:30, 120 min; the cap is then used up, so free F is not called;
    - agency buys the rest, 12:00–13:30: 90 min.
    Costs from the module docstring: 32 086 + 103 135 + 70 500 öre (each rounded half up).
    """
    inst = instance(["A", "R", "B", "F"],
                    [{"source": "hourly_temp", "max_hours_per_week": 1},
                     {"source": "overtime", "max_hours_per_week": 2},
                     {"source": "agency"}],
                    [{"skill": "usk", "weekdays": ["mon"],
                      "bands": [{"start": "07:00", "end": "15:30", "min": 1},
                                {"start": "15:30", "end": "21:30", "min": 1}]}])
    roster = make_roster(inst, [make_pass(inst, "A", 0, "D"),
                                make_pass(inst, "R", 0, "R4", kind="resurs"),
                                make_pass(inst, "B", 0, "K2")])
    got = run(inst, roster, absent(inst, ("A", 0)))
    assert got["absent_minutes"] == 510
    assert got["gap_minutes"] == 510
    assert got["booked_minutes"] == 240
    assert got["absence_hourly_temp_minutes"] == 60
    assert got["absence_enkel_minutes"] == 120
    assert got["absence_kvalificerad_minutes"] == 0
    assert got["absence_agency_minutes"] == 90
    assert got["fallback_minutes"] == 0
    assert got["absence_hourly_temps_ore"] == 32086
    assert got["absence_overtime_ore"] == 103135
    assert got["absence_agency_ore"] == 70500
    assert got["absence_ore"] == 32086 + 103135 + 70500


def test_no_absence_costs_the_planned_roster() -> None:
    """Nobody absent: nothing is bought, the total is the priced roster's total, and the
    resurspass hours are all unused (utilisation 0 %)."""
    inst = instance(["A", "R"], [{"source": "agency"}],
                    [{"skill": "usk", "weekdays": ["mon"],
                      "bands": [{"start": "07:00", "end": "15:30", "min": 1}]}])
    roster = make_roster(inst, [make_pass(inst, "A", 0, "D"),
                                make_pass(inst, "R", 0, "R4", kind="resurs")])
    result = simulate_absences(inst, roster, absent(inst))
    row = result.per_run.iloc[0]
    assert row["absence_ore"] == 0
    assert row["total_ore"] == result.planned["total"]
    assert row["resurstid_utilisation_pct"] == 0
    assert result.resurspass_minutes == 240


def test_absent_resurspass_holder_is_not_booked_and_surplus_absorbs() -> None:
    """Two day passes where the need is 1: losing one opens no gap (the surplus absorbs it).
    Losing both opens a 510-minute gap; the resurspass holder R is absent too, so nothing is
    booked and agency buys all of it."""
    inst = instance(["A", "A2", "R"], [{"source": "agency"}],
                    [{"skill": "usk", "weekdays": ["mon"],
                      "bands": [{"start": "07:00", "end": "15:30", "min": 1}]}])
    roster = make_roster(inst, [make_pass(inst, "A", 0, "D"), make_pass(inst, "A2", 0, "D"),
                                make_pass(inst, "R", 0, "R4", kind="resurs")])
    one = run(inst, roster, absent(inst, ("A", 0)))
    assert (one["absent_minutes"], one["gap_minutes"], one["absence_ore"]) == (510, 0, 0)
    both = run(inst, roster, absent(inst, ("A", 0), ("A2", 0), ("R", 0)))
    assert both["gap_minutes"] == 510
    assert both["booked_minutes"] == 0
    assert both["absence_agency_minutes"] == 510
    assert both["absence_agency_ore"] == 510 * 47000 // 60  # 470 SEK/h: 399 500 öre


TUESDAY_NEED = [{"skill": "usk", "weekdays": ["tue"],
                 "bands": [{"start": "07:00", "end": "15:30", "min": 1}]}]


def test_overtime_keeps_the_daily_rest() -> None:
    """A's Tuesday day pass 07:00–15:30 is lost; policy: overtime, nothing else.

    C worked Monday 13:30–21:30 (pass K): 07:00 Tuesday is only 9 h 30 min later, so C may
    not work it (11 h daily rest) and nobody else may: the whole 510 min fall back to agency
    (the skill has an agency price)."""
    inst = instance(["A", "C"], [{"source": "overtime"}], TUESDAY_NEED)
    roster = make_roster(inst, [make_pass(inst, "A", 1, "D"), make_pass(inst, "C", 0, "K")])
    got = run(inst, roster, absent(inst, ("A", 1)))
    assert got["absence_kvalificerad_minutes"] == 0
    assert got["fallback_minutes"] == 510
    assert got["absence_agency_minutes"] == 510


def test_overtime_with_exactly_the_daily_rest() -> None:
    """As above, but C's Monday pass K3 ends 20:00: exactly 11 h before 07:00, so C works the
    whole pass as kvalificerad overtime: 510 min at 687.564 SEK/h = 584 429.09 öre."""
    inst = instance(["A", "C"], [{"source": "overtime"}], TUESDAY_NEED)
    roster = make_roster(inst, [make_pass(inst, "A", 1, "D"), make_pass(inst, "C", 0, "K3")])
    got = run(inst, roster, absent(inst, ("A", 1)))
    assert got["absence_kvalificerad_minutes"] == 510
    assert got["fallback_minutes"] == 0
    assert got["absence_overtime_ore"] == 584429


def test_overtime_is_not_given_to_an_absent_employee() -> None:
    """C could work Tuesday (as above) but is absent on Tuesday too: nobody may, so agency."""
    inst = instance(["A", "C"], [{"source": "overtime"}], TUESDAY_NEED)
    roster = make_roster(inst, [make_pass(inst, "A", 1, "D"), make_pass(inst, "C", 0, "K3")])
    got = run(inst, roster, absent(inst, ("A", 1), ("C", 1)))
    assert got["fallback_minutes"] == 510


def test_overtime_caps_per_employee() -> None:
    """The yearly cap of 200 h is pro rata over a 1-week horizon: 200 × 60 / 52 = 230 min
    (rounded down). C works 230 min of the 510 (kvalificerad); the remaining 280 min fall back
    to agency."""
    inst = instance(["A", "C"], [{"source": "overtime"}], TUESDAY_NEED)
    roster = make_roster(inst, [make_pass(inst, "A", 1, "D"), make_pass(inst, "C", 0, "K3")])
    got = run(inst, roster, absent(inst, ("A", 1)), caps=OvertimeCaps())
    assert got["absence_kvalificerad_minutes"] == 230
    assert got["fallback_minutes"] == 280


def test_weekly_rest_blocks_an_extra_pass() -> None:
    """C works K3 (12:00–20:00) on Monday, Wednesday, Thursday, Friday and Saturday of the
    week: its longest rest is Monday 20:00 → Wednesday 12:00, 40 h (≥ 36 h). Working A's
    Tuesday 07:00–15:30 keeps the daily rest (11 h before, 20 h 30 min after) but leaves at
    most 28 h (Saturday 20:00 → Monday 00:00) of weekly rest: not allowed, so agency. With the
    weekly rest rule off, C works it (kvalificerad, 510 min). C's paid time stays within ATL's
    48 h: 5 × 450 + 510 = 2 760 ≤ 2 880 min."""
    passes = [("A", 1, "D"), *[("C", day, "K3") for day in (0, 2, 3, 4, 5)]]
    results = {}
    for enabled in (True, False):
        inst = make_instance(
            {"weekly_rest": {"enabled": enabled}},
            employees=[{"id": e, "skills": ["usk"]} for e in ("A", "C")], shifts=EXTRA_SHIFTS,
            demand=TUESDAY_NEED, cost_model={"gap_fill": {"usk": [{"source": "overtime"}]}})
        roster = make_roster(inst, [make_pass(inst, *p) for p in passes])
        results[enabled] = run(inst, roster, absent(inst, ("A", 1)))
    assert results[True]["fallback_minutes"] == 510
    assert results[True]["absence_kvalificerad_minutes"] == 0
    assert results[False]["absence_kvalificerad_minutes"] == 510


def test_bad_absence_shape_is_refused() -> None:
    inst = instance(["A"], [{"source": "agency"}], TUESDAY_NEED)
    roster = make_roster(inst, [make_pass(inst, "A", 1, "D")])
    with pytest.raises(ValueError, match="shape"):
        simulate_absences(inst, roster, np.zeros((1, 2, 7), dtype=bool))


def test_booked_resurspass_per_cell() -> None:
    """The first case again: R's resurspass (Monday 07:00–11:00, 240 min, all in the morning
    band) is planned and booked in full, so planned and expected-booked minutes per cell are
    both 240 in (usk, mon, morning) and the utilisation is 100 %."""
    inst = instance(["A", "R"], [{"source": "agency"}],
                    [{"skill": "usk", "weekdays": ["mon"],
                      "bands": [{"start": "07:00", "end": "15:30", "min": 1}]}])
    roster = make_roster(inst, [make_pass(inst, "A", 0, "D"),
                                make_pass(inst, "R", 0, "R4", kind="resurs")])
    result = simulate_absences(inst, roster, absent(inst, ("A", 0)))
    cells = result.booked_cells.set_index(["skill", "weekday", "band"])
    assert cells.loc[("usk", "mon", "morning"), "resurspass_minutes"] == 240
    assert cells.loc[("usk", "mon", "morning"), "expected_booked_minutes"] == 240
    assert result.per_run.iloc[0]["resurstid_utilisation_pct"] == 100
    assert result.figures()["resurstid_utilisation_pct"] == 100
