"""Rule builders: the solver's side of the rule table (`bemanna.rules`).

Every builder takes the `Context` and adds its constraints; soft rules and prices add their
cost terms under their own id, so the objective can be split per rule. Which builder models
which rule is written once, in the rule's row of `bemanna.rules.RULES` (and `TERMS` for the
priced terms); this module runs them in the table's order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from bemanna.rules import RULES, TERMS, resolve
from bemanna.solver.builders import rest
from bemanna.solver.context import Context

Builder = Callable[[Context], None]

STRUCTURE: tuple[Builder, ...] = (rest.build_no_overlap,)


def builder_of(ref: str) -> Builder:
    """The builder a table row names."""
    return cast(Builder, resolve(ref))


def build_rules(ctx: Context) -> None:
    """The structural constraints and every rule of the table (no prices): what the explain
    package guards and relaxes."""
    for builder in STRUCTURE:
        builder(ctx)
    for spec in RULES.values():
        builder_of(spec.builder)(ctx)


def build_prices(ctx: Context) -> None:
    """Every priced term of the table; a builder shared by several terms runs once."""
    done: set[str] = set()
    for term in TERMS.values():
        if term.builder not in done:
            builder_of(term.builder)(ctx)
            done.add(term.builder)


def build_all(ctx: Context, prices: bool = True) -> None:
    """Every builder; `prices=False` leaves out the priced terms (a feasibility model: the
    first roster is searched without them, measured 5–8× faster on the care home)."""
    build_rules(ctx)
    if prices:
        build_prices(ctx)
