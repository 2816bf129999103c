"""Why an instance is infeasible, in the planner's words.

When the hard rules cannot all hold, the instance is solved again with every hard rule made
soft at a high price and no other cost: the cheapest roster then breaks as few rules as
possible, and the independent checker names those breaches against the original rules (rule,
employee, dates). A breach that even the relaxed model cannot avoid (pins, unavailability,
structure) is reported as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bemanna.check import check_roster
from bemanna.instance.model import Costs, Instance
from bemanna.instance.rules import RULE_IDS
from bemanna.solver import SolverParams, solve

RELAXED_WEIGHT_SEK = Decimal(1000)


@dataclass(frozen=True)
class Diagnosis:
    lines: list[str]
    """Plain-language lines, one per rule breach the hard rules force."""
    rules: list[str]
    employees: list[str]


def relaxed(instance: Instance) -> Instance:
    """The same instance with every enabled hard rule soft and no coverage or wish cost."""
    updates = {}
    for rule_id in RULE_IDS:
        rule = getattr(instance.rules, rule_id)
        if rule.enabled and rule.mode == "hard":
            updates[rule_id] = rule.model_copy(
                update={"mode": "soft", "weight_sek": RELAXED_WEIGHT_SEK})
    rules = instance.rules.model_copy(update=updates)
    zero = Costs(default_uncovered_per_hour=Decimal(0), default_below_desired_per_hour=Decimal(0),
                 stranded_resurstid_per_hour=Decimal(0), own_ob=False)
    employees = [e.model_copy(update={"wishes": []}) for e in instance.employees]
    return instance.model_copy(update={"rules": rules, "costs": zero, "employees": employees,
                                       "shift_demand": []})


def diagnose(instance: Instance, params: SolverParams) -> Diagnosis:
    result = solve(relaxed(instance), params)
    if result.roster is None:
        return Diagnosis(
            ["Even with every working-time rule relaxed no roster exists: check pinned "
             "passes, unavailability and allowed shifts (structural rules)."], [], [])
    report = check_roster(instance, result.roster)
    lines = [f"{v.rule}: {v.message}" for v in report.violations]
    return Diagnosis(lines, sorted({v.rule for v in report.violations}),
                     sorted({v.employee for v in report.violations if v.employee}))
