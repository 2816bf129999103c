"""Rule parameters: one record per rule id (the default rule set "AB 2023", domain.md §3).

Every rule has the same three switches: `enabled`, `mode` (hard or soft) and `weight_sek`, the
price of one unit of violation when soft. The unit of each rule is stated in its docstring and
in docs/rules.md; everything else about a rule is its row in `bemanna.rules`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypeVar

from pydantic import BaseModel, Field

from bemanna.instance.types import STRICT, Identifier, Minutes, Sek

Mode = Literal["hard", "soft"]
R = TypeVar("R", bound="RuleBase")


class RuleBase(BaseModel):
    model_config = STRICT

    enabled: bool = True
    mode: Mode = "hard"
    weight_sek: Sek = Decimal(1000)


class DailyRest(RuleBase):
    """`daily_rest`: every pass is followed by >= min_minutes of rest before the next pass.

    Soft unit: one pair of consecutive passes with too little rest. `reduced_minutes` turns on
    the planned exception (rest down to that many minutes, the shortfall added to the next rest).
    """

    min_minutes: Minutes = 11 * 60
    reduced_minutes: Minutes | None = None


class PassSpan(RuleBase):
    """`pass_span`: first start to last end of a pass (split or not) <= max_minutes. Unit: pass."""

    max_minutes: Minutes = 13 * 60


class Breaks(RuleBase):
    """`breaks`: no part works more than max_work_minutes without a break >= min_break_minutes.

    A part longer than max_work_minutes needs the shift's break to split it into stretches of
    at most max_work_minutes; shifts with a paid meal break at the workplace are exempt.
    Unit: pass.
    """

    max_work_minutes: Minutes = 5 * 60
    min_break_minutes: Minutes = 30


class WeeklyRest(RuleBase):
    """`weekly_rest`: >= min_minutes continuous rest inside each calendar week (Mon 00:00 +7 d).

    With includes_daily_rest false the rest must also hold the daily rest (36 + 11 = 47 h).
    Unit: week.
    """

    min_minutes: Minutes = 36 * 60
    includes_daily_rest: bool = True


class DailyRest24h(RuleBase):
    """`daily_rest_24h` (strict reading): each 24 h window from the employee's dygnsbryt holds
    >= min_minutes continuous rest. Off unless enabled. Unit: window."""

    min_minutes: Minutes = 11 * 60


class ContractHours(RuleBase):
    """`contract_hours`: paid minutes per schedule period = contract ± tolerance_minutes.

    period_weeks splits the horizon into schedule periods (default: the whole horizon).
    Soft unit: hour outside the tolerance (charged per minute).
    """

    tolerance_minutes: Minutes = 4 * 60
    period_weeks: int | None = Field(default=None, ge=1, le=16)


class PerEmployeeLimit(RuleBase):
    """A limit with one default value and optional per-employee values."""

    per_employee: dict[Identifier, int] = Field(default_factory=dict)


class MaxSplitShifts(PerEmployeeLimit):
    """`max_split_shifts`: split passes (delade turer) per employee per horizon <= max.
    Unit: split pass above the limit."""

    max: int = Field(default=2, ge=0)


class MaxConsecutiveDays(PerEmployeeLimit):
    """`max_consecutive_days`: no run of working days longer than max. Unit: day above max."""

    max: int = Field(default=6, ge=1)


class MinConsecutiveDays(PerEmployeeLimit):
    """`min_consecutive_days`: every run of working days is >= min days long.

    In a non-cyclic horizon runs touching the first or last day are exempt. Unit: short run.
    """

    min: int = Field(default=2, ge=1)


class MinConsecutiveDaysOff(PerEmployeeLimit):
    """`min_consecutive_days_off`: every run of days off is >= min days long (border exempt as
    above). Unit: short run."""

    min: int = Field(default=2, ge=1)


class MaxWeekends(PerEmployeeLimit):
    """`max_weekends`: weekends (Sat or Sun with a pass starting) worked <= max per horizon.
    Unit: weekend above max."""

    max: int = Field(default=3, ge=0)


class ShiftPassLimit(BaseModel):
    model_config = STRICT

    shift: Identifier
    max: int = Field(ge=0)
    employees: list[Identifier] | None = None
    """None: the limit applies to every employee."""


class MaxShiftPasses(RuleBase):
    """`max_shift_passes`: per employee, passes of a shift type <= max. Unit: pass above."""

    limits: list[ShiftPassLimit] = Field(default_factory=list)


class Succession(BaseModel):
    model_config = STRICT

    first: Identifier
    then: list[Identifier] = Field(min_length=1)


class ForbiddenSuccessions(RuleBase):
    """`forbidden_successions`: shift `first` on a day, one of `then` the next day.
    Unit: occurrence."""

    pairs: list[Succession] = Field(default_factory=list)


class MinutesRange(BaseModel):
    model_config = STRICT

    min: Minutes | None = None
    max: Minutes | None = None


class TotalMinutes(RuleBase):
    """`total_minutes`: paid minutes over the horizon within [min, max] per employee.
    Unit: hour outside (charged per minute)."""

    min: Minutes | None = None
    max: Minutes | None = None
    per_employee: dict[Identifier, MinutesRange] = Field(default_factory=dict)


class AverageWeeklyHours(RuleBase):
    """`average_weekly_hours` (ATL): paid minutes / weeks <= max_minutes_per_week.
    Unit: hour above (charged per minute)."""

    max_minutes_per_week: Minutes = 48 * 60


def _off(rule: type[R]) -> R:
    return rule(enabled=False)


class Rules(BaseModel):
    """The rule set. Defaults are the AB 2023 set of domain.md §3.

    The generic local rules (daily_rest_24h, min_consecutive_days, min_consecutive_days_off,
    max_weekends, max_shift_passes, forbidden_successions, total_minutes) are off when left
    out; writing one into an instance turns it on unless it says `enabled: false`.
    """

    model_config = STRICT

    daily_rest: DailyRest = Field(default_factory=DailyRest)
    pass_span: PassSpan = Field(default_factory=PassSpan)
    breaks: Breaks = Field(default_factory=Breaks)
    weekly_rest: WeeklyRest = Field(default_factory=WeeklyRest)
    daily_rest_24h: DailyRest24h = Field(default_factory=lambda: _off(DailyRest24h))
    contract_hours: ContractHours = Field(default_factory=ContractHours)
    max_split_shifts: MaxSplitShifts = Field(default_factory=MaxSplitShifts)
    max_consecutive_days: MaxConsecutiveDays = Field(default_factory=MaxConsecutiveDays)
    min_consecutive_days: MinConsecutiveDays = Field(
        default_factory=lambda: _off(MinConsecutiveDays))
    min_consecutive_days_off: MinConsecutiveDaysOff = Field(
        default_factory=lambda: _off(MinConsecutiveDaysOff))
    max_weekends: MaxWeekends = Field(default_factory=lambda: _off(MaxWeekends))
    max_shift_passes: MaxShiftPasses = Field(default_factory=lambda: _off(MaxShiftPasses))
    forbidden_successions: ForbiddenSuccessions = Field(
        default_factory=lambda: _off(ForbiddenSuccessions))
    total_minutes: TotalMinutes = Field(default_factory=lambda: _off(TotalMinutes))
    average_weekly_hours: AverageWeeklyHours = Field(default_factory=AverageWeeklyHours)


RULE_IDS: tuple[str, ...] = tuple(Rules.model_fields)
"""Every rule id, in the order of the rule set. Each has one row in the rule table
(`bemanna.rules.RULES`: builder, check, unit, names, wording), in the same order."""

PRICED_TERMS: tuple[str, ...] = (
    "uncovered_demand",
    "below_desired_demand",
    "shift_cover",
    "stranded_resurstid",
    "wishes",
    "ob",
    "rohs",
    "expected_absence_cover",
    "roster_changes",
    "extra_hours",
)
"""Objective terms that are not rules but prices: coverage, wishes, stranded resurstid, the
OB of the roster's own passes, the extra salary of RÖHS grants, and the credit of resurspass
placed where absence is expected; in a roster repair the price of changed passes and of extra
hours (`instance/repair.py`)."""
