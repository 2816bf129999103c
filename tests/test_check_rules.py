"""One hand-built breach per working-time rule: the checker reports exactly that breach when the
rule is hard, prices it when soft, and finds nothing in a roster that keeps the rule.

Days are horizon days (0 = Monday 2025-03-03). Shift types: see test_check_builders.
Prices: 1 SEK = 100 öre; per-hour weights are charged per minute at
ore_per_minute(w) = round_half_up(w × 100 / 60).
"""

from __future__ import annotations

from typing import Any

from bemanna.instance import Instance
from test_check_builders import check, found, make_instance


def soft(inst_rules: dict[str, dict[str, Any]], rule_id: str, weight: int) -> dict[str, Any]:
    """The same rules with rule_id soft at weight SEK."""
    rules = {k: dict(v) for k, v in inst_rules.items()}
    rules.setdefault(rule_id, {}).update({"enabled": True, "mode": "soft", "weight_sek": weight})
    return rules


def assert_one(
    inst: Instance, passes: list[tuple[Any, ...]], rule_id: str, employee: str = "E1"
) -> None:
    report = check(inst, passes)
    assert found(report) == [(rule_id, employee)], [v.message for v in report.violations]
    assert report.violations[0].message.startswith(f"{employee}: ")


def assert_holds(inst: Instance, passes: list[tuple[Any, ...]]) -> None:
    report = check(inst, passes)
    assert report.ok, [v.message for v in report.violations]


def soft_cost(inst: Instance, passes: list[tuple[Any, ...]], rule_id: str) -> tuple[int, int]:
    """(units, öre) of a soft rule; a soft breach is no violation."""
    report = check(inst, passes)
    assert report.ok, [v.message for v in report.violations]
    assert report.soft_breaches and all(v.rule == rule_id for v in report.soft_breaches)
    return report.units[rule_id], report.costs[rule_id]


# --- daily_rest ------------------------------------------------------------------------------

EVENING_THEN_DAY = [("E1", 0, "K"), ("E1", 1, "D")]
"""K ends Monday 21:30, D starts Tuesday 07:00: 9 h 30 min rest, less than 11 h."""


def test_daily_rest() -> None:
    assert_one(make_instance(), EVENING_THEN_DAY, "daily_rest")
    report = check(make_instance(), EVENING_THEN_DAY)
    # The finding carries the rest (570 min) and the two passes; it is worded per language,
    # Swedish by default (`.message`, the planner's default), English with text("en").
    assert report.violations[0].text("en") == (
        "E1: 9 h 30 min rest between pass K ending 2025-03-03 21:30 and pass D starting "
        "2025-03-04 07:00 (minimum 11 h)"
    )
    assert report.violations[0].message == report.violations[0].text("sv") == (
        "E1: 9 tim 30 min vila mellan pass K som slutar 2025-03-03 21:30 och pass D som börjar "
        "2025-03-04 07:00 (minst 11 tim)"
    )
    # One short pair at 800 SEK: 80 000 öre.
    assert soft_cost(
        make_instance(soft({}, "daily_rest", 800)), EVENING_THEN_DAY, "daily_rest"
    ) == (1, 80_000)
    # D ends 15:30, K starts 13:30 the next day: 22 h rest.
    assert_holds(make_instance(), [("E1", 0, "D"), ("E1", 1, "K")])


def test_daily_rest_wraps_in_a_cyclic_horizon() -> None:
    """K on Sunday (day 6) is followed by D on day 0 of the next turn: 9 h 30 min."""
    passes = [("E1", 0, "D"), ("E1", 6, "K")]
    assert_one(make_instance(cyclic=True), passes, "daily_rest")
    assert_holds(make_instance(cyclic=False), passes)


def test_reduced_daily_rest_must_be_made_up_by_the_next_rest() -> None:
    """reduced_minutes 9 h: K Mon (ends 21:30) → LD Tue 07:00 is a 9 h 30 min rest, 1 h 30 min
    short, so the rest after LD (ends Tue 19:00) must be ≥ 12 h 30 min. D Wed 07:00 gives 12 h:
    the compensation fails and the later pair (LD → D) is the one counted. K Wed (13:30) gives
    18 h 30 min: the reduced rest is made up."""
    rules = {"daily_rest": {"reduced_minutes": 540}}
    failing = [("E1", 0, "K"), ("E1", 1, "LD"), ("E1", 2, "D")]
    report = check(make_instance(rules), failing)
    assert found(report) == [("daily_rest", "E1")]
    assert "pass LD ending 2025-03-04 19:00" in report.violations[0].text("en")
    assert_holds(make_instance(rules), [("E1", 0, "K"), ("E1", 1, "LD"), ("E1", 2, "K")])
    # Without the exception the first pair is short and the 12 h after it is enough.
    report = check(make_instance(), failing)
    assert found(report) == [("daily_rest", "E1")]
    assert "pass K ending 2025-03-03 21:30" in report.violations[0].text("en")
    # Below the reduced minimum the pair itself counts: K Mon ends 21:30, E Tue starts 06:00,
    # 8 h 30 min < 9 h.
    assert_one(make_instance(rules), [("E1", 0, "K"), ("E1", 1, "E")], "daily_rest")


