"""Pre-solve diagnostics: quick checks in plain Python (no solver) that catch the common
impossibilities before any search, in the planner's words.

    findings = presolve(instance)   # list[Finding], errors first
    errors(findings)                # certainly infeasible: solving stops (exit 1)

Checks: each employee's contract hours against what their allowed passes, weekdays, absences,
pins and rest rules can place (`hours`); pinned passes that already break a hard rule
(`pins`); need per skill against the staff's contracts, night need against the staff allowed
on nights, need nobody qualified can cover (`demand`, warnings: coverage is priced).
"""

from __future__ import annotations

from bemanna.instance.model import Instance
from bemanna.presolve.demand import demand_findings
from bemanna.presolve.findings import Finding, Severity, errors
from bemanna.presolve.hours import hours_findings
from bemanna.presolve.options import employee_days
from bemanna.presolve.pins import pin_findings


def presolve(instance: Instance) -> list[Finding]:
    """Every finding, errors first (then in the order of the checks)."""
    days = {e.id: employee_days(instance, e) for e in instance.employees}
    found = pin_findings(instance) + hours_findings(instance, days)
    found += demand_findings(instance, days)
    return sorted(found, key=lambda f: f.severity != "error")


__all__ = ["Finding", "Severity", "errors", "presolve"]
