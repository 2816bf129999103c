"""One check per rule id, one pricer per priced term, and `check_roster`, which runs them all.

A rule check finds the rule's breaches and their units. What happens next depends on the rule's
mode: a hard rule's breaches are violations and cost nothing; a soft rule's units are priced at
its weight (per occurrence: units x weight in öre; per hour: minutes x ore_per_minute(weight)).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from bemanna.checker import coverage, days, hours, rest, rohs, shape, wishes
from bemanna.checker.passes import RosterView, read_roster
from bemanna.checker.report import CheckReport, RuleResult, Violation
from bemanna.checker.structure import STRUCTURE_CHECKS
from bemanna.instance import Instance, Rules
from bemanna.roster import Roster
from bemanna.units import ore_per_minute, sek_to_ore

RuleCheck = Callable[[RosterView], RuleResult]
TermPricer = Callable[[RosterView], int]

RULE_CHECKS: dict[str, RuleCheck] = {
    "daily_rest": rest.daily_rest,
    "pass_span": shape.pass_span,
    "breaks": shape.breaks,
    "weekly_rest": rest.weekly_rest,
    "daily_rest_24h": rest.daily_rest_24h,
    "contract_hours": hours.contract_hours,
    "max_split_shifts": days.max_split_shifts,
    "max_consecutive_days": days.max_consecutive_days,
    "min_consecutive_days": days.min_consecutive_days,
    "min_consecutive_days_off": days.min_consecutive_days_off,
    "max_weekends": days.max_weekends,
    "max_shift_passes": days.max_shift_passes,
    "forbidden_successions": days.forbidden_successions,
    "total_minutes": hours.total_minutes,
    "average_weekly_hours": hours.average_weekly_hours,
}
"""Rule checks on a read roster, by rule id (the order of `RULE_IDS`)."""

TERM_PRICERS: dict[str, TermPricer] = {
    "uncovered_demand": coverage.uncovered_demand,
    "below_desired_demand": coverage.below_desired_demand,
    "shift_cover": coverage.shift_cover,
    "stranded_resurstid": coverage.stranded_resurstid,
    "wishes": wishes.wishes,
    "ob": coverage.own_ob,
    "rohs": rohs.rohs_cost,
    "expected_absence_cover": coverage.expected_absence_cover,
}
"""Priced terms on a read roster, in öre, by term (the order of `PRICED_TERMS`)."""

T = TypeVar("T")

PER_MINUTE_RULES = frozenset({"contract_hours", "total_minutes", "average_weekly_hours"})
"""Rules whose unit is an hour charged per minute; their units are minutes."""


def unit_price(rules: Rules, rule_id: str) -> int:
    """Öre per unit of a soft rule: per minute for the per-hour rules, else per occurrence."""
    weight = getattr(rules, rule_id).weight_sek
    return ore_per_minute(weight) if rule_id in PER_MINUTE_RULES else sek_to_ore(weight)


def _on_roster(read_check: Callable[[RosterView], T]) -> Callable[[Instance, Roster], T]:
    """The same function taking (instance, roster), for callers outside this package."""

    @functools.wraps(read_check)
    def on_roster(instance: Instance, roster: Roster) -> T:
        return read_check(read_roster(instance, roster))

    return on_roster


CHECKS: dict[str, Callable[[Instance, Roster], RuleResult]] = {
    rule_id: _on_roster(check) for rule_id, check in RULE_CHECKS.items()
}
"""`CHECKS[rule_id](instance, roster)` -> (findings, units); ([], 0) when the rule is off."""

PRICERS: dict[str, Callable[[Instance, Roster], int]] = {
    term: _on_roster(pricer) for term, pricer in TERM_PRICERS.items()
}
"""`PRICERS[term](instance, roster)` -> öre."""


def check_roster(instance: Instance, roster: Roster) -> CheckReport:
    """Every structural rule, every enabled rule and every price, read off the roster."""
    view = read_roster(instance, roster)
    violations: list[Violation] = [v for check in STRUCTURE_CHECKS.values() for v in check(view)]
    costs = {term: pricer(view) for term, pricer in TERM_PRICERS.items()}
    units: dict[str, int] = {}
    soft: list[Violation] = []
    for rule_id, check in RULE_CHECKS.items():
        rule = getattr(instance.rules, rule_id)
        if not rule.enabled:
            continue
        findings, count = check(view)
        if rule.mode == "hard":
            violations.extend(findings)
        else:
            soft.extend(findings)
            units[rule_id] = count
            costs[rule_id] = count * unit_price(instance.rules, rule_id)
    soft.extend(wishes.wishes_not_granted(view))
    return CheckReport(violations, costs, units, soft)
