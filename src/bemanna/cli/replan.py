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
from bemanna.cli.options import LangOption, Language, lang_of
from bemanna.labels import Lang, label, money, term_label
from bemanna.labels.phrases import render
from bemanna.labels.tables import REPAIR_ROWS, SOURCES

if TYPE_CHECKING:
    from bemanna.replanning.result import ReplanResult


def print_replan(result: ReplanResult, lang: Lang = "sv") -> None:
    """The change list, then the cost delta's non-zero rows and the checker's verdict."""
    from bemanna.labels import number
    from bemanna.replanning.output import check_text

    console.print(render("replan.title", lang, {
        "name": result.plan.instance.name, "now": result.plan.now,
        "changed": result.disruptions, "seconds": number(result.wall_time, 1, lang)}),
        highlight=False, markup=False)
    for change in result.changes:
        console.print(f"  {change.text}", highlight=False, markup=False)
    if result.delta is not None:
        for row in result.delta.table.itertuples():
            if row.delta_ore or (row.source == "resurspass" and row.repaired_minutes):
                console.print(f"  {source_label(str(row.source), lang):<32} "
                              f"{money(int(row.delta_ore), lang):>16}",
                              highlight=False, markup=False)
        console.print(render("replan.money", lang, {
            "money": money(result.delta.money_delta, lang),
            "objective": money(result.delta.objective_delta, lang)}), highlight=False, markup=False)
    console.print(check_text(result, lang).strip(), highlight=False, markup=False)


def source_label(source: str, lang: Lang) -> str:
    """A cost-delta row in the planner's words: a gap-fill source, a repair row, else an
    objective term or soft rule by its name."""
    for table in (SOURCES, REPAIR_ROWS):
        if source in table:
            return label(table, source, lang)
    return term_label(source, lang)


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
    lang: LangOption = Language.sv,
) -> None:
    """Repair a roster after sick calls, leavers, joiners, extra need or swaps (docs/replan.md)."""
    import bemanna
    from bemanna.instance import InstanceError
    from bemanna.replanning.output import save_replan
    from bemanna.roster import RosterError

    language = lang_of(lang)
    moment = None
    if now is not None:
        try:
            moment = dt.datetime.fromisoformat(now)
        except ValueError:
            fail(render("replan.bad_now", language, {"now": repr(now)}), lang=language)
    inst = load_or_exit(instance, language)
    roster = roster_for_or_exit(inst, roster_dir, language)
    out_folder_or_exit(out)
    try:
        result = bemanna.replan(inst, roster, events, moment, bemanna.SolverParams(
            time_limit=time_limit, workers=workers, seed=seed))
    except (InstanceError, RosterError) as exc:
        raise bad_input(exc, language) from None
    if result.roster is None:
        console.print(render("replan.none", language, {"status": result.status}))
        raise typer.Exit(EXIT_VIOLATION)
    print_replan(result, language)
    save_replan(result, out)
    console.print(render("written_to", language, {"path": f"{out}/"}), highlight=False)
    if not result.ok:
        raise typer.Exit(EXIT_VIOLATION)
