"""Roster files: roster.json (stable format), roster.csv, written atomically."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from bemanna.roster.model import (
    ROSTER_FORMAT,
    Assignment,
    EmployeeSummary,
    Part,
    Roster,
)

_MINUTE = "%Y-%m-%dT%H:%M"


class RosterError(Exception):
    """A roster file that cannot be read; `problems` holds one line per problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write text to path so that readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a roster is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def roster_to_dict(roster: Roster) -> dict[str, Any]:
    return {
        "format": ROSTER_FORMAT,
        "instance": roster.instance,
        "horizon": {"start": roster.start.isoformat(), "days": roster.days,
                    "cyclic": roster.cyclic},
        "status": roster.status,
        "objective": roster.objective,
        "bound": roster.bound,
        "money_unit": "öre",
        "objective_by_term": roster.objective_by_term,
        "stats": roster.stats,
        "employees": [
            {"id": e.id, "contract_minutes": e.contract_minutes,
             "scheduled_minutes": e.scheduled_minutes, "resurs_minutes": e.resurs_minutes,
             **({} if e.employment_rate is None
                else {"employment_rate": f"{e.employment_rate.normalize():f}"})}
            for e in roster.employees
        ],
        "assignments": [
            {"employee": a.employee, "date": a.date.isoformat(), "shift": a.shift,
             "kind": a.kind, "skill": a.skill,
             "parts": [{"start": p.start.strftime(_MINUTE), "end": p.end.strftime(_MINUTE)}
                       for p in a.parts],
             "paid_minutes": a.paid_minutes}
            for a in roster.assignments
        ],
    }


def _rate(value: object) -> Decimal | None:
    """An employment rate written as a string ("87.5") or a number; None when absent."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"employment_rate: expected a number, got {value!r}")
    try:
        rate = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"employment_rate: expected a number, got {value!r}") from None
    if not rate.is_finite() or not 0 < rate <= 100:
        raise ValueError(f"employment_rate: {value!r} is not in (0, 100]")
    return rate


def roster_from_dict(data: dict[str, Any], source: str = "<roster>") -> Roster:
    try:
        if data.get("format") != ROSTER_FORMAT:
            raise ValueError(f"format: expected {ROSTER_FORMAT!r}, got {data.get('format')!r}")
        horizon = data["horizon"]
        assignments = [
            Assignment(
                employee=str(a["employee"]),
                date=dt.date.fromisoformat(a["date"]),
                shift=str(a["shift"]),
                kind=a.get("kind", "ordinary"),
                skill=str(a.get("skill", "")),
                parts=tuple(Part(dt.datetime.strptime(p["start"], _MINUTE),
                                 dt.datetime.strptime(p["end"], _MINUTE)) for p in a["parts"]),
                paid_minutes=int(a["paid_minutes"]),
            )
            for a in data["assignments"]
        ]
        employees = [
            EmployeeSummary(str(e["id"]), int(e["contract_minutes"]),
                            int(e["scheduled_minutes"]), int(e.get("resurs_minutes", 0)),
                            _rate(e.get("employment_rate")))
            for e in data["employees"]
        ]
        return Roster(
            instance=str(data.get("instance", "")),
            start=dt.date.fromisoformat(horizon["start"]),
            days=int(horizon["days"]),
            cyclic=bool(horizon.get("cyclic", False)),
            status=str(data.get("status", "UNKNOWN")),
            objective=data.get("objective"),
            bound=data.get("bound"),
            employees=employees,
            assignments=assignments,
            objective_by_term=dict(data.get("objective_by_term", {})),
            stats=dict(data.get("stats", {})),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        what = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise RosterError(source, [what]) from None


def load_roster(path: str | Path) -> Roster:
    path = Path(path)
    if path.is_dir():
        path = path / "roster.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RosterError(str(path), ["no such file"]) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RosterError(str(path), [f"cannot read: {exc}"]) from None
    if not isinstance(data, dict):
        raise RosterError(str(path), ["expected a JSON object"])
    return roster_from_dict(data, str(path))


def roster_csv(roster: Roster) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["employee", "date", "weekday", "shift", "kind", "skill", "start", "end",
                     "paid_minutes"])
    for a in sorted(roster.assignments, key=lambda a: (a.employee, a.date)):
        writer.writerow([a.employee, a.date.isoformat(), a.date.strftime("%a"), a.shift,
                         a.kind, a.skill, a.start.strftime(_MINUTE), a.end.strftime(_MINUTE),
                         a.paid_minutes])
    return out.getvalue()


def save_roster(roster: Roster, out_dir: str | Path) -> Path:
    """Write roster.json and roster.csv into out_dir (atomically); return the json path."""
    out = Path(out_dir)
    path = out / "roster.json"
    write_atomic(path, json.dumps(roster_to_dict(roster), indent=1, ensure_ascii=False) + "\n")
    write_atomic(out / "roster.csv", roster_csv(roster))
    return path
