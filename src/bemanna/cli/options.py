"""Option types shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from bemanna.labels import Lang


class Strategy(StrEnum):
    """`SolverParams.strategy` as a command-line choice."""

    auto = "auto"
    lns = "lns"
    hinted = "hinted"
    cpsat = "cpsat"


STRATEGY_HELP = ("Search: auto = first roster, full model, block search when blocks re-solve "
                 "fast, full model again; lns = always block search; hinted = first roster then "
                 "the full model; cpsat = the full model alone (docs/architecture.md).")

StrategyOption = Annotated[Strategy, typer.Option(help=STRATEGY_HELP)]
DeterministicTimeOption = Annotated[float | None, typer.Option(
    min=0.01, help="Stop each CP-SAT solve after this deterministic time instead of wall time: "
                   "same instance, seed and workers give the same roster (keep --time-limit "
                   "generous).")]


class Language(StrEnum):
    """`--lang`: the language of everything a command prints and writes (bemanna.labels)."""

    sv = "sv"
    en = "en"


LangOption = Annotated[Language, typer.Option(
    "--lang", envvar="BEMANNA_LANG", case_sensitive=False,
    help="Language of the output: sv (Swedish, the default) or en (English); also "
         "BEMANNA_LANG.")]
DetailsOption = Annotated[bool, typer.Option(
    "--details", help="Also print the long tables: per employee, uncovered need by time of "
                      "day, the objective by term, costs against budget.")]


def lang_of(choice: Language) -> Lang:
    """The command-line choice as `bemanna.labels.Lang`."""
    return "en" if choice is Language.en else "sv"
