"""Contract hours against what the employee's passes and rest rules can hold.

Errors when a hard hour rule certainly cannot hold: the contract's lower edge (contract −
tolerance) above the most paid time the weeks can hold (see `capacity`), or two hard hour
rules that contradict each other. A soft contract gives a warning instead (it is priced).
"""

from __future__ import annotations

from bemanna.checker.passes import duration
from bemanna.instance.contract import absent_weekdays, contract_periods
from bemanna.instance.model import Employee, Instance
from bemanna.presolve.capacity import WeekCapacity, shifts_words, week_capacities, week_rules
from bemanna.presolve.findings import Finding, Severity
from bemanna.presolve.options import DayOptions, employee_days, workable_shifts


def _dates(dates: tuple[object, ...]) -> str:
    items = [str(d) for d in dates]
    if len(items) > 2:
        return f"{items[0]} – {items[-1]}"
    return ", ".join(items)


def _week_reason(cap: WeekCapacity) -> str:
    reasons = []
    if cap.absent:
        reasons.append(f"absent {_dates(cap.absent)}")
    if cap.pinned_off:
        reasons.append(f"pinned off {_dates(cap.pinned_off)}")
    if cap.pinned:
        reasons.append(f"pinned passes {_dates(cap.pinned)}")
    return "; ".join(reasons)


def _rate(emp: Employee) -> str:
    per_week = duration(emp.full_time_minutes_per_week)
    return f"{emp.employment_rate.normalize():f} % of {per_week}/week"


def _fit_text(inst: Instance, emp: Employee, caps: list[WeekCapacity]) -> str:
    """'may work only N 21:00–07:00 (10 h); with 11 h daily rest, 36 h weekly rest at most 4
    passes (40 h) fit in a week, 3 passes (30 h) in week 2 (absent ...)'."""
    shifts = workable_shifts(inst, emp)
    if not shifts:
        return ("may work no pass at all: every shift type their skills and allowed_shifts "
                "permit breaks a hard pass_span or breaks rule")
    text = (f"may work {'only ' if len(shifts) <= 3 else ''}{shifts_words(shifts[:3])}"
            f"{' …' if len(shifts) > 3 else ''}")
    words = week_rules(inst, emp).words()
    text += f"; {'with ' + ', '.join(words) + ' ' if words else ''}at most "
    plain = [c for c in caps if not _week_reason(c)]
    ordinary = max(plain, key=lambda c: (c.minutes, c.passes)) if plain else None
    if ordinary is not None:
        text += (f"{_passes(ordinary.passes)} ({duration(ordinary.minutes)}) fit in a"
                 f"{'n ordinary' if len(plain) < len(caps) else ''} week")
    special = [c for c in caps if c not in plain
               or (ordinary is not None and c.minutes < ordinary.minutes)]
    for n, cap in enumerate(special[:4]):
        reason = _week_reason(cap)
        text += (f"{', ' if n or ordinary else ''}{_passes(cap.passes)} "
                 f"({duration(cap.minutes)}) in week {cap.week + 1}"
                 f"{f' ({reason})' if reason else ''}")
    if len(special) > 4:
        text += f" and {len(special) - 4} more weeks like these"
    return text


def _passes(n: int) -> str:
    return f"{n} pass{'' if n == 1 else 'es'}"


def contract_findings(inst: Instance, emp: Employee, caps: list[WeekCapacity]) -> list[Finding]:
    rule = inst.rules.contract_hours
    if not rule.enabled:
        return []
    severity: Severity = "error" if rule.mode == "hard" else "warning"
    found = []
    tol = rule.tolerance_minutes
    for period in contract_periods(inst, emp):
        weeks = caps[period.first_day // 7:period.end_day // 7]
        most = sum(c.minutes for c in weeks)
        low = period.target_minutes - tol
        if most >= low:
            continue
        first, last = inst.horizon.date(period.first_day), inst.horizon.date(period.end_day - 1)
        absent = absent_weekdays(inst, emp, period.first_day, period.end_day)
        basis = _rate(emp) + (f", less {absent} absent weekdays" if absent else "")
        consequence = ("" if severity == "error" else
                       f"; at least {duration(low - most)} below the tolerance will be priced")
        found.append(Finding(
            severity, "capacity",
            f"{emp.id}: contract {duration(period.target_minutes)} in {first} – {last} "
            f"({basis}), at least {duration(low)} with the {duration(tol)} tolerance, but at "
            f"most {duration(most)} of passes fit: {_fit_text(inst, emp, weeks)}{consequence}",
            "contract_hours", emp.id))
    return found


def total_findings(inst: Instance, emp: Employee, caps: list[WeekCapacity]) -> list[Finding]:
    """total_minutes' minimum above what fits; hard hour rules that contradict each other."""
    rules = inst.rules
    found = []
    most = sum(c.minutes for c in caps)
    total = rules.total_minutes
    low_total = high_total = None
    if total.enabled:
        own = total.per_employee.get(emp.id)
        low_total = own.min if own is not None and own.min is not None else total.min
        high_total = own.max if own is not None and own.max is not None else total.max
        if low_total is not None and low_total > most:
            severity: Severity = "error" if total.mode == "hard" else "warning"
            found.append(Finding(
                severity, "capacity",
                f"{emp.id}: total_minutes needs at least {duration(low_total)} over the "
                f"schedule, but at most {duration(most)} of passes fit: "
                f"{_fit_text(inst, emp, caps)}", "total_minutes", emp.id))
    contract = rules.contract_hours
    if not (contract.enabled and contract.mode == "hard"):
        return found
    needed = sum(p.target_minutes for p in contract_periods(inst, emp)) - (
        contract.tolerance_minutes * len(contract_periods(inst, emp)))
    caps_by_rule = []
    if total.enabled and total.mode == "hard" and high_total is not None:
        caps_by_rule.append(("total_minutes", high_total, "at most"))
    average = rules.average_weekly_hours
    if average.enabled and average.mode == "hard":
        caps_by_rule.append(("average_weekly_hours",
                             average.max_minutes_per_week * inst.horizon.weeks,
                             f"{duration(average.max_minutes_per_week)} a week on average, "
                             "at most"))
    for rule_id, limit, words in caps_by_rule:
        if needed > limit:
            found.append(Finding(
                "error", "hours",
                f"{emp.id}: contract_hours needs at least {duration(needed)} paid over the "
                f"schedule ({_rate(emp)}), but {rule_id} allows {words} {duration(limit)}",
                "contract_hours", emp.id))
    return found


def hours_findings(inst: Instance,
                   days: dict[str, list[DayOptions]] | None = None) -> list[Finding]:
    found: list[Finding] = []
    for emp in inst.employees:
        own = days[emp.id] if days is not None else employee_days(inst, emp)
        caps = week_capacities(inst, emp, own)
        if any(c.minutes < 0 for c in caps):
            continue  # pins that break a rule inside a week: the pins check names them
        found += contract_findings(inst, emp, caps)
        found += total_findings(inst, emp, caps)
    return found
