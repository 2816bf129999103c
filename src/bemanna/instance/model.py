"""The instance: horizon, skills, shift types, employees, demand, rules and costs.

Validation has two layers: each record checks its own fields (pydantic), then
`Instance` checks cross-references (skills, shifts, employees named elsewhere) and reports
every problem with its field path.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from bemanna.instance.absence import AbsenceProfile
from bemanna.instance.cost_model import CostModel
from bemanna.instance.repair import RosterRepair
from bemanna.instance.rohs import RohsPolicy
from bemanna.instance.rules import Rules
from bemanna.instance.types import (
    STRICT,
    WEEKDAY_NAMES,
    ClockTime,
    Identifier,
    Minutes,
    Sek,
    Weekday,
)
from bemanna.units import MINUTES_PER_DAY

if TYPE_CHECKING:
    import pandas as pd

FULL_TIME_ROTATING = 2295  # 38.25 h/week, rotating day/evening work (domain.md glossary)
MAX_WEEKS = 26
"""Schedule periods run 4–16 weeks (AB); 26 admits half-year benchmark horizons."""
FULL_TIME_NIGHT = 2060  # 34.33 h/week = 34 h 20 min, permanent night work (since Apr 2022)


def all_weekdays() -> list[Weekday]:
    return ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Horizon(BaseModel):
    """The schedule period: whole weeks from a Monday. Cyclic = a rotating base schedule
    (grundschema) whose last day is followed by its first; every rule wraps around."""

    model_config = STRICT

    start: dt.date
    weeks: int = Field(ge=1, le=MAX_WEEKS)
    cyclic: bool = True

    @field_validator("start")
    @classmethod
    def _monday(cls, value: dt.date) -> dt.date:
        if value.weekday() != 0:
            raise ValueError(f"{value} is a {WEEKDAY_NAMES[value.weekday()]}, not a Monday")
        return value

    @property
    def days(self) -> int:
        return 7 * self.weeks

    def date(self, day: int) -> dt.date:
        return self.start + dt.timedelta(days=day)

    def day_of(self, date: dt.date) -> int | None:
        day = (date - self.start).days
        return day if 0 <= day < self.days else None


class Skill(BaseModel):
    model_config = STRICT

    id: Identifier
    name: str = ""


class ShiftPart(BaseModel):
    """One worked part of a pass, clock start to clock end (end <= start crosses midnight)."""

    model_config = STRICT

    start: ClockTime
    end: ClockTime


class ShiftType(BaseModel):
    """A pass template. Two parts make a split shift (delad tur)."""

    model_config = STRICT

    id: Identifier
    name: str = ""
    parts: list[ShiftPart] = Field(min_length=1, max_length=2)
    break_minutes: Minutes = 0
    paid_meal_break: bool = False
    """Måltidsuppehåll: a paid meal break at the workplace instead of an unpaid rest break."""
    skills: list[Identifier] = Field(min_length=1)
    weekdays: list[Weekday] = Field(default_factory=all_weekdays)

    @cached_property
    def offsets(self) -> tuple[tuple[int, int], ...]:
        """Parts as (start, end) minutes after midnight of the pass's date, end > start.

        A part ending at or before its start ends the next day; a second part starting before
        the first part's end starts the next day.
        """
        result: list[tuple[int, int]] = []
        floor = 0
        for part in self.parts:
            start = part.start
            while start < floor:
                start += MINUTES_PER_DAY
            end = part.end + (start // MINUTES_PER_DAY) * MINUTES_PER_DAY
            while end <= start:
                end += MINUTES_PER_DAY
            result.append((start, end))
            floor = end
        return tuple(result)

    @property
    def is_split(self) -> bool:
        return len(self.parts) > 1

    @property
    def span_minutes(self) -> int:
        return self.offsets[-1][1] - self.offsets[0][0]

    @property
    def worked_minutes(self) -> int:
        return sum(end - start for start, end in self.offsets)

    @property
    def paid_minutes(self) -> int:
        return self.worked_minutes - self.break_minutes

    def exists_on(self, weekday: int) -> bool:
        return WEEKDAY_NAMES[weekday] in self.weekdays

    @model_validator(mode="after")
    def _check(self) -> ShiftType:
        if self.offsets[0][0] >= MINUTES_PER_DAY:
            raise ValueError("the first part must start before 24:00 of the pass's date")
        if self.break_minutes >= self.worked_minutes:
            raise ValueError(
                f"break_minutes {self.break_minutes} is not less than the worked "
                f"{self.worked_minutes} minutes"
            )
        if self.span_minutes > 2 * MINUTES_PER_DAY:
            raise ValueError("a pass may not span more than 48 hours")
        return self


class DateRange(BaseModel):
    model_config = STRICT

    start: dt.date
    end: dt.date
    reason: str = ""

    @model_validator(mode="after")
    def _order(self) -> DateRange:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    def contains(self, date: dt.date) -> bool:
        return self.start <= date <= self.end


class Wish(BaseModel):
    """An employee's wish (önskemål): a day off, or a shift on/off a date. Always soft."""

    model_config = STRICT

    kind: Literal["day_off", "shift_on", "shift_off"]
    date: dt.date
    shift: Identifier | None = None
    weight_sek: Sek = Decimal(100)

    @model_validator(mode="after")
    def _shift_needed(self) -> Wish:
        if self.kind != "day_off" and self.shift is None:
            raise ValueError(f"a {self.kind} wish needs a shift")
        if self.kind == "day_off" and self.shift is not None:
            raise ValueError("a day_off wish names no shift")
        return self


