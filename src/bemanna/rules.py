"""The rule table: one row per rule id, one row per priced term (docs/architecture.md).

A row says everything the rest of bemanna needs to know about a rule: its parameters
(`bemanna.instance.rules`), the solver builder that models it, the independent check that reads
it off a roster, its soft unit and whether that unit is priced per hour, its Swedish and
English names, whether a pinned pass alone can already break it for good (pre-solve asks those
rules only), and the wording `bemanna.explain` uses for a conflict group and a repair.

Builders, checks and wordings live in the packages that may import what they need (the solver
imports OR-Tools, the checker must not), so a row names them as references
"module:function", resolved on first use and cached, like entry points. This module itself
imports only the instance's parameter records: the solver, the checker, presolve and explain
all read it, and none of them is imported here.

The solver's `build_all` and the checker's `check_roster` iterate this table; a rule added here
(plus its parameters, builder and check) is modelled, checked, priced and explained.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bemanna.instance.rules import (
    AverageWeeklyHours,
    Breaks,
    ContractHours,
    DailyRest,
    DailyRest24h,
    ForbiddenSuccessions,
    MaxConsecutiveDays,
    MaxShiftPasses,
    MaxSplitShifts,
    MaxWeekends,
    MinConsecutiveDays,
    MinConsecutiveDaysOff,
    PassSpan,
    RuleBase,
    Rules,
    TotalMinutes,
    WeeklyRest,
)


@functools.cache
def resolve(ref: str) -> Callable[..., Any]:
    """The function a reference "package.module:function" names (imported once, cached)."""
    module, _, name = ref.partition(":")
    if not module or not name:
        raise ValueError(f"a reference is 'module:function', got {ref!r}")
    found = getattr(importlib.import_module(module), name, None)
    if not callable(found):
        raise LookupError(f"{ref}: {module} has no function {name}")
    return found


@dataclass(frozen=True)
class RuleSpec:
    """One rule id and everything about it."""

    id: str
    params: type[RuleBase]
    """The parameter record; `Rules` holds one under the rule id (`parameters`)."""
    builder: str
    """`(Context) -> None`: adds the rule's constraints, or its violation terms when soft."""
    checker: str
    """`(RosterView) -> (findings, units)`: the rule read off a roster, written from
    docs/rules.md, never from the model."""
    unit: str
    """One unit of violation when the rule is soft (singular, as in "1 short daily rest")."""
    units: str
    """The plural of `unit`."""
    name_sv: str
    """The word a Swedish planner uses (shown next to the id)."""
    name_en: str
    per_minute: bool = False
    """The unit is an hour charged per minute: units are minutes, the price ore_per_minute."""
    monotone: bool = False
    """No further pass can mend a breach: pre-solve checks these on the pinned passes alone."""
    conflict: str | None = None
    """`(Instance, ConflictGroup) -> str`, a conflict group in the planner's words; None: the
    rule's name, the employee and the week."""
    repair: str | None = None
    """`(Relaxed) -> str`, the change that relaxes the rule; None: "accept N <units>"."""

    def parameters(self, rules: Rules) -> RuleBase:
        """This rule's record in a rule set."""
        found = getattr(rules, self.id, None)
        if not isinstance(found, self.params):
            raise LookupError(f"the rule set has no {self.params.__name__} under {self.id!r}")
        return found

    def noun(self, count: int) -> str:
        """'1 short daily rest', '3 short daily rests'."""
        return f"{count} {self.unit if count == 1 else self.units}"


@dataclass(frozen=True)
class TermSpec:
    """One priced term of the objective that is not a rule."""

    id: str
    builder: str
    """`(Context) -> None`; several terms may share one builder (it runs once)."""
    pricer: str
    """`(RosterView) -> öre`: the term recomputed off a roster."""
    name_en: str


_SOLVER = "bemanna.solver.builders."
_CHECK = "bemanna.checker."
_SAY = "bemanna.explain.sentences:"
_FIX = "bemanna.explain.changes:"


