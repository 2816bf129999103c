"""Structural rules: always hard, never priced (docs/rules.md, "Structural rules").

Besides the rules of that table, the roster must describe itself truthfully: every assignment
names a known employee and shift type, its parts and paid minutes are the shift type's on its
date, and each employee summary adds up. Each check takes the roster view and returns its
violations; `STRUCTURE_CHECKS` lists them in report order.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable

from bemanna.checker.passes import Pass, RosterView, following, stamp, well_formed
from bemanna.checker.repair import frozen_past
from bemanna.checker.report import Violation
from bemanna.checker.rohs import rohs_grants
from bemanna.instance import contract_minutes
from bemanna.labels.phrases import Counted, Phrase, phrase
from bemanna.roster import Assignment
from bemanna.units import format_clock


def _where(a: Assignment) -> Phrase:
    return phrase("checker.where", emp=a.employee, shift=a.shift, date=a.date)


def _pass_fields(p: Pass) -> dict[str, object]:
    return {"emp": p.employee, "shift": p.shift_id, "date": p.date}


def roster_horizon(view: RosterView) -> list[Violation]:
    """The roster's horizon is the instance's, and every pass starts inside it."""
    found: list[Violation] = []
    horizon, roster = view.instance.horizon, view.roster
    stated = (roster.start, roster.days, roster.cyclic)
    if stated != (horizon.start, horizon.days, horizon.cyclic):
        found.append(
            Violation(
                "horizon",
                None,
                None,
                "checker.horizon",
                {"r_start": roster.start, "r_days": Counted(roster.days, "day"),
                 "r_cyclic": roster.cyclic, "i_start": horizon.start,
                 "i_days": Counted(horizon.days, "day"), "i_cyclic": horizon.cyclic},
            )
        )
    last = horizon.date(horizon.days - 1)
    for a in roster.assignments:
        dates = {a.date} | ({a.parts[0].start.date()} if a.parts else set())
        if any(horizon.day_of(d) is None for d in dates):
            found.append(
                Violation(
                    "horizon",
                    a.employee,
                    a.date,
                    "checker.horizon.outside",
                    {"where": _where(a), "first": horizon.start, "last": last},
                )
            )
    return found


def unknown_employee(view: RosterView) -> list[Violation]:
    """Every assignment and summary names an employee of the instance."""
    known = view.instance.employee
    found = [
        Violation(
            "unknown_employee",
            a.employee,
            a.date,
            "checker.unknown_employee",
            {"where": _where(a), "emp": a.employee},
        )
        for a in view.roster.assignments
        if a.employee not in known
    ]
    found += [
        Violation(
            "unknown_employee",
            s.id,
            None,
            "checker.unknown_summary",
            {"emp": s.id},
        )
        for s in view.roster.employees
        if s.id not in known
    ]
    return found


def unknown_shift(view: RosterView) -> list[Violation]:
    """Every assignment names a shift type of the instance."""
    return [
        Violation(
            "unknown_shift",
            a.employee,
            a.date,
            "checker.unknown_shift",
            {"where": _where(a), "shift": a.shift},
        )
        for a in view.roster.assignments
        if a.shift not in view.instance.shift
    ]


def _clock_text(parts: list[tuple[dt.datetime, dt.datetime]]) -> str:
    return " + ".join(f"{stamp(s)}–{e.strftime('%H:%M')}" for s, e in parts)


def shift_definition(view: RosterView) -> list[Violation]:
    """Each assignment's parts are its shift type's parts on its date, its paid minutes the
    shift type's paid minutes, and its kind `ordinary` or `resurs`."""
    found: list[Violation] = []
    for a in view.roster.assignments:
        if a.kind not in ("ordinary", "resurs"):
            found.append(
                Violation(
                    "shift_definition",
                    a.employee,
                    a.date,
                    "checker.shift_kind",
                    {"where": _where(a), "kind": a.kind},
                )
            )
        shift = view.instance.shift.get(a.shift)
        if shift is None:
            continue  # reported by unknown_shift
        midnight = dt.datetime.combine(a.date, dt.time())
        expected = [
            (midnight + dt.timedelta(minutes=s), midnight + dt.timedelta(minutes=e))
            for s, e in shift.offsets
        ]
        stated = [(p.start, p.end) for p in a.parts]
        defined = " + ".join(f"{format_clock(p.start)}–{format_clock(p.end)}" for p in shift.parts)
        if stated != expected or not well_formed(a):
            found.append(
                Violation(
                    "shift_definition",
                    a.employee,
                    a.date,
                    "checker.shift_parts",
                    {"where": _where(a), "stated": _clock_text(stated) or phrase("checker.none"),
                     "shift": shift.id, "defined": defined, "date": a.date},
                )
            )
        if a.paid_minutes != shift.paid_minutes:
            found.append(
                Violation(
                    "shift_definition",
                    a.employee,
                    a.date,
                    "checker.shift_paid",
                    {"where": _where(a), "stated": a.paid_minutes, "shift": shift.id,
                     "paid": shift.paid_minutes},
                )
            )
    return found


