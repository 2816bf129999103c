"""The public Python API of bemanna: load, solve, check, price, simulate, compare.

    >>> import bemanna
    >>> instance = bemanna.load("instances/lss_group_home.yaml")
    >>> result = bemanna.solve(instance, bemanna.SolverParams(time_limit=3, workers=1))
    >>> result.check().ok
    True

Each function's docstring has an example; those after `solve` use its `instance` and
`result` (tests/test_api.py runs them all as doctests). Every function takes and returns the
package's own types (`Instance`, `Roster`, `SolverParams`, `Result`, `Scenario`); money is
integer öre, time integer minutes. The command line and the web app are thin layers on these
functions. docs/api.md walks a notebook session.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bemanna.api.result import Cost, Result
from bemanna.instance import Instance, load_instance
from bemanna.roster import Roster, load_roster
from bemanna.scenario import Scenario, load_scenario
from bemanna.solver.params import SolverParams

if TYPE_CHECKING:
    from bemanna.checker import CheckReport
    from bemanna.comparison.run import Comparison
    from bemanna.pricing import Pricing
    from bemanna.replanning.events import Events
    from bemanna.replanning.result import ReplanResult
    from bemanna.simulation import SimulationResult
    from bemanna.solver import Progress

__all__ = [
    "Cost",
    "Instance",
    "Result",
    "Roster",
    "Scenario",
    "SolverParams",
    "check",
    "compare",
    "load",
    "load_roster",
    "load_scenario",
    "price",
    "replan",
    "simulate",
    "solve",
]


def load(path: str | Path) -> Instance:
    """Read and validate an instance file (YAML or JSON).

    Raises `bemanna.instance.InstanceError` with one line per problem, each naming its field.

    >>> bemanna.load("instances/nurse_group.yaml").name
    'nurse_group'
    """
    return load_instance(path)


def solve(instance: Instance, params: SolverParams | None = None, *,
          on_progress: Callable[[Progress], None] | None = None,
          stop: threading.Event | None = None, hint: Roster | None = None) -> Result:
    """The cheapest roster the search finds within `params.time_limit` that keeps every hard
    rule. `on_progress` is called with each improving roster's objective and bound; setting
    `stop` (from any thread) ends the search with the best roster so far. `hint`: a roster to
    start from (a re-solve after pins, a scenario from its base roster): passes the instance
    no longer allows are dropped, and the cheaper of it and the constructed roster is the
    first incumbent, so the result changes little where nothing forces it.

    >>> instance = bemanna.load("instances/nurse_group.yaml")
    >>> result = bemanna.solve(instance, bemanna.SolverParams(time_limit=3, workers=1))
    >>> result.feasible, result.check().ok, result.cost().total == result.objective
    (True, True, True)
    """
    from bemanna.solver import solve as run_search

    params = params or SolverParams()
    found = run_search(instance, params, on_progress=on_progress, stop=stop, hint=hint)
    return Result(instance=instance, params=params, status=found.status, roster=found.roster,
                  objective=found.objective, bound=found.bound, wall_time=found.wall_time,
                  build_time=found.build_time, first_solution_time=found.first_solution_time,
                  objective_by_term=found.objective_by_term, progress=found.progress,
                  interrupted=found.interrupted,
                  infeasible_employees=found.infeasible_employees)


def check(instance: Instance, roster: Roster) -> CheckReport:
    """The independent checker: every rule read off the roster's clock times, every cost
    term recomputed (`.ok`, `.violations`, `.costs`, `.total`).

    >>> report = bemanna.check(instance, result.roster)
    >>> report.ok, report.total == result.objective
    (True, True)
    """
    from bemanna.checker import check_roster

    return check_roster(instance, roster)


def price(instance: Instance, roster: Roster) -> Pricing:
    """The kronor model of a roster: wages, OB, gap fill, resurstid, budget and key figures
    as DataFrames (`.totals`, `.budget`, `.kpis`, ...).

    >>> pricing = bemanna.price(instance, result.roster)
    >>> pricing.totals["total"] == sum(pricing.totals[line] for line in
    ...     ("personnel", "ob", "overtime", "hourly_temps", "agency"))
    True
    """
    from bemanna.pricing import price_roster

    return price_roster(instance, roster)


def simulate(instance: Instance, roster: Roster, runs: int = 1000,
             seed: int = 0) -> SimulationResult:
    """Sick leave drawn over the roster `runs` times (reproducible from `seed`), each gap
    refilled in policy order: expected cost, 90 % intervals, resurstid utilisation.

    >>> sick = bemanna.simulate(instance, result.roster, runs=50, seed=1)
    >>> sick.runs, list(sick.summary().columns[:2])
    (50, ['metric', 'unit'])
    """
    from bemanna.simulation import simulate as run_simulation

    return run_simulation(instance, roster, runs=runs, seed=seed)


def compare(base: Instance | str | Path, scenarios: Sequence[Scenario | str | Path],
            params: SolverParams | None = None, *, out: str | Path | None = None,
            simulate_runs: int = 0, seed: int = 0, warm_start: bool = True) -> Comparison:
    """Solve the base and each scenario with the same parameters and set the figures side by
    side (`.to_frame()`: one row per figure, each scenario's value and delta).

    The base is solved first and each scenario starts from its roster (`solve(..., hint=)`),
    so a delta is the change's, not two searches' noise; each column's `start` says how it
    started ('hinted', or why cold: 'cold_horizon' when its horizon differs). When a scenario
    starts warm, the base is solved again from its first roster for as long ('continued'),
    and that is the base column: the scenarios' extra search is not counted as their effect
    (`comparison.first` is the first solve). With `warm_start=False` every scenario is solved
    from scratch, independent of the base.

    `base` is an instance (or its file, or a scenario file with its own base); each scenario
    is a `Scenario` or a scenario file, applied to the base instance. With `out`, each roster
    is written under OUT/<scenario>/. With `simulate_runs`, every roster also meets the same
    simulated sick leave.

    >>> comparison = bemanna.compare(instance, ["scenarios/one_nurse_fewer.yaml"],
    ...                              bemanna.SolverParams(time_limit=3, workers=1))
    >>> comparison.ok, list(comparison.to_frame().columns)
    (True, ['base', 'one_nurse_fewer', 'one_nurse_fewer Δ'])
    """
    from bemanna.comparison.run import plan, plan_data, run_plan, simulate_columns
    from bemanna.scenario import BASE

    params = params or SolverParams()
    wanted = [s if isinstance(s, Scenario) else load_scenario(s) for s in scenarios]
    if isinstance(base, Instance):
        source = Path(f"<{base.name}>")
        planned = plan_data(base.model_dump(mode="json"), str(source), [BASE, *wanted], params)
    else:
        files = [s.path for s in wanted if s.path is not None]
        if len(files) == len(wanted):
            source, planned = plan(Path(base), files, params)
        else:
            from bemanna.scenario import read_file_data

            source = Path(base)
            planned = plan_data(read_file_data(source), str(source), [BASE, *wanted], params)
    comparison = run_plan(source, planned, None if out is None else Path(out),
                          warm_start=warm_start)
    if simulate_runs:
        simulate_columns(planned, comparison, simulate_runs, seed)
    return comparison


def replan(instance: Instance, roster: Roster, events: Events | str | Path | dict[str, object],
           now: dt.datetime | str | None = None, params: SolverParams | None = None
           ) -> ReplanResult:
    """Repair `roster` after `events` (absence, leaving, joining, extra need, swap; an events
    file, its mapping, or `bemanna.replanning.Events`): everything that started before `now`
    stays, the need is covered in refill order at real prices, and as few passes of people not
    hit by an event change as the change weights say (docs/replan.md).

    >>> r = bemanna.replan(instance, roster, "sick.yaml", "2025-03-12T06:30")  # doctest: +SKIP
    >>> r.check.ok, r.disruptions, [c.text for c in r.changes][:2]  # doctest: +SKIP

    Raises `bemanna.instance.InstanceError` (one line per problem) on bad input.
    """
    from bemanna.replanning.events import Events, events_from_data, load_events
    from bemanna.replanning.run import replan as run_replan

    if isinstance(events, dict):
        events = events_from_data(events)
    elif not isinstance(events, Events):
        events = load_events(events)
    moment = dt.datetime.fromisoformat(now) if isinstance(now, str) else now
    return run_replan(instance, roster, events, moment,
                      params or SolverParams(time_limit=1.0, workers=2, seed=0))