# --- pass_span -------------------------------------------------------------------------------

LONG_SPLIT = {
    "id": "S14",
    "parts": [{"start": "07:00", "end": "11:00"}, {"start": "16:00", "end": "21:00"}],
    "skills": ["usk"],
}
"""07:00–11:00 + 16:00–21:00 spans 14 h (domain.md's example of a pass that is not allowed)."""


def test_pass_span() -> None:
    inst = make_instance(shifts=[LONG_SPLIT])
    assert_one(inst, [("E1", 2, "S14")], "pass_span")
    # One pass at 1 000 SEK.
    inst = make_instance(soft({}, "pass_span", 1000), shifts=[LONG_SPLIT])
    assert soft_cost(inst, [("E1", 2, "S14")], "pass_span") == (1, 100_000)
    # S (07:00–11:30 + 15:30–20:00) spans exactly 13 h.
    assert_holds(make_instance(shifts=[LONG_SPLIT]), [("E1", 2, "S")])


# --- breaks ----------------------------------------------------------------------------------

NO_BREAK = {"id": "X6", "parts": [{"start": "07:00", "end": "13:00"}], "skills": ["usk"]}
SHORT_BREAK = {
    "id": "X20",
    "parts": [{"start": "07:00", "end": "13:00"}],
    "break_minutes": 20,
    "skills": ["usk"],
}
MEAL_BREAK = {
    "id": "M6",
    "parts": [{"start": "07:00", "end": "13:00"}],
    "paid_meal_break": True,
    "skills": ["usk"],
}
TEN_AND_A_HALF = {
    "id": "B30",
    "parts": [{"start": "07:00", "end": "17:30"}],
    "break_minutes": 30,
    "skills": ["usk"],
}
ELEVEN = {
    "id": "B11",
    "parts": [{"start": "07:00", "end": "18:00"}],
    "break_minutes": 30,
    "skills": ["usk"],
}


def test_breaks() -> None:
    shifts = [NO_BREAK, SHORT_BREAK, MEAL_BREAK, TEN_AND_A_HALF, ELEVEN]
    inst = make_instance(shifts=shifts)
    # 6 h without any break, 6 h with a 20 min break (< 30), 11 h − 30 min = 10 h 30 > 2 × 5 h.
    assert_one(inst, [("E1", 0, "X6")], "breaks")
    assert_one(inst, [("E1", 0, "X20")], "breaks")
    assert_one(inst, [("E1", 0, "B11")], "breaks")
    # Two passes at 150 SEK: 30 000 öre.
    inst_soft = make_instance(soft({}, "breaks", 150), shifts=shifts)
    assert soft_cost(inst_soft, [("E1", 0, "X6"), ("E2", 0, "X20")], "breaks") == (2, 30_000)
    # A paid meal break is exempt; 10 h 30 min − 30 min = 10 h = 2 × 5 h is allowed; D is 8 h 30
    # with 30 min.
    assert_holds(inst, [("E1", 0, "M6"), ("E1", 2, "B30"), ("E2", 0, "D")])


# --- weekly_rest -----------------------------------------------------------------------------

MONDAY_TO_SATURDAY = [("E1", d, "D") for d in range(6)]
"""The longest rest is Saturday 15:30 → Monday 00:00 (the week's end): 32 h 30 min < 36 h."""


def test_weekly_rest() -> None:
    report = check(make_instance(), MONDAY_TO_SATURDAY)
    assert found(report) == [("weekly_rest", "E1")]
    assert "32 h 30 min (minimum 36 h)" in report.violations[0].text("en")
    assert "32 tim 30 min (minst 36 tim)" in report.violations[0].message  # Swedish default
    # One week at 1 000 SEK.
    assert soft_cost(
        make_instance(soft({}, "weekly_rest", 1000)), MONDAY_TO_SATURDAY, "weekly_rest"
    ) == (1, 100_000)
    # Monday to Friday: Friday 15:30 → Monday 00:00 is 56 h 30 min.
    assert_holds(make_instance(), [("E1", d, "D") for d in range(5)])


