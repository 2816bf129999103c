"""Contract hours against what the employee's passes and rest rules can hold.

Errors when a hard hour rule certainly cannot hold: the contract's lower edge (contract −
tolerance) above the most paid time the weeks can hold (see `capacity`), or two hard hour
rules that contradict each other. A soft contract gives a warning instead (it is priced).
"""

from __future__ import annotations

from bemanna.instance.contract import absent_weekdays, contract_periods
from bemanna.instance.model import Employee, Instance
from bemanna.labels import Lang
from bemanna.labels.phrases import NOTHING, Counted, Phrase, Worded, phrase, render
from bemanna.presolve.capacity import WeekCapacity, shifts_words, week_capacities, week_rules
from bemanna.presolve.findings import Finding, Severity
from bemanna.presolve.options import DayOptions, employee_days, workable_shifts


def _dates(dates: tuple[object, ...]) -> str:
    items = [str(d) for d in dates]
    if len(items) > 2:
        return f"{items[0]} – {items[-1]}"
    return ", ".join(items)


def _week_reason(cap: WeekCapacity, lang: Lang = "en") -> str:
    reasons = []
    if cap.absent:
        reasons.append(render("presolve.week.absent", lang, {"dates": _dates(cap.absent)}))
    if cap.pinned_off:
        reasons.append(render("presolve.week.pinned_off", lang,
                              {"dates": _dates(cap.pinned_off)}))
    if cap.pinned:
        reasons.append(render("presolve.week.pinned", lang, {"dates": _dates(cap.pinned)}))
    return "; ".join(reasons)


def _rate(emp: Employee) -> Phrase:
    return phrase("presolve.rate", rate=f"{emp.employment_rate.normalize():f}",
                  per_week=emp.full_time_minutes_per_week)


def _fit(inst: Instance, emp: Employee, caps: list[WeekCapacity]) -> Worded:
    """What fits, in either language (`_fit_text`)."""
    return Worded(lambda lang: _fit_text(inst, emp, caps, lang))


def _fit_text(inst: Instance, emp: Employee, caps: list[WeekCapacity], lang: Lang) -> str:
    """'may work only N 21:00–07:00 (10 h); with 11 h daily rest, 36 h weekly rest at most 4
    passes (40 h) fit in a week, 3 passes (30 h) in week 2 (absent ...)'."""
    shifts = workable_shifts(inst, emp)
    if not shifts:
        return render("presolve.fit.nothing", lang, {})
    only = render("presolve.fit.only", lang, {}) if len(shifts) <= 3 else ""
    text = render("presolve.fit.may", lang, {"only": only, "shifts": shifts_words(
        shifts[:3], lang) + (" …" if len(shifts) > 3 else "")})
    words = week_rules(inst, emp).words(lang)
    text += (render("presolve.fit.with", lang, {"rules": ", ".join(words)}) if words
             else render("presolve.fit.plain", lang, {}))
    plain = [c for c in caps if not _week_reason(c)]
    ordinary = max(plain, key=lambda c: (c.minutes, c.passes)) if plain else None
    if ordinary is not None:
        key = "presolve.fit.ordinary_week" if len(plain) < len(caps) else "presolve.fit.week"
        text += render(key, lang, {"passes": Counted(ordinary.passes, "pass"),
                                   "minutes": ordinary.minutes})
    special = [c for c in caps if c not in plain
               or (ordinary is not None and c.minutes < ordinary.minutes)]
    for n, cap in enumerate(special[:4]):
        reason = _week_reason(cap, lang)
        text += ", " if n or ordinary else ""
        text += render("presolve.fit.in_week", lang, {
            "passes": Counted(cap.passes, "pass"), "minutes": cap.minutes, "week": cap.week + 1,
            "reason": f" ({reason})" if reason else ""})
    if len(special) > 4:
        text += render("presolve.fit.more_weeks", lang, {"count": len(special) - 4})
    return text


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
        basis = (phrase("presolve.less_absent", rate=_rate(emp), absent=absent) if absent
                 else _rate(emp))
        consequence = (NOTHING if severity == "error" else
                       phrase("presolve.priced_below", below=low - most))
        found.append(Finding(
            severity, "capacity", "presolve.contract", "contract_hours", emp.id,
            {"emp": emp.id, "target": period.target_minutes, "first": first, "last": last,
             "basis": basis, "low": low, "tolerance": tol, "most": most,
             "fit": _fit(inst, emp, weeks), "consequence": consequence}))
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
                severity, "capacity", "presolve.total_minimum", "total_minutes", emp.id,
                {"emp": emp.id, "low": low_total, "most": most, "fit": _fit(inst, emp, caps)}))
    contract = rules.contract_hours
    if not (contract.enabled and contract.mode == "hard"):
        return found
    needed = sum(p.target_minutes for p in contract_periods(inst, emp)) - (
        contract.tolerance_minutes * len(contract_periods(inst, emp)))
    caps_by_rule: list[tuple[str, int, Phrase]] = []
    if total.enabled and total.mode == "hard" and high_total is not None:
        caps_by_rule.append(("total_minutes", high_total, phrase("presolve.at_most")))
    average = rules.average_weekly_hours
    if average.enabled and average.mode == "hard":
        caps_by_rule.append(("average_weekly_hours",
                             average.max_minutes_per_week * inst.horizon.weeks,
                             phrase("presolve.average_at_most",
                                    per_week=average.max_minutes_per_week)))
    for rule_id, limit, words in caps_by_rule:
        if needed > limit:
            found.append(Finding(
                "error", "hours", "presolve.contract_above_cap", "contract_hours", emp.id,
                {"emp": emp.id, "needed": needed, "rate": _rate(emp), "rule": rule_id,
                 "words": words, "limit": limit}))
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
