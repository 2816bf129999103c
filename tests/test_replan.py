"""Re-planning (issue 15, docs/replan.md): every repaired roster keeps the rules and the past.

Properties on every shipped instance (care home, LSS group home, nurse group) and a generated
care home (rosters solved once, reproducibly: a short deterministic limit, so the base rosters
are the engine's early ones and leave the repair real work), for absences, leavers, joiners,
extra need and swaps drawn by hypothesis at a drawn `now`:
- the independent checker passes the repaired roster against the repair instance, and its
  total equals the solver's objective term by term (one rule, one price);
- every pass that started before `now` is in the repaired roster unchanged, and nothing new
  starts before `now`;
- the instance's own pins are kept;
- the 11-hour rest holds across the freeze boundary (read off the clock here, not from the
  checker): the first pass after `now` starts >= 11 h after the last frozen pass ends;
- the absent employee has no pass touching the absence; nothing changes after the window.
- the repair is never dearer than doing nothing (when doing nothing keeps the rules).
Plus: the two new prices by hand, resurspass booked onto a gap by the start roster, and bad
input (exit 2, a line per problem, nothing written).
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import bemanna
from bemanna.checker import check_roster
from bemanna.cli import app
from bemanna.generate.portfolio import PortfolioParams, generate_portfolio
from bemanna.instance import InstanceError, instance_from_data
from bemanna.replanning.cost_delta import with_passes, without_hit
from bemanna.replanning.events import events_from_data
from bemanna.replanning.refill_start import booked_start
from bemanna.roster import Roster
from bemanna.tariff.extra_hours import ExtraHours

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ["care_home", "lss_group_home", "nurse_group"]
GENERATED = "generated_care_home"
UNITS = [*SHIPPED, GENERATED]
FAST = bemanna.SolverParams.reproducible(1.0)
"""One second of CP-SAT's deterministic time a repair: the same outcome under any load."""


def _unit(name: str) -> bemanna.Instance:
    if name == GENERATED:  # one care home of a seeded portfolio, four weeks
        data = generate_portfolio(PortfolioParams(care_homes=1, weeks=4, seed=15))[0]
        return instance_from_data(data)
    return bemanna.load(ROOT / "instances" / f"{name}.yaml")


@pytest.fixture(scope="module")
def solved() -> dict[str, tuple[bemanna.Instance, Roster]]:
    found = {}
    for name in UNITS:
        inst = _unit(name)
        result = bemanna.solve(inst, bemanna.SolverParams.reproducible(1.0))
        assert result.roster is not None
        found[name] = (inst, result.roster)
    return found


def _key(a: bemanna.roster.Assignment) -> tuple[object, ...]:
    return (a.employee, a.date, a.shift, a.kind, a.skill, a.parts)