def _rule(rule_id: str, params: type[RuleBase], build: str, check: str,
          unit: tuple[str, str], names: tuple[str, str], **more: Any) -> RuleSpec:
    """A row with the builder `bemanna.solver.builders.<build>` and the check
    `bemanna.checker.<check>` (both "module:function")."""
    return RuleSpec(rule_id, params, _SOLVER + build, _CHECK + check, unit[0], unit[1],
                    names[0], names[1], **more)


_MINUTE = ("minute", "minutes")
_RULES = (
    _rule("daily_rest", DailyRest, "rest:build_daily_rest", "rest:daily_rest",
          ("short daily rest", "short daily rests"), ("dygnsvila", "daily rest"),
          monotone=True, conflict=_SAY + "daily_rest"),
    _rule("pass_span", PassSpan, "shape:build_pass_span", "shape:pass_span",
          ("pass", "passes"), ("passlängd", "pass span"),
          conflict=_SAY + "shape", repair=_FIX + "shape"),
    _rule("breaks", Breaks, "shape:build_breaks", "shape:breaks",
          ("pass", "passes"), ("raster", "breaks"),
          conflict=_SAY + "shape", repair=_FIX + "shape"),
    _rule("weekly_rest", WeeklyRest, "rest:build_weekly_rest", "rest:weekly_rest",
          ("week without the weekly rest", "weeks without the weekly rest"),
          ("veckovila", "weekly rest"), monotone=True, conflict=_SAY + "weekly_rest"),
    _rule("daily_rest_24h", DailyRest24h, "rest:build_daily_rest_24h", "rest:daily_rest_24h",
          ("24-hour window without the rest", "24-hour windows without the rest"),
          ("dygnsvila per dygn", "daily rest in every 24 hours"), monotone=True,
          conflict=_SAY + "daily_rest_24h"),
    _rule("contract_hours", ContractHours, "hours:build_contract_hours",
          "hours:contract_hours", _MINUTE, ("sysselsättningsgrad", "contract hours"),
          per_minute=True, conflict=_SAY + "contract_hours", repair=_FIX + "contract_hours"),
    _rule("max_split_shifts", MaxSplitShifts, "days:build_max_split_shifts",
          "days:max_split_shifts", ("split pass", "split passes"),
          ("delade turer", "split shifts"), monotone=True, conflict=_SAY + "day_limit",
          repair=_FIX + "max_split_shifts"),
    _rule("max_consecutive_days", MaxConsecutiveDays, "days:build_max_consecutive_days",
          "days:max_consecutive_days", ("day", "days"),
          ("arbetsdagar i följd", "most working days in a row"), monotone=True,
          conflict=_SAY + "day_limit", repair=_FIX + "runs_of_days"),
    _rule("min_consecutive_days", MinConsecutiveDays, "days:build_min_consecutive_days",
          "days:min_consecutive_days", ("short run", "short runs"),
          ("arbetsdagar i följd", "fewest working days in a row"),
          conflict=_SAY + "day_limit", repair=_FIX + "runs_of_days"),
    _rule("min_consecutive_days_off", MinConsecutiveDaysOff,
          "days:build_min_consecutive_days_off", "days:min_consecutive_days_off",
          ("short run", "short runs"), ("lediga dagar i följd", "fewest days off in a row"),
          conflict=_SAY + "day_limit", repair=_FIX + "runs_of_days"),
    _rule("max_weekends", MaxWeekends, "days:build_max_weekends", "days:max_weekends",
          ("weekend", "weekends"), ("helger", "weekends worked"), monotone=True,
          conflict=_SAY + "day_limit", repair=_FIX + "max_weekends"),
    _rule("max_shift_passes", MaxShiftPasses, "days:build_max_shift_passes",
          "days:max_shift_passes", ("pass", "passes"), ("pass per passtyp", "passes per shift"),
          monotone=True, conflict=_SAY + "max_shift_passes", repair=_FIX + "max_shift_passes"),
    _rule("forbidden_successions", ForbiddenSuccessions, "days:build_forbidden_successions",
          "days:forbidden_successions", ("forbidden succession", "forbidden successions"),
          ("förbjudna passföljder", "forbidden successions"), monotone=True,
          conflict=_SAY + "forbidden_successions"),
    _rule("total_minutes", TotalMinutes, "hours:build_total_minutes", "hours:total_minutes",
          _MINUTE, ("arbetstid", "total working time"), per_minute=True,
          conflict=_SAY + "total_minutes", repair=_FIX + "total_minutes"),
    _rule("average_weekly_hours", AverageWeeklyHours, "hours:build_average_weekly_hours",
          "hours:average_weekly_hours", _MINUTE, ("ATL 48 h", "average weekly hours"),
          per_minute=True, monotone=True, conflict=_SAY + "average_weekly_hours",
          repair=_FIX + "average_weekly_hours"),
)

