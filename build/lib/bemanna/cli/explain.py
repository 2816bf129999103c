"""`bemanna explain ROSTER_DIR -i INSTANCE -e EMPLOYEE`: why the roster is as it is for one
employee (binding rules, wishes not met with the price of granting them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from bemanna.cli.console import EXIT_BAD_INPUT, console, err, load_or_exit, roster_for_or_exit


def explain_command(
    roster: Annotated[Path, typer.Argument(help="Roster folder (or its roster.json).")],
    instance: Annotated[Path, typer.Option("--instance", "-i", help="The instance it solves.")],
    employee: Annotated[str, typer.Option("--employee", "-e", help="Employee id.")],
    time_limit: Annotated[float, typer.Option(
        min=0.1, help="Seconds per wish re-solve.")] = 3.0,
    workers: Annotated[int, typer.Option(min=1, max=64)] = 1,
    seed: Annotated[int, typer.Option(min=0)] = 0,
    max_wishes: Annotated[int, typer.Option(min=0, help="Wishes to price at most.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Why ROSTER is as it is for one employee: binding rules and wishes not met.

    Lists the rules the roster sits at the edge of for EMPLOYEE, the soft rules it breaks,
    and each wish not granted with the estimated price of granting it (a short re-solve).
    """
    from bemanna.explain.why import explain_employee

    inst = load_or_exit(instance)
    data = roster_for_or_exit(inst, roster)
    if employee not in inst.employee:
        known = ", ".join(e.id for e in inst.employees[:10])
        err.print(f"[bold red]error[/]: --employee: no employee {employee!r} in {inst.name} "
                  f"(e.g. {known})", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    found = explain_employee(inst, data, employee, time_limit, workers, seed, max_wishes)
    if as_json:
        console.print_json(json.dumps(found.to_dict(), ensure_ascii=False))
        return
    for line in found.lines():
        console.print(line, markup=False, highlight=False)
