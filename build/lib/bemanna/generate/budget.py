"""A period budget for a generated unit (the `cost_model.budget` of its file)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bemanna.instance import instance_from_data
from bemanna.pricing.wages import base_salaries

BUDGET_SHARES = {"ob": Decimal("0.08"), "overtime": Decimal("0.02"),
                 "hourly_temps": Decimal("0.05"), "agency": Decimal("0.01")}
"""Budget lines as shares of the personnel budget (assumptions): OB 8 % (a unit staffed
around the clock), overtime and extra hours 2.0 % (the 2024 target, domain.md §1), hourly
temps 5 %, agency 1 % (kept small: agency is the last resort)."""


def with_budget(data: dict[str, Any]) -> dict[str, Any]:
    """The unit with a period budget: personnel = the contracts' base salary incl. PO at the
    current employment rates (a unit budgets its staff), the other lines as BUDGET_SHARES of
    it, rounded to whole kronor."""
    inst = instance_from_data(data, data["name"])
    personnel = Decimal(int(base_salaries(inst).cost_ore.sum())) / 100
    budget = {"personnel": int(personnel.to_integral_value())}
    budget |= {line: int((personnel * share).to_integral_value())
               for line, share in BUDGET_SHARES.items()}
    return {**data, "cost_model": {**data.get("cost_model", {}), "budget": budget}}
