"""The checker's side of the rule table (`bemanna.rules`) and `check_roster`, which runs it.

A rule check finds the rule's breaches and their units. What happens next depends on the rule's
mode: a hard rule's breaches are violations and cost nothing; a soft rule's units are priced at
its weight (per occurrence: units x weight in öre; per hour: minutes x ore_per_minute(weight)).
Which check reads which rule, and which pricer prices which term, is written once, in the
rule's (term's) row of the table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from bemanna.checker import wishes
from bemanna.checker.passes import RosterView, read_roster
from bemanna.checker.report import CheckReport, RuleResult, Violation
from bemanna.checker.structure import STRUCTURE_CHECKS
from bemanna.instance import Instance, Rules
from bemanna.roster import Roster
from bemanna.rules import RULES, TERMS, resolve, rule
from bemanna.units import ore_per_minute, sek_to_ore

RuleCheck = Callable[[RosterView], RuleResult]
TermPricer = Callable[[RosterView], int]


def rule_check(rule_id: str) -> RuleCheck:
    """The check of a rule id, on a read roster."""
    return cast(RuleCheck, resolve(rule(rule_id).checker))


def term_pricer(term: str) -> TermPricer:
    """The pricer of a priced term, on a read roster (öre)."""
    if term not in TERMS:
        raise LookupError(f"no priced term {term!r} in bemanna.rules.TERMS")
    return cast(TermPricer, resolve(TERMS[term].pricer))


def check_rule(instance: Instance, roster: Roster, rule_id: str) -> RuleResult:
    """One rule on a roster -> (findings, units), whatever its mode; ([], 0) when it is off."""
    return rule_check(rule_id)(read_roster(instance, roster))


def price_term(instance: Instance, roster: Roster, term: str) -> int:
    """One priced term of a roster, in öre."""
    return term_pricer(term)(read_roster(instance, roster))


def unit_price(rules: Rules, rule_id: str) -> int:
    """Öre per unit of a soft rule: per minute for the per-hour rules, else per occurrence."""
    spec = rule(rule_id)
    weight = spec.parameters(rules).weight_sek
    return ore_per_minute(weight) if spec.per_minute else sek_to_ore(weight)


def hard_violations(instance: Instance, roster: Roster) -> list[Violation]:
    """The breaches of every structural rule and every enabled hard rule, without pricing
    anything: `check_roster(...).violations` at a fraction of the cost (the generator proves
    its witness schedules with it)."""
    view = read_roster(instance, roster)
    found = [v for check in STRUCTURE_CHECKS.values() for v in check(view)]
    for rule_id, spec in RULES.items():
        params = spec.parameters(instance.rules)
        if params.enabled and params.mode == "hard":
            found.extend(rule_check(rule_id)(view).findings)
    return found


def check_roster(instance: Instance, roster: Roster) -> CheckReport:
    """Every structural rule, every enabled rule and every price, read off the roster."""
    return check_view(read_roster(instance, roster))


def check_view(view: RosterView) -> CheckReport:
    """`check_roster` on a roster already read (its memo, e.g. the OB clock, is reused)."""
    instance = view.instance
    violations: list[Violation] = [v for check in STRUCTURE_CHECKS.values() for v in check(view)]
    costs = {term: term_pricer(term)(view) for term in TERMS}
    units: dict[str, int] = {}
    soft: list[Violation] = []
    for rule_id, spec in RULES.items():
        params = spec.parameters(instance.rules)
        if not params.enabled:
            continue
        findings, count = rule_check(rule_id)(view)
        if params.mode == "hard":
            violations.extend(findings)
        else:
            soft.extend(findings)
            units[rule_id] = count
            costs[rule_id] = count * unit_price(instance.rules, rule_id)
    soft.extend(wishes.wishes_not_granted(view))
    return CheckReport(violations, costs, units, soft)
