"""`replan`: repair a roster after events, changing as little as possible, priced.

    plan = repair_plan(instance, roster, events, now)     # the repair as an ordinary instance
    solve(plan.instance)                                  # restricted: only the window is free
    check, change list, cost delta, messages              # on the repaired roster

The repair instance pins every day outside the window [now's date, last event day +
window_days] to the old roster, so the model holds only the few hundred decisions near the
event; rest rules and run lengths across the window's edges see the pinned passes. The search
starts from the old roster less the passes the events take away, with resurspass booked onto
the gaps (`refill_start`, the refill order's first step; a complete CP-SAT hint), so the
repair is never dearer than booking and buying, and only what pays its change weight moves.
"""

from __future__ import annotations

import datetime as dt

from bemanna.checker import check_roster
from bemanna.instance import Instance, InstanceError
from bemanna.replanning.changes import change_list, messages
from bemanna.replanning.cost_delta import cost_delta
from bemanna.replanning.events import Events, event_problems
from bemanna.replanning.instance_for_repair import repair_plan
from bemanna.replanning.refill_start import booked_start
from bemanna.replanning.result import ReplanResult
from bemanna.roster import Roster
from bemanna.solver.params import SolverParams


def resolve_now(events: Events, now: dt.datetime | None) -> dt.datetime:
    """`now` as given, else the events file's; naive local time (a zone is dropped)."""
    chosen = now if now is not None else events.now
    if chosen is None:
        raise InstanceError("events", ["now: not given (--now or the events file's `now`)"])
    return chosen.replace(tzinfo=None, second=0, microsecond=0)


def input_problems(instance: Instance, roster: Roster, events: Events,
                   now: dt.datetime) -> list[str]:
    """Everything wrong with the inputs, one line each (the roster must be of the instance)."""
    problems = []
    if roster.instance != instance.name:
        problems.append(f"roster: made for instance {roster.instance!r}, not {instance.name!r}")
    if roster.start != instance.horizon.start or roster.days != instance.horizon.days:
        problems.append(f"roster: {roster.start} + {roster.days} days is not the instance's "
                        f"horizon {instance.horizon.start} + {instance.horizon.days} days")
    return problems + event_problems(events, instance, now)


def replan(instance: Instance, roster: Roster, events: Events, now: dt.datetime | None = None,
           params: SolverParams | None = None) -> ReplanResult:
    """The repaired roster with its change list, cost delta, messages and check.

    Raises InstanceError (one line per problem) for bad input: an unknown employee, an event
    outside the horizon or already over at `now`, a roster of another instance.
    """
    from bemanna.solver import solve as run_search

    moment = resolve_now(events, now)
    problems = input_problems(instance, roster, events, moment)
    if problems:
        raise InstanceError("events", problems)
    params = params or SolverParams(time_limit=10, workers=2)
    plan = repair_plan(instance, roster, events, moment)
    found = run_search(plan.instance, params, start=booked_start(plan, roster))
    new = found.roster
    report = check_roster(plan.instance, new) if new is not None else None
    changes = change_list(plan, roster, new) if new is not None else []
    delta = cost_delta(plan, roster, new, report) if new is not None else None
    return ReplanResult(plan=plan, old=roster, roster=new, status=found.status,
                        objective=found.objective, wall_time=found.wall_time,
                        build_time=found.build_time, check=report, changes=changes,
                        delta=delta,
                        messages=messages(plan, changes) if new is not None else {})
