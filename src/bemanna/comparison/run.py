"""`bemanna compare BASE SCENARIO...`: resolve the inputs, solve each, collect the figures.

BASE is an instance file (its figures are the reference, scenario `base`) or a scenario file
(its own `base` instance with its changes). Each SCENARIO file is applied to the base
*instance* (not on top of BASE's changes: stack changes with `inherits`). Every input is read
and every scenario applied before anything is solved, so bad input stops the run at once.

The base is solved first; each scenario then starts from the base's roster (a warm start,
`bemanna.batch.warm`), unless its horizon differs or the caller asks for independent solves
(`warm_start=False`, `bemanna compare --cold`). When any scenario starts warm, the base is
solved once more from its first roster for as long (the continued base) and that is the base
column: a warm scenario's delta then compares equal search from the same roster, not the
scenario's extra search. Each column says how it started.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bemanna.batch.job import JobOutcome, JobSpec, json_ready, run_job
from bemanna.batch.warm import Start, continue_base, warm
from bemanna.instance import InstanceError
from bemanna.labels import Lang, number, say
from bemanna.pricing.figures import FIGURES, SIMULATED_FIGURES, Value, delta, simulated_figures
from bemanna.scenario import (
    BASE,
    Scenario,
    ScenarioError,
    applied,
    is_scenario_data,
    load_scenario,
    read_file_data,
    scenario_base,
)
from bemanna.solver.params import SolverParams

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class Planned:
    scenario: Scenario
    spec: JobSpec


@dataclass
class Column:
    name: str
    description: str
    outcome: JobOutcome
    roster_path: Path | None = None
    start: Start = "reference"
    """How the solve started (`bemanna.batch.warm.STARTS`): the base is the reference, or
    'continued' when it was solved again from its first roster (as the warm scenarios
    were)."""

    def value(self, key: str) -> Value:
        figures = self.outcome.figures or {}
        result: Value = figures.get(key)
        return result


def status_text(column: Column, lang: Lang = "sv") -> str:
    """'klar (OPTIMAL, 3 s)' / 'done (OPTIMAL, 3 s)', or why there is no roster."""
    o = column.outcome
    if o.status == "done":
        return say("compare.done", lang, status=o.solver_status,
                   seconds=number(o.job_seconds, 0, lang))
    return say(f"compare.{o.status}", lang, error=o.error)


def start_text(column: Column, base: str, lang: Lang = "sv") -> str:
    """'varmstart från schemat för base' / 'warm start from the roster of base', or why the
    column was solved from scratch."""
    return say(f"warm.{column.start}", lang, base=base)


@dataclass
class Comparison:
    instance: str
    instance_path: Path
    weeks: int
    params: dict[str, Any]
    base: Column
    scenarios: list[Column] = field(default_factory=list)
    warm_start: bool = True
    """Whether the scenarios were to start from the base's roster (each column's `start`
    says whether one did)."""
    first: JobOutcome | None = None
    """The base's first solve when the base column is the continued base (its roster is the
    common start of the base column and the warm scenarios), else None."""

    @property
    def paired(self) -> bool:
        """Whether the base column is the continued base: the deltas of the warm scenarios
        compare equal search from the same roster."""
        return self.base.start == "continued"

    def rows(self) -> list[tuple[str, Value, list[tuple[Value, Value]]]]:
        """Per figure: (key, base value, [(scenario value, delta vs base)]). A figure with no
        value in any roster (resurstid booked without resurspass) is left out, not shown as a
        row of dashes."""
        out = []
        simulated = any(c.value("sim_total_ore") is not None for c in [self.base,
                                                                        *self.scenarios])
        for fig in (*FIGURES, *(SIMULATED_FIGURES if simulated else ())):
            base = self.base.value(fig.key)
            if base is None and all(c.value(fig.key) is None for c in self.scenarios):
                continue
            out.append((fig.key, base, [(c.value(fig.key), delta(c.value(fig.key), base))
                                        for c in self.scenarios]))
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row per figure: the base's value, then each scenario's value and its delta
        against the base (columns `<scenario>` and `<scenario> Δ`)."""
        import pandas as pd

        records = []
        for key, base, values in self.rows():
            record: dict[str, Value | str] = {"figure": key, self.base.name: base}
            for column, (value, change) in zip(self.scenarios, values, strict=True):
                record[column.name] = value
                record[f"{column.name} Δ"] = change
            records.append(record)
        return pd.DataFrame.from_records(records).set_index("figure")

    @property
    def ok(self) -> bool:
        return all(c.outcome.status == "done" for c in [self.base, *self.scenarios])


def plan(base_arg: Path, scenario_args: list[Path], params: SolverParams
         ) -> tuple[Path, list[Planned]]:
    """Read everything and apply every scenario; ScenarioError with all problems at once."""
    problems: list[str] = []
    base_scenario = BASE
    instance_path = base_arg
    try:
        first = read_file_data(base_arg)
        if is_scenario_data(first):
            base_scenario = load_scenario(base_arg)
            instance_path = scenario_base(base_scenario)
        data = read_file_data(instance_path)
    except InstanceError as exc:
        raise ScenarioError(exc.source, exc.problems) from None
    scenarios: list[Scenario] = [base_scenario]
    for path in scenario_args:
        try:
            scenarios.append(load_scenario(path))
        except InstanceError as exc:
            problems += [f"{exc.source}: {p}" for p in exc.problems]
    return instance_path, plan_data(data, str(instance_path), scenarios, params, problems)


