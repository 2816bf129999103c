"""Prices computed by hand: coverage per minute, shift cover, wishes, and the report's sums.

These tests count minutes, so they give flat objective weights (`costs`, as a planner may):
uncovered 500 SEK/h → ore_per_minute = round_half_up(833.33) = 833 öre; below desired 50 SEK/h
(the default) → 83 öre; stranded resurstid 20 SEK/h → 33 öre a minute. The kronor prices of the
cost model are tested in test_check_kronor.py and test_pricing_*.py.
"""

from __future__ import annotations

from typing import Any

from bemanna.checker import check_roster, price_term
from bemanna.checker.coverage import stranded_minutes, uncovered_minutes
from bemanna.checker.passes import read_roster
from bemanna.instance import PRICED_TERMS
from test_check_builders import check, make_instance, make_pass, make_roster

UNCOVERED, BELOW, STRANDED = 833, 83, 33
FLAT = {"default_uncovered_per_hour": 500, "stranded_resurstid_per_hour": 20}


def demand(*entries: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"skill": "usk", **e} for e in entries]


def test_uncovered_and_below_desired_minutes() -> None:
    """Monday 07:00–16:00 needs min 2, desired 3; E1 works D 07:00–15:30.

    07:00–15:30 (510 min): headcount 1, one short of min; 15:30–16:00 (30 min): two short.
    Uncovered = 510 × 1 + 30 × 2 = 570 minutes. Below desired: desired − max(min, headcount)
    = 3 − 2 = 1 on each of the band's 540 minutes. Nothing is stranded: headcount never
    exceeds the need.
    """
    inst = make_instance(
        costs=FLAT,
        demand=demand(
            {
                "weekdays": ["mon"],
                "bands": [{"start": "07:00", "end": "16:00", "min": 2, "desired": 3}],
            }
        )
    )
    report = check(inst, [("E1", 0, "D")])
    assert report.costs["uncovered_demand"] == 570 * UNCOVERED == 474_810
    assert report.costs["below_desired_demand"] == 540 * BELOW == 44_820
    assert report.costs["stranded_resurstid"] == 0


def test_stranded_resurstid_minutes() -> None:
    """Monday 07:00–12:00 needs 1 (desired defaults to min); E1 and E2 both work D.

    07:00–12:00: headcount 2, need 1 → 1 × 300 = 300 stranded minutes; 12:00–15:30: nobody
    needed → 2 × 210 = 420. Total 720 minutes × 33 öre. The unpaid break is not placed, so it
    does not lower headcount. E1's resurspass on Tuesday is outside coverage: not stranded.
    """
    inst = make_instance(
        costs=FLAT,
        demand=demand(
            {"weekdays": ["mon"], "bands": [{"start": "07:00", "end": "12:00", "min": 1}]}
        )
    )
    report = check(inst, [("E1", 0, "D"), ("E2", 0, "D"), ("E1", 2, "D", "resurs")])
    assert report.costs["stranded_resurstid"] == 720 * STRANDED == 23_760
    assert report.costs["uncovered_demand"] == 0
    assert report.costs["below_desired_demand"] == 0


def test_night_of_the_last_day_covers_day_0_morning_in_a_cyclic_horizon() -> None:
    """Need 1 on Monday 00:00–07:00; N on Sunday runs 21:00 → 07:00.

    Cyclic: the night's 00:00–07:00 wraps onto day 0 and covers the need; its 180 minutes
    21:00–24:00 on Sunday are not needed (stranded). Non-cyclic: the night is cut at the horizon's
    end, so Monday 00:00–07:00 (420 minutes) is uncovered; the 180 minutes are still stranded.
    """
    need = demand({"weekdays": ["mon"], "bands": [{"start": "00:00", "end": "07:00", "min": 1}]})
    night = [("E1", 6, "N")]
    cyclic = check(make_instance(cyclic=True, demand=need, costs=FLAT), night)
    assert cyclic.costs["uncovered_demand"] == 0
    assert cyclic.costs["stranded_resurstid"] == 180 * STRANDED
    flat = check(make_instance(cyclic=False, demand=need, costs=FLAT), night)
    assert flat.costs["uncovered_demand"] == 420 * UNCOVERED == 349_860
    assert flat.costs["stranded_resurstid"] == 180 * STRANDED


def test_band_past_midnight_wraps_or_is_cut() -> None:
    """Sunday 22:00–06:00 needs 1, nobody works: cyclic 480 minutes uncovered (the 6 h after
    midnight fall on day 0); non-cyclic only Sunday's 120 minutes exist."""
    need = demand({"weekdays": ["sun"], "bands": [{"start": "22:00", "end": "06:00", "min": 1}]})
    for cyclic, minutes in ((True, 480), (False, 120)):
        inst = make_instance(cyclic=cyclic, demand=need)
        assert uncovered_minutes(read_roster(inst, make_roster(inst, []))) == {
            "usk": minutes,
            "ssk": 0,
        }