def test_weekly_rest_without_the_daily_rest_needs_47_hours() -> None:
    """D Mon–Fri and D Sunday: the longest rest is Fri 15:30 → Sun 07:00 = 39 h 30 min,
    enough for 36 h, not for 36 + 11 = 47 h."""
    passes = [("E1", d, "D") for d in (0, 1, 2, 3, 4, 6)]
    assert_holds(make_instance(), passes)
    assert_one(
        make_instance({"weekly_rest": {"includes_daily_rest": False}}), passes, "weekly_rest"
    )


def test_weekly_rest_night_of_the_last_day_occupies_monday_morning() -> None:
    """Cyclic week: K Tue–Sat, N Sunday 21:00 → Monday 07:00, which in a cyclic horizon is day
    0's morning. Without the wrap the longest rest is Mon 00:00 → Tue 13:30 = 37 h 30 min; with
    it Mon 07:00 → Tue 13:30 = 30 h 30 min < 36 h."""
    passes = [("E1", d, "K") for d in range(1, 6)] + [("E1", 6, "N")]
    assert_holds(make_instance(cyclic=False), passes)
    assert_one(make_instance(cyclic=True), passes, "weekly_rest")


# --- daily_rest_24h --------------------------------------------------------------------------


def test_daily_rest_24h() -> None:
    """S on Wednesday spans 07:00–20:00 (its gap is not rest). With dygnsbryt 06:00 the window
    Wed 06:00 → Thu 06:00 holds 1 h and 10 h of rest: too little. With dygnsbryt 20:00 the
    window Tue 20:00 → Wed 20:00 holds exactly 11 h."""
    rules = {"daily_rest_24h": {"enabled": True}}

    def inst(dygnsbryt: str, rule_set: dict[str, Any] = rules) -> Instance:
        return make_instance(
            rule_set, employees=[{"id": "E1", "skills": ["usk"], "dygnsbryt": dygnsbryt}]
        )

    assert_one(inst("06:00"), [("E1", 2, "S")], "daily_rest_24h")
    # One window at 300 SEK.
    assert soft_cost(
        inst("06:00", soft(rules, "daily_rest_24h", 300)), [("E1", 2, "S")], "daily_rest_24h"
    ) == (1, 30_000)
    assert_holds(inst("20:00"), [("E1", 2, "S")])


# --- contract_hours --------------------------------------------------------------------------

ONE_EMPLOYEE = [{"id": "E1", "skills": ["usk"]}]
CONTRACT = {"contract_hours": {"enabled": True}}


def test_contract_hours() -> None:
    """Full time 38.25 h = 2 295 min a week, tolerance 4 h: band 2 055 – 2 535 minutes.
    Four D passes are 1 920 paid minutes: 135 minutes below the band."""
    four = [("E1", d, "D") for d in range(4)]
    assert_one(make_instance(CONTRACT, employees=ONE_EMPLOYEE), four, "contract_hours")
    # 300 SEK/h = 500 öre a minute: 135 × 500 = 67 500 öre.
    inst = make_instance(soft(CONTRACT, "contract_hours", 300), employees=ONE_EMPLOYEE)
    assert soft_cost(inst, four, "contract_hours") == (135, 67_500)
    # Five D passes: 2 400 minutes, inside the band.
    assert_holds(
        make_instance(CONTRACT, employees=ONE_EMPLOYEE), [("E1", d, "D") for d in range(5)]
    )


def test_contract_hours_per_schedule_period() -> None:
    """Two weeks: 5 D (2 400) then 4 D (1 920). Over the whole horizon 4 320 is 30 minutes
    below 4 590 − 240; with one-week periods only week 2 is off, by 2 055 − 1 920 = 135."""
    passes = [("E1", d, "D") for d in range(5)] + [("E1", 7 + d, "D") for d in range(4)]
    whole = make_instance(soft(CONTRACT, "contract_hours", 60), weeks=2, employees=ONE_EMPLOYEE)
    assert soft_cost(whole, passes, "contract_hours") == (30, 3_000)
    weekly = soft({"contract_hours": {"period_weeks": 1}}, "contract_hours", 60)
    inst = make_instance(weekly, weeks=2, employees=ONE_EMPLOYEE)
    assert soft_cost(inst, passes, "contract_hours") == (135, 13_500)
    report = check(
        make_instance(
            {"contract_hours": {"enabled": True, "period_weeks": 1}},
            weeks=2,
            employees=ONE_EMPLOYEE,
        ),
        passes,
    )
    assert [(v.rule, v.date) for v in report.violations] == [
        ("contract_hours", make_instance(weeks=2).horizon.date(7))
    ]


