"""The cost model: what a roster costs in money (domain.md §4, 2024 levels).

Salaries, PO (employer social costs), OB supplements as time windows, overtime factors, the
hourly temps' holiday pay, agency rates, the gap-fill policy (how uncovered need is bought)
and the budget lines. Every default is documented with its source in docs/costs.md and can be
overridden in the instance file under `cost_model`. The pricing itself lives in
`bemanna.pricing`; this module only holds validated parameters and their lookups.

Defaults that name a skill (salaries, agency rates, gap-fill policies) apply to the instance's
skill of that name compared case-insensitively (`usk` gets the `USK` default); values given in
the file name exact skill ids and win over the defaults.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, model_validator

from bemanna.instance.types import STRICT, WEEKDAY_NAMES, ClockTime, Identifier, Sek
from bemanna.units import MINUTES_PER_DAY, MINUTES_PER_WEEK, parse_clock

# --- defaults (domain.md §4; docs/costs.md says where each comes from) -----------------------

DEFAULT_MONTHLY_SALARY: dict[str, Decimal] = {
    "USK": Decimal(32600),
    "VB": Decimal(27500),
    "SSK": Decimal(44550),
}
"""Full-time monthly salary per skill (SEK, 2024). Other skills must be given."""

DEFAULT_AGENCY_PER_HOUR: dict[str, Decimal] = {"USK": Decimal(470)}
"""Agency assistant nurse: midpoint of 445–495 SEK/h (OB is added on top)."""

DEFAULT_AGENCY_FACTOR: dict[str, Decimal] = {"SSK": Decimal(2)}
"""Agency nurse: 2 × an own nurse's loaded hourly cost ("nästan dubbelt"; uncertain)."""

Rate = Annotated[Decimal, Field(ge=0, le=10, max_digits=8, decimal_places=4)]
"""A non-negative factor or share (0.45 = 45 %), at most four decimals."""

Hours = Annotated[Decimal, Field(ge=0, le=10000, max_digits=8, decimal_places=2)]


# --- OB windows ---------------------------------------------------------------------------

_DAY = "(mon|tue|wed|thu|fri|sat|sun)"
_TIME = r"(\d\d:\d\d)"
_SPAN = re.compile(rf"^{_DAY}\s+{_TIME}\s*-\s*{_DAY}\s+{_TIME}$")
_DAILY = re.compile(rf"^([a-z,\-\s]+?)\s+{_TIME}\s*-\s*{_TIME}$")
_CLOCK_ONLY = re.compile(rf"^{_TIME}\s*-\s*{_TIME}$")
_WINDOW_HELP = "expected e.g. 'mon-thu 19:00-22:00' or 'fri 19:00-mon 07:00'"

WeekInterval = tuple[int, int]
"""[start, end) in minutes after Monday 00:00; 0 <= start < one week, end may pass the week."""


def _weekday(name: str) -> int:
    return WEEKDAY_NAMES.index(name)


def _days(text: str) -> list[int]:
    """'mon-thu' -> [0, 1, 2, 3]; 'sat,sun' -> [5, 6]; 'fri-mon' wraps -> [4, 5, 6, 0]."""
    days: list[int] = []
    for item in text.replace(" ", "").split(","):
        first, _, last = item.partition("-")
        if first not in WEEKDAY_NAMES or (last and last not in WEEKDAY_NAMES):
            raise ValueError(f"unknown weekday in {text!r}")
        start = _weekday(first)
        count = (_weekday(last) - start) % 7 + 1 if last else 1
        days.extend((start + i) % 7 for i in range(count))
    if len(set(days)) != len(days):
        raise ValueError(f"a weekday appears twice in {text!r}")
    return days


def clock_interval(text: str) -> tuple[int, int]:
    """'22:00-06:00' -> (1320, 1800): minutes after midnight, end <= start crosses midnight."""
    match = _CLOCK_ONLY.match(text.strip().lower())
    if match is None:
        raise ValueError(f"cannot read clock window {text!r}: expected e.g. '22:00-06:00'")
    start, end = parse_clock(match.group(1)), parse_clock(match.group(2))
    if start >= MINUTES_PER_DAY:
        raise ValueError(f"clock window {text!r} starts at 24:00")
    if end == start:
        raise ValueError(f"clock window {text!r} is empty")
    return start, end if end > start else end + MINUTES_PER_DAY