def one_pass_per_day(view: RosterView) -> list[Violation]:
    """At most one pass starts per employee per date."""
    found: list[Violation] = []
    for emp, passes in view.passes.items():
        per_day = Counter(p.date for p in passes)
        for date, count in sorted(per_day.items()):
            if count > 1:
                shifts = [p.shift_id for p in passes if p.date == date]
                found.append(
                    Violation(
                        "one_pass_per_day",
                        emp,
                        date,
                        "checker.one_pass_per_day",
                        {"emp": emp, "count": Counted(count, "pass"), "date": date,
                         "shifts": shifts},
                    )
                )
    return found


def no_overlap(view: RosterView) -> list[Violation]:
    """A pass does not start before the employee's previous pass has ended (cyclic: the first
    pass of the next turn does not start before the last pass has ended)."""
    found: list[Violation] = []
    horizon = view.horizon_minutes
    for emp, passes in view.passes.items():
        for pair in following(passes, view.cyclic, horizon):
            if pair.rest_minutes < 0:
                found.append(
                    Violation(
                        "no_overlap",
                        emp,
                        pair.next.date,
                        "checker.no_overlap",
                        {"emp": emp, "next": pair.next.starting(pair.shift != 0),
                         "previous": pair.previous.ending()},
                    )
                )
    return found


def skill(view: RosterView) -> list[Violation]:
    """A pass's skill is one of the employee's skills and one of the shift type's skills."""
    found: list[Violation] = []
    for p in view.all_passes():
        emp = view.instance.employee[p.employee]
        who = ("employee" if p.skill not in emp.skills else "") + (
            "shift" if p.skill not in p.shift.skills else "")
        if who:
            lacking = phrase("checker.skill." + ("both" if who == "employeeshift" else who),
                             emp=emp.id, shift=p.shift_id)
            found.append(
                Violation(
                    "skill",
                    p.employee,
                    p.date,
                    "checker.skill",
                    {**_pass_fields(p), "skill": p.skill, "lacking": lacking},
                )
            )
    return found


def allowed_shifts(view: RosterView) -> list[Violation]:
    """The shift type is in the employee's allowed_shifts, when given."""
    found: list[Violation] = []
    for p in view.all_passes():
        allowed = view.instance.employee[p.employee].allowed_shifts
        if allowed is not None and p.shift_id not in allowed:
            found.append(
                Violation(
                    "allowed_shifts",
                    p.employee,
                    p.date,
                    "checker.allowed_shifts",
                    {**_pass_fields(p), "allowed": list(allowed)},
                )
            )
    return found


def weekdays(view: RosterView) -> list[Violation]:
    """The shift type exists on the weekday of the pass's date."""
    return [
        Violation(
            "weekdays",
            p.employee,
            p.date,
            "checker.weekdays",
            _pass_fields(p),
        )
        for p in view.all_passes()
        if not p.shift.exists_on(p.date.weekday())
    ]


def unavailability(view: RosterView) -> list[Violation]:
    """No pass starts on a date inside one of the employee's unavailable ranges."""
    found: list[Violation] = []
    for p in view.all_passes():
        for absence in view.instance.employee[p.employee].unavailable:
            if absence.contains(p.date):
                reason = f" ({absence.reason})" if absence.reason else ""
                found.append(
                    Violation(
                        "unavailability",
                        p.employee,
                        p.date,
                        "checker.unavailability",
                        {**_pass_fields(p), "start": absence.start, "end": absence.end,
                         "reason": reason},
                    )
                )
                break
    return found


