"""Field types shared by the instance records: clock times, SEK amounts, weekdays."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema

from bemanna.units import format_clock, parse_clock

STRICT = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def _clock(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError("expected a clock time 'HH:MM'")
    if isinstance(value, int):  # already minutes (model_copy, programmatic use)
        if not 0 <= value <= 24 * 60:
            raise ValueError(f"clock minutes {value} outside 0..1440")
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a clock time 'HH:MM', got {type(value).__name__}")
    return parse_clock(value)


ClockTime = Annotated[
    int,
    BeforeValidator(_clock),
    PlainSerializer(format_clock, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^([01]\d|2[0-4]):[0-5]\d$"}),
]
"""A time of day, 'HH:MM' in files, minutes after midnight inside."""

Sek = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]
"""A non-negative amount in SEK with at most two decimals (exact; becomes öre inside)."""

Minutes = Annotated[int, Field(ge=0)]
Identifier = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.\-]+$")]
