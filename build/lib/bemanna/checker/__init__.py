"""The independent checker: every rule and every price, read off a roster's date-times.

Written from docs/rules.md, not from the solver: this package never imports `bemanna.solver`
or OR-Tools, so it is a true second opinion on a roster.

    report = check_roster(instance, roster)
    report.ok, report.violations, report.costs, report.total, report.units
"""

from bemanna.checker.match import roster_mismatch
from bemanna.checker.passes import Pass, RosterView, read_roster
from bemanna.checker.registry import (
    check_roster,
    check_rule,
    hard_violations,
    price_term,
    rule_check,
    term_pricer,
    unit_price,
)
from bemanna.checker.report import CheckReport, RuleResult, Violation
from bemanna.checker.structure import STRUCTURAL_RULES, STRUCTURE_CHECKS

__all__ = [
    "STRUCTURAL_RULES",
    "STRUCTURE_CHECKS",
    "CheckReport",
    "Pass",
    "RosterView",
    "RuleResult",
    "Violation",
    "check_roster",
    "check_rule",
    "hard_violations",
    "price_term",
    "read_roster",
    "roster_mismatch",
    "rule_check",
    "term_pricer",
    "unit_price",
]
