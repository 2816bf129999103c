"""Option types shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


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
