"""Integer units used inside bemanna: time in minutes, money in öre.

Floats appear only at the edges (reports). Clock times in files are "HH:MM" strings;
money in files is SEK as exact decimals; both become integers here.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

MINUTES_PER_HOUR = 60
MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY
ORE_PER_SEK = 100

_CLOCK = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")


def parse_clock(text: str) -> int:
    """'07:30' -> 450 minutes after midnight. '24:00' is allowed as the end of a day."""
    match = _CLOCK.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"expected a clock time 'HH:MM', got {text!r}")
    hours, minutes = int(match.group(1)), int(match.group(2))
    total = hours * MINUTES_PER_HOUR + minutes
    if total > MINUTES_PER_DAY:
        raise ValueError(f"clock time {text!r} is after 24:00")
    return total


def format_clock(minutes: int) -> str:
    """450 -> '07:30' (minutes taken modulo a day, except exactly 24:00)."""
    if minutes != MINUTES_PER_DAY:
        minutes %= MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def round_half_up(value: Fraction | Decimal) -> int:
    """Round to the nearest integer, halves away from zero (commercial rounding)."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def sek_to_ore(sek: Decimal | int) -> int:
    """Exact SEK amount -> integer öre (rounded half up to whole öre)."""
    return round_half_up(Decimal(sek) * ORE_PER_SEK)


def ore_per_minute(sek_per_hour: Decimal | int) -> int:
    """An hourly rate in SEK -> the integer öre charged per minute.

    Every per-hour weight (uncovered demand, stranded resurstid, hours outside a contract)
    is charged per minute at this rounded rate, in the solver and in the checker alike,
    so that both arrive at the same total to the öre.
    """
    return round_half_up(Decimal(sek_per_hour) * ORE_PER_SEK / MINUTES_PER_HOUR)


def format_sek(ore: int) -> str:
    """Integer öre -> '1 234.50' style SEK text for reports."""
    sign = "-" if ore < 0 else ""
    ore = abs(ore)
    return f"{sign}{ore // 100:,}.{ore % 100:02d}".replace(",", " ")
