"""RÖHS grants in a roster: allowed by the policy (`rohs`), and what they cost (`rohs`).

Wording (docs/rules.md): a roster may give an employee a higher employment rate than the
instance's only as a RÖHS grant: one of the rates `bemanna.instance.rohs.rohs_options`
allows (from the current rate up in steps to the desired rate, all or none per the policy),
and in total at least `min_share` of the requested percentage points. The price of the grants
is the extra base salary: for each employee, the contract minutes at the granted rate and at
the current rate, each at the employee's loaded wage (salary / 165 × (1 + PO)) rounded once,
the difference summed (the same rounding as the pricing's personnel line).
"""

from __future__ import annotations

from bemanna.checker.passes import RosterView
from bemanna.checker.report import Violation
from bemanna.instance import contract_minutes
from bemanna.instance.rohs import grant_breaches
from bemanna.tariff.rates import cost_of, employee_wage, with_po


def rohs_grants(view: RosterView) -> list[Violation]:
    """Structural: every rate the roster records is one the RÖHS policy allows."""
    rates = view.roster.employment_rates()
    if not rates:
        return []
    instance = view.as_given or view.instance
    return [Violation("rohs", emp, None, "checker.rohs.rate" if emp else "checker.rohs.share",
                      fields) for emp, fields in grant_breaches(instance, rates)]


def rohs_cost(view: RosterView) -> int:
    """Öre: the extra base salary of the granted rates over the current ones."""
    given = view.as_given
    if given is None:
        return 0
    cm = given.cost_model
    total = 0
    for emp in given.employees:
        granted = view.instance.employee[emp.id]
        if granted.employment_rate == emp.employment_rate:
            continue
        loaded = with_po(cm, employee_wage(cm, emp)[2])
        total += (cost_of(contract_minutes(view.instance, granted), loaded)
                  - cost_of(contract_minutes(given, emp), loaded))
    return total
