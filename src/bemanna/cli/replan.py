"""`bemanna replan ROSTER_DIR -i INSTANCE --events EVENTS.yaml [--now 2025-03-12T06:30] -o OUT`.

The 06:30 sick call (docs/replan.md): the roster in ROSTER_DIR is repaired after the events,
everything that started before --now frozen. Prints the change list and the cost delta per
refill source and writes OUT (roster, changes.txt, cost_delta.csv, messages/, check.txt,
repair_instance.json). Exit codes: 0 repaired and checked, 1 no repair keeps the hard rules
(or the checker objects), 2 bad input (one line per problem; nothing is written).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bemanna.cli.console import (
    EXIT_VIOLATION,
    bad_input,
    console,
    fail,
    load_or_exit,
    out_folder_or_exit,
    roster_for_or_exit,
)

if TYPE_CHECKING:
    from bemanna.replanning.result import ReplanResult


def print_replan(result: ReplanResult) -> None:
    """The change list, then the cost delta's non-zero rows and the checker's verdict."""
    from bemanna.replanning.output import check_text
    from bemanna.replanning.wording import kronor

    console.print(f"Repair of {result.plan.instance.name} at {result.plan.now:%Y-%m-%d %H:%M}: "
                  f"{result.disruptions} changed passes of people no event hits, "
                  f"{result.wall_time:.1f} s", highlight=False)
    for change in result.changes:
        console.print(f"  {change.text}", highlight=False, markup=False)
    if result.delta is not None:
        for row in result.delta.table.itertuples():
            if row.delta_ore or row.repaired_minutes:
                console.print(f"  {row.source:<26} {kronor(int(row.delta_ore)):>16}",
                              highlight=False, markup=False)
        console.print("  money against the old roster (bought, extra hours, OB): "
                      f"{kronor(result.delta.money_delta)}; objective incl. weights "
                      f"{kronor(result.delta.objective_delta)}", highlight=False)
    console.print(check_text(result).strip(), highlight=False)


def replan_command(
    roster_dir: Annotated[Path, typer.Argument(help="Folder holding roster.json (or the file).")],
    instance: Annotated[Path, typer.Option("--instance", "-i", help="The roster's instance.")],
    events: Annotated[Path, typer.Option("--events", help="The events file (YAML or JSON).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the repair.")],
    now: Annotated[str | None, typer.Option(
        "--now", help="Re-planning moment, e.g. 2025-03-12T06:30 (else the events file's).")
    ] = None,
    time_limit: Annotated[float, typer.Option("--time-limit", "-t", min=0.1)] = 1.0,
    workers: Annotated[int, typer.Option("--workers", min=1)] = 2,
    seed: Annotated[int, typer.Option("--seed", min=0)] = 0,
) -> None:
    """Repair a roster after sick calls, leavers, joiners, extra need or swaps (docs/replan.md)."""
    import bemanna
    from bemanna.instance import InstanceError
    from bemanna.replanning.output import save_replan
    from bemanna.roster import RosterError

    moment = None
    if now is not None:
        try:
            moment = dt.datetime.fromisoformat(now)
        except ValueError:
            fail(f"--now: {now!r} is not a date-time like 2025-03-12T06:30")
    inst = load_or_exit(instance)
    roster = roster_for_or_exit(inst, roster_dir)
    out_folder_or_exit(out)
    try:
        result = bemanna.replan(inst, roster, events, moment, bemanna.SolverParams(
            time_limit=time_limit, workers=workers, seed=seed))
    except (InstanceError, RosterError) as exc:
        raise bad_input(exc) from None
    if result.roster is None:
        console.print(f"No repair keeps every hard rule ({result.status}); nothing written.")
        raise typer.Exit(EXIT_VIOLATION)
    print_replan(result)
    save_replan(result, out)
    console.print(f"Written to {out}/", highlight=False)
    if not result.ok:
        raise typer.Exit(EXIT_VIOLATION)