def test_dated_demand_replaces_the_weekday_demand_on_its_dates() -> None:
    """Every day needs 1 at 07:00–08:00; on Tuesday a dated entry needs 2 at 10:00–11:00
    instead. Uncovered: 6 days × 60 + 2 × 60 = 480 minutes (entries of the same kind add up:
    a second weekday entry doubles the 6 × 60)."""
    every_day = {"bands": [{"start": "07:00", "end": "08:00", "min": 1}]}
    tuesday = {"dates": ["2025-03-04"], "bands": [{"start": "10:00", "end": "11:00", "min": 2}]}
    inst = make_instance(demand=demand(every_day, tuesday))
    assert uncovered_minutes(read_roster(inst, make_roster(inst, [])))["usk"] == 480
    inst = make_instance(demand=demand(every_day, every_day, tuesday))
    assert uncovered_minutes(read_roster(inst, make_roster(inst, [])))["usk"] == 840


def test_coverage_counts_ordinary_passes_in_their_skill() -> None:
    """A pass in ssk does not cover usk need, and headcount in ssk with no ssk need is
    stranded: 510 worked minutes of D."""
    inst = make_instance(
        employees=[{"id": "E1", "skills": ["usk", "ssk"]}],
        shifts=[
            {
                "id": "DS",
                "parts": [{"start": "07:00", "end": "15:30"}],
                "break_minutes": 30,
                "skills": ["usk", "ssk"],
            }
        ],
        demand=demand(
            {"weekdays": ["mon"], "bands": [{"start": "07:00", "end": "15:30", "min": 1}]}
        ),
    )
    view = read_roster(inst, make_roster(inst, [make_pass(inst, "E1", 0, "DS", skill="ssk")]))
    assert uncovered_minutes(view) == {"usk": 510, "ssk": 0}
    assert stranded_minutes(view) == {"usk": 0, "ssk": 510}


def test_shift_cover() -> None:
    """Monday: 2 D required, 1 worked (+ a resurspass, which does not count): one under at
    700 SEK. Tuesday: 0 D required, 1 worked: one over at 100 SEK. 70 000 + 10 000 öre."""
    inst = make_instance(
        shift_demand=[
            {"date": "2025-03-03", "shift": "D", "required": 2, "weight_under_sek": 700},
            {"date": "2025-03-04", "shift": "D", "required": 0, "weight_over_sek": 100},
        ]
    )
    report = check(inst, [("E1", 0, "D"), ("E2", 0, "D", "resurs"), ("E1", 1, "D")])
    assert report.costs["shift_cover"] == 80_000


def test_wishes() -> None:
    """Three wishes not granted (day off Monday 100 SEK, K on Tuesday 100 SEK, no D on
    Wednesday 50 SEK) and one granted (day off Thursday): 10 000 + 10 000 + 5 000 öre."""
    inst = make_instance(
        employees=[
            {
                "id": "E1",
                "skills": ["usk"],
                "wishes": [
                    {"kind": "day_off", "date": "2025-03-03"},
                    {"kind": "shift_on", "date": "2025-03-04", "shift": "K"},
                    {"kind": "shift_off", "date": "2025-03-05", "shift": "D", "weight_sek": 50},
                    {"kind": "day_off", "date": "2025-03-06"},
                ],
            }
        ]
    )
    report = check(inst, [("E1", 0, "D"), ("E1", 1, "D"), ("E1", 2, "D")])
    assert report.costs["wishes"] == 25_000
    assert report.ok
    assert [v.date.day for v in report.soft_breaches if v.date is not None] == [3, 4, 5]


def test_report_sums_every_term_and_each_soft_rule() -> None:
    """costs holds every priced term and each enabled soft rule (not hard or disabled ones);
    total is their sum; the pricers give the same numbers one at a time."""
    rules = {
        "daily_rest": {"mode": "soft", "weight_sek": 800},
        "pass_span": {"mode": "soft", "enabled": False},
    }
    inst = make_instance(
        rules,
        demand=demand(
            {"weekdays": ["mon"], "bands": [{"start": "07:00", "end": "16:00", "min": 2}]}
        ),
    )
    roster = make_roster(inst, [make_pass(inst, "E1", 0, "K"), make_pass(inst, "E1", 1, "D")])
    report = check_roster(inst, roster)
    assert list(report.costs) == [*PRICED_TERMS, "daily_rest"]
    assert report.costs["daily_rest"] == 80_000
    assert report.units == {"daily_rest": 1}
    assert report.total == sum(report.costs.values())
    for term in PRICED_TERMS:
        assert price_term(inst, roster, term) == report.costs[term]
