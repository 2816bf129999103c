"""The independent checker: every rule and every price, read off a roster's date-times.

Written from docs/rules.md, not from the solver: this package never imports `bemanna.solver`
or OR-Tools, so it is a true second opinion on a roster.

    report = check_roster(instance, roster)
    report.ok, report.violations, report.costs, report.total, report.units
"""

from bemanna.checker.match import roster_mismatch
from bemanna.checker.passes import Pass, RosterView, read_roster
from bemanna.checker.registry import (
    CHECKS,
    PER_MINUTE_RULES,
    PRICERS,
    RULE_CHECKS,
    TERM_PRICERS,
    check_roster,
    unit_price,
)
from bemanna.checker.report import CheckReport, RuleResult, Violation
from bemanna.checker.structure import STRUCTURAL_RULES, STRUCTURE_CHECKS

__all__ = [
    "CHECKS",
    "PER_MINUTE_RULES",
    "PRICERS",
    "RULE_CHECKS",
    "STRUCTURAL_RULES",
    "STRUCTURE_CHECKS",
    "TERM_PRICERS",
    "CheckReport",
    "Pass",
    "RosterView",
    "RuleResult",
    "Violation",
    "check_roster",
    "read_roster",
    "roster_mismatch",
    "unit_price",
]