@st.composite
def repairs(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    name = draw(st.sampled_from(UNITS))
    day = draw(st.integers(3, 20))
    hour = draw(st.sampled_from([6, 13, 22]))
    employee_index = draw(st.integers(0, 5))
    days = draw(st.integers(1, 6))
    kind = draw(st.sampled_from(["absence", "absence", "leaving", "joining", "extra_need",
                                 "swap"]))
    return name, {"day": day, "hour": hour, "employee_index": employee_index, "days": days,
                  "kind": kind}


def _events(inst: bemanna.Instance, drawn: dict[str, object]) -> dict[str, object]:
    now = (dt.datetime.combine(inst.horizon.start, dt.time(int(str(drawn["hour"])), 30))
           + dt.timedelta(days=int(str(drawn["day"]))))
    staff = [e.id for e in inst.employees]
    who = staff[int(str(drawn["employee_index"])) % len(staff)]
    days = int(str(drawn["days"]))
    kind = drawn["kind"]
    if kind == "absence":
        event = {"kind": "absence", "employee": who, "start": now.isoformat(),
                 "end": (now + dt.timedelta(days=days)).isoformat()}
    elif kind == "leaving":
        event = {"kind": "leaving", "employee": who, "date": (now.date() + dt.timedelta(days))}
    elif kind == "joining":
        event = {"kind": "joining", "date": (now.date() + dt.timedelta(days)),
                 "employee": {"id": "new01", "skills": list(inst.employees[0].skills),
                              "employment_rate": 75}}
    elif kind == "extra_need":
        event = {"kind": "extra_need", "skill": inst.skills[0].id,
                 "date": now.date() + dt.timedelta(1), "start": "08:00", "end": "12:00"}
    else:
        other = staff[(staff.index(who) + 1) % len(staff)]
        event = {"kind": "swap", "employees": [who, other],
                 "date": now.date() + dt.timedelta(days)}
    return {"now": now.isoformat(), "events": [event]}


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(repairs())
def test_repaired_roster_keeps_rules_past_and_pins(
        solved: dict[str, tuple[bemanna.Instance, Roster]],
        drawn: tuple[str, dict[str, object]]) -> None:
    name, choice = drawn
    inst, old = solved[name]
    events = _events(inst, choice)
    try:
        result = bemanna.replan(inst, old, events, params=FAST)
    except InstanceError as exc:  # a swap the rules do not allow, stated as input problems
        assert choice["kind"] == "swap", exc.problems
        return
    if result.roster is None:  # said, not crashed: proved impossible, or not found in time
        assert result.status in ("INFEASIBLE", "UNKNOWN")
        # ... and never while the start it searches from (the old roster less what the
        # events took, resurspass booked, swapped passes handed over) keeps the hard rules:
        # a legal start is always returned at least.
        assert not check_roster(result.plan.instance, booked_start(result.plan, old)).ok
        return
    now = result.plan.now
    report = check_roster(result.plan.instance, result.roster)
    assert report.ok, [str(v) for v in report.violations]
    assert report.costs == {t: report.costs[t] for t in report.costs}
    for term, amount in result.roster.objective_by_term.items():
        assert report.costs.get(term, 0) == amount, term
    assert report.total == result.roster.objective
    # The search starts from the old roster less the lost passes with resurspass booked, so
    # when doing nothing keeps the rules, the repair is never dearer than doing nothing.
    idle = without_hit(result.plan, old)
    if check_roster(result.plan.instance, idle).ok:
        assert result.roster.objective <= result.delta.objective["no_repair"]
    new = {_key(a) for a in result.roster.assignments}
    for a in old.assignments:
        if a.start < now:
            assert _key(a) in new, f"frozen pass changed: {a}"
    for a in result.roster.assignments:
        if a.start < now:
            assert _key(a) in {_key(b) for b in old.assignments}
    for emp in inst.employees:
        for pin in emp.pinned:
            got = [a.shift for a in result.roster.assignments
                   if a.employee == emp.id and a.date == pin.date]
            assert got == ([pin.shift] if pin.shift else []) or (emp.id, pin.date) in \
                result.plan.hit
    rest = dt.timedelta(minutes=inst.rules.daily_rest.min_minutes)
    for emp in inst.employees:
        mine = sorted((a for a in result.roster.assignments if a.employee == emp.id),
                      key=lambda a: a.start)
        for before, after in itertools.pairwise(mine):
            if before.start < now <= after.start and inst.rules.daily_rest.reduced_minutes is None:
                assert after.start - before.end >= rest
    last = result.plan.window[1]
    after_window = {_key(a) for a in old.assignments
                    if a.date > last and (a.employee, a.date) not in result.plan.hit}
    assert after_window <= new
    if choice["kind"] == "joining":  # nobody works before being employed
        joined = dt.date.fromisoformat(str(events["events"][0]["date"]))  # type: ignore[index]
        assert all(a.date >= joined for a in result.roster.assignments if a.employee == "new01")
    if choice["kind"] == "absence":
        event = events["events"][0]  # type: ignore[index]
        start = dt.datetime.fromisoformat(event["start"])
        end = dt.datetime.fromisoformat(event["end"])
        for a in result.roster.assignments:
            if a.employee == event["employee"] and a.start >= now:
                assert a.end <= start or a.start >= end


def test_extra_hours_price_by_hand() -> None:
    """A part-timer planned 100 min with 60 min of mertid room working 200 min: 60 min mertid
    at 5 öre and 40 min overtime at 12 öre = 300 + 480 öre; at or below plan costs nothing."""
    prices = ExtraHours(planned=100, mertid_minutes=60, mertid_per_minute=5,
                        overtime_per_minute=12)
    assert prices.price(200) == 60 * 5 + 40 * 12
    assert prices.price(90) == 0


def test_roster_changes_priced_by_checker(solved: dict[str, tuple[bemanna.Instance, Roster]]
                                          ) -> None:
    """The old roster less nothing costs 0 in changes; the repaired roster's change term is
    the sum of the weights of the reference days it changed (300/600/1000 SEK by distance)."""
    inst, old = solved["lss_group_home"]
    worker = next(a for a in old.assignments if a.date == dt.date(2025, 3, 12))
    events = {"now": "2025-03-12T00:00", "events": [
        {"kind": "absence", "employee": worker.employee, "start": "2025-03-12T00:00",
         "end": "2025-03-13T00:00"}]}
    result = bemanna.replan(inst, old, events, params=FAST)
    assert result.roster is not None
    report = check_roster(result.plan.instance, result.roster)
    worked = {(a.employee, a.date): a.shift for a in result.roster.assignments}
    by_hand = sum(int(ref.weight_sek * 100) for ref in result.plan.instance.repair.reference
                  if worked.get((ref.employee, ref.date)) != ref.shift)
    assert report.costs["roster_changes"] == by_hand
    assert {ref.weight_sek for ref in result.plan.instance.repair.reference} <= {
        Decimal(300), Decimal(600), Decimal(1000)}


def test_bad_events_exit_2_and_write_nothing(
        tmp_path: Path, solved: dict[str, tuple[bemanna.Instance, Roster]]) -> None:
    """An unknown employee, a time outside the horizon and an event over before --now: exit 2,
    one line each, no output directory."""
    inst, old = solved["nurse_group"]
    bemanna.roster.save_roster(old, tmp_path / "old")
    events = tmp_path / "bad.yaml"
    events.write_text(
        "events:\n"
        "  - {kind: absence, employee: nobody, start: 2025-03-12T06:30, end: 2025-03-13T00:00}\n"
        "  - {kind: extra_need, skill: SSK, date: 2026-01-01, start: '07:00', end: '12:00'}\n"
        f"  - {{kind: absence, employee: {inst.employees[0].id}, start: 2025-03-05T06:30,"
        " end: 2025-03-06T00:00}\n")
    out = tmp_path / "out"
    run = CliRunner().invoke(app, ["replan", str(tmp_path / "old"), "-i",
                                   str(ROOT / "instances" / "nurse_group.yaml"), "--events",
                                   str(events), "--now", "2025-03-12T06:30", "-o", str(out)])
    assert run.exit_code == 2, run.output
    assert "unknown employee 'nobody'" in run.output
    assert "outside the horizon" in run.output
    assert "before now" in run.output
    assert not out.exists()


def test_events_file_field_errors() -> None:
    """The events file's own shape: field paths name the problem."""
    with pytest.raises(InstanceError) as caught:
        events_from_data({"events": [{"kind": "absence", "employee": "a",
                                      "start": "2025-03-12T10:00", "end": "2025-03-12T08:00"}]})
    assert any(p.startswith("events[0]") for p in caught.value.problems)


def test_start_books_resurspass_onto_the_gap(
        solved: dict[str, tuple[bemanna.Instance, Roster]]) -> None:
    """The refill order's first step: a lost ordinary pass books a resurspass that overlaps
    it, in the lost pass's skill, after `now` (already paid: nobody's day changes)."""
    from bemanna.replanning.instance_for_repair import repair_plan
    from bemanna.replanning.refill_start import booked_start

    for inst, old in solved.values():
        resurs = [a for a in old.assignments if a.kind == "resurs"
                  and a.date >= dt.date(2025, 3, 10)]
        for holder in resurs:
            lost = [a for a in old.assignments if a.kind == "ordinary"
                    and a.employee != holder.employee and a.date == holder.date
                    and a.start < holder.end and holder.start < a.end
                    and a.skill in inst.employee[holder.employee].skills]
            if not lost:
                continue
            now = dt.datetime.combine(holder.date, dt.time())
            events = events_from_data({"now": now.isoformat(), "events": [
                {"kind": "absence", "employee": lost[0].employee, "start": now.isoformat(),
                 "end": (now + dt.timedelta(days=1)).isoformat()}]})
            plan = repair_plan(inst, old, events, now)
            start = booked_start(plan, old)
            booked = [a for a in start.assignments if a.date == holder.date
                      and a.kind == "ordinary" and a.employee != lost[0].employee
                      and (a.employee, a.date) in {(r.employee, r.date) for r in resurs}]
            assert booked, "a resurspass overlapping the lost pass is booked"
            assert all(a.start >= now for a in booked)
            return
    pytest.skip("no resurspass overlaps an ordinary pass of another employee")


def test_repair_keeps_the_planning_prices(
        solved: dict[str, tuple[bemanna.Instance, Roster]]) -> None:
    """The repair prices a roster as the base roster was planned, less the contract band: the
    expected-absence credit of resurspass and the price of stranded resurstid stay, so booking
    a resurspass costs its credit (it is gone for the next sick call) and is done where it
    covers need. On the care home the old roster earns that credit (it has resurspass), so the
    term is below zero on the repair instance too."""
    from bemanna.replanning.instance_for_repair import repair_plan

    inst, old = solved["care_home"]
    now = dt.datetime.combine(inst.horizon.date(10), dt.time(6, 30))
    who = next(a.employee for a in old.assignments if a.date == now.date())
    events = events_from_data({"now": now.isoformat(), "events": [
        {"kind": "absence", "employee": who, "start": now.isoformat(),
         "end": (now + dt.timedelta(days=2)).isoformat()}]})
    plan = repair_plan(inst, old, events, now)
    assert plan.instance.absence == inst.absence
    assert plan.instance.costs.stranded_resurstid_per_hour == inst.costs.stranded_resurstid_per_hour
    assert not plan.instance.rules.contract_hours.enabled
    assert check_roster(plan.baseline, old).costs["expected_absence_cover"] < 0


def test_checker_catches_a_changed_past(
        solved: dict[str, tuple[bemanna.Instance, Roster]]) -> None:
    """Hand-built breaches on the repair instance: a frozen pass worked in another role breaks
    its pin (role pinned with the pass), a pass added before `now` breaks `frozen_past`."""
    import dataclasses

    from bemanna.replanning.instance_for_repair import repair_plan

    inst, old = solved["lss_group_home"]
    now = dt.datetime(2025, 3, 12, 12, 0)
    worker = next(a for a in old.assignments if a.date == now.date() and a.start >= now)
    events = events_from_data({"now": now.isoformat(), "events": [
        {"kind": "absence", "employee": worker.employee, "start": now.isoformat(),
         "end": (now + dt.timedelta(days=1)).isoformat()}]})
    plan = repair_plan(inst, old, events, now)
    idle = without_hit(plan, old)
    assert check_roster(plan.instance, idle).ok
    past = next(a for a in idle.assignments if a.start < now and a.kind == "ordinary")
    flipped = [dataclasses.replace(a, kind="resurs") if a is past else a
               for a in idle.assignments]
    report = check_roster(plan.instance, with_passes(plan.instance, idle, flipped))
    assert [v.rule for v in report.violations] == ["pinned"]
    free = next(e.id for e in inst.employees
                if not any(a.employee == e.id and a.date == now.date() - dt.timedelta(1)
                           for a in old.assignments)
                and not any(a.employee == e.id and a.date == now.date()
                            for a in old.assignments))
    early = next(a for a in idle.assignments if a.start < now and a.start.time() < now.time()
                 and len(a.parts) == 1)
    template = dataclasses.replace(early, employee=free)
    shift = (now.date() - template.date).days
    moved = dataclasses.replace(template, date=now.date(), parts=tuple(
        dataclasses.replace(p, start=p.start + dt.timedelta(days=shift),
                            end=p.end + dt.timedelta(days=shift)) for p in template.parts))
    assert moved.start < now
    report = check_roster(plan.instance,
                          with_passes(plan.instance, idle, [*idle.assignments, moved]))
    assert "frozen_past" in {v.rule for v in report.violations}


def test_reproducible_repair_is_priced_to_the_ore(
        solved: dict[str, tuple[bemanna.Instance, Roster]]) -> None:
    """A joiner on the nurse group, repaired with one second of deterministic time: the
    returned objective is the checker's total term by term. (Pricing the roster to return
    once ran under the search's deterministic budget, stopped before its proof, and returned
    uncovered need with slack in it: 34 616.81 SEK against the checker's 32 890.20.)"""
    inst, old = solved["nurse_group"]
    now = dt.datetime.combine(inst.horizon.start, dt.time(6, 30)) + dt.timedelta(days=17)
    joiner = {"id": "new01", "skills": list(inst.employees[0].skills), "employment_rate": 75}
    events = {"now": now.isoformat(), "events": [
        {"kind": "joining", "date": (now.date() + dt.timedelta(3)).isoformat(),
         "employee": joiner}]}
    result = bemanna.replan(inst, old, events, params=FAST)
    assert result.roster is not None
    report = check_roster(result.plan.instance, result.roster)
    assert report.ok
    assert {t: report.costs.get(t, 0) for t in result.roster.objective_by_term} \
        == result.roster.objective_by_term
    assert report.total == result.objective


def test_start_hands_a_swapped_pass_over(
        solved: dict[str, tuple[bemanna.Instance, Roster]]) -> None:
    """A swap of a working employee with one who is off that day: the repair instance pins
    the pass on the partner, so the start the search is priced from has the pass on the
    partner (same shift, a skill both have) and nothing for the one who gave it away; the
    pass is not counted as lost, so no resurspass is booked for it. (The start once kept
    neither pass: it broke the swap's pins, and a 1 s repair found no roster at all.)"""
    from bemanna.replanning.instance_for_repair import repair_plan

    inst, old = solved["nurse_group"]
    date = inst.horizon.start + dt.timedelta(days=10)
    working = {a.employee: a for a in old.assignments if a.date == date}
    giver = next(a for a in old.assignments if a.date == date and a.kind == "ordinary")
    taker = next(e for e in inst.employees if e.id not in working
                 and giver.skill in e.skills)
    now = dt.datetime.combine(date - dt.timedelta(days=1), dt.time(6, 30))
    events = events_from_data({"now": now.isoformat(), "events": [
        {"kind": "swap", "employees": [giver.employee, taker.id], "date": date.isoformat()}]})
    plan = repair_plan(inst, old, events, now)
    start = booked_start(plan, old)
    on_date = {a.employee: a for a in start.assignments if a.date == date}
    assert giver.employee not in on_date
    assert (on_date[taker.id].shift, on_date[taker.id].skill) == (giver.shift, giver.skill)
    assert on_date[taker.id].parts == giver.parts
