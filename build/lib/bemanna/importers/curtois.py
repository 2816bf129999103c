"""The Curtois & Qu shift scheduling benchmark (schedulingbenchmarks.org, Instance1–24 format).

`parse_curtois` reads the text format into `CurtoisData`; `curtois_to_instance_data` maps it
onto bemanna's generic rules (docs/rules.md), one rule per hard constraint of the benchmark:

| benchmark (hard)                         | bemanna                                       |
| ---------------------------------------- | --------------------------------------------- |
| one shift per day                        | structural (one pass per day)                 |
| CannotFollow                             | `forbidden_successions`, hard                 |
| MaxShifts T=n                            | `max_shift_passes`, one limit per employee    |
| Min/MaxTotalMinutes                      | `total_minutes`, hard, per employee           |
| MaxConsecutiveShifts                     | `max_consecutive_days`, hard, per employee    |
| MinConsecutiveShifts (border exempt)     | `min_consecutive_days`, hard, per employee    |
| MinConsecutiveDaysOff (border exempt)    | `min_consecutive_days_off`, hard              |
| MaxWeekends (Sat or Sun worked)          | `max_weekends`, hard, per employee            |
| days off                                 | `unavailable`, one date range per day         |

The objective terms map to `shift_demand` (cover, weight under / over) and to shift_on /
shift_off wishes. Weights become SEK, so the solver's objective in öre is 100 × the benchmark's
objective. Every other rule is disabled and every other price is 0. Day 0 is 2024-01-01, a
Monday; every pass starts 08:00 and lasts the shift's length (times do not matter to the
benchmark: no rest rule is enabled).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bemanna.instance.load import instance_from_data
from bemanna.units import MINUTES_PER_DAY, format_clock

HORIZON_START = dt.date(2024, 1, 1)
"""Day 0 of every imported instance: a Monday, as the format requires."""
PASS_START = 8 * 60
"""Every pass starts at 08:00 (the format gives lengths, not clock times)."""
SKILL = "N"

SECTIONS = (
    "SECTION_HORIZON",
    "SECTION_SHIFTS",
    "SECTION_STAFF",
    "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS",
    "SECTION_SHIFT_OFF_REQUESTS",
    "SECTION_COVER",
)


class CurtoisError(ValueError):
    """A file that is not in the Curtois format; the message names the line."""


@dataclass(frozen=True)
class CurtoisShift:
    id: str
    minutes: int
    cannot_follow: tuple[str, ...]
    """Shift types that may not be worked the day after this one."""


@dataclass(frozen=True)
class CurtoisStaff:
    id: str
    max_shifts: dict[str, int]
    """Per shift type, the most days of that type (0 forbids it)."""
    max_total_minutes: int
    min_total_minutes: int
    max_consecutive_shifts: int
    min_consecutive_shifts: int
    min_consecutive_days_off: int
    max_weekends: int


@dataclass(frozen=True)
class CurtoisRequest:
    """A shift-on or shift-off request: cost `weight` when not granted."""

    employee: str
    day: int
    shift: str
    weight: int


@dataclass(frozen=True)
class CurtoisCover:
    """Cost weight_under per missing and weight_over per surplus employee on shift that day."""

    day: int
    shift: str
    requirement: int
    weight_under: int
    weight_over: int


@dataclass
class CurtoisData:
    days: int
    shifts: list[CurtoisShift] = field(default_factory=list)
    staff: list[CurtoisStaff] = field(default_factory=list)
    days_off: dict[str, list[int]] = field(default_factory=dict)
    shift_on: list[CurtoisRequest] = field(default_factory=list)
    shift_off: list[CurtoisRequest] = field(default_factory=list)
    cover: list[CurtoisCover] = field(default_factory=list)


# -- parsing ----------------------------------------------------------------------------------

def _sections(text: str) -> dict[str, list[tuple[int, list[str]]]]:
    """Section name -> its data lines as (line number, comma-separated fields)."""
    result: dict[str, list[tuple[int, list[str]]]] = {}
    current: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):  # splitlines eats \r\n
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            if line not in SECTIONS:
                raise CurtoisError(f"line {number}: unknown section {line!r}")
            current = line
            result.setdefault(current, [])
            continue
        if current is None:
            raise CurtoisError(f"line {number}: data before the first SECTION_ line")
        result[current].append((number, [f.strip() for f in line.split(",")]))
    return result


def _int(value: str, number: int, what: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise CurtoisError(f"line {number}: {what} must be an integer, got {value!r}") from None


def _fields(fields: list[str], count: int, number: int, section: str) -> list[str]:
    if len(fields) < count:
        raise CurtoisError(f"line {number}: {section} needs {count} fields, got {len(fields)}")
    return fields


def _shift(number: int, fields: list[str]) -> CurtoisShift:
    sid, minutes, *rest = _fields(fields, 2, number, "SECTION_SHIFTS")
    follow = tuple(s.strip() for s in (rest[0] if rest else "").split("|") if s.strip())
    return CurtoisShift(sid, _int(minutes, number, "LengthMinutes"), follow)


def _staff(number: int, fields: list[str]) -> CurtoisStaff:
    eid, max_shifts, *numbers = _fields(fields, 8, number, "SECTION_STAFF")
    limits: dict[str, int] = {}
    for item in (p.strip() for p in max_shifts.split("|")):
        if not item:
            continue
        sid, sep, count = item.partition("=")
        if not sep:
            raise CurtoisError(f"line {number}: MaxShifts item {item!r} is not 'ShiftID=n'")
        limits[sid.strip()] = _int(count.strip(), number, "MaxShifts")
    values = [_int(v, number, "a staff limit") for v in numbers[:6]]
    return CurtoisStaff(eid, limits, *values)


def _request(number: int, fields: list[str], section: str) -> CurtoisRequest:
    eid, day, sid, weight = _fields(fields, 4, number, section)[:4]
    return CurtoisRequest(eid, _int(day, number, "Day"), sid, _int(weight, number, "Weight"))


def _cover(number: int, fields: list[str]) -> CurtoisCover:
    day, sid, req, under, over = _fields(fields, 5, number, "SECTION_COVER")[:5]
    return CurtoisCover(_int(day, number, "Day"), sid, _int(req, number, "Requirement"),
                        _int(under, number, "WeightUnder"), _int(over, number, "WeightOver"))


def parse_curtois(text: str) -> CurtoisData:
    """Read a Curtois instance file (LF or CRLF, `#` comments) into `CurtoisData`."""
    sections = _sections(text)
    horizon = sections.get("SECTION_HORIZON", [])
    if len(horizon) != 1 or len(horizon[0][1]) != 1:
        raise CurtoisError("SECTION_HORIZON must hold exactly one number (the days)")
    number, (days_text,) = horizon[0]
    data = CurtoisData(days=_int(days_text, number, "the horizon"))
    data.shifts = [_shift(n, f) for n, f in sections.get("SECTION_SHIFTS", [])]
    data.staff = [_staff(n, f) for n, f in sections.get("SECTION_STAFF", [])]
    for n, fields in sections.get("SECTION_DAYS_OFF", []):
        days = [_int(d, n, "a day off") for d in fields[1:] if d]
        data.days_off.setdefault(fields[0], []).extend(days)
    data.shift_on = [_request(n, f, "SECTION_SHIFT_ON_REQUESTS")
                     for n, f in sections.get("SECTION_SHIFT_ON_REQUESTS", [])]
    data.shift_off = [_request(n, f, "SECTION_SHIFT_OFF_REQUESTS")
                      for n, f in sections.get("SECTION_SHIFT_OFF_REQUESTS", [])]
    data.cover = [_cover(n, f) for n, f in sections.get("SECTION_COVER", [])]
    if not data.shifts or not data.staff:
        raise CurtoisError("the file needs a SECTION_SHIFTS and a SECTION_STAFF with data")
    return data


# -- mapping onto the generic rules -----------------------------------------------------------

def _date(day: int) -> str:
    return (HORIZON_START + dt.timedelta(days=day)).isoformat()


def _shift_type(shift: CurtoisShift) -> dict[str, Any]:
    if not 0 < shift.minutes < MINUTES_PER_DAY:
        raise CurtoisError(f"shift {shift.id!r}: length {shift.minutes} is not within a day")
    return {
        "id": shift.id,
        "parts": [{"start": format_clock(PASS_START),
                   "end": format_clock(PASS_START + shift.minutes)}],
        "break_minutes": 0,
        "paid_meal_break": True,
        "skills": [SKILL],
    }


def _employee(staff: CurtoisStaff, data: CurtoisData) -> dict[str, Any]:
    def wishes(kind: str, requests: list[CurtoisRequest]) -> list[dict[str, Any]]:
        return [{"kind": kind, "date": _date(r.day), "shift": r.shift, "weight_sek": r.weight}
                for r in requests if r.employee == staff.id]

    return {
        "id": staff.id,
        "skills": [SKILL],
        "employment_rate": 100,
        "unavailable": [{"start": _date(d), "end": _date(d), "reason": "day off (benchmark)"}
                        for d in sorted(set(data.days_off.get(staff.id, [])))],
        "wishes": wishes("shift_on", data.shift_on) + wishes("shift_off", data.shift_off),
    }


def _rules(data: CurtoisData) -> dict[str, Any]:
    limit_rules = {
        "max_consecutive_days": ("max", "max_consecutive_shifts"),
        "min_consecutive_days": ("min", "min_consecutive_shifts"),
        "min_consecutive_days_off": ("min", "min_consecutive_days_off"),
        "max_weekends": ("max", "max_weekends"),
    }
    rules: dict[str, Any] = {
        rule_id: {"enabled": False}
        for rule_id in ("daily_rest", "pass_span", "breaks", "weekly_rest", "daily_rest_24h",
                        "contract_hours", "max_split_shifts", "average_weekly_hours")
    }
    for rule_id, (key, attribute) in limit_rules.items():
        values = {s.id: getattr(s, attribute) for s in data.staff}
        # Every employee has a per-employee value; the default is the first one's, for show.
        rules[rule_id] = {"enabled": True, "mode": "hard", key: values[data.staff[0].id],
                          "per_employee": values}
    rules["forbidden_successions"] = {
        "enabled": True, "mode": "hard",
        "pairs": [{"first": s.id, "then": list(s.cannot_follow)}
                  for s in data.shifts if s.cannot_follow],
    }
    rules["max_shift_passes"] = {
        "enabled": True, "mode": "hard",
        "limits": [{"shift": sid, "max": n, "employees": [s.id]}
                   for s in data.staff for sid, n in s.max_shifts.items()],
    }
    rules["total_minutes"] = {
        "enabled": True, "mode": "hard",
        "per_employee": {s.id: {"min": s.min_total_minutes, "max": s.max_total_minutes}
                         for s in data.staff},
    }
    return rules


def curtois_to_instance_data(data: CurtoisData, name: str) -> dict[str, Any]:
    """Map a parsed Curtois file onto a bemanna instance (a dict for `instance_from_data`)."""
    if data.days <= 0 or data.days % 7:
        raise CurtoisError(f"the horizon ({data.days} days) is not a whole number of weeks")
    return {
        "format": "bemanna-instance/1",
        "name": name,
        "description": f"Curtois & Qu shift scheduling benchmark {name} "
                       "(schedulingbenchmarks.org), imported by bemanna",
        "horizon": {"start": HORIZON_START.isoformat(), "weeks": data.days // 7,
                    "cyclic": False},
        "resurspass": False,
        "skills": [{"id": SKILL, "name": "nurse"}],
        "shift_types": [_shift_type(s) for s in data.shifts],
        "employees": [_employee(s, data) for s in data.staff],
        "shift_demand": [
            {"date": _date(c.day), "shift": c.shift, "required": c.requirement,
             "weight_under_sek": c.weight_under, "weight_over_sek": c.weight_over}
            for c in data.cover
        ],
        "rules": _rules(data),
        "costs": {"default_uncovered_per_hour": 0, "default_below_desired_per_hour": 0,
                  "stranded_resurstid_per_hour": 0, "own_ob": False},
    }


def import_curtois(path: str | Path) -> dict[str, Any]:
    """Read a Curtois file and return validated instance data, named after the file's stem.

    Raises `CurtoisError` for a malformed file and `InstanceError` when the mapped instance
    does not validate (e.g. a horizon longer than the instance model allows).
    """
    path = Path(path)
    data = curtois_to_instance_data(parse_curtois(path.read_text(encoding="utf-8")), path.stem)
    instance_from_data(data, str(path))  # validate now: the caller writes what we return
    return data
