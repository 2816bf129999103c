"""The RÖHS table of the reports: per employee with a request, what the roster grants and what
the grant costs (docs/reports.md, docs/resurstid.md § RÖHS as a decision).

For every employee whose instance asks for a higher employment rate (`desired_employment_rate`
above `employment_rate`): the current, requested and granted rate; the extra contract minutes
of the grant over the period and per year (× 52 / weeks); and the extra salary incl. PO — the
checker's `rohs` price of that employee alone (`bemanna.checker.rohs.rohs_cost` on a view that
grants only that employee), annualised with `bemanna.pricing.annualise`. The rows add up to
the checker's `rohs` term.

The granted rate is the one the checker and the pricing use (`read_roster`): the roster's rate
when the policy allows it. A roster recording a rate the policy does not allow is read at the
instance's rates (the `rohs` check lists it as a violation), so its table shows no grant.

What a grant saves is not computed per employee: it would take a re-solve per employee with
that grant withheld. The policy as a whole is compared in benchmarks/RESULTS.md, "RÖHS
policies".
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from bemanna.checker import RosterView
from bemanna.checker.rohs import rohs_cost
from bemanna.instance import contract_minutes
from bemanna.instance.rohs import granted_instance, requested
from bemanna.pricing import annualise

ROHS_COLUMNS = ["employee", "name", "current_rate", "requested_rate", "granted_rate",
                "extra_contract_minutes", "annual_extra_contract_minutes", "cost_ore",
                "annual_cost_ore"]


def rohs_table(view: RosterView) -> pd.DataFrame:
    """One row per employee with a RÖHS request, in instance order (see the module doc).

    Rates are floats in %; minutes and öre integers (annual values rounded half up once)."""
    given = view.as_given or view.instance
    weeks = given.horizon.weeks
    rows = []
    for emp in given.employees:
        if requested(emp) <= 0:
            continue
        granted = view.instance.employee[emp.id].employment_rate
        extra, cost = 0, 0
        if granted != emp.employment_rate:
            alone = granted_instance(given, {emp.id: granted})
            extra = (contract_minutes(alone, alone.employee[emp.id])
                     - contract_minutes(given, emp))
            cost = rohs_cost(RosterView(alone, view.roster, {}, as_given=given))
        desired = emp.desired_employment_rate
        assert desired is not None  # requested() > 0
        rows.append((emp.id, emp.name, _pct(emp.employment_rate), _pct(desired),
                     _pct(granted), extra, annualise(extra, weeks), cost,
                     annualise(cost, weeks)))
    return pd.DataFrame(rows, columns=ROHS_COLUMNS).astype(
        {c: "int64" for c in ROHS_COLUMNS[5:]})


def rohs_totals(table: pd.DataFrame, weeks: int) -> dict[str, int]:
    """The table's totals row: extra contract minutes and cost for the period, and each
    annualised once (so the annual total may differ from the sum of the annual rows by the
    rounding of a few öre)."""
    extra = int(table["extra_contract_minutes"].sum())
    cost = int(table["cost_ore"].sum())
    return {"extra": extra, "annual_extra": annualise(extra, weeks), "cost": cost,
            "annual_cost": annualise(cost, weeks)}


def _pct(rate: Decimal) -> float:
    return float(rate)
