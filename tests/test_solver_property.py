"""Property: every roster the solver writes passes the independent checker, priced alike.

Hypothesis draws small random instances (1–4 employees, 1–2 weeks, cyclic or not, 2–4 shift
types including a night pass across midnight and often a split or an odd one-off shift,
random demand bands, random rules on/off/hard/soft, wishes, unavailability and pins). For
each:

- the solver answers OPTIMAL, FEASIBLE or INFEASIBLE (INFEASIBLE is a fine answer: random
  hard rules often contradict each other) and never crashes;
- a roster has no violation in `check_roster`, and the checker's total equals the solver's
  objective, term by term (docs/architecture.md, "Invariants the tests hold");
- an OPTIMAL roster is no dearer than any roster one pass shorter that the checker accepts
  (a cheap neighbourhood test of optimality, priced by the checker alone).

Configurations that hit the solver bugs pinned down by the xfail tests in
test_solver_rules.py are not drawn (see `KNOWN_BUGS`); drop each restriction when its xfail
test passes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bemanna.checker import check_roster
from bemanna.instance import Instance, contract_minutes, instance_from_data
from bemanna.roster import Assignment, EmployeeSummary, Roster
from bemanna.solver import SolverParams, solve
from solver_cases import MONDAY, D, K, N, S, band, build, employee, need, nonzero

PARAMS = SolverParams(time_limit=5.0, workers=2, seed=0)
WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
SKILLS = ["usk", "ssk"]

KNOWN_BUGS = """Restrictions on the drawn instances:
- shift types span at most 16 h and cyclic max_consecutive_days stays below the horizon
  (kept from the first version of this test; the bugs behind them are fixed and covered by
  test_solver_rules.py);
