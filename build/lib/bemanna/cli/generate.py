"""The `bemanna generate` command (registered in bemanna.cli)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bemanna.cli.console import EXIT_BAD_INPUT, console, err


def generate_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the instance files.")],
    care_homes: Annotated[int, typer.Option(min=0, max=500,
                                            help="Care-home units (~30 places).")] = 18,
    lss_homes: Annotated[int, typer.Option(min=0, max=500, help="LSS group homes.")] = 0,
    nurse_groups: Annotated[int, typer.Option(min=0, max=500, help="Nurse groups.")] = 0,
    weeks: Annotated[int, typer.Option(min=1, max=16, help="Horizon in weeks.")] = 4,
    seed: Annotated[int, typer.Option(min=0)] = 0,
    nurses: Annotated[bool, typer.Option(help="Nurses (SSK) in the care-home units.")] = True,
) -> None:
    """Write a seeded synthetic portfolio of units as instance files (one YAML per unit).

    Defaults: a Leanlink-like care-home portfolio (domain.md §5): 18 units of 26–36 places."""
    from bemanna.generate.portfolio import PortfolioParams, generate_portfolio, write_portfolio

    if out.exists() and not out.is_dir():

        err.print(f"[bold red]error[/]: --out: {out} exists and is not a folder", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    params = PortfolioParams(care_homes=care_homes, lss_homes=lss_homes,
                             nurse_groups=nurse_groups, weeks=weeks, seed=seed,
                             nurses_in_care_homes=nurses)
    units = generate_portfolio(params)
    paths = write_portfolio(units, out)
    staff = sum(len(u["employees"]) for u in units)
    console.print(f"{len(paths)} units ({care_homes} care homes, {lss_homes} LSS group homes, "
                  f"{nurse_groups} nurse groups), {staff} staff, {weeks} weeks, seed {seed} "
                  f"-> {out}/", highlight=False)
