"""`bemanna check INSTANCE ROSTER` (the independent check) and `bemanna validate INSTANCE`
(input check, then the pre-solve checks)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bemanna.cli.console import EXIT_VIOLATION, console, err, load_or_exit, load_roster_or_exit


def check_command(
    instance: Annotated[Path, typer.Argument(help="Instance file.")],
    roster: Annotated[Path, typer.Argument(help="roster.json or the folder holding it.")],
) -> None:
    """Check ROSTER against every rule of INSTANCE (independent of the solver)."""
    import bemanna
    from bemanna.units import format_sek

    inst = load_or_exit(instance)
    data = load_roster_or_exit(roster)
    report = bemanna.check(inst, data)
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


def validate_command(
    instance: Annotated[Path, typer.Argument(help="Instance file.")],
    workers: Annotated[int, typer.Option(min=1, max=64, help="For the memory estimate.")] = 2,
) -> None:
    """Check INSTANCE's input, then the pre-solve checks.

    Input problems: one line each with its field path, exit 2. Pre-solve checks: contracts
    against what the passes and rest rules can hold, pins against the rules, need against
    staff; exit 1 when no roster can keep the hard rules.
    """
    from bemanna.cli.solve_steps import print_validation

    print_validation(load_or_exit(instance), instance, workers)