- pins name a shift that exists that weekday, that the employee may work, and that keeps
  pass_span and breaks (other pins are rejected when the instance is loaded)."""

# A pool of shift types; N (night across midnight, with both skills) is always drawn.
POOL: dict[str, dict[str, Any]] = {
    "D": {"parts": [("07:00", "15:30")], "break_minutes": 30},
    "K": {"parts": [("13:30", "21:30")], "break_minutes": 30},
    "S": {"parts": [("07:00", "11:30"), ("15:30", "20:00")]},
    "E": {"parts": [("06:00", "14:00")], "break_minutes": 30},
    "LD": {"parts": [("07:00", "19:00")], "break_minutes": 120},
}
NIGHT = {"parts": [("21:00", "07:00")], "paid_meal_break": True}


def clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def iso(day: int) -> str:
    return (MONDAY + dt.timedelta(days=day)).isoformat()


def shift_type(draw: st.DrawFn, sid: str, spec: dict[str, Any], *, both: bool) -> dict[str, Any]:
    skills = SKILLS if both else draw(st.sampled_from([["usk"], ["ssk"], SKILLS]))
    out = {
        "id": sid,
        "parts": [{"start": a, "end": b} for a, b in spec["parts"]],
        "break_minutes": spec.get("break_minutes", 0),
        "paid_meal_break": spec.get("paid_meal_break", False),
        "skills": skills,
    }
    if draw(st.integers(0, 3)) == 0:  # now and then a shift type missing on some weekdays
        out["weekdays"] = draw(st.lists(st.sampled_from(WEEK), min_size=1, max_size=7,
                                        unique=True))
    return out


def odd_shift(draw: st.DrawFn) -> dict[str, Any]:
    """A one-off shift type: any start on the half hour, 2–16 h, maybe split, any break."""
    start = draw(st.integers(0, 47)) * 30
    first = draw(st.integers(4, 20)) * 30
    parts = [(start, start + first)]
    if draw(st.booleans()):
        gap = draw(st.integers(1, 8)) * 30
        second = draw(st.integers(2, 12)) * 30
        parts.append((start + first + gap, start + first + gap + second))
    if parts[-1][1] - start > 16 * 60:
        parts = parts[:1]
    worked = sum(b - a for a, b in parts)
    brk = draw(st.sampled_from([0, 30, 60]))
    return {
        "parts": [(clock(a), clock(b)) for a, b in parts],
        "break_minutes": brk if brk < worked else 0,
    }


def demand_entry(draw: st.DrawFn, days: int) -> dict[str, Any]:
    bands = []
    for _ in range(draw(st.integers(1, 2))):
        start = draw(st.integers(0, 47)) * 30
        length = draw(st.integers(2, 24)) * 30
        minimum = draw(st.integers(0, 2))
        band = {"start": clock(start), "end": clock(start + length), "min": minimum}
        if draw(st.booleans()):
            band["desired"] = minimum + 1
        bands.append(band)
    entry: dict[str, Any] = {"skill": draw(st.sampled_from(SKILLS)), "bands": bands}
    if draw(st.integers(0, 4)) == 0:
        entry["dates"] = [iso(d) for d in draw(st.lists(st.integers(0, days - 1), min_size=1,
                                                        max_size=3, unique=True))]
    else:
        entry["weekdays"] = draw(st.lists(st.sampled_from(WEEK), min_size=1, max_size=7,
                                          unique=True))
    return entry


def mode(draw: st.DrawFn, *, soft: bool = True) -> dict[str, Any]:
    """on (hard) or soft with a weight; `soft=False` where soft would hit a known bug."""
    if soft and draw(st.booleans()):
        return {"enabled": True, "mode": "soft",
                "weight_sek": draw(st.sampled_from([1, 50, 1000]))}
    return {"enabled": True, "mode": "hard"}


def rule_set(draw: st.DrawFn, shifts: list[str], employees: list[str], days: int,
             cyclic: bool) -> dict[str, Any]:
    """Each rule: left at its default, off, or on (hard or soft) with drawn parameters."""
    choices: dict[str, Any] = {}
    pick = st.sampled_from(["default", "off", "on"])
    longest_cyclic_max = days - 2

    def on(rule_id: str, soft: bool = True, **params: Any) -> None:
        # contract_hours is left off two times in three: a random week rarely fits a contract.
        state = draw(st.sampled_from(["off", "off", "on"]) if rule_id == "contract_hours"
                     else pick)
        if state == "off":
            choices[rule_id] = {"enabled": False}
        elif state == "on":
            choices[rule_id] = {**mode(draw, soft=soft), **params}

    reduced = draw(st.sampled_from([None, 540]))
    on("daily_rest", reduced_minutes=reduced)
    on("pass_span")
    on("breaks")
    on("weekly_rest", includes_daily_rest=draw(st.booleans()))
    on("daily_rest_24h")
    on("contract_hours", tolerance_minutes=draw(st.sampled_from([240, 1200, 2400])))
    on("max_split_shifts", max=draw(st.integers(0, 2)))
    top = longest_cyclic_max if cyclic else 6
    on("max_consecutive_days", max=draw(st.integers(2, top)))
    if cyclic and "max_consecutive_days" not in choices:
        choices["max_consecutive_days"] = {"max": min(6, top)}  # the default 6 is too long
    on("min_consecutive_days", min=draw(st.integers(2, 6)))
    on("min_consecutive_days_off", min=draw(st.integers(2, 6)))
    on("max_weekends", max=draw(st.integers(0, 1)))
    on("max_shift_passes", limits=[{
        "shift": draw(st.sampled_from(shifts)), "max": draw(st.integers(0, 3)),
        "employees": draw(st.one_of(st.none(), st.lists(st.sampled_from(employees),
                                                        min_size=1, unique=True))),
    }])
    on("forbidden_successions", pairs=[{
        "first": draw(st.sampled_from(shifts)),
        "then": draw(st.lists(st.sampled_from(shifts), min_size=1, unique=True)),
    }])
    low = draw(st.one_of(st.none(), st.integers(0, 16).map(lambda h: 60 * h)))
    on("total_minutes", min=low, max=None if low is None else low + 60 * draw(st.integers(8, 40)))
    on("average_weekly_hours", max_minutes_per_week=draw(st.sampled_from([1200, 2400, 2880])))
    return choices


def allowed_pin(inst_shift: dict[str, Any], weekday: str, skills: list[str]) -> bool:
    """A pin the solver handles (see KNOWN_BUGS): the pool's shapes all keep the default
    pass_span and breaks; the odd shift may not."""
    return (
        inst_shift["id"] in POOL or inst_shift["id"] == "N"
    ) and weekday in inst_shift.get("weekdays", WEEK) and bool(
        set(inst_shift["skills"]) & set(skills)
    )


@st.composite
def instances(draw: st.DrawFn) -> Instance:
    weeks = draw(st.integers(1, 2))
    days = 7 * weeks
    cyclic = draw(st.booleans())
    chosen = draw(st.lists(st.sampled_from(sorted(POOL)), min_size=0, max_size=2, unique=True))
    shifts = [shift_type(draw, "N", NIGHT, both=True)]
    shifts += [shift_type(draw, sid, POOL[sid], both=False) for sid in chosen]
    if len(shifts) < 4 and (len(shifts) < 2 or draw(st.booleans())):
        shifts.append(shift_type(draw, "X", odd_shift(draw), both=False))
    ids = [s["id"] for s in shifts]

    employees = []
    names = [f"E{i + 1}" for i in range(draw(st.integers(1, 4)))]
    for name in names:
        skills = draw(st.sampled_from([["usk"], ["ssk"], SKILLS]))
        emp: dict[str, Any] = {
            "id": name,
            "skills": skills,
            "employment_rate": draw(st.sampled_from([50, 75, 100])),
            "dygnsbryt": clock(draw(st.sampled_from([0, 360, 1200]))),
        }
        if draw(st.integers(0, 2)) == 0:
            first = draw(st.integers(0, days - 1))
            emp["unavailable"] = [{"start": iso(first),
                                   "end": iso(min(days - 1, first + draw(st.integers(0, 3))))}]
        wishes = []
        for _ in range(draw(st.integers(0, 2))):
            kind = draw(st.sampled_from(["day_off", "shift_on", "shift_off"]))
            wish = {"kind": kind, "date": iso(draw(st.integers(0, days - 1))),
                    "weight_sek": draw(st.sampled_from([10, 100, 1000]))}
            if kind != "day_off":
                wish["shift"] = draw(st.sampled_from(ids))
            wishes.append(wish)
        emp["wishes"] = wishes
        unavailable = {d for r in emp.get("unavailable", [])
                       for d in range(days) if r["start"] <= iso(d) <= r["end"]}
        pins: dict[int, str | None] = {}
        for _ in range(draw(st.integers(0, 2))):
            d = draw(st.integers(0, days - 1))
            target = draw(st.sampled_from([None, *shifts]))
            if target is None:
                pins[d] = None
            elif d not in unavailable and allowed_pin(target, WEEK[d % 7], skills):
                pins[d] = target["id"]
        emp["pinned"] = [{"date": iso(d), "shift": s} for d, s in sorted(pins.items())]
        employees.append(emp)

    demand = [demand_entry(draw, days) for _ in range(draw(st.integers(1, 4)))]
    shift_demand = []
    if draw(st.booleans()):
        shift_demand.append({"date": iso(draw(st.integers(0, days - 1))),
                             "shift": draw(st.sampled_from(ids)),
                             "required": draw(st.integers(0, 2)),
                             "weight_under_sek": draw(st.sampled_from([0, 100, 500])),
                             "weight_over_sek": draw(st.sampled_from([0, 50]))})
    data = {
        "name": "property",
        "horizon": {"start": MONDAY.isoformat(), "weeks": weeks, "cyclic": cyclic},
        "resurspass": draw(st.booleans()),
        "skills": [{"id": s} for s in SKILLS],
        "shift_types": shifts,
        "employees": employees,
        "demand": demand,
        "shift_demand": shift_demand,
        "rules": rule_set(draw, ids, names, days, cyclic),
    }
    return instance_from_data(data)


def replaced(inst: Instance, roster: Roster, assignments: list[Assignment]) -> Roster:
    """The roster with other assignments, its employee summaries made to add up."""
    scheduled: Counter[str] = Counter()
    resurs: Counter[str] = Counter()
    for a in assignments:
        scheduled[a.employee] += a.paid_minutes
        if a.kind == "resurs":
            resurs[a.employee] += a.paid_minutes
    summaries = [EmployeeSummary(e.id, contract_minutes(inst, e), scheduled[e.id], resurs[e.id])
                 for e in inst.employees]
    return Roster(roster.instance, roster.start, roster.days, roster.cyclic, "HAND", None, None,
                  summaries, assignments)


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(instances())
def test_every_solver_roster_passes_the_checker_at_the_solver_price(inst: Instance) -> None:
    result = solve(inst, PARAMS)
    assert result.status in ("OPTIMAL", "FEASIBLE", "INFEASIBLE"), result.status
    if result.roster is None:
        assert result.status == "INFEASIBLE"
        return
    report = check_roster(inst, result.roster)
    assert report.ok, [v.message for v in report.violations]
    assert report.total == result.objective, (report.costs, result.objective_by_term)
    assert nonzero(report.costs) == nonzero(result.objective_by_term)
    if result.status != "OPTIMAL":
        return
    passes = result.roster.assignments
    for i in range(len(passes)):
        shorter = check_roster(inst, replaced(inst, result.roster, passes[:i] + passes[i + 1:]))
        if shorter.ok:
            assert shorter.total >= report.total, (passes[i], shorter.costs, report.costs)


@pytest.mark.parametrize("strategy", ["cpsat", "lns"])
def test_a_larger_instance_takes_the_constructed_path_and_is_priced_exactly(
    strategy: str,
) -> None:
    """26 employees × 28 days × 4 shift types is above SMALL_MODEL_LITERALS (2 500 pass
    literals), so the search builds a first roster group by group, improves it and re-prices
    the final roster on the fixed model. Within 6 s it is not always proven optimal; whatever it
    returns must still keep every hard rule and cost what the checker says."""
    rates = [100, 75, 50]
    employees = [employee(f"E{i}", employment_rate=rates[i % 3]) for i in range(26)]
    demand = [need(band("07:00", "15:30", 3, desired=4), band("13:30", "21:30", 2),
                   band("21:00", "07:00", 1))]
    inst = build([D, K, N, S], employees=employees, demand=demand, weeks=4, cyclic=True,
                 resurspass=True,
                 rules={"contract_hours": {"enabled": True, "mode": "soft", "weight_sek": 100}})
    result = solve(inst, SolverParams(time_limit=6.0, workers=2, seed=0, strategy=strategy))
    assert result.roster is not None and result.status in ("OPTIMAL", "FEASIBLE")
    report = check_roster(inst, result.roster)
    assert report.ok, [v.message for v in report.violations][:5]
    assert report.total == result.objective
    assert nonzero(report.costs) == nonzero(result.objective_by_term)
    if strategy == "lns":  # block search ran, unless the opening full-model solve from the
        # constructed roster already proved the optimum (it does on a quiet machine since the
        # greedy first roster: OPTIMAL with 0 blocks)
        assert result.status == "OPTIMAL" or result.roster.stats["lns_iterations"] > 0