# --- max_split_shifts ------------------------------------------------------------------------

THREE_SPLITS = [("E1", d, "S") for d in range(3)]
"""Three split passes Mon–Wed (S ends 20:00, the next starts 07:00: exactly 11 h rest)."""


def test_max_split_shifts() -> None:
    assert_one(make_instance(), THREE_SPLITS, "max_split_shifts")
    # One split pass above the default max 2, at 1 000 SEK.
    assert soft_cost(
        make_instance(soft({}, "max_split_shifts", 1000)), THREE_SPLITS, "max_split_shifts"
    ) == (1, 100_000)
    assert_holds(make_instance({"max_split_shifts": {"per_employee": {"E1": 3}}}), THREE_SPLITS)


# --- max_consecutive_days --------------------------------------------------------------------

AT_MOST_3 = {"max_consecutive_days": {"per_employee": {"E1": 3}}}


def test_max_consecutive_days() -> None:
    """E1 may work at most 3 days in a row; D Mon–Thu is a run of 4 (E2 keeps the default 6)."""
    four = [("E1", d, "D") for d in range(4)]
    assert_one(make_instance(AT_MOST_3), four, "max_consecutive_days")
    # A run of 4 costs 4 − 3 = 1 day at 500 SEK.
    assert soft_cost(
        make_instance(soft(AT_MOST_3, "max_consecutive_days", 500)), four, "max_consecutive_days"
    ) == (1, 50_000)
    assert_holds(make_instance(AT_MOST_3), [("E2", d, "D") for d in range(4)])


def test_max_consecutive_days_runs_wrap_in_a_cyclic_horizon() -> None:
    """D Fri, Sat, Sun and Mon: in a cyclic week Sun is followed by Mon, a run of 4."""
    passes = [("E1", d, "D") for d in (0, 4, 5, 6)]
    assert_one(make_instance(AT_MOST_3, cyclic=True), passes, "max_consecutive_days")
    assert_holds(make_instance(AT_MOST_3, cyclic=False), passes)


# --- min_consecutive_days / min_consecutive_days_off ----------------------------------------

MIN_DAYS = {"min_consecutive_days": {"enabled": True}}
MIN_OFF = {"min_consecutive_days_off": {"enabled": True}}


def test_min_consecutive_days() -> None:
    """A lone working Wednesday is a run of 1 < 2. A lone Monday touches day 0 of a non-cyclic
    horizon and is exempt; in a cyclic one it is short."""
    assert_one(make_instance(MIN_DAYS), [("E1", 2, "D")], "min_consecutive_days")
    assert soft_cost(
        make_instance(soft(MIN_DAYS, "min_consecutive_days", 250)),
        [("E1", 2, "D")],
        "min_consecutive_days",
    ) == (1, 25_000)
    assert_holds(make_instance(MIN_DAYS), [("E1", 0, "D"), ("E1", 2, "D"), ("E1", 3, "D")])
    assert_one(make_instance(MIN_DAYS, cyclic=True), [("E1", 0, "D")], "min_consecutive_days")


def test_min_consecutive_days_off() -> None:
    """D Mon and Wed leave Tuesday a lone day off (the run Thu–Sun touches the last day)."""
    assert_one(make_instance(MIN_OFF), [("E1", 0, "D"), ("E1", 2, "D")], "min_consecutive_days_off")
    assert soft_cost(
        make_instance(soft(MIN_OFF, "min_consecutive_days_off", 250)),
        [("E1", 0, "D"), ("E1", 2, "D")],
        "min_consecutive_days_off",
    ) == (1, 25_000)
    assert_holds(make_instance(MIN_OFF), [("E1", 0, "D"), ("E1", 1, "D")])


# --- max_weekends ----------------------------------------------------------------------------

ONE_WEEKEND = {"max_weekends": {"enabled": True, "max": 1}}


def test_max_weekends() -> None:
    """Two weeks: D on Saturday of week 1 and Sunday of week 2 are two weekends worked."""
    passes = [("E1", 5, "D"), ("E1", 13, "D")]
    assert_one(make_instance(ONE_WEEKEND, weeks=2), passes, "max_weekends")
    # One weekend above max at 200 SEK.
    assert soft_cost(
        make_instance(soft(ONE_WEEKEND, "max_weekends", 200), weeks=2), passes, "max_weekends"
    ) == (1, 20_000)
    # Saturday and Sunday of one weekend are one weekend.
    assert_holds(make_instance(ONE_WEEKEND, weeks=2), [("E1", 5, "D"), ("E1", 6, "D")])


