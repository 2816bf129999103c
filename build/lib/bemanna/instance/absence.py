"""The absence profile (frånvaroprofil): how often staff are away from the passes they hold.

The rate of a cell (skill × weekday × time band) is the share of scheduled working time lost to
absence in that cell, the way sick leave is reported ("sjukfrånvaro 9,7 %" = 9.7 % of the
scheduled hours, domain.md §1, 2023). It comes from, in order:

1. the history (`history_csv`), when it has scheduled minutes in that cell: absent minutes /
   scheduled minutes summed over the file's rows of that skill, weekday and band;
2. otherwise `skill_rates[skill]` (or `rate`, default 0.097) × `weekday_factor[weekday]` ×
   `band_factor[band]` (missing factors are 1).

An employee's rate is that of their first skill (the skill they are employed in, as for the
salary). Absence comes in spells of whole calendar days; `spell_mean_days` is the mean length
of a spell (geometric, 1 = every day is drawn on its own). The simulation (`bemanna.simulation`)
reads this profile; docs/resurstid.md explains the model in the users' terms.

The bands are those of `bemanna.pricing.bands` (morning 07–13, afternoon 13–19, evening 19–22,
night 22–07): the names are repeated here because the instance package may not import pricing
(a test holds them equal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    BaseModel,
    Field,
    PlainSerializer,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from bemanna.instance.types import STRICT, WEEKDAY_NAMES, Identifier, Weekday

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from bemanna.instance.model import Employee, Instance

    FloatArray = npt.NDArray[np.float64]

DEFAULT_RATE = Decimal("0.097")
"""Sick leave 2023 (domain.md §1, report 003): 9.7 % of scheduled working time."""

BAND_NAMES: tuple[str, ...] = ("morning", "afternoon", "evening", "night")
"""The time bands of `bemanna.pricing.bands.BANDS`, in the same order."""

HISTORY_COLUMNS: tuple[str, ...] = ("date", "skill", "band", "scheduled_minutes",
                                    "absent_minutes")
MAX_LISTED = 10
"""At most this many bad lines of a history file are listed (then a count of the rest)."""

AbsenceRate = Annotated[Decimal, Field(ge=0, lt=1, max_digits=6, decimal_places=4)]
"""A share of scheduled time, 0 <= rate < 1, at most four decimals (0.097 = 9.7 %)."""

Factor = Annotated[Decimal, Field(ge=0, le=100, max_digits=8, decimal_places=4)]
"""A multiplier on the rate (1 = no change)."""

CellKey = tuple[str, int, int]
"""(skill, weekday 0 = Monday, band index into BAND_NAMES)."""


@dataclass(frozen=True)
class AbsenceHistory:
    """A history file read at validation: scheduled and absent minutes per cell."""

    path: str
    """The file as read (resolved against the instance file's folder)."""
    cells: Mapping[CellKey, tuple[int, int]]
    """(skill, weekday, band) -> (scheduled minutes, absent minutes), summed over rows."""
    first_line: Mapping[str, int]
    """Skill -> the first line of the file that names it (for error messages)."""

    def rate(self, skill: str, weekday: int, band: int) -> float | None:
        """Absent / scheduled minutes of the cell, or None when it has no scheduled minutes."""
        scheduled, absent = self.cells.get((skill, weekday, band), (0, 0))
        return absent / scheduled if scheduled else None


def _listed(problems: list[str]) -> list[str]:
    if len(problems) <= MAX_LISTED:
        return problems
    return [*problems[:MAX_LISTED], f"... and {len(problems) - MAX_LISTED} more bad lines"]


def read_history(path: Path) -> AbsenceHistory:
    """Read a history CSV (columns HISTORY_COLUMNS; one row per date, skill and band).

    Raises ValueError naming the line and column of every problem (the first few).
    """
    import pandas as pd  # only when a history is given: keeps `import bemanna` light

    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, skipinitialspace=True)
    except FileNotFoundError:
        raise ValueError(f"no such file {str(path)!r}") from None
    except pd.errors.EmptyDataError:
        raise ValueError(f"{str(path)!r} is empty: expected the columns "
                         f"{', '.join(HISTORY_COLUMNS)}") from None
    except (pd.errors.ParserError, UnicodeDecodeError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ValueError(f"cannot read {str(path)!r}: {first}") from None
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in HISTORY_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{str(path)!r} lacks the column(s) {', '.join(missing)} (expected "
                         f"{', '.join(HISTORY_COLUMNS)})")
    extra = [c for c in frame.columns if c not in HISTORY_COLUMNS]
    if extra:
        raise ValueError(f"{str(path)!r} has unknown column(s) {', '.join(extra)} (expected "
                         f"{', '.join(HISTORY_COLUMNS)})")
    dates = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    scheduled = pd.to_numeric(frame["scheduled_minutes"], errors="coerce")
    absent = pd.to_numeric(frame["absent_minutes"], errors="coerce")
    problems: list[str] = []
    cells: dict[CellKey, tuple[int, int]] = {}
    first_line: dict[str, int] = {}
    for i in range(len(frame)):
        line = i + 2  # line 1 is the header
        row_problems = []
        if pd.isna(dates.iloc[i]):
            row_problems.append(f"date {frame['date'].iloc[i]!r} is not a date YYYY-MM-DD")
        band = frame["band"].iloc[i]
        if band not in BAND_NAMES:
            row_problems.append(f"unknown band {band!r} (bands: {', '.join(BAND_NAMES)})")
        skill = frame["skill"].iloc[i]
        if not skill:
            row_problems.append("empty skill")
        counts = []
        for column, values in (("scheduled_minutes", scheduled), ("absent_minutes", absent)):
            value = values.iloc[i]
            if pd.isna(value) or value != int(value) or value < 0:
                row_problems.append(f"{column} {frame[column].iloc[i]!r} is not a whole number "
                                    ">= 0")
            else:
                counts.append(int(value))
        if len(counts) == 2 and counts[1] > counts[0]:
            row_problems.append(f"absent_minutes {counts[1]} exceed scheduled_minutes "
                                f"{counts[0]}")
        if row_problems:
            problems.extend(f"line {line}: {p}" for p in row_problems)
            continue
        key = (skill, int(dates.iloc[i].weekday()), BAND_NAMES.index(band))
        old = cells.get(key, (0, 0))
        cells[key] = (old[0] + counts[0], old[1] + counts[1])
        first_line.setdefault(skill, line)
    if problems:
        raise ValueError("\n".join(_listed(problems)))
    if not cells:
        raise ValueError(f"{str(path)!r} has no rows")
    return AbsenceHistory(str(path), cells, first_line)


def _history(value: object, info: ValidationInfo) -> AbsenceHistory:
    """The `history_csv` field: a path, relative to the instance file's folder when the loader
    says where that is (context 'base_dir'), else to the working directory."""
    if isinstance(value, AbsenceHistory):
        return value
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected the path of a CSV file")
    path = Path(value.strip())
    base = (info.context or {}).get("base_dir") if isinstance(info.context, dict) else None
    if not path.is_absolute() and base is not None:
        path = Path(base) / path
    return read_history(path.resolve())


HistoryCsv = Annotated[
    AbsenceHistory,
    PlainValidator(_history),
    PlainSerializer(lambda history: history.path, return_type=str),
    WithJsonSchema({"type": "string", "description": "path of a CSV file with the columns "
                    + ", ".join(HISTORY_COLUMNS)}),
]


class AbsenceProfile(BaseModel):
    """How often staff are absent from their passes (docs/resurstid.md)."""

    model_config = STRICT

    rate: AbsenceRate = DEFAULT_RATE
    """Share of scheduled time lost to absence, every skill without its own rate."""
    skill_rates: dict[Identifier, AbsenceRate] = Field(default_factory=dict)
    """Per skill, over `rate`."""
    weekday_factor: dict[Weekday, Factor] = Field(default_factory=dict)
    """Multiplier per weekday (missing: 1)."""
    band_factor: dict[str, Factor] = Field(default_factory=dict)
    """Multiplier per time band: morning, afternoon, evening, night (missing: 1)."""
    spell_mean_days: Decimal = Field(default=Decimal(1), ge=1, le=365, max_digits=5,
                                     decimal_places=2)
    """Mean length of an absence spell in calendar days (geometric); 1: days drawn alone."""
    history_csv: HistoryCsv | None = None
    """Observed absence per date, skill and band; wins over the rates where it has data."""

    @field_validator("band_factor")
    @classmethod
    def _bands(cls, value: dict[str, Decimal]) -> dict[str, Decimal]:
        unknown = [b for b in value if b not in BAND_NAMES]
        if unknown:
            raise ValueError(f"unknown band {unknown[0]!r} (bands: {', '.join(BAND_NAMES)})")
        return value

    def base_rate(self, skill: str) -> Decimal:
        return self.skill_rates.get(skill, self.rate)

    def formula_rate(self, skill: str, weekday: int, band: int) -> Decimal:
        """The rate from rates and factors (no history)."""
        return (self.base_rate(skill)
                * self.weekday_factor.get(WEEKDAY_NAMES[weekday], Decimal(1))  # type: ignore[call-overload]
                * self.band_factor.get(BAND_NAMES[band], Decimal(1)))

    def cell_rate(self, skill: str, weekday: int, band: int) -> float:
        """The rate of a cell: the history's where it has scheduled minutes, else the formula."""
        if self.history_csv is not None:
            observed = self.history_csv.rate(skill, weekday, band)
            if observed is not None:
                return observed
        return float(self.formula_rate(skill, weekday, band))

    def cell_rates(self, skill: str) -> FloatArray:
        """Rates of a skill as an array [weekday, band] (7 × 4); `.ravel()` is indexed like
        `bemanna.pricing.bands.CELLS`."""
        import numpy as np

        return np.array([[self.cell_rate(skill, d, b) for b in range(len(BAND_NAMES))]
                         for d in range(7)], dtype=np.float64)

    @property
    def spell_continue(self) -> float:
        """Chance that a spell running on one day also covers the next: 1 - 1 / mean days."""
        return 1.0 - 1.0 / float(self.spell_mean_days)


def absence_rate(instance: Instance, employee: Employee | str, date: dt.date, band: str) -> float:
    """Expected share of an employee's scheduled time in `band` on `date` lost to absence."""
    emp = instance.employee[employee] if isinstance(employee, str) else employee
    if band not in BAND_NAMES:
        raise KeyError(f"unknown band {band!r} (bands: {', '.join(BAND_NAMES)})")
    return instance.absence.cell_rate(emp.skills[0], date.weekday(), BAND_NAMES.index(band))


def absence_problems(inst: Instance) -> list[str]:
    """Cross-references of `absence`: skills it names exist, and every cell rate of every skill
    of the instance is below 1 (factors can push a rate past it). One line per problem."""
    profile = inst.absence
    skills = [s.id for s in inst.skills]
    problems = [f"absence.skill_rates.{skill}: unknown skill {skill!r}"
                for skill in profile.skill_rates if skill not in skills]
    if profile.history_csv is not None:
        problems += [f"absence.history_csv: line {line}: unknown skill {skill!r}"
                     for skill, line in profile.history_csv.first_line.items()
                     if skill not in skills]
    for skill in skills:
        rates = profile.cell_rates(skill)
        if (rates < 1).all():
            continue
        days, bands = (rates >= 1).nonzero()
        day, band = int(days[0]), int(bands[0])
        history = profile.history_csv
        source = ("from history_csv" if history is not None
                  and history.rate(skill, day, band) is not None
                  else f"{profile.base_rate(skill)} × weekday_factor × band_factor")
        problems.append(
            f"absence: the rate of skill {skill!r} on {WEEKDAY_NAMES[day]} {BAND_NAMES[band]} "
            f"is {rates[day, band]:.4g} ({source}): a rate must be below 1"
        )
    return problems


def profile_summary(profile: AbsenceProfile) -> dict[str, Any]:
    """The profile's settings as plain values (for reports and JSON output)."""
    return {
        "rate": float(profile.rate),
        "skill_rates": {k: float(v) for k, v in profile.skill_rates.items()},
        "weekday_factor": {k: float(v) for k, v in profile.weekday_factor.items()},
        "band_factor": {k: float(v) for k, v in profile.band_factor.items()},
        "spell_mean_days": float(profile.spell_mean_days),
        "history_csv": None if profile.history_csv is None else profile.history_csv.path,
    }
