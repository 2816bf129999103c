"""The base salary cost of the contracts (budget line `personnel`).

The rates themselves live in `bemanna.tariff.rates` (shared with the solver's objective).
"""

from __future__ import annotations

import pandas as pd

from bemanna.instance import Instance, contract_minutes
from bemanna.tariff.rates import (
    agency_rate,
    cost_of,
    employee_wage,
    hourly_wage,
    ore,
    overtime_rate,
    skill_wage,
    temp_rate,
    with_po,
)
from bemanna.units import round_half_up, sek_to_ore

__all__ = ["agency_rate", "base_salaries", "cost_of", "employee_wage", "hourly_wage", "ore",
           "overtime_rate", "skill_wage", "temp_rate", "with_po"]


BASE_COLUMNS = ["employee", "salary_from", "employment_rate", "monthly_salary_ore",
                "hourly_wage_ore", "contract_minutes", "wage_ore", "po_ore", "cost_ore"]


def base_salaries(inst: Instance) -> pd.DataFrame:
    """Per employee: the contract minutes of the horizon at the hourly wage, plus PO.

    wage = contract minutes × hourly wage / 60; cost = the same × (1 + PO), each rounded once;
    po = cost − wage, so the columns add up. hourly_wage_ore is rounded for display only.
    """
    cm = inst.cost_model
    rows = []
    for emp in inst.employees:
        source, monthly, wage = employee_wage(cm, emp)
        minutes = contract_minutes(inst, emp)
        wages = cost_of(minutes, wage)
        cost = cost_of(minutes, with_po(cm, wage))
        rows.append((emp.id, source, float(emp.employment_rate), sek_to_ore(monthly),
                     round_half_up(wage), minutes, wages, cost - wages, cost))
    return pd.DataFrame(rows, columns=BASE_COLUMNS).astype(
        {c: "int64" for c in BASE_COLUMNS[3:]}
    )