def weekly_intervals(text: str) -> list[WeekInterval]:
    """An OB window as intervals of the week.

    Two forms: `DAYS HH:MM-HH:MM` (on each listed day, from start to end; an end at or before
    the start ends the next day), and `DAY HH:MM-DAY HH:MM` (one stretch from a weekday and
    time to a later one, wrapping past Sunday).
    """
    clean = " ".join(text.strip().lower().split())
    try:
        span = _SPAN.match(clean)
        if span is not None:
            start = _weekday(span.group(1)) * MINUTES_PER_DAY + parse_clock(span.group(2))
            end = _weekday(span.group(3)) * MINUTES_PER_DAY + parse_clock(span.group(4))
            if end <= start:
                end += MINUTES_PER_WEEK
            return [(start, end)]
        daily = _DAILY.match(clean)
        if daily is not None:
            first, last = clock_interval(f"{daily.group(2)}-{daily.group(3)}")
            return [(d * MINUTES_PER_DAY + first, d * MINUTES_PER_DAY + last)
                    for d in _days(daily.group(1))]
    except ValueError as exc:
        raise ValueError(f"cannot read OB window {text!r}: {exc}") from None
    raise ValueError(f"cannot read OB window {text!r}: {_WINDOW_HELP}")


def _check_weekly(text: str) -> str:
    weekly_intervals(text)
    return text


def _check_clock(text: str) -> str:
    clock_interval(text)
    return text


ObWindow = Annotated[str, AfterValidator(_check_weekly)]
"""A weekly OB window as text, e.g. 'mon-thu 19:00-22:00' or 'fri 19:00-mon 07:00'."""

ClockWindow = Annotated[str, AfterValidator(_check_clock)]
"""Clock times of every day, e.g. '22:00-06:00'."""


class ObCategory(BaseModel):
    """One OB category (obekväm arbetstid): SEK per hour in its windows.

    A minute lies in the category when it lies in one of the `weekly` windows, or (with
    `holidays`) in a public or major-holiday window (see `HolidayRules`), restricted to
    `holiday_hours` when given. Each minute gets the single highest-paid category it lies in.
    """

    model_config = STRICT

    id: Identifier
    sek_per_hour: Sek
    weekly: list[ObWindow] = Field(default_factory=list)
    holidays: Literal["public", "major"] | None = None
    holiday_hours: ClockWindow | None = None

    @model_validator(mode="after")
    def _applies_somewhere(self) -> ObCategory:
        if not self.weekly and self.holidays is None:
            raise ValueError("an OB category needs weekly windows or holidays")
        if self.holiday_hours is not None and self.holidays is None:
            raise ValueError("holiday_hours needs holidays")
        return self


def default_ob() -> list[ObCategory]:
    """The OB rates from 2024-04-01 (domain.md §4). Nights are 22:00-06:00."""
    night = "22:00-06:00"
    return [
        ObCategory(id="weekday_evening", sek_per_hour=Decimal("24.80"),
                   weekly=["mon-thu 19:00-22:00"]),
        ObCategory(id="weekday_night", sek_per_hour=Decimal("54.80"),
                   weekly=["mon-fri 22:00-06:00"]),
        ObCategory(id="weekend", sek_per_hour=Decimal("63.90"),
                   weekly=["fri 19:00-mon 07:00"], holidays="public"),
        ObCategory(id="weekend_night", sek_per_hour=Decimal("73.50"),
                   weekly=["fri-sun 22:00-06:00"], holidays="public", holiday_hours=night),
        ObCategory(id="major_holiday", sek_per_hour=Decimal("122.70"), holidays="major"),
        ObCategory(id="major_holiday_night", sek_per_hour=Decimal("147.30"),
                   holidays="major", holiday_hours=night),
    ]


