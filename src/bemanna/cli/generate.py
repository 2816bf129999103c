"""The `bemanna generate` command (registered in bemanna.cli)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bemanna.cli.console import console, out_folder_or_exit, say_moved
from bemanna.cli.options import LangOption, Language, lang_of


def generate_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the instance files.")],
    care_homes: Annotated[int, typer.Option(min=0, max=500,
                                            help="Care-home units (~30 places).")] = 18,
    lss_homes: Annotated[int, typer.Option(min=0, max=500, help="LSS group homes.")] = 0,
    nurse_groups: Annotated[int, typer.Option(min=0, max=500, help="Nurse groups.")] = 0,
    weeks: Annotated[int, typer.Option(min=1, max=16, help="Horizon in weeks.")] = 4,
    seed: Annotated[int, typer.Option(min=0)] = 0,
    nurses: Annotated[bool, typer.Option(help="Nurses (SSK) in the care-home units.")] = True,
    lang: LangOption = Language.sv,
) -> None:
    """Write a seeded synthetic portfolio of units as instance files (one YAML per unit).

    Defaults: a Leanlink-like care-home portfolio (domain.md §5): 18 units of 26–36 places."""
    from bemanna.generate.portfolio import PortfolioParams, generate_portfolio, write_portfolio
    from bemanna.labels.phrases import Counted, render
    from bemanna.roster import write_with_fallback

    out_folder_or_exit(out)
    params = PortfolioParams(care_homes=care_homes, lss_homes=lss_homes,
                             nurse_groups=nurse_groups, weeks=weeks, seed=seed,
                             nurses_in_care_homes=nurses)
    units = generate_portfolio(params)
    written = write_with_fallback(out, lambda folder: write_portfolio(units, folder))
    say_moved(written, "instances", lang_of(lang))
    paths, out = written.value, written.folder
    staff = sum(len(u["employees"]) for u in units)
    console.print(render("generate.done", lang_of(lang), {
        "units": Counted(len(paths), "unit"), "care": Counted(care_homes, "care_home"),
        "lss": Counted(lss_homes, "lss_home"), "nurse": Counted(nurse_groups, "nurse_group"),
        "staff": staff, "weeks": Counted(weeks, "week"), "seed": seed, "out": out}),
        highlight=False, markup=False)
