"""Swedish wording of a repair for planners and staff: dates, clock times, passes, sources."""

from __future__ import annotations

import datetime as dt

from bemanna.instance import Instance

WEEKDAYS = ("mån", "tis", "ons", "tors", "fre", "lör", "sön")
MONTHS = ("jan", "feb", "mars", "april", "maj", "juni", "juli", "aug", "sep", "okt", "nov",
          "dec")
SOURCES = {
    "resurspass": "resurspass bokas",
    "mertid": "mertid",
    "overtime": "övertid",
    "hourly_temp": "timvikarie",
    "agency": "bemanningspersonal",
}
"""The refill sources in the planners' words."""
REASONS = {"sick": "sjuk", "vab": "VAB", "leave": "ledig", "other": "frånvaro",
           "leaving": "slutar", "swap": "byte"}


def day(date: dt.date) -> str:
    """'tors 13 mars'."""
    return f"{WEEKDAYS[date.weekday()]} {date.day} {MONTHS[date.month - 1]}"


def clock(minutes: int) -> str:
    """Minutes after midnight as '07:00' (past midnight wraps)."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def shift_label(inst: Instance, shift_id: str | None) -> str:
    """'dag 07:00–15:30' from the shift type; 'ledig' for no pass."""
    if shift_id is None:
        return "ledig"
    shift = inst.shift[shift_id]
    times = " + ".join(f"{clock(s)}–{clock(e)}" for s, e in shift.offsets)
    return f"{shift_id} {times}"


def hours(minutes: int) -> str:
    """150 -> '2,5 h' (Swedish decimal comma)."""
    text = f"{minutes / 60:.1f}".replace(".", ",").removesuffix(",0")
    return f"{text} h"


def kronor(ore: int) -> str:
    """123456 öre -> '1 234,56 kr'."""
    sign = "-" if ore < 0 else ""
    whole, cents = divmod(abs(ore), 100)
    return f"{sign}{whole:,}".replace(",", "\u00a0") + f",{cents:02d} kr"
