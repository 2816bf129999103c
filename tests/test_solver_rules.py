"""Each rule changes the solver's optimum on a tiny instance, by the amount docs/rules.md says.

Every case is solved to OPTIMAL, its roster passes the independent checker, and the checker's
priced total equals the solver's objective term by term (`solver_cases.solved`). The expected
objective is worked out by hand in the docstring or a comment, in öre:

    uncovered minute at 500 SEK/h    833 öre   (ore_per_minute(500) = round(833.33))
    stranded minute at 20 SEK/h       33 öre   (ore_per_minute(20) = round(33.33))
    a soft unit of W SEK             100 × W öre (per-hour rules: ore_per_minute(W) a minute)

so a whole uncovered D pass (07:00–15:30, 510 minutes worked) costs 510 × 833 = 424 830 and a
pass nobody needs costs 510 × 33 = 16 830. The base rule set is AB 2023 with contract_hours off
and no resurspass (`solver_cases.build`); a test switches off what else would get in its way
and says why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bemanna.instance import RULE_IDS, InstanceError
from bemanna.units import ore_per_minute
from solver_cases import (
    STRANDED,
    UNCOVERED,
    D,
    K,
    N,
    S,
    band,
    build,
    day,
    employee,
    need,
    optimum,
    run,
    shift,
    solved,
    worked,
)

D_PASS = 510 * UNCOVERED  # 424 830: a D pass's need left uncovered
D_STRANDED = 510 * STRANDED  # 16 830: a D pass nobody needs
K_PASS = 480 * UNCOVERED  # 399 840: a K pass's need left uncovered


def only(shift_data: dict, *weekdays: str) -> dict:
    """The shift type, existing only on these weekdays."""
    return {**shift_data, "weekdays": list(weekdays)}


def d_need(*weekdays: str) -> dict:
    return need(band("07:00", "15:30"), weekdays=list(weekdays))


def k_need(*weekdays: str) -> dict:
    return need(band("13:30", "21:30"), weekdays=list(weekdays))


WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def test_every_rule_id_has_a_test_here() -> None:
    """The registry test keeps RULE_IDS in step with the builders; this keeps it in step with
    this file: a new rule id needs a test that shows it changes an optimum."""
    source = Path(__file__).read_text(encoding="utf-8")
    missing = [r for r in RULE_IDS if f"def test_{r}" not in source]
    assert not missing


# --- rest ------------------------------------------------------------------------------------


def daily_rest_case(rules: dict | None = None) -> object:
    """K on Monday (13:30–21:30) then D on Tuesday (07:00–15:30): 9 h 30 min of rest, the
    domain example of a too-short dygnsvila. Each shift exists only on its day."""
    return build(
        [only(K, "mon"), only(D, "tue")], demand=[k_need("mon"), d_need("tue")], rules=rules
    )


def test_daily_rest() -> None:
    # Off: work both passes, all need covered.
    assert optimum(daily_rest_case({"daily_rest": {"enabled": False}})) == 0
    # Hard (11 h): one of them must go; dropping K (480 min uncovered) is cheaper than
    # dropping D (510 min): 480 × 833 = 399 840.
    result, _ = solved(daily_rest_case())
    assert result.objective == K_PASS == 399_840
    assert worked(result) == {1: "D"}
    # Soft at 1 000 SEK: one short pair costs 100 000 öre < 399 840, so both are worked.
    result, report = solved(daily_rest_case({"daily_rest": {"mode": "soft"}}))
    assert result.objective == 100_000 and report.units["daily_rest"] == 1
    assert result.objective_by_term["daily_rest"] == 100_000
    # Soft at 5 000 SEK: a short pair (500 000) costs more than leaving K open.
    assert optimum(daily_rest_case({"daily_rest": {"mode": "soft", "weight_sek": 5000}})) == K_PASS
    # Reduced rest down to 9 h: 9 h 30 min holds, and nothing follows Tuesday's pass in this
    # non-cyclic week, so there is nothing to make up.
    assert optimum(daily_rest_case({"daily_rest": {"reduced_minutes": 540}})) == 0


def test_daily_rest_reduced_rest_is_made_up_after_the_next_pass() -> None:
    """K Mon, D Tue, X Wed 03:00–07:00 (240 min). K→D is 9 h 30 min, 1 h 30 min short of 11 h;
    D→X is 11 h 30 min, enough as a plain rest but not as compensation (11 h + 1 h 30 min)."""
    x = shift("X", ("03:00", "07:00"), weekdays=["wed"])
    demand = [k_need("mon"), d_need("tue"), need(band("03:00", "07:00"), weekdays=["wed"])]

    def case(rules: dict) -> object:
        return build([only(K, "mon"), only(D, "tue"), x], demand=demand, rules=rules)

    # Plain 11 h: K→D is forbidden, D→X is fine: drop K, 399 840.
    assert optimum(case({})) == K_PASS
    # Reduced to 9 h: K→D may stand if D→X is >= 12 h 30 min; it is not, so all three cannot
    # be worked. Dropping X (240 × 833 = 199 920) is cheapest.
    result, _ = solved(case({"daily_rest": {"reduced_minutes": 540}}))
    assert result.objective == 240 * UNCOVERED == 199_920
    assert worked(result) == {0: "K", 1: "D"}
    # Soft at 1 SEK: all three, the failed compensation counts the later pair once: 100 öre.
    result, report = solved(
        case({"daily_rest": {"reduced_minutes": 540, "mode": "soft", "weight_sek": 1}})
    )
    assert result.objective == 100 and report.units["daily_rest"] == 1


def test_daily_rest_soft_short_pair_after_a_reduced_rest_counts_once() -> None:
    """K Mon (ends 21:30), D Tue 07:00 (9 h 30 min: a reduced rest), X Wed 00:00–04:00: the
    rest D→X is 8 h 30 min, below even the reduced 9 h. docs/rules.md counts one pair of
    consecutive passes per unit ("a reduced rest whose compensation fails counts the later
    pair"; fine print: "a pair of passes counts once even when it is both short and a failed
    make-up rest"), and the later pair is D→X itself: one unit, 100 öre at 1 SEK. The solver
    prices D→X once as a short pair and once as the failed compensation: 200."""
    x = shift("X", ("00:00", "04:00"), weekdays=["wed"])
    inst = build(
        [only(K, "mon"), only(D, "tue"), x],
        demand=[k_need("mon"), d_need("tue"), need(band("00:00", "04:00"), weekdays=["wed"])],
        rules={"daily_rest": {"reduced_minutes": 540, "mode": "soft", "weight_sek": 1}},
    )
    assert optimum(inst) == 100


def test_daily_rest_soft_prices_only_consecutive_passes() -> None:
    """Pinned: A Mon 22:00 → Tue 14:00 (16 h, pass_span off, paid meal break), M Tue
    16:00–20:00, B Wed 00:00–04:00. The consecutive pairs are A→M (2 h) and M→B (4 h): two
    short rests, 2 × 100 öre at 1 SEK. A→B (10 h) is not a pair: M lies between. Nobody needs
    the passes: (960 + 240 + 240) × 33 = 47 520 stranded. Total 47 720; the solver also
    prices A→B and reports 47 820."""
    pins = [{"date": day(0), "shift": "A"}, {"date": day(1), "shift": "M"},
            {"date": day(2), "shift": "B"}]
    inst = build(
        [shift("A", ("22:00", "14:00"), paid_meal_break=True, weekdays=["mon"]),
         shift("M", ("16:00", "20:00"), weekdays=["tue"]),
         shift("B", ("00:00", "04:00"), weekdays=["wed"])],
        employees=[employee(pinned=pins)],
        rules={"pass_span": {"enabled": False},
               "daily_rest": {"mode": "soft", "weight_sek": 1}},
    )
    assert optimum(inst) == 1440 * STRANDED + 2 * 100 == 47_720


def test_daily_rest_wraps_in_a_cyclic_horizon() -> None:
    """K on Sunday, D on Monday. Non-cyclic: nothing follows Sunday, cost 0. Cyclic: Sunday's
    K (ends 21:30) is followed by day 0's D at 07:00 one week later, 9 h 30 min: drop K."""
    shifts = [only(K, "sun"), only(D, "mon")]
    demand = [k_need("sun"), d_need("mon")]
    assert optimum(build(shifts, demand=demand)) == 0
    result, _ = solved(build(shifts, demand=demand, cyclic=True))
    assert result.objective == K_PASS
    assert worked(result) == {0: "D"}


def test_daily_rest_after_a_pass_ending_two_days_later() -> None:
    """L: Monday 23:00 to Wednesday 22:00 (two parts, 47 h span, allowed by the model up to
    48 h; pass_span off, paid meal break so breaks do not apply). L pinned on Monday; demand
    for D on Thursday 07:00. Rest L→D is 9 h < 11 h, so D cannot be worked: 510 × 833 =
    424 830 uncovered, plus L's 2 820 worked minutes nobody needs × 33 = 93 060. Total
    517 890. The solver's rest conflicts reach day d+2 only and it works both."""
    long_pass = shift("L", ("23:00", "23:00"), ("23:00", "22:00"), paid_meal_break=True)
    inst = build(
        [long_pass, only(D, "thu")],
        employees=[employee(pinned=[{"date": day(0), "shift": "L"}])],
        demand=[d_need("thu")],
        rules={
            "pass_span": {"enabled": False},
            "weekly_rest": {"enabled": False},
            "average_weekly_hours": {"enabled": False},
        },
    )
    assert optimum(inst) == D_PASS + 2820 * STRANDED == 517_890


def test_weekly_rest() -> None:
    """D needed every day of one non-cyclic week (max_consecutive_days and the 48 h average
    are off: seven D passes would break them too, 7 × 480 > 2 880)."""
    off = {"max_consecutive_days": {"enabled": False}, "average_weekly_hours": {"enabled": False}}

    def case(weekly: dict) -> object:
        return build([D], demand=[d_need(*WEEK)], rules={**off, "weekly_rest": weekly})

    assert optimum(case({"enabled": False})) == 0
    # 36 h inside [Mon 00:00, next Mon 00:00): a free middle day gives Tue 15:30 → Thu 07:00
    # = 39 h 30 min. Freeing Monday gives only 31 h (00:00 → Tue 07:00) and freeing Sunday
    # 32 h 30 min (Sat 15:30 → the week's end): the rest must lie inside the week.
    result, _ = solved(case({}))
    assert result.objective == D_PASS
    (free,) = set(range(7)) - set(worked(result))
    assert 1 <= free <= 5
    # Soft at 1 000 SEK: one week without its rest, 100 000 < 424 830.
    result, report = solved(case({"mode": "soft"}))
    assert result.objective == 100_000 and report.units["weekly_rest"] == 1
    # Not including the daily rest: 36 h + 11 h = 47 h, which one free day (39 h 30 min)
    # does not give: two free days, 2 × 424 830.
    assert optimum(case({"includes_daily_rest": False})) == 2 * D_PASS == 849_660


def test_weekly_rest_sees_the_night_pass_wrapping_into_day_0() -> None:
    """K Tue–Sat and N (21:00–07:00) on Sunday. Non-cyclic: week 0 is free from Monday 00:00
    to Tuesday 13:30, 37 h 30 min, enough: cost 0. Cyclic: Sunday's N runs on to Monday 07:00
    of week 0, leaving 30 h 30 min: one K must go (399 840; leaving N open costs 600 × 833)."""
    shifts = [K, only(N, "sun")]
    demand = [k_need("tue", "wed", "thu", "fri", "sat"), need(band("21:00", "07:00"),
                                                              weekdays=["sun"])]
    assert optimum(build(shifts, demand=demand)) == 0
    result, _ = solved(build(shifts, demand=demand, cyclic=True))
    assert result.objective == K_PASS
    assert worked(result)[6] == "N"


def test_daily_rest_24h() -> None:
    """A split pass S (07:00–11:30 + 15:30–20:00, span 13 h) needed on Wednesday only. In the
    24 h from midnight the longest rest is 7 h (before 07:00); the gap inside a split shift is
    no rest."""

    def case(rule: dict, dygnsbryt: str = "00:00") -> object:
        return build(
            [only(S, "wed")],
            employees=[employee(dygnsbryt=dygnsbryt)],
            demand=[need(band("07:00", "11:30"), band("15:30", "20:00"), weekdays=["wed"])],
            rules={"daily_rest_24h": rule},
        )

    assert optimum(case({"enabled": False})) == 0  # switched off
    # On: S cannot be worked; its 540 minutes stay uncovered: 449 820.
    assert optimum(case({"enabled": True})) == 540 * UNCOVERED == 449_820
    # Dygnsbryt 20:00: the window Tue 20:00 → Wed 20:00 rests 11 h before 07:00 and the next
    # window starts when S ends: S is allowed again.
    assert optimum(case({"enabled": True}, dygnsbryt="20:00")) == 0
    # Soft at 1 000 SEK: one window (Wednesday's) without its rest.
    result, report = solved(case({"enabled": True, "mode": "soft"}))
    assert result.objective == 100_000 and report.units["daily_rest_24h"] == 1


def test_daily_rest_24h_windows_past_a_non_cyclic_horizon_are_not_checked() -> None:
    """M (12:00–23:00, 1 h break) needed on Sunday, the last day; dygnsbryt 06:00. Sunday's
    window [Sun 06:00, Mon 06:00) has only 6 h of rest before M and 7 h after it. Non-cyclic:
    that window ends after the horizon and is not checked (docs/rules.md, fine print), so M is
    worked: 0. Cyclic: the window wraps into day 0 and M cannot be worked: 660 × 833."""
    m = shift("M", ("12:00", "23:00"), break_minutes=60, weekdays=["sun"])

    def case(cyclic: bool) -> object:
        return build([m], employees=[employee(dygnsbryt="06:00")],
                     demand=[need(band("12:00", "23:00"), weekdays=["sun"])],
                     rules={"daily_rest_24h": {"enabled": True}}, cyclic=cyclic)

    assert optimum(case(cyclic=False)) == 0
    assert optimum(case(cyclic=True)) == 660 * UNCOVERED == 549_780


# --- shape -----------------------------------------------------------------------------------


def test_pass_span() -> None:
    """Need 07:00–11:00 and 16:00–21:00 on Monday. Split S14 (07:00–11:00 + 16:00–21:00)
    covers it exactly but spans 14 h; split S13 (07:00–11:30 + 15:30–20:00) spans 13 h."""
    s14 = shift("S14", ("07:00", "11:00"), ("16:00", "21:00"), weekdays=["mon"])
    s13 = shift("S13", ("07:00", "11:30"), ("15:30", "20:00"), weekdays=["mon"])
    demand = [need(band("07:00", "11:00"), band("16:00", "21:00"), weekdays=["mon"])]

    def case(rule: dict) -> object:
        return build([s14, s13], demand=demand, rules={"pass_span": rule})

    result, _ = solved(case({"enabled": False}))
    assert (result.objective, worked(result)) == (0, {0: "S14"})
    # Hard (13 h): S13 leaves 20:00–21:00 uncovered (60 × 833 = 49 980) and works 11:00–11:30
    # and 15:30–16:00 that nobody needs (60 × 33 = 1 980): 51 960.
    result, _ = solved(case({}))
    assert result.objective == 60 * UNCOVERED + 60 * STRANDED == 51_960
    assert worked(result) == {0: "S13"}
    # Soft at 100 SEK: S14 for 10 000.
    result, report = solved(case({"mode": "soft", "weight_sek": 100}))
    assert (result.objective, worked(result)) == (10_000, {0: "S14"})
    assert report.units["pass_span"] == 1


def test_breaks() -> None:
    """Need 07:00–15:00 on Monday. L8 works it straight through without a break (480 > 300
    minutes); L85 (07:00–15:30, 30 min unpaid break) keeps the rule."""
    l85 = shift("L85", ("07:00", "15:30"), break_minutes=30, weekdays=["mon"])
    demand = [need(band("07:00", "15:00"), weekdays=["mon"])]

    def case(rule: dict, **l8: object) -> object:
        shifts = [shift("L8", ("07:00", "15:00"), weekdays=["mon"], **l8), l85]
        return build(shifts, demand=demand, rules={"breaks": rule})

    assert optimum(case({"enabled": False})) == 0
    # Hard: L85; the break is not placed, so 15:00–15:30 is 30 stranded minutes: 990.
    result, _ = solved(case({}))
    assert (result.objective, worked(result)) == (30 * STRANDED, {0: "L85"})
    # Soft at 5 SEK: L8 for 500 öre.
    result, report = solved(case({"mode": "soft", "weight_sek": 5}))
    assert (result.objective, worked(result)) == (500, {0: "L8"})
    assert report.units["breaks"] == 1
    # A paid meal break at the workplace exempts L8.
    assert optimum(case({}, paid_meal_break=True)) == 0


# --- hours -----------------------------------------------------------------------------------


def test_contract_hours() -> None:
    """D (paid 480) needed Mon–Wed; a 100 % rotating contract is 2 295 minutes a week."""

    def case(rule: dict, resurspass: bool = False) -> object:
        return build([D], demand=[d_need("mon", "tue", "wed")],
                     rules={"contract_hours": {"enabled": True, **rule}}, resurspass=resurspass)

    assert optimum(build([D], demand=[d_need("mon", "tue", "wed")])) == 0  # off in the base
    # ± 4 h: 2 055 – 2 535 paid minutes: 4 passes (1 920) are too few, 5 (2 400) fit. The two
    # passes beyond the need are stranded: 2 × 16 830.
    result, _ = solved(case({}))
    assert result.objective == 2 * D_STRANDED == 33_660
    assert len(worked(result)) == 5
    # Tolerance 615 min: 1 680 – 2 910, so 4 passes will do: one stranded.
    assert optimum(case({"tolerance_minutes": 615})) == D_STRANDED
    # With resurspass the two extra passes are booked later and cost nothing here.
    result, _ = solved(case({}, resurspass=True))
    assert result.objective == 0 and result.roster is not None
    assert sorted(a.kind for a in result.roster.assignments).count("resurs") == 2
    # Soft at 10 SEK/h = 17 öre a minute: 3 passes are 615 minutes short, 10 455; a fourth
    # pass would cost 16 830 stranded to save 480 × 17.
    result, report = solved(case({"mode": "soft", "weight_sek": 10}))
    assert ore_per_minute(10) == 17
    assert result.objective == 615 * 17 == 10_455
    assert report.units["contract_hours"] == 615


def test_total_minutes() -> None:
    """D (paid 480) needed on Monday only."""

    def case(rule: dict, days: tuple[str, ...] = ("mon",)) -> object:
        return build([D], demand=[d_need(*days)], rules={"total_minutes": rule})

    assert optimum(case({"min": 1000, "enabled": False})) == 0  # switched off
    # At least 1 000 paid minutes: three passes (1 440), two of them stranded.
    assert optimum(case({"enabled": True, "min": 1000})) == 2 * D_STRANDED
    # At most 500 with need on Monday and Tuesday: one pass, one day uncovered.
    assert optimum(case({"enabled": True, "max": 500}, ("mon", "tue"))) == D_PASS
    # A per-employee range overrides the default.
    rule = {"enabled": True, "min": 1000, "per_employee": {"E1": {"min": 0}}}
    assert optimum(case(rule)) == 0
    # Soft at 60 SEK/h = 100 öre a minute: one pass is 520 minutes short (52 000); two are 40
    # short (4 000) plus one stranded (16 830) = 20 830; three cost 33 660.
    result, report = solved(case({"enabled": True, "min": 1000, "mode": "soft",
                                  "weight_sek": 60}))
    assert result.objective == 40 * 100 + D_STRANDED == 20_830
    assert report.units["total_minutes"] == 40


def test_average_weekly_hours() -> None:
    """LD (07:00–19:00, 2 h break, paid 600) needed Mon–Fri: 3 000 paid minutes, 120 more
    than 48 h (ATL)."""
    ld = shift("LD", ("07:00", "19:00"), break_minutes=120)
    demand = [need(band("07:00", "19:00"), weekdays=WEEK[:5])]

    def case(rule: dict) -> object:
        return build([ld], demand=demand, rules={"average_weekly_hours": rule})

    assert optimum(case({"enabled": False})) == 0
    # Hard: four passes; a day's 720 minutes uncovered: 599 760.
    assert optimum(case({})) == 720 * UNCOVERED == 599_760
    # Soft at 100 SEK/h = 167 öre a minute: 120 × 167 = 20 040.
    result, report = solved(case({"mode": "soft", "weight_sek": 100}))
    assert result.objective == 120 * ore_per_minute(100) == 20_040
    assert report.units["average_weekly_hours"] == 120


# --- days ------------------------------------------------------------------------------------


def test_max_split_shifts() -> None:
    """Split S needed Monday to Wednesday; the default allows 2 split passes."""

    def case(rule: dict) -> object:
        demand = [need(band("07:00", "11:30"), band("15:30", "20:00"),
                       weekdays=["mon", "tue", "wed"])]
        return build([S], demand=demand, rules={"max_split_shifts": rule})

    assert optimum(case({"enabled": False})) == 0
    assert optimum(case({})) == 540 * UNCOVERED == 449_820  # one S day uncovered
    assert optimum(case({"per_employee": {"E1": 3}})) == 0
    result, report = solved(case({"mode": "soft"}))
    assert result.objective == 100_000 and report.units["max_split_shifts"] == 1


def test_max_consecutive_days() -> None:
    """D needed Monday to Friday, at most 3 days in a row."""

    def case(rule: dict) -> object:
        return build([D], demand=[d_need(*WEEK[:5])],
                     rules={"max_consecutive_days": {"max": 3, **rule}})

    assert optimum(case({"enabled": False})) == 0
    assert optimum(case({})) == D_PASS  # one weekday free
    assert optimum(case({"per_employee": {"E1": 5}})) == 0
    # Soft at 1 000 SEK: a run of 5 costs 5 − 3 = 2 units, 200 000 < 424 830.
    result, report = solved(case({"mode": "soft"}))
    assert result.objective == 200_000 and report.units["max_consecutive_days"] == 2


def test_max_consecutive_days_wraps_in_a_cyclic_horizon() -> None:
    """D needed Fri, Sat, Sun and Mon, at most 3 in a row. Non-cyclic: runs Mon and Fri–Sun.
    Cyclic: Fri–Mon is one run of 4, one day must go."""
    rules = {"max_consecutive_days": {"max": 3}}
    demand = [d_need("fri", "sat", "sun", "mon")]
    assert optimum(build([D], demand=demand, rules=rules)) == 0
    assert optimum(build([D], demand=demand, rules=rules, cyclic=True)) == D_PASS


WHOLE_CYCLE_OFF = {"weekly_rest": {"enabled": False}, "average_weekly_hours": {"enabled": False}}
"""Weekly rest and the 48 h average would forbid seven D passes in a week on their own."""


def test_max_consecutive_days_whole_cycle_is_one_run() -> None:
    """One-week cyclic horizon, D needed every day, default max 6. Working all seven days is
    one run of 7 (docs/rules.md: cyclic runs wrap; the checker reads it so): one day must go,
    424 830. The solver works all seven for 0 and the checker rejects the roster."""
    inst = build([D], demand=[d_need(*WEEK)], rules=WHOLE_CYCLE_OFF, cyclic=True)
    assert optimum(inst) == D_PASS


def test_max_consecutive_days_soft_whole_cycle_costs_length_minus_max() -> None:
    """One-week cyclic horizon, D needed every day, max 5 soft at 1 SEK. Seven days in a row
    cost 7 − 5 = 2 units = 200 öre (cheaper than leaving a day open). The solver charges one
    unit per 6-day window, 7 × 100 = 700, while the checker prices the same roster at 200."""
    rules = {**WHOLE_CYCLE_OFF,
             "max_consecutive_days": {"max": 5, "mode": "soft", "weight_sek": 1}}
    inst = build([D], demand=[d_need(*WEEK)], rules=rules, cyclic=True)
    assert optimum(inst) == 200


def test_min_consecutive_days() -> None:
    """D needed on Wednesday only; working runs must be at least 2 days long."""

    def case(rule: dict, days: tuple[str, ...] = ("wed",)) -> object:
        return build([D], demand=[d_need(*days)],
                     rules={"min_consecutive_days": {"min": 2, **rule}})

    assert optimum(case({"enabled": False})) == 0  # switched off
    # On: a lone Wednesday is a short run; adding Tuesday or Thursday costs 16 830 stranded,
    # far less than leaving Wednesday open.
    result, _ = solved(case({"enabled": True}))
    assert result.objective == D_STRANDED
    assert len(worked(result)) == 2 and 2 in worked(result)
    # Soft at 100 SEK: keep the lone Wednesday, one short run for 10 000.
    result, report = solved(case({"enabled": True, "mode": "soft", "weight_sek": 100}))
    assert result.objective == 10_000 and report.units["min_consecutive_days"] == 1
    # Non-cyclic: a run that includes day 0 is exempt, so a lone Monday is fine.
    assert optimum(case({"enabled": True}, ("mon",))) == 0


def test_min_consecutive_days_long_minimum_in_a_cyclic_horizon() -> None:
    """One-week cyclic horizon, min 6 working days in a row, Saturday and Sunday pinned free,
    D needed Monday to Friday. Every possible run lies inside Mon–Fri and is at most 5 days
    long, so no pass may be worked: 5 × 424 830 = 2 124 150. The solver works Mon–Fri (a run
    of 5) for 0 and the checker rejects the roster."""
    free = [{"date": day(5), "shift": None}, {"date": day(6), "shift": None}]
    inst = build([D], employees=[employee(pinned=free)], demand=[d_need(*WEEK[:5])],
                 rules={"min_consecutive_days": {"enabled": True, "min": 6}}, cyclic=True)
    assert optimum(inst) == 5 * D_PASS


def test_min_consecutive_days_off_long_minimum_in_a_cyclic_horizon() -> None:
    """One-week cyclic horizon, at least 6 days off in a row, D needed Saturday and Sunday.
    Working both leaves Mon–Fri, 5 days off: too few, so only one of them may be worked
    (then 6 days off in a row): 424 830. The solver works both for 0."""
    inst = build([D], demand=[d_need("sat", "sun")], cyclic=True,
                 rules={"min_consecutive_days_off": {"enabled": True, "min": 6}})
    assert optimum(inst) == D_PASS


def test_min_consecutive_days_off() -> None:
    """D needed Mon, Tue, Thu, Fri: Wednesday is a lone day off."""

    def case(rule: dict) -> object:
        return build([D], demand=[d_need("mon", "tue", "thu", "fri")],
                     rules={"min_consecutive_days_off": {"min": 2, **rule}})

    assert optimum(case({"enabled": False})) == 0  # switched off
    # On: work Wednesday too (16 830 stranded) rather than free Tuesday or Thursday.
    result, _ = solved(case({"enabled": True}))
    assert result.objective == D_STRANDED
    assert set(worked(result)) == {0, 1, 2, 3, 4}
    result, report = solved(case({"enabled": True, "mode": "soft", "weight_sek": 100}))
    assert result.objective == 10_000 and report.units["min_consecutive_days_off"] == 1


def test_max_weekends() -> None:
    """Two weeks, D needed on both Saturdays; at most 1 weekend worked."""

    def case(rule: dict, employees: list | None = None) -> object:
        return build([D], employees=employees, demand=[d_need("sat")], weeks=2,
                     rules={"max_weekends": {"max": 1, **rule}})

    assert optimum(case({"enabled": False})) == 0  # switched off
    assert optimum(case({"enabled": True})) == D_PASS
    result, report = solved(case({"enabled": True, "mode": "soft"}))
    assert result.objective == 100_000 and report.units["max_weekends"] == 1
    # The limit is per employee: two employees take a weekend each.
    two = [employee("E1"), employee("E2")]
    result, _ = solved(case({"enabled": True}, two))
    assert result.objective == 0
    assert len(worked(result, "E1")) == len(worked(result, "E2")) == 1


def test_max_shift_passes() -> None:
    """N (21:00–07:00, 600 min) needed Monday and Thursday; at most one N each."""
    demand = [need(band("21:00", "07:00"), weekdays=["mon", "thu"])]

    def case(rule: dict, limit: dict | None = None) -> object:
        limits = [{"shift": "N", "max": 1, **(limit or {})}]
        return build([N], employees=[employee("E1")], demand=demand,
                     rules={"max_shift_passes": {"limits": limits, **rule}})

    # Off. (Absent, the rule is off; a rule record written without `enabled` is on.)
    assert optimum(case({"enabled": False})) == 0
    assert optimum(case({"enabled": True})) == 600 * UNCOVERED == 499_800
    result, report = solved(case({"enabled": True, "mode": "soft"}))
    assert result.objective == 100_000 and report.units["max_shift_passes"] == 1
    # A limit naming only E2 leaves E1 free (E2 may not work N at all here).
    two = build([N, D], employees=[employee("E1"), employee("E2", allowed_shifts=["D"])],
                demand=demand, rules={"max_shift_passes": {
                    "enabled": True, "limits": [{"shift": "N", "max": 1, "employees": ["E2"]}]}})
    assert optimum(two) == 0


def test_forbidden_successions() -> None:
    """D on Monday followed by K on Tuesday (22 h of rest: daily rest holds) is forbidden."""
    pairs = [{"first": "D", "then": ["K"]}]

    def case(rule: dict, cyclic: bool = False, days: tuple[str, str] = ("mon", "tue")) -> object:
        return build([only(D, days[0]), only(K, days[1])],
                     demand=[d_need(days[0]), k_need(days[1])], cyclic=cyclic,
                     rules={"forbidden_successions": {"pairs": pairs, **rule}})

    # Off. (Absent, the rule is off; a rule record written without `enabled` is on.)
    assert optimum(case({"enabled": False})) == 0
    # On: drop K (399 840) rather than D (424 830).
    result, _ = solved(case({"enabled": True}))
    assert (result.objective, worked(result)) == (K_PASS, {0: "D"})
    result, report = solved(case({"enabled": True, "mode": "soft"}))
    assert result.objective == 100_000 and report.units["forbidden_successions"] == 1
    # D on Sunday, K on Monday: only the cyclic horizon has Sunday followed by day 0.
    assert optimum(case({"enabled": True}, days=("sun", "mon"))) == 0
    assert optimum(case({"enabled": True}, cyclic=True, days=("sun", "mon"))) == K_PASS


# --- prices ----------------------------------------------------------------------------------


def test_wishes_desired_level_and_shift_cover_are_priced() -> None:
    """The non-rule terms, each on its own."""
    # A day-off wish (100 SEK) on Monday, when D is needed: working costs 10 000 < 424 830.
    inst = build([D], employees=[employee(wishes=[{"kind": "day_off", "date": day(0)}])],
                 demand=[d_need("mon")])
    result, report = solved(inst)
    assert result.objective == 10_000 and report.costs["wishes"] == 10_000
    # Desired 2, min 1, one employee: 510 minutes one below desired at 50 SEK/h (83 öre).
    inst = build([D], demand=[need(band("07:00", "15:30", 1, desired=2), weekdays=["mon"])])
    assert optimum(inst) == 510 * ore_per_minute(50) == 42_330
    # A shift demand for one D on Monday at 200 SEK under, and no minute need: the pass is
    # stranded time (16 830), cheaper than the 20 000 shortfall.
    inst = build([D], shift_demand=[{"date": day(0), "shift": "D", "required": 1,
                                     "weight_under_sek": 200}])
    result, report = solved(inst)
    assert result.objective == D_STRANDED and worked(result) == {0: "D"}


# --- impossible and contradictory instances -------------------------------------------------


def test_an_impossible_contract_is_reported_infeasible() -> None:
    """A 100 % contract needs >= 2 055 paid minutes in the week, but D exists only on Monday
    and Tuesday: 960 at most. (Unavailability would not do here: it lowers the contract by a
    fifth of a week per weekday.)"""
    inst = build([only(D, "mon", "tue")], rules={"contract_hours": {"enabled": True}})
    result, report = run(inst)
    assert result.status == "INFEASIBLE"
    assert result.roster is None and result.objective is None and report is None


def test_pins_against_a_hard_rule_are_reported_infeasible() -> None:
    """K pinned on Monday and D on Tuesday: 9 h 30 min of rest breaks the hard daily rest."""
    pins = [{"date": day(0), "shift": "K"}, {"date": day(1), "shift": "D"}]
    result, _ = run(build([D, K], employees=[employee(pinned=pins)]))
    assert result.status == "INFEASIBLE" and result.roster is None


PIN_CONFLICTS = {
    "hard pass_span": ([shift("S14", ("07:00", "11:00"), ("16:00", "21:00"))], {}, "S14"),
    "weekday the shift lacks": ([only(D, "tue")], {}, "D"),
    "shift not allowed": ([D, K], {"allowed_shifts": ["D"]}, "K"),
}


@pytest.mark.parametrize("conflict", PIN_CONFLICTS, ids=list(PIN_CONFLICTS))
def test_a_pin_against_a_structural_or_shape_rule_is_not_a_roster(conflict: str) -> None:
    """A pin on Monday that cannot hold together with an always-hard rule (docs/rules.md:
    structural rules and hard rules both hold). Acceptable answers: the loader rejects the
    instance, or the solver finds no roster, or its roster passes the checker. The solver
    today places the pinned pass and its roster breaks the rule."""
    shifts, fields, pinned = PIN_CONFLICTS[conflict]
    try:
        inst = build(shifts, employees=[employee(pinned=[{"date": day(0), "shift": pinned}],
                                                 **fields)])
    except InstanceError:
        return
    _, report = run(inst)
    assert report is None or report.ok, [v.message for v in report.violations]
