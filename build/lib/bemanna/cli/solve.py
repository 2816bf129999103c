"""`bemanna solve INSTANCE`: pre-solve checks, the search with progress lines, the roster
written, the summary and costs printed, the independent check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bemanna.cli.console import (
    EXIT_BAD_INPUT,
    EXIT_VIOLATION,
    console,
    err,
    load_or_exit,
    out_folder_or_exit,
)
from bemanna.cli.options import Strategy


def solve_command(
    instance: Annotated[Path, typer.Argument(help="Instance file (JSON or YAML).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    time_limit: Annotated[float, typer.Option(min=0.1, help="Seconds.")] = 30.0,
    workers: Annotated[int, typer.Option(min=1, max=64)] = 2,
    seed: Annotated[int, typer.Option(min=0)] = 0,
    log: Annotated[bool, typer.Option(help="Show CP-SAT's search log.")] = False,
    quiet: Annotated[bool, typer.Option(help="No progress lines.")] = False,
    report: Annotated[bool, typer.Option(
        "--report", help="Also write OUT/report.xlsx and OUT/report.html.")] = False,
    simulate: Annotated[int | None, typer.Option(
        "--simulate", min=1, max=1_000_000, help="With --report: also simulate sick leave over "
        "the roster with this many runs (seeded with --seed) and show it in the reports.")
    ] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="When infeasible, also write OUT/explanation.json (conflicts and "
        "repairs).")] = False,
    deterministic_time: Annotated[float | None, typer.Option(
        min=0.01, help="Stop each CP-SAT solve after this deterministic time instead of wall "
        "time: same instance, seed and workers give the same roster (keep --time-limit "
        "generous).")] = None,
    max_memory: Annotated[int | None, typer.Option(
        min=1, help="Refuse instances estimated to need more MB (default: "
        "BEMANNA_MAX_MEMORY_MB, else 8 GB or 80 % of RAM).")] = None,
    checks: Annotated[bool, typer.Option(
        "--checks/--no-checks", help="Run the pre-solve checks first.")] = True,
    strategy: Annotated[Strategy, typer.Option(
        help="Search: auto = first roster, full model, block search when blocks re-solve "
        "fast, full model again; lns = always block search; hinted = first roster then the "
        "full model; cpsat = the full model alone (docs/architecture.md).")] = Strategy.auto,
) -> None:
    """Solve INSTANCE and write OUT/roster.json and OUT/roster.csv."""
    import bemanna
    from bemanna.cli.report import price_and_report
    from bemanna.cli.solve_steps import before_solving, report_infeasible
    from bemanna.cli.summary import print_summary
    from bemanna.roster import save_roster
    from bemanna.solver import Progress

    inst = load_or_exit(instance)
    out_folder_or_exit(out)
    if simulate is not None and not report:
        err.print("[bold red]error[/]: --simulate: only with --report (the simulation is shown "
                  "in the reports; `bemanna simulate` runs it alone)", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    before_solving(inst, out, workers, explain, max_memory, checks)
    params = bemanna.SolverParams(time_limit=time_limit, workers=workers, seed=seed, log=log,
                          strategy=strategy.value, deterministic_time=deterministic_time)

    def progress(step: Progress) -> None:
        if not quiet:
            err.print(f"  {step.seconds:7.2f} s  objective {step.objective / 100:>14,.2f} SEK"
                      f"  bound {step.bound / 100:>14,.2f} SEK", highlight=False)

    err.print(f"Solving [bold]{inst.name}[/]: {len(inst.employees)} employees, "
              f"{inst.horizon.days} days, limit {time_limit:g} s, {workers} workers, seed {seed}",
              highlight=False)
    result = bemanna.solve(inst, params, on_progress=progress)
    if result.interrupted:
        err.print("[yellow]interrupted[/]: keeping the best roster found so far")
    if result.roster is None:
        report_infeasible(inst, result.status, result.infeasible_employees, time_limit, out,
                          explain)
        raise typer.Exit(EXIT_VIOLATION)
    path = save_roster(result.roster, out)
    checked = result.check()
    print_summary(console, inst, result.roster, checked)
    console.print(f"Roster written to {path} and {path.with_suffix('.csv')}", highlight=False)
    if not price_and_report(console, err, inst, result.roster, checked, out if report else None,
                            simulate_runs=simulate, seed=seed):
        raise typer.Exit(EXIT_BAD_INPUT)  # the roster is written; its cost model is not usable
    if not checked.ok:
        raise typer.Exit(EXIT_VIOLATION)
