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

from bemanna.checker.passes import Pass, RosterView, duration, following, stamp, well_formed
from bemanna.checker.repair import frozen_past
from bemanna.checker.report import Violation
from bemanna.checker.rohs import rohs_grants
from bemanna.instance import contract_minutes
from bemanna.instance.types import WEEKDAY_NAMES
from bemanna.roster import Assignment
from bemanna.units import format_clock


def _where(a: Assignment) -> str:
    return f"{a.employee}: pass {a.shift} on {a.date}"


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
                f"the roster's horizon (start {roster.start}, {roster.days} days, "
                f"cyclic {roster.cyclic}) is not the instance's (start {horizon.start}, "
                f"{horizon.days} days, cyclic {horizon.cyclic})",
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
                    f"{_where(a)} starts outside the horizon {horizon.start} – {last}",
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
            f"{_where(a)}: {a.employee} is not an employee of the instance",
        )
        for a in view.roster.assignments
        if a.employee not in known
    ]
    found += [
        Violation(
            "unknown_employee",
            s.id,
            None,
            f"{s.id}: summary for someone who is not an employee of the instance",
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
            f"{_where(a)}: {a.shift} is not a shift type of the instance",
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
                    f"{_where(a)}: kind {a.kind!r} is neither ordinary nor resurs",
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
                    f"{_where(a)} has parts {_clock_text(stated) or '(none)'}, but shift "
                    f"{shift.id} is {defined} on {a.date}",
                )
            )
        if a.paid_minutes != shift.paid_minutes:
            found.append(
                Violation(
                    "shift_definition",
                    a.employee,
                    a.date,
                    f"{_where(a)} states {a.paid_minutes} paid minutes, but shift {shift.id} pays "
                    f"{shift.paid_minutes} ({duration(shift.paid_minutes)})",
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
                shifts = ", ".join(p.shift_id for p in passes if p.date == date)
                found.append(
                    Violation(
                        "one_pass_per_day",
                        emp,
                        date,
                        f"{emp}: {count} passes start on {date} ({shifts})",
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
                        f"{emp}: {pair.next.starting(pair.shift != 0)} before "
                        f"{pair.previous.ending()}",
                    )
                )
    return found


def skill(view: RosterView) -> list[Violation]:
    """A pass's skill is one of the employee's skills and one of the shift type's skills."""
    found: list[Violation] = []
    for p in view.all_passes():
        emp = view.instance.employee[p.employee]
        lacking = [
            f"{who} {name} lacks it"
            for who, name, skills in (
                ("employee", emp.id, emp.skills),
                ("shift", p.shift_id, p.shift.skills),
            )
            if p.skill not in skills
        ]
        if lacking:
            found.append(
                Violation(
                    "skill",
                    p.employee,
                    p.date,
                    f"{p.employee}: pass {p.shift_id} on {p.date} in skill "
                    f"{p.skill!r}, but " + " and ".join(lacking),
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
                    f"{p.employee}: pass {p.shift_id} on {p.date} is not among "
                    f"the shifts they may work ({', '.join(allowed)})",
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
            f"{p.employee}: pass {p.shift_id} on {p.date}, but shift {p.shift_id} does "
            f"not exist on {WEEKDAY_NAMES[p.date.weekday()]}",
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
                        f"{p.employee}: pass {p.shift_id} on {p.date}, but they "
                        f"are unavailable {absence.start} – {absence.end}{reason}",
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
                want = f"pass {pin.shift}" if pin.shift is not None else "no pass"
                want += f" as {pin.role}" if pin.role is not None else ""
                have = ", ".join(f"{s} as {r}" for s, r in zip(shifts, roles, strict=True))
                have = have or "no pass"
                found.append(
                    Violation(
                        "pinned",
                        emp.id,
                        pin.date,
                        f"{emp.id}: pinned to {want} on {pin.date}, roster has {have}",
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
            f"{p.employee}: resurspass {p.shift_id} on {p.date}, but this instance "
            f"allows no resurspass",
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
                    f"{emp.id}: {summaries[emp.id]} employee summaries in the "
                    f"roster (expected one)",
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
                        f"{s.id}: summary states {what} {stated}, the roster gives {actual}",
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
