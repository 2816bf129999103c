"""`bemanna check INSTANCE ROSTER` (the independent check) and `bemanna validate INSTANCE`
(input check, then the pre-solve checks)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bemanna.cli.console import (
    EXIT_VIOLATION,
    bad_input,
    console,
    err,
    load_or_exit,
    load_roster_or_exit,
)
from bemanna.cli.options import LangOption, Language, lang_of


def check_command(
    instance: Annotated[Path, typer.Argument(help="Instance file.")],
    roster: Annotated[Path, typer.Argument(help="roster.json or the folder holding it.")],
    lang: LangOption = Language.sv,
) -> None:
    """Check ROSTER against every rule of INSTANCE (independent of the solver)."""
    import bemanna
    from bemanna.checker import roster_mismatch
    from bemanna.labels import money, term_label
    from bemanna.labels.phrases import Counted, render
    from bemanna.roster import RosterError

    language = lang_of(lang)
    inst = load_or_exit(instance, language)
    data = load_roster_or_exit(roster, language)
    mismatch = roster_mismatch(inst, data)
    if mismatch:  # a roster of another instance: one line, not one per pass (issue 17.10)
        raise bad_input(RosterError(str(roster), mismatch[:1]), language)
    report = bemanna.check(inst, data)
    for v in report.violations:
        console.print(f"{v.rule}: {v.text(language)}", markup=False, highlight=False)
    for term, ore in sorted(report.costs.items()):
        if ore:
            console.print(render("check.cost", language, {
                "term": term_label(term, language),
                "money": money(ore, language)}), highlight=False, markup=False)
    console.print(render("check.total", language, {
        "money": money(report.total, language),
        "count": Counted(len(report.violations), "violation")}), highlight=False)
    if data.objective is not None and data.objective != report.total:
        err.print(f"[yellow]{render('check.note', language, {})}[/]: ", end="")
        err.print(render("check.objective_differs", language, {
            "objective": money(data.objective, language),
            "total": money(report.total, language)}), highlight=False, markup=False)
    if not report.ok:
        raise typer.Exit(EXIT_VIOLATION)


def validate_command(
    instance: Annotated[Path, typer.Argument(help="Instance file.")],
    workers: Annotated[int, typer.Option(min=1, max=64, help="For the memory estimate.")] = 2,
    lang: LangOption = Language.sv,
) -> None:
    """Check INSTANCE's input, then the pre-solve checks.

    Input problems: one line each with its field path, exit 2. Pre-solve checks: contracts
    against what the passes and rest rules can hold, pins against the rules, need against
    staff; exit 1 when no roster can keep the hard rules.
    """
    from bemanna.cli.solve_steps import print_validation

    language = lang_of(lang)
    print_validation(load_or_exit(instance, language), instance, workers, language)