MajorHoliday = Literal["easter", "pentecost", "midsummer", "christmas", "new_year"]
MAJOR_DEFAULT: tuple[MajorHoliday, ...] = ("easter", "midsummer", "christmas", "new_year")
"""The storhelger of domain.md §4; pentecost may be added."""


class HolidayRules(BaseModel):
    """Holiday windows for OB. Dates come from the `holidays` library (Sweden).

    A public holiday (and Midsummer, Christmas and New Year's Eve) counts as weekend: its
    window runs from `public_from` on the day before to `public_until` on the first weekday
    after (a weekday: Monday–Friday and not a holiday). A major holiday (storhelg) runs from
    `major_from` on the day before its first day (Good Friday, Midsummer Eve, Christmas Eve,
    New Year's Eve) to `major_until` on the first weekday after its last day.
    """

    model_config = STRICT

    public_from: ClockTime = 19 * 60
    public_until: ClockTime = 7 * 60
    major_from: ClockTime = 18 * 60
    major_until: ClockTime = 7 * 60
    major_holidays: list[MajorHoliday] = Field(default_factory=lambda: list(MAJOR_DEFAULT))


# --- gap fill -----------------------------------------------------------------------------

Source = Literal["hourly_temp", "overtime", "agency"]
SOURCES: tuple[Source, ...] = ("hourly_temp", "overtime", "agency")


class GapFillSource(BaseModel):
    """One way to buy uncovered need: hourly temps, overtime of own staff, or agency staff.

    `max_hours_per_week`: at most this many hours per week of the horizon (the cap over the
    whole period is max × weeks); None = no cap (only the last source of a policy).
    """

    model_config = STRICT

    source: Source
    max_hours_per_week: Hours | None = None


def _check_policy(policy: list[GapFillSource]) -> list[GapFillSource]:
    names = [s.source for s in policy]
    if len(set(names)) != len(names):
        raise ValueError("a source appears twice in the policy")
    if any(s.max_hours_per_week is None for s in policy[:-1]):
        raise ValueError("every source but the last needs max_hours_per_week "
                         "(a later source would never be used)")
    if policy[-1].max_hours_per_week is not None:
        raise ValueError("the last source must not have max_hours_per_week: all uncovered "
                         "need must be bought somewhere")
    return policy


GapFillPolicy = Annotated[list[GapFillSource], Field(min_length=1), AfterValidator(_check_policy)]
"""Ordered sources: uncovered minutes go to the first source until its cap, then the next."""


def _policy(*sources: tuple[Source, int | None]) -> list[GapFillSource]:
    return [GapFillSource(source=s, max_hours_per_week=None if h is None else Decimal(h))
            for s, h in sources]


DEFAULT_GAP_FILL: dict[str, list[GapFillSource]] = {
    "USK": _policy(("hourly_temp", 40), ("overtime", 10), ("agency", None)),
    "VB": _policy(("hourly_temp", None)),
    "SSK": _policy(("overtime", 10), ("agency", None)),
}
"""Assumed policies after the issue's examples (caps are assumptions; docs/costs.md)."""


# --- budget -------------------------------------------------------------------------------

BUDGET_LINES: tuple[str, ...] = ("personnel", "ob", "overtime", "hourly_temps", "agency")
"""The budget lines of the municipal reports, in report order."""


class Budget(BaseModel):
    """Budget for the horizon's period, SEK per line (None: no budget for that line)."""

    model_config = STRICT

    personnel: Sek | None = None
    """Base salaries of contract hours incl. PO."""
    ob: Sek | None = None
    """OB supplements of own staff incl. PO."""
    overtime: Sek | None = None
    """Overtime and extra hours (mertid/övertid) incl. PO."""
    hourly_temps: Sek | None = None
    agency: Sek | None = None

    def line(self, name: str) -> Decimal | None:
        value: Decimal | None = getattr(self, name)
        return value


# --- the cost model -----------------------------------------------------------------------


def _default_for(table: dict[str, Decimal], skill: str) -> Decimal | None:
    return table.get(skill.upper())


