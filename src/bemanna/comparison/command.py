"""The `bemanna compare` command (registered in bemanna.cli)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def compare_command(
    base: Annotated[Path, typer.Argument(help="Instance file, or a scenario file with a base.")],
    scenarios: Annotated[list[Path], typer.Argument(help="Scenario files (YAML).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path(
        "out/compare"),
    time_limit: Annotated[float, typer.Option(min=0.1, help="Seconds per solve.")] = 30.0,
    workers: Annotated[int, typer.Option(min=1, max=64, help="CP-SAT workers.")] = 2,
    seed: Annotated[int, typer.Option(min=0)] = 0,
    deterministic_time: Annotated[float | None, typer.Option(
        min=0.01, help="Stop each CP-SAT solve after this deterministic time (the same "
                       "rosters on every run).")] = None,
    simulate: Annotated[int, typer.Option(
        min=0, max=100_000, help="Also simulate sick leave over each roster, this many runs "
                                 "(the same runs for every scenario; docs/resurstid.md).")] = 0,
) -> None:
    """Solve BASE and each SCENARIO with the same limits; show the figures side by side with
    deltas against the base, annualised; write OUT/compare.xlsx, OUT/compare.html and a
    roster per scenario under OUT/<scenario>/."""
    from bemanna.cli import EXIT_BAD_INPUT, EXIT_VIOLATION, _bad_input, console, err
    from bemanna.comparison.output import status_text, terminal_table, wide, write_outputs
    from bemanna.comparison.run import plan, run_plan, simulate_columns
    from bemanna.scenario import ScenarioError
    from bemanna.solver.params import SolverParams

    if out.exists() and not out.is_dir():
        err.print(f"[bold red]error[/]: --out: {out} exists and is not a folder", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    try:
        instance_path, planned = plan(base, scenarios, SolverParams(
            time_limit=time_limit, workers=workers, seed=seed,
            deterministic_time=deterministic_time))
    except ScenarioError as exc:
        raise _bad_input(exc) from None
    err.print(f"Comparing {len(planned)} rosters of [bold]{planned[0].spec.instance}[/]: "
              f"limit {time_limit:g} s, {workers} workers, seed {seed} each", highlight=False)
    comparison = run_plan(instance_path, planned, out,
                          on_start=lambda name: err.print(f"  solving {name} ...",
                                                          highlight=False))
    if simulate:
        err.print(f"  simulating sick leave: {simulate} runs, seed {seed}", highlight=False)
        simulate_columns(planned, comparison, simulate, seed)
    # Wide enough for every column: a table of numbers is unreadable when wrapped.
    wide(console, 50 + 30 * (1 + len(comparison.scenarios))).print(terminal_table(comparison))
    for column in [comparison.base, *comparison.scenarios]:
        console.print(f"{column.name}: {status_text(column)}", highlight=False, markup=False)
    xlsx, html_path = write_outputs(comparison, out)
    console.print(f"Written {xlsx}, {html_path} and the rosters under {out}/", highlight=False)
    if not comparison.ok:
        raise typer.Exit(EXIT_VIOLATION)