# --- max_shift_passes ------------------------------------------------------------------------

ONE_NIGHT_FOR_E1 = {
    "max_shift_passes": {"enabled": True, "limits": [{"shift": "N", "max": 1, "employees": ["E1"]}]}
}


def test_max_shift_passes() -> None:
    """E1 may work one N; two nights (Mon, Wed) are one above. E2 is not named by the limit."""
    nights = [("E1", 0, "N"), ("E1", 2, "N"), ("E2", 0, "N"), ("E2", 2, "N")]
    assert_one(make_instance(ONE_NIGHT_FOR_E1), nights, "max_shift_passes")
    assert soft_cost(
        make_instance(soft(ONE_NIGHT_FOR_E1, "max_shift_passes", 400)), nights, "max_shift_passes"
    ) == (1, 40_000)
    assert_holds(make_instance(ONE_NIGHT_FOR_E1), nights[1:])


# --- forbidden_successions -------------------------------------------------------------------

NO_D_THEN_K = {"forbidden_successions": {"enabled": True, "pairs": [{"first": "D", "then": ["K"]}]}}


def test_forbidden_successions() -> None:
    """D Monday then K Tuesday (22 h rest, so no other rule objects)."""
    assert_one(
        make_instance(NO_D_THEN_K), [("E1", 0, "D"), ("E1", 1, "K")], "forbidden_successions"
    )
    assert soft_cost(
        make_instance(soft(NO_D_THEN_K, "forbidden_successions", 350)),
        [("E1", 0, "D"), ("E1", 1, "K")],
        "forbidden_successions",
    ) == (1, 35_000)
    # D, a day off, then K is not a succession.
    assert_holds(make_instance(NO_D_THEN_K), [("E1", 0, "D"), ("E1", 2, "K")])


def test_forbidden_successions_wrap_in_a_cyclic_horizon() -> None:
    """D on Sunday, K on Monday: a succession only when Sunday is followed by day 0."""
    passes = [("E1", 0, "K"), ("E1", 6, "D")]
    assert_one(make_instance(NO_D_THEN_K, cyclic=True), passes, "forbidden_successions")
    assert_holds(make_instance(NO_D_THEN_K, cyclic=False), passes)


# --- total_minutes ---------------------------------------------------------------------------

TOTAL = {"total_minutes": {"enabled": True, "min": 2000, "max": 3000}}


def test_total_minutes() -> None:
    """Two D passes are 960 paid minutes, 1 040 below min 2 000."""
    two = [("E1", 0, "D"), ("E1", 1, "D")]
    assert_one(make_instance(TOTAL, employees=ONE_EMPLOYEE), two, "total_minutes")
    # 60 SEK/h = 100 öre a minute: 1 040 × 100.
    assert soft_cost(
        make_instance(soft(TOTAL, "total_minutes", 60), employees=ONE_EMPLOYEE),
        two,
        "total_minutes",
    ) == (1040, 104_000)
    # E1's own min 900; the max falls back to the rule's 3 000.
    own = {"total_minutes": {**TOTAL["total_minutes"], "per_employee": {"E1": {"min": 900}}}}
    assert_holds(make_instance(own, employees=ONE_EMPLOYEE), two)
    # Seven D passes are 3 360 minutes, above the max 3 000 (and breaking other rules too).
    over = [("E1", d, "D") for d in range(7)]
    report = check(make_instance(own, employees=ONE_EMPLOYEE), over)
    assert ("total_minutes", "E1") in found(report)


# --- average_weekly_hours --------------------------------------------------------------------

AT_MOST_15_H = {"average_weekly_hours": {"max_minutes_per_week": 900}}


def test_average_weekly_hours() -> None:
    """Two D passes are 960 paid minutes in one week, 60 above 15 h."""
    two = [("E1", 0, "D"), ("E1", 1, "D")]
    assert_one(make_instance(AT_MOST_15_H), two, "average_weekly_hours")
    # 100 SEK/h = round_half_up(166.67) = 167 öre a minute: 60 × 167 = 10 020.
    assert soft_cost(
        make_instance(soft(AT_MOST_15_H, "average_weekly_hours", 100)), two, "average_weekly_hours"
    ) == (60, 10_020)
    assert_holds(make_instance(AT_MOST_15_H), [("E1", 0, "D")])