class Pin(BaseModel):
    """A fixed decision: this shift on this date, or (shift null) no pass that date."""

    model_config = STRICT

    date: dt.date
    shift: Identifier | None
    role: Identifier | None = None
    """Optionally how the pass is worked: one of its skills (ordinary cover) or 'resurs'
    (a resurspass). None: the solver chooses."""


class Employee(BaseModel):
    model_config = STRICT

    id: Identifier
    name: str = ""
    skills: list[Identifier] = Field(min_length=1)
    employment_rate: Decimal = Field(default=Decimal(100), gt=0, le=100, decimal_places=2)
    """Sysselsättningsgrad in percent of full time."""
    full_time: Literal["rotating", "night"] | Minutes = "rotating"
    """Heltidsmått: 'rotating' 38.25 h/week, 'night' 34.33 h/week, or minutes per week."""
    desired_employment_rate: Decimal | None = Field(
        default=None, gt=0, le=100, decimal_places=2
    )
    """RÖHS request: the higher rate the employee has asked for (granted per `rohs`)."""
    allowed_shifts: list[Identifier] | None = None
    """None: every shift type that one of the employee's skills may work."""
    unavailable: list[DateRange] = Field(default_factory=list)
    dygnsbryt: ClockTime = 0
    """Start of the employee's 24-hour period (used by the daily_rest_24h rule)."""
    wishes: list[Wish] = Field(default_factory=list)
    pinned: list[Pin] = Field(default_factory=list)

    @property
    def full_time_minutes_per_week(self) -> int:
        if self.full_time == "rotating":
            return FULL_TIME_ROTATING
        if self.full_time == "night":
            return FULL_TIME_NIGHT
        return int(self.full_time)

    @model_validator(mode="after")
    def _rohs(self) -> Employee:
        desired = self.desired_employment_rate
        if desired is not None and desired < self.employment_rate:
            raise ValueError(
                f"desired_employment_rate {desired} is below employment_rate "
                f"{self.employment_rate}"
            )
        return self


class DemandBand(BaseModel):
    """Minimum (and desired) headcount from start to end (end <= start runs past midnight)."""

    model_config = STRICT

    start: ClockTime
    end: ClockTime
    min: int = Field(ge=0, le=1000)
    desired: int | None = Field(default=None, ge=0, le=1000)

    @model_validator(mode="after")
    def _check(self) -> DemandBand:
        if self.start >= MINUTES_PER_DAY:
            raise ValueError("a band must start before 24:00")
        if self.desired is not None and self.desired < self.min:
            raise ValueError(f"desired {self.desired} is below min {self.min}")
        return self

    @property
    def offsets(self) -> tuple[int, int]:
        end = self.end if self.end > self.start else self.end + MINUTES_PER_DAY
        return self.start, end


class Demand(BaseModel):
    """Staffing need (bemanningskrav) for one skill, on weekdays or on listed dates.

    Entries for the same skill and day add up (e.g. one entry per unit). Entries with
    `dates` replace the weekday entries of that skill on those dates.
    """

    model_config = STRICT

    skill: Identifier
    label: str = ""
    weekdays: list[Weekday] = Field(default_factory=all_weekdays)
    dates: list[dt.date] | None = None
    bands: list[DemandBand] = Field(min_length=1)


