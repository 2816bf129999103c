"""Hour rules: contract_hours, total_minutes, average_weekly_hours.

All three count paid minutes (worked minutes of the parts less the shift type's unpaid break)
of every pass, ordinary and resurs, booked to the pass's date. Their unit is one hour outside
the allowed band, charged per minute: units here are minutes.
"""

from __future__ import annotations

from bemanna.checker.passes import RosterView
from bemanna.checker.report import NOTHING, RuleResult, Violation
from bemanna.instance import contract_periods
from bemanna.labels.phrases import Counted


def paid_minutes(
    view: RosterView, employee: str, first_day: int = 0, end_day: int | None = None
) -> int:
    """The employee's paid minutes on days first_day .. end_day - 1 (default: the horizon)."""
    end = view.days if end_day is None else end_day
    return sum(p.paid_minutes for p in view.passes[employee] if first_day <= p.day < end)


def outside(value: int, low: int | None, high: int | None) -> int:
    """Minutes value lies below low or above high (a None bound does not limit)."""
    below = max(0, low - value) if low is not None else 0
    above = max(0, value - high) if high is not None else 0
    return below + above


def contract_hours(view: RosterView) -> RuleResult:
    """Per schedule period, paid minutes lie within contract ± tolerance_minutes."""
    rule = view.instance.rules.contract_hours
    if not rule.enabled:
        return NOTHING
    found: list[Violation] = []
    minutes = 0
    for emp in view.instance.employees:
        for period in contract_periods(view.instance, emp):
            paid = paid_minutes(view, emp.id, period.first_day, period.end_day)
            low = period.target_minutes - rule.tolerance_minutes
            high = period.target_minutes + rule.tolerance_minutes
            off = outside(paid, low, high)
            if off:
                minutes += off
                first, last = view.date(period.first_day), view.date(period.end_day - 1)
                found.append(
                    Violation(
                        "contract_hours",
                        emp.id,
                        first,
                        "checker.contract_hours",
                        {"emp": emp.id, "paid": paid, "first": first, "last": last,
                         "target": period.target_minutes, "tolerance": rule.tolerance_minutes,
                         "off": off},
                    )
                )
    return RuleResult(found, minutes)


def total_minutes(view: RosterView) -> RuleResult:
    """min <= paid minutes over the horizon <= max; a per-employee range's None fields fall
    back to the rule's min and max."""
    rule = view.instance.rules.total_minutes
    if not rule.enabled:
        return NOTHING
    found: list[Violation] = []
    minutes = 0
    for emp in view.instance.employees:
        own = rule.per_employee.get(emp.id)
        low = own.min if own is not None and own.min is not None else rule.min
        high = own.max if own is not None and own.max is not None else rule.max
        paid = paid_minutes(view, emp.id)
        off = outside(paid, low, high)
        if off:
            minutes += off
            found.append(
                Violation(
                    "total_minutes",
                    emp.id,
                    None,
                    "checker.total_minutes",
                    {"emp": emp.id, "paid": paid, "low": low, "high": high, "off": off},
                )
            )
    return RuleResult(found, minutes)


def average_weekly_hours(view: RosterView) -> RuleResult:
    """Paid minutes over the horizon <= max_minutes_per_week x weeks (ATL 48 h)."""
    rule = view.instance.rules.average_weekly_hours
    if not rule.enabled:
        return NOTHING
    weeks = view.instance.horizon.weeks
    limit = rule.max_minutes_per_week * weeks
    found: list[Violation] = []
    minutes = 0
    for emp in view.instance.employees:
        paid = paid_minutes(view, emp.id)
        if paid > limit:
            minutes += paid - limit
            found.append(
                Violation(
                    "average_weekly_hours",
                    emp.id,
                    None,
                    "checker.average_weekly_hours",
                    {"emp": emp.id, "paid": paid, "weeks": Counted(weeks, "week"),
                     "per_week": rule.max_minutes_per_week, "limit": limit,
                     "above": paid - limit},
                )
            )
    return RuleResult(found, minutes)
