"""`bemanna explain ROSTER_DIR -i INSTANCE -e EMPLOYEE`: why the roster is as it is for one
employee (binding rules, wishes not met with the price of granting them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from bemanna.cli.console import EXIT_BAD_INPUT, console, err, load_or_exit, roster_for_or_exit
from bemanna.cli.options import LangOption, Language, lang_of
from bemanna.explain.wishes import wish_seconds


def explain_command(
    roster: Annotated[Path, typer.Argument(help="Roster folder (or its roster.json).")],
    instance: Annotated[Path, typer.Option("--instance", "-i", help="The instance it solves.")],
    employee: Annotated[str, typer.Option("--employee", "-e", help="Employee id.")],
    time_limit: Annotated[float | None, typer.Option(
        min=0.1, help="Seconds per wish re-solve. Default: 10 s for small units, 60 s when "
        "employees × days > 1000 (the care home) — measured as the smallest limits that "
        "answer every unmet wish on the shipped instances, with margin (docs/robustness.md, "
        "'First contact'). A wish still unanswered says 'not found in time', never "
        "'impossible'.")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64)] = 1,
    seed: Annotated[int, typer.Option(min=0)] = 0,
    max_wishes: Annotated[int, typer.Option(min=0, help="Wishes to price at most.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    lang: LangOption = Language.sv,
) -> None:
    """Why ROSTER is as it is for one employee: binding rules and wishes not met.

    Lists the rules the roster sits at the edge of for EMPLOYEE, the soft rules it breaks,
    and each wish not granted with the estimated price of granting it (a short re-solve).
    """
    from bemanna.cli.console import error_word
    from bemanna.explain.why import explain_employee
    from bemanna.labels.phrases import render

    inst = load_or_exit(instance)
    data = roster_for_or_exit(inst, roster)
    if employee not in inst.employee:
        known = ", ".join(e.id for e in inst.employees[:10])
        no_one = render("explain.no_employee", lang_of(lang), {
            "employee": repr(employee), "instance": inst.name, "known": known})
        err.print(f"[bold red]{error_word(lang_of(lang))}[/]: {no_one}", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    limit = time_limit if time_limit is not None else wish_seconds(inst)
    found = explain_employee(inst, data, employee, limit, workers, seed, max_wishes,
                             lang=lang_of(lang))
    if as_json:
        console.print_json(json.dumps(found.to_dict(), ensure_ascii=False))
        return
    for line in found.lines():
        console.print(line, markup=False, highlight=False)
