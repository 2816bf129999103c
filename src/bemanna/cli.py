"""The `bemanna` command: solve, check, validate, schema.

Exit codes: 0 done, 1 the roster breaks a rule / the instance is infeasible, 2 bad input.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from bemanna.batch.command import batch_app
from bemanna.comparison.command import compare_command
from bemanna.explain.command import explain as explain_command
from bemanna.generate.command import generate_command
from bemanna.instance import Instance, InstanceError, load_instance
from bemanna.report.command import price_and_report
from bemanna.report.command import report as report_command
from bemanna.roster import RosterError, load_roster, save_roster
from bemanna.simulation.cli import simulate_command

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Staff rosters for Swedish municipal care (CP-SAT).")
console = Console(soft_wrap=True)  # one finding per line, whatever the terminal width
err = Console(stderr=True, soft_wrap=True)

EXIT_VIOLATION = 1
EXIT_BAD_INPUT = 2


class Strategy(StrEnum):
    """`SolverParams.strategy` as a command-line choice."""

    auto = "auto"
    lns = "lns"
    hinted = "hinted"
    cpsat = "cpsat"


def _bad_input(error: InstanceError | RosterError) -> typer.Exit:
    err.print(f"[bold red]error[/]: {error.source}", highlight=False)
    for line in error.problems:
        err.print(f"  {line}", highlight=False, markup=False)
    return typer.Exit(EXIT_BAD_INPUT)


def _load(path: Path) -> Instance:
    try:
        return load_instance(path)
    except InstanceError as exc:
        raise _bad_input(exc) from None


@app.command()
def solve(
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
    from bemanna.checker import check_roster
    from bemanna.explain.command import before_solving, report_infeasible
    from bemanna.solver import Progress, SolverParams
    from bemanna.solver import solve as run_solver
    from bemanna.summary import print_summary

    inst = _load(instance)
    if out.exists() and not out.is_dir():
        err.print(f"[bold red]error[/]: --out: {out} exists and is not a folder", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    if simulate is not None and not report:
        err.print("[bold red]error[/]: --simulate: only with --report (the simulation is shown "
                  "in the reports; `bemanna simulate` runs it alone)", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    before_solving(inst, out, workers, explain, max_memory, checks)
    params = SolverParams(time_limit=time_limit, workers=workers, seed=seed, log=log,
                          strategy=strategy.value, deterministic_time=deterministic_time)

    def progress(step: Progress) -> None:
        if not quiet:
            err.print(f"  {step.seconds:7.2f} s  objective {step.objective / 100:>14,.2f} SEK"
                      f"  bound {step.bound / 100:>14,.2f} SEK", highlight=False)

    err.print(f"Solving [bold]{inst.name}[/]: {len(inst.employees)} employees, "
              f"{inst.horizon.days} days, limit {time_limit:g} s, {workers} workers, seed {seed}",
              highlight=False)
    result = run_solver(inst, params, on_progress=progress)
    if result.interrupted:
        err.print("[yellow]interrupted[/]: keeping the best roster found so far")
    if result.roster is None:
        report_infeasible(inst, result.status, result.infeasible_employees, time_limit, out,
                          explain)
        raise typer.Exit(EXIT_VIOLATION)
    path = save_roster(result.roster, out)
    checked = check_roster(inst, result.roster)
    print_summary(console, inst, result.roster, checked)
    console.print(f"Roster written to {path} and {path.with_suffix('.csv')}", highlight=False)
    if not price_and_report(console, err, inst, result.roster, checked, out if report else None,
                            simulate_runs=simulate, seed=seed):
        raise typer.Exit(EXIT_BAD_INPUT)  # the roster is written; its cost model is not usable
    if not checked.ok:
        raise typer.Exit(EXIT_VIOLATION)


@app.command()
def check(
    instance: Annotated[Path, typer.Argument(help="Instance file.")],
    roster: Annotated[Path, typer.Argument(help="roster.json or the folder holding it.")],
) -> None:
    """Check ROSTER against every rule of INSTANCE (independent of the solver)."""
    from bemanna.checker import check_roster
    from bemanna.units import format_sek

    inst = _load(instance)
    try:
        data = load_roster(roster)
    except RosterError as exc:
        raise _bad_input(exc) from None
    report = check_roster(inst, data)
    for v in report.violations:
        console.print(f"{v.rule}: {v.message}", markup=False, highlight=False)
    for term, ore in sorted(report.costs.items()):
        if ore:
            err.print(f"  cost {term}: {format_sek(ore)} SEK", highlight=False)
    err.print(f"total {format_sek(report.total)} SEK; {len(report.violations)} violations",
              highlight=False)
    if data.objective is not None and data.objective != report.total:
        err.print(f"[yellow]note[/]: the roster's objective {format_sek(data.objective)} SEK "
                  "differs from the checker's total", highlight=False)
    if not report.ok:
        raise typer.Exit(EXIT_VIOLATION)


@app.command()
def validate(
    instance: Annotated[Path, typer.Argument(help="Instance file.")],
    workers: Annotated[int, typer.Option(min=1, max=64, help="For the memory estimate.")] = 2,
) -> None:
    """Check INSTANCE's input, then the pre-solve checks.

    Input problems: one line each with its field path, exit 2. Pre-solve checks: contracts
    against what the passes and rest rules can hold, pins against the rules, need against
    staff; exit 1 when no roster can keep the hard rules.
    """
    from bemanna.explain.command import validate_command

    validate_command(_load(instance), instance, workers)


import_app = typer.Typer(help="Convert other formats into bemanna instances.",
                         no_args_is_help=True)
app.add_typer(import_app, name="import")


@import_app.command("curtois")
def import_curtois_command(
    source: Annotated[Path, typer.Argument(help="A Curtois & Qu instance (InstanceN.txt).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Instance JSON to write.")],
) -> None:
    """Import a Curtois & Qu benchmark instance onto bemanna's generic rules."""
    from bemanna.importers.curtois import CurtoisError, import_curtois
    from bemanna.roster import write_atomic

    try:
        data = import_curtois(source)
    except CurtoisError as exc:
        err.print(f"[bold red]error[/]: {source}: {exc}", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except InstanceError as exc:
        raise _bad_input(exc) from None
    except OSError as exc:
        err.print(f"[bold red]error[/]: {source}: cannot read: {exc.strerror}", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    write_atomic(out, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    console.print(f"{source} -> {out}: {len(data['employees'])} employees, "
                  f"{data['horizon']['weeks']} weeks", highlight=False)


app.command()(report_command)
app.command()(explain_command)


app.command("simulate")(simulate_command)
app.command("compare")(compare_command)
app.command("generate")(generate_command)
app.add_typer(batch_app, name="batch")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the instance format."""
    sys.stdout.write(json.dumps(Instance.model_json_schema(), indent=1) + "\n")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