class ShiftDemand(BaseModel):
    """Cover stated per shift type and day (benchmark formats): passes of `shift` on `date`."""

    model_config = STRICT

    date: dt.date
    shift: Identifier
    required: int = Field(ge=0)
    weight_under_sek: Sek = Decimal(0)
    weight_over_sek: Sek = Decimal(0)


class Costs(BaseModel):
    """Objective weights beside the cost model (SEK per hour).

    Uncovered need and stranded resurstid are priced in kronor by the cost model (gap-fill
    policy, wages) unless a flat weight is given here: a planner's weight instead of money
    (benchmark imports set 0). Below-desired staffing is a service-level weight, never money.
    """

    model_config = STRICT

    uncovered_per_hour: dict[Identifier, Sek] = Field(default_factory=dict)
    """Flat weight per skill, instead of the gap-fill price."""
    default_uncovered_per_hour: Sek | None = None
    """Flat weight of skills not listed; None: the gap-fill price of the cost model."""
    below_desired_per_hour: dict[Identifier, Sek] = Field(default_factory=dict)
    default_below_desired_per_hour: Sek = Decimal(50)
    stranded_resurstid_per_hour: Sek | None = None
    """Excess headcount inside ordinary passes (paid time nobody can book); None: the skill's
    wage incl. PO."""
    own_ob: bool = True
    """Count the OB of the roster's own passes (term `ob`); off for benchmark formats."""

    def uncovered(self, skill: str) -> Decimal | None:
        return self.uncovered_per_hour.get(skill, self.default_uncovered_per_hour)

    def below_desired(self, skill: str) -> Decimal:
        return self.below_desired_per_hour.get(skill, self.default_below_desired_per_hour)


class Instance(BaseModel):
    model_config = STRICT

    format: Literal["bemanna-instance/1"] = "bemanna-instance/1"
    name: Identifier
    description: str = ""
    horizon: Horizon
    resurspass: bool = True
    """Allow passes outside coverage (resurspass). Off for benchmark formats."""
    skills: list[Skill] = Field(min_length=1)
    shift_types: list[ShiftType] = Field(min_length=1)
    employees: list[Employee] = Field(min_length=1)
    demand: list[Demand] = Field(default_factory=list)
    shift_demand: list[ShiftDemand] = Field(default_factory=list)
    rules: Rules = Field(default_factory=Rules)
    costs: Costs = Field(default_factory=Costs)
    cost_model: CostModel = Field(default_factory=CostModel)
    """Wages, OB, overtime, temps, agency, gap-fill policy and budget (docs/costs.md)."""
    absence: AbsenceProfile = Field(default_factory=AbsenceProfile)
    """Absence rates (sick leave): simulation and resurspass placement (docs/resurstid.md)."""
    rohs: RohsPolicy = Field(default_factory=RohsPolicy)
    """How RÖHS requests (desired_employment_rate) are decided (docs/resurstid.md)."""
    repair: RosterRepair | None = None
    """Set when the instance repairs an existing roster (`bemanna.replanning`, docs/replan.md)."""

    @cached_property
    def shift(self) -> dict[str, ShiftType]:
        return {s.id: s for s in self.shift_types}

    @cached_property
    def employee(self) -> dict[str, Employee]:
        return {e.id: e for e in self.employees}

    def staff_frame(self) -> pd.DataFrame:
        """One row per employee (skills, rates, contract minutes, ...): `instance/frames.py`."""
        from bemanna.instance.frames import staff_frame

        return staff_frame(self)

    def demand_frame(self) -> pd.DataFrame:
        """One row per need band and date of the horizon: `instance/frames.py`."""
        from bemanna.instance.frames import demand_frame

        return demand_frame(self)

    def replaced(self, **fields: Any) -> Instance:
        """A copy with some fields replaced (not validated again); the cached lookups are
        dropped so that they follow the new fields."""
        copy = self.model_copy(update=fields)
        for name in ("shift", "employee"):
            copy.__dict__.pop(name, None)
        return copy

    @model_validator(mode="after")
    def _references(self) -> Instance:
        from bemanna.instance.references import reference_problems

        problems = reference_problems(self)
        if problems:
            raise ValueError("\n".join(problems))
        return self
