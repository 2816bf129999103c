"""RÖHS (rätt till önskad högre sysselsättningsgrad): requests for a higher employment rate,
granted as a decision of the roster (domain.md §2; docs/resurstid.md).

An employee with `desired_employment_rate` above `employment_rate` may be granted any rate
from the current one upwards in steps of `step_percent` percentage points, the last step
landing on the desired rate exactly. The policy says who decides:

- `optimise` (default): the solver chooses each grant, weighing the salary of the extra
  contract hours against the gap-fill cost they replace (and the expected use of the extra
  resurspass);
- `grant_all`: every request granted in full; `grant_none`: none.

`min_share` (0–1) asks the solver to grant at least that share of the requested percentage
points in total (a political target such as "at least half of the RÖHS hours").

A roster records the rate it grants each employee (`employment_rate` in roster.json); the
checker, the pricing and the reports read the roster through `granted_instance`, so the
contract hours and the salaries are those of the granted rate.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from bemanna.instance.types import STRICT

if TYPE_CHECKING:
    from bemanna.instance.model import Employee, Instance

RohsMode = Literal["optimise", "grant_all", "grant_none"]


class RohsPolicy(BaseModel):
    """How RÖHS requests (`desired_employment_rate`) are decided."""

    model_config = STRICT

    policy: RohsMode = "optimise"
    step_percent: Decimal = Field(default=Decimal(5), gt=0, le=100, decimal_places=2)
    """Grants come in steps of this many percentage points (the last step: the desired rate)."""
    min_share: Decimal = Field(default=Decimal(0), ge=0, le=1, decimal_places=4)
    """With `optimise`: grant at least this share of all requested percentage points."""


def requested(emp: Employee) -> Decimal:
    """Percentage points asked for above the current rate (0 when no request)."""
    desired = emp.desired_employment_rate
    return Decimal(0) if desired is None else max(Decimal(0), desired - emp.employment_rate)


def rohs_options(inst: Instance, emp: Employee) -> list[Decimal]:
    """The rates the employee may be given, the current rate first."""
    current, desired = emp.employment_rate, emp.desired_employment_rate
    if desired is None or desired <= current or inst.rohs.policy == "grant_none":
        return [current]
    if inst.rohs.policy == "grant_all":
        return [desired]
    options = [current]
    rate = current + inst.rohs.step_percent
    while rate < desired:
        options.append(rate)
        rate += inst.rohs.step_percent
    return [*options, desired]


def grant_breaches(inst: Instance,
                   rates: Mapping[str, Decimal]) -> list[tuple[str | None, dict[str, str]]]:
    """Why a set of granted rates is not allowed, as (employee, fields): an employee's rate
    the policy does not allow (fields emp, rate, policy, allowed), or, with employee None, too
    small a share of the requested points granted (fields points, asked, share). The checker
    words them per language (`bemanna.labels.checker_words`, checker.rohs.*)."""
    found: list[tuple[str | None, dict[str, str]]] = []
    points = Decimal(0)
    for emp in inst.employees:
        rate = rates.get(emp.id, emp.employment_rate)
        options = rohs_options(inst, emp)
        if rate not in options:
            allowed = ", ".join(f"{o.normalize():f}" for o in options)
            found.append((emp.id, {"emp": emp.id, "rate": f"{rate.normalize():f}",
                                   "policy": inst.rohs.policy, "allowed": allowed}))
        points += max(Decimal(0), rate - emp.employment_rate)
    asked = sum((requested(e) for e in inst.employees), Decimal(0))
    if inst.rohs.policy == "optimise" and asked and points < inst.rohs.min_share * asked:
        found.append((None, {"points": f"{points.normalize():f}",
                             "asked": f"{asked.normalize():f}",
                             "share": str(inst.rohs.min_share)}))
    return found


def grant_problems(inst: Instance, rates: Mapping[str, Decimal]) -> list[str]:
    """Why a set of granted rates is not allowed (one English line each; empty when it is)."""
    return [f"{f['emp']}: employment rate {f['rate']} % is not one the RÖHS policy "
            f"'{f['policy']}' allows ({f['allowed']} %)" if emp is not None else
            f"RÖHS: {f['points']} of {f['asked']} requested percentage points granted, below "
            f"min_share {f['share']}" for emp, f in grant_breaches(inst, rates)]


def granted_instance(inst: Instance, rates: Mapping[str, Decimal]) -> Instance:
    """The instance with each employee at the granted rate (the request itself is kept)."""
    changed = {e.id: rates[e.id] for e in inst.employees
               if e.id in rates and rates[e.id] != e.employment_rate}
    if not changed:
        return inst
    employees = [e.model_copy(update={"employment_rate": changed[e.id]}) if e.id in changed
                 else e for e in inst.employees]
    return inst.replaced(employees=employees)
