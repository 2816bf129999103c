"""The events file of a repair (docs/replan.md): who is away, who leaves or joins, extra need,
requested swaps, and optionally the moment of re-planning and the change weights.

    now: 2025-03-12T06:30
    events:
      - {kind: absence, employee: d04, start: 2025-03-12T06:30, end: 2025-03-13T23:59,
         reason: sick}
      - {kind: leaving, employee: d05, date: 2025-03-20}
      - {kind: joining, date: 2025-03-17, employee: {id: n01, skills: [USK, VB],
         employment_rate: 75}}
      - {kind: extra_need, skill: USK, date: 2025-03-13, start: "07:00", end: "15:30"}
      - {kind: swap, employees: [d04, d07], date: 2025-03-14}

Two layers, as for instances: the file's own shape (pydantic, one line per problem with its
field path), then the events against the instance and `now` (`event_problems`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, ValidationError, model_validator

from bemanna.instance import Instance, InstanceError
from bemanna.instance.load import parse_text, validation_problems
from bemanna.instance.model import Employee
from bemanna.instance.types import STRICT, ClockTime, Identifier, Sek


class Absence(BaseModel):
    """An employee away from `start` to `end` (sick, VAB, leave): no pass of theirs may touch it."""

    model_config = STRICT

    kind: Literal["absence"]
    employee: Identifier
    start: dt.datetime
    end: dt.datetime
    reason: Literal["sick", "vab", "leave", "other"] = "sick"

    @model_validator(mode="after")
    def _order(self) -> Absence:
        if self.end <= self.start:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        return self


class Leaving(BaseModel):
    """An employee who leaves: no passes from `date` on."""

    model_config = STRICT

    kind: Literal["leaving"]
    employee: Identifier
    date: dt.date


class Joining(BaseModel):
    """A new employee who may work from `date` on (their contract counts from then)."""

    model_config = STRICT

    kind: Literal["joining"]
    employee: Employee
    date: dt.date


class ExtraNeed(BaseModel):
    """`count` more of `skill` from `start` to `end` on `date` (end <= start: past midnight)."""

    model_config = STRICT

    kind: Literal["extra_need"]
    skill: Identifier
    date: dt.date
    start: ClockTime
    end: ClockTime
    count: int = Field(default=1, ge=1, le=100)


class Swap(BaseModel):
    """Two employees asked to swap their passes (or a pass and a day off) on `date`."""

    model_config = STRICT

    kind: Literal["swap"]
    employees: tuple[Identifier, Identifier]
    date: dt.date


Event = Annotated[Absence | Leaving | Joining | ExtraNeed | Swap, Field(discriminator="kind")]


class ChangeWeights(BaseModel):
    """What changing a pass of someone not hit by an event costs (SEK per changed pass), by how
    soon it starts after `now`; `do_not_call`: employees whose passes are not changed at all."""

    model_config = STRICT

    per_pass_sek: Sek = Decimal(300)
    within_48h_sek: Sek = Decimal(600)
    within_24h_sek: Sek = Decimal(1000)
    do_not_call: list[Identifier] = Field(default_factory=list)
    window_days: int = Field(default=2, ge=0, le=28)
    """Days after the last day an event touches in which others' passes may move (rest context
    and room to re-plan); every later day keeps the old roster."""


class Events(BaseModel):
    model_config = STRICT

    format: Literal["bemanna-events/1"] = "bemanna-events/1"
    now: dt.datetime | None = None
    events: list[Event] = Field(min_length=1)
    weights: ChangeWeights = Field(default_factory=ChangeWeights)


def events_from_data(data: dict[str, Any], source: str = "<data>") -> Events:
    """Validate an events mapping; InstanceError with one line per problem."""
    try:
        return Events.model_validate(data)
    except ValidationError as exc:
        raise InstanceError(source, validation_problems(exc)) from None


def load_events(path: str | Path) -> Events:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InstanceError(str(path), ["(file): no such file"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InstanceError(str(path), [f"(file): cannot read: {exc}"]) from None
    return events_from_data(parse_text(text, path.suffix.lower(), str(path)), str(path))


def event_end(event: Event) -> dt.datetime:
    """The last moment an event touches (dates end at the following midnight)."""
    if isinstance(event, Absence):
        return event.end
    if isinstance(event, Leaving | Joining):
        return dt.datetime.combine(event.date, dt.time())
    return dt.datetime.combine(event.date + dt.timedelta(days=1), dt.time())


def event_problems(events: Events, inst: Instance, now: dt.datetime) -> list[str]:
    """The events against the instance: employees known, times inside the horizon, nothing
    that already ended at `now`. One line per problem, naming the event."""
    first = dt.datetime.combine(inst.horizon.start, dt.time())
    last = first + dt.timedelta(days=inst.horizon.days)
    problems = []
    if not first <= now < last:
        problems.append(f"now: {now:%Y-%m-%d %H:%M} is outside the horizon "
                        f"{inst.horizon.start} – {(last - dt.timedelta(days=1)).date()}")
    known = set(inst.employee)
    skills = {s.id for s in inst.skills}
    for i, event in enumerate(events.events):
        where = f"events[{i}]"
        names = _named(event)
        for name in names:
            if name not in known:
                problems.append(f"{where}: unknown employee {name!r}")
        if isinstance(event, Joining) and event.employee.id in known:
            problems.append(f"{where}.employee.id: {event.employee.id!r} is already employed")
        if isinstance(event, ExtraNeed) and event.skill not in skills:
            problems.append(f"{where}.skill: unknown skill {event.skill!r}")
        start, end = _span(event)
        if start < first or end > last:
            problems.append(f"{where}: {start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M} is outside "
                            f"the horizon {inst.horizon.start} – "
                            f"{(last - dt.timedelta(days=1)).date()}")
        if end <= now:
            problems.append(f"{where}: ends {end:%Y-%m-%d %H:%M}, before now "
                            f"{now:%Y-%m-%d %H:%M}: nothing left to re-plan")
    for name in events.weights.do_not_call:
        if name not in known:
            problems.append(f"weights.do_not_call: unknown employee {name!r}")
    return problems


def _named(event: Event) -> list[str]:
    if isinstance(event, Absence | Leaving):
        return [event.employee]
    if isinstance(event, Swap):
        return list(event.employees)
    return []


def _span(event: Event) -> tuple[dt.datetime, dt.datetime]:
    if isinstance(event, Absence):
        return event.start, event.end
    start = dt.datetime.combine(event.date, dt.time())
    if isinstance(event, Leaving | Joining):
        return start, start + dt.timedelta(minutes=1)
    return start, event_end(event)