def plan_data(data: dict[str, Any], source: str, scenarios: list[Scenario],
              params: SolverParams, problems: list[str] | None = None) -> list[Planned]:
    """Apply each scenario (the first is the reference) to instance data; ScenarioError with
    every problem at once (those given and those found)."""
    problems = list(problems or [])
    names = [s.name for s in scenarios]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"scenario name {name!r} appears more than once (names must differ)")
    planned: list[Planned] = []
    for scenario in scenarios:
        try:
            inst, changed = applied(scenario, data, source)
        except InstanceError as exc:
            problems += [f"{exc.source}: {p}" for p in exc.problems]
            continue
        planned.append(Planned(scenario, JobSpec(inst.name, scenario.name, json_ready(changed),
                                                 params)))
    if problems:
        raise ScenarioError("compare", problems)
    return planned


def run_plan(instance_path: Path, planned: list[Planned], out: Path | None,
             on_start: Callable[[str, Start], None] | None = None, *,
             warm_start: bool = True) -> Comparison:
    """Solve each planned scenario (one after the other, same parameters), write each roster
    under OUT/<scenario>/ (when OUT is given) and return the comparison (the first planned
    is the base). With `warm_start`, every scenario starts from the base's roster when it
    fits (`bemanna.batch.warm.warm`), and when one does the base is solved once more from
    that roster for as long (the continued base, `bemanna.batch.warm.continue_base`): its
    figures and roster are the base column's, so every delta is paired. `on_start(name,
    start)` is called before each solve."""
    base_item, rest = planned[0], planned[1:]
    base_name = base_item.scenario.name
    told = on_start or (lambda name, start: None)
    told(base_name, "reference")
    first = run_job(base_item.spec)
    roster = first.roster if first.status == "done" else None
    starts = [_scenario_start(item.spec, roster, base_name, warm_start) for item in rest]
    common = None
    if roster is not None and any(start == "hinted" for _, start in starts):
        spec, start = continue_base(base_item.spec, roster, base_name)
        told(base_name, start)
        base, common = _column(base_item, run_job(spec), start, out), first
    else:
        base = _column(base_item, first, "reference", out)
    columns = [base]
    for item, (spec, start) in zip(rest, starts, strict=True):
        told(item.scenario.name, start)
        columns.append(_column(item, run_job(spec), start, out))
    spec = base_item.spec
    return Comparison(spec.instance, instance_path, int(spec.data["horizon"]["weeks"]),
                      shown_params(spec.params), columns[0], columns[1:], warm_start, common)


def _scenario_start(spec: JobSpec, base_roster: dict[str, Any] | None, base: str,
                    warm_start: bool) -> tuple[JobSpec, Start]:
    """A scenario's job as it is to run: from the base's roster when warm and it fits
    (`bemanna.batch.warm.warm`), else from scratch and why."""
    return warm(spec, base_roster, base) if warm_start else (spec, "cold")


def _column(item: Planned, outcome: JobOutcome, start: Start, out: Path | None) -> Column:
    """The column of a solve, its roster written under OUT/<scenario>/ when OUT is given."""
    from bemanna.roster import roster_from_dict, save_roster, write_with_fallback

    path = None
    if outcome.roster is not None and out is not None:
        roster = roster_from_dict(outcome.roster)
        # A folder that refuses now: the roster goes to a temporary folder (roster_path).
        path = write_with_fallback(out / item.scenario.name, partial(save_roster, roster)).value
    return Column(item.scenario.name, item.scenario.description, outcome, path, start)


def simulate_columns(planned: list[Planned], comparison: Comparison, runs: int,
                     seed: int) -> None:
    """Add the simulated sick-leave figures to each column with a roster: the same runs and
    seed for every scenario (`bemanna.simulation`)."""
    from bemanna.instance import instance_from_data
    from bemanna.roster import roster_from_dict
    from bemanna.simulation import simulate

    for item, column in zip(planned, [comparison.base, *comparison.scenarios], strict=True):
        if column.outcome.roster is None or column.outcome.figures is None:
            continue
        inst = instance_from_data(item.spec.data, item.scenario.name)
        result = simulate(inst, roster_from_dict(column.outcome.roster), runs=runs, seed=seed)
        column.outcome.figures.update(simulated_figures(result.figures()))


def shown_params(params: SolverParams) -> dict[str, Any]:
    """The solver settings every column shares, as compare's outputs show them."""
    shown: dict[str, Any] = {"time_limit": params.time_limit, "workers": params.workers,
                             "seed": params.seed, "strategy": params.strategy}
    if params.deterministic_time is not None:
        shown["deterministic_time"] = params.deterministic_time
    return shown


def compare(base_arg: Path, scenario_args: list[Path], out: Path,
            params: SolverParams, *, warm_start: bool = True) -> Comparison:
    """Plan and run: the whole comparison of BASE and the scenario files."""
    instance_path, planned = plan(base_arg, scenario_args, params)
    return run_plan(instance_path, planned, out, warm_start=warm_start)
