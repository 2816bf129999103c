"""Building the CP-SAT model of an instance: variables, every rule, the objective."""

from __future__ import annotations

import numpy as np
from ortools.sat.python import cp_model

from bemanna.instance.model import Instance
from bemanna.solver.builders import build_all
from bemanna.solver.context import Context, create_variables
from bemanna.solver.index import Index, build_index


def build_model(instance: Instance, index: Index | None = None,
                need_cache: dict[str, tuple[np.ndarray, np.ndarray]] | None = None,
                prices: bool = True) -> Context:
    """Build the CP-SAT model: variables, every rule, the objective (öre); without `prices`
    a feasibility model of the rules alone."""
    ctx = Context(instance, index or build_index(instance), cp_model.CpModel())
    if need_cache is not None:
        ctx.need_cache = need_cache
    create_variables(ctx)
    build_all(ctx, prices)
    objective = [t.coef * t.expr for terms in ctx.terms.values() for t in terms]
    ctx.model.minimize(cp_model.LinearExpr.sum(objective) + sum(ctx.constants.values()))
    return ctx