def pinned(view: RosterView) -> list[Violation]:
    """A pin with a shift: exactly that pass that date; a pin with shift null: no pass."""
    found: list[Violation] = []
    for emp in view.instance.employees:
        on_date: dict[dt.date, list[Pass]] = defaultdict(list)
        for p in view.passes[emp.id]:
            on_date[p.date].append(p)
        for pin in emp.pinned:
            shifts = [p.shift_id for p in on_date[pin.date]]
            wanted = [pin.shift] if pin.shift is not None else []
            roles = ["resurs" if p.kind == "resurs" else p.skill for p in on_date[pin.date]]
            if shifts != wanted or (pin.role is not None and roles != [pin.role]):
                role = phrase("checker.pin.role", role=pin.role) if pin.role else phrase("")
                want = (phrase("checker.pin.pass", shift=pin.shift, role=role)
                        if pin.shift is not None else phrase("checker.pin.none"))
                have: object = [phrase("checker.pin.as", shift=s, role=r)
                                for s, r in zip(shifts, roles, strict=True)]
                have = have or phrase("checker.pin.none")
                found.append(
                    Violation(
                        "pinned",
                        emp.id,
                        pin.date,
                        "checker.pinned",
                        {"emp": emp.id, "want": want, "date": pin.date, "have": have},
                    )
                )
    return found


def resurs_allowed(view: RosterView) -> list[Violation]:
    """No resurs pass unless the instance says resurspass: true."""
    if view.instance.resurspass:
        return []
    return [
        Violation(
            "resurs_allowed",
            p.employee,
            p.date,
            "checker.resurs_allowed",
            _pass_fields(p),
        )
        for p in view.all_passes()
        if p.kind == "resurs"
    ]


def employee_summary(view: RosterView) -> list[Violation]:
    """Each employee has one summary; its scheduled_minutes is the sum of the roster's
    paid_minutes, resurs_minutes the sum over resurs passes, contract_minutes the contract."""
    found: list[Violation] = []
    scheduled: Counter[str] = Counter()
    resurs: Counter[str] = Counter()
    for a in view.roster.assignments:
        scheduled[a.employee] += a.paid_minutes
        if a.kind == "resurs":
            resurs[a.employee] += a.paid_minutes
    summaries = Counter(s.id for s in view.roster.employees)
    for emp in view.instance.employees:
        if summaries[emp.id] != 1:
            found.append(
                Violation(
                    "employee_summary",
                    emp.id,
                    None,
                    "checker.summary_count",
                    {"emp": emp.id, "count": Counted(summaries[emp.id], "summary")},
                )
            )
    for s in view.roster.employees:
        known = view.instance.employee.get(s.id)
        if known is None:
            continue  # reported by unknown_employee
        for what, stated, actual in (
            ("scheduled_minutes", s.scheduled_minutes, scheduled[s.id]),
            ("resurs_minutes", s.resurs_minutes, resurs[s.id]),
            ("contract_minutes", s.contract_minutes, contract_minutes(view.instance, known)),
        ):
            if stated != actual:
                found.append(
                    Violation(
                        "employee_summary",
                        s.id,
                        None,
                        "checker.summary_field",
                        {"emp": s.id, "what": what, "stated": stated, "actual": actual},
                    )
                )
    return found


STRUCTURE_CHECKS: dict[str, Callable[[RosterView], list[Violation]]] = {
    "horizon": roster_horizon,
    "unknown_employee": unknown_employee,
    "unknown_shift": unknown_shift,
    "shift_definition": shift_definition,
    "one_pass_per_day": one_pass_per_day,
    "no_overlap": no_overlap,
    "skill": skill,
    "allowed_shifts": allowed_shifts,
    "weekdays": weekdays,
    "unavailability": unavailability,
    "pinned": pinned,
    "resurs_allowed": resurs_allowed,
    "employee_summary": employee_summary,
    "rohs": rohs_grants,
    "frozen_past": frozen_past,
}
"""Structural checks by the id their violations carry."""

STRUCTURAL_RULES: tuple[str, ...] = tuple(STRUCTURE_CHECKS)