RULES: dict[str, RuleSpec] = {spec.id: spec for spec in _RULES}
"""Every rule, by id, in the order of the rule set (`bemanna.instance.RULE_IDS`). Builders
and checks run in this order."""

TERMS: dict[str, TermSpec] = {term.id: term for term in (
    # Coverage builds three terms in one pass over the time line; each term has its own pricer.
    TermSpec("uncovered_demand", _SOLVER + "coverage:build_coverage",
             _CHECK + "coverage:uncovered_demand", "need not covered (gap-fill)"),
    TermSpec("below_desired_demand", _SOLVER + "coverage:build_coverage",
             _CHECK + "coverage:below_desired_demand", "below the desired staffing"),
    TermSpec("shift_cover", _SOLVER + "coverage:build_shift_cover",
             _CHECK + "coverage:shift_cover", "passes per shift and date"),
    TermSpec("stranded_resurstid", _SOLVER + "coverage:build_coverage",
             _CHECK + "coverage:stranded_resurstid", "paid time nobody needs"),
    TermSpec("wishes", _SOLVER + "wishes:build_wishes", _CHECK + "wishes:wishes",
             "wishes not granted"),
    TermSpec("ob", _SOLVER + "fill:build_own_ob", _CHECK + "coverage:own_ob",
             "OB of the roster's own passes"),
    TermSpec("rohs", _SOLVER + "rohs:build_rohs", _CHECK + "rohs:rohs_cost",
             "extra salary of RÖHS grants"),
    TermSpec("expected_absence_cover", _SOLVER + "absence:build_expected_absence_cover",
             _CHECK + "coverage:expected_absence_cover", "resurspass where absence is expected"),
    # Only in a roster repair (`Instance.repair`, docs/replan.md); 0 otherwise.
    TermSpec("roster_changes", _SOLVER + "repair:build_roster_changes",
             _CHECK + "repair:roster_changes", "changed passes against the old roster"),
    TermSpec("extra_hours", _SOLVER + "repair:build_extra_hours", _CHECK + "repair:extra_hours",
             "mertid and overtime beyond planned hours"),
)}
"""Every priced term, by id, in the order of `bemanna.instance.PRICED_TERMS`."""


def rule(rule_id: str) -> RuleSpec:
    """The row of a rule id; a clear error for an id that is not in the table."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise LookupError(f"no rule {rule_id!r} in bemanna.rules.RULES") from None


def markdown() -> str:
    """The table as it stands in docs/rules.md ("The rule table"); a test compares the two."""
    lines = ["| id | Swedish | English | soft unit | builder | check | on pins |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for spec in RULES.values():
        unit = "hour, charged per minute" if spec.per_minute else spec.unit
        lines.append(f"| `{spec.id}` | {spec.name_sv} | {spec.name_en} | {unit} | "
                     f"`{spec.builder.removeprefix(_SOLVER)}` | "
                     f"`{spec.checker.removeprefix(_CHECK)}` | "
                     f"{'yes' if spec.monotone else '–'} |")
    return "\n".join(lines) + "\n"