class CostModel(BaseModel):
    """Prices of a roster (domain.md §4). Skill-keyed fields override the built-in defaults."""

    model_config = STRICT

    monthly_salary: dict[Identifier, Sek] = Field(default_factory=dict)
    """Full-time monthly salary per skill, over DEFAULT_MONTHLY_SALARY."""
    employee_monthly_salary: dict[Identifier, Sek] = Field(default_factory=dict)
    """Full-time monthly salary of one employee (wins over the skill's)."""
    hours_per_month: Decimal = Field(default=Decimal(165), gt=0, le=744, decimal_places=2)
    """Hourly wage = monthly salary / hours_per_month."""
    po_rate: Rate = Decimal("0.45")
    """PO (personalomkostnadspålägg) on every wage: 0.45 in 2024 (0.445 in 2023)."""
    ob: list[ObCategory] = Field(default_factory=default_ob)
    holidays: HolidayRules = Field(default_factory=HolidayRules)
    overtime_enkel_factor: Rate = Decimal("1.8")
    overtime_kvalificerad_factor: Rate = Decimal("2.4")
    overtime_enkel_minutes: int = Field(default=120, ge=0, le=24 * 60)
    """Overtime within this many minutes before or after an ordinary pass is enkel."""
    temp_holiday_pay: Rate = Decimal("0.12")
    """Semesterersättning of hourly temps on their hourly wage."""
    agency_per_hour: dict[Identifier, Sek] = Field(default_factory=dict)
    """Agency price per hour and skill (OB is added), over DEFAULT_AGENCY_PER_HOUR."""
    agency_factor: dict[Identifier, Rate] = Field(default_factory=dict)
    """Agency price as a multiple of the skill's own loaded hourly cost (over
    DEFAULT_AGENCY_FACTOR); used when the skill has no price per hour."""
    gap_fill: dict[Identifier, GapFillPolicy] = Field(default_factory=dict)
    """Per skill: how uncovered need is bought, over DEFAULT_GAP_FILL."""
    default_gap_fill: GapFillPolicy = Field(default_factory=lambda: _policy(("hourly_temp", None)))
    """Policy of a skill with neither a given nor a built-in policy."""
    budget: Budget = Field(default_factory=Budget)

    @model_validator(mode="after")
    def _unique_ob(self) -> CostModel:
        ids = [c.id for c in self.ob]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"ob: category id {twice[0]!r} appears more than once")
        return self

    def skill_salary(self, skill: str) -> Decimal | None:
        """Full-time monthly salary of a skill (SEK), or None when neither given nor default."""
        given = self.monthly_salary.get(skill)
        return given if given is not None else _default_for(DEFAULT_MONTHLY_SALARY, skill)

    def employee_salary(self, employee_id: str, skills: list[str]) -> tuple[str, Decimal | None]:
        """(where the salary comes from, monthly salary): the employee's own, else the salary
        of their first skill (the skill they are employed in)."""
        own = self.employee_monthly_salary.get(employee_id)
        if own is not None:
            return "employee", own
        return skills[0], self.skill_salary(skills[0])

    def agency_basis(self, skill: str) -> tuple[Literal["per_hour", "factor"], Decimal] | None:
        """How the agency price of a skill is set: a price per hour, or a factor on the skill's
        loaded hourly cost. Given values win over defaults; a price wins over a factor."""
        if skill in self.agency_per_hour:
            return "per_hour", self.agency_per_hour[skill]
        if skill in self.agency_factor:
            return "factor", self.agency_factor[skill]
        price = _default_for(DEFAULT_AGENCY_PER_HOUR, skill)
        if price is not None:
            return "per_hour", price
        factor = _default_for(DEFAULT_AGENCY_FACTOR, skill)
        return None if factor is None else ("factor", factor)

    def policy(self, skill: str) -> tuple[str, list[GapFillSource]]:
        """(field path of the policy, its sources) for a skill."""
        if skill in self.gap_fill:
            return f"cost_model.gap_fill.{skill}", self.gap_fill[skill]
        default = DEFAULT_GAP_FILL.get(skill.upper())
        if default is not None:
            return f"cost_model.gap_fill.{skill}", default
        return "cost_model.default_gap_fill", self.default_gap_fill
