"""One spreadsheet cell to one instance value and back, with Swedish messages.

A `Column` says what a column holds (its `kind`), its headings (Swedish, English), what a
problem message calls it (`name`) and its limits. `read_cell` turns what openpyxl gives
(text, numbers, dates, times) into the value the instance format wants, or raises `CellError`
with a Swedish message; `write_cell` does the reverse for the template.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from bemanna.instance.types import WEEKDAY_NAMES
from bemanna.units import format_clock

Kind = Literal["text", "id", "ids", "int", "decimal", "hours", "clock", "date", "dates",
               "bool", "days", "choice"]

SV_WEEKDAYS = ("mån", "tis", "ons", "tor", "fre", "lör", "sön")
"""Swedish weekday abbreviations in the order of WEEKDAY_NAMES."""
ALL_DAYS = "alla"
YES, NO = "ja", "nej"
_TRUE = {"ja", "j", "yes", "y", "true", "sant", "x", "1"}
_FALSE = {"nej", "n", "no", "false", "falskt", "0"}
_ID = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d\d)$")
SHOWN = 40
"""Characters of a value a message shows."""
LARGEST = Decimal(10) ** 12
"""No number in the template is larger (guards the conversions against absurd values)."""
MINUTE_SLACK = 0.01
"""Hours that miss whole minutes by at most this many minutes are rounded (float noise)."""


class CellError(ValueError):
    """A cell's value cannot be read; the message is Swedish and names the value."""


@dataclass(frozen=True)
class Column:
    key: str
    """Internal name; the English heading unless `en` says otherwise."""
    sv: str
    """Swedish heading (row 1)."""
    name: str
    """What a Swedish message calls the value ("sysselsättningsgrad")."""
    kind: Kind = "text"
    en: str = ""
    """English heading (row 2); default: key."""
    help: str = ""
    width: int = 14
    required: bool = False
    low: Decimal | None = None
    high: Decimal | None = None
    low_open: bool = False
    """The value must be above `low` (not equal)."""
    choices: tuple[tuple[str, str], ...] = ()
    """(Swedish word, value in the instance format) for kind 'choice'."""
    parse: Callable[[Any], Any] | None = field(default=None, compare=False)
    """A reader of its own (texts with structure); raises CellError."""

    @property
    def english(self) -> str:
        return self.en or self.key


def blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def show(raw: Any) -> str:
    """A value as a message shows it: numbers without trailing zeros, text quoted, at most
    SHOWN characters."""
    if isinstance(raw, bool):
        return YES if raw else NO
    if isinstance(raw, (int, float, Decimal)):
        number = Decimal(str(raw))
        plain = number.is_finite() and -15 < number.adjusted() < 15
        text = format(number.normalize(), "f") if plain else str(raw)
    elif isinstance(raw, (dt.datetime, dt.date, dt.time)):
        text = raw.isoformat()
    else:
        text = repr(str(raw).strip())
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"


def _number(col: Column, raw: Any) -> Decimal:
    if isinstance(raw, bool):
        raise CellError(f"{col.name} {show(raw)} är inget tal")
    if isinstance(raw, (int, float)):
        value = Decimal(str(raw))
        if not value.is_finite() or abs(value) > LARGEST:
            raise CellError(f"{col.name} {show(raw)} är inget rimligt tal")
        return value
    text = str(raw).strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise CellError(f"{col.name} {show(raw)} är inget tal") from None
    if not value.is_finite():
        raise CellError(f"{col.name} {show(raw)} är inget tal")
    if abs(value) > LARGEST:
        raise CellError(f"{col.name} {show(raw)} är orimligt stort")
    return value


def _limits(col: Column, raw: Any, value: Decimal) -> None:
    if col.high is not None and value > col.high:
        raise CellError(f"{col.name} {show(raw)} är över {show(col.high)}")
    if col.low is not None and col.low_open and value <= col.low:
        raise CellError(f"{col.name} {show(raw)} måste vara över {show(col.low)}")
    if col.low is not None and value < col.low:
        raise CellError(f"{col.name} {show(raw)} är under {show(col.low)}")


def read_clock(raw: Any) -> str:
    """'7:00', '07.00', a time cell, a duration cell, a whole hour (7) or Excel's fraction of
    a day (0.3125) -> 'HH:MM'."""
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw <= 24:
        return f"{raw:02d}:00"
    if isinstance(raw, float) and 0 <= raw < 1:
        raw = dt.timedelta(minutes=round(raw * 24 * 60))
    if isinstance(raw, dt.datetime):
        raw = raw.time()
    if isinstance(raw, dt.time):
        return f"{raw.hour:02d}:{raw.minute:02d}"
    if isinstance(raw, dt.timedelta) and dt.timedelta(0) <= raw <= dt.timedelta(days=1):
        minutes = round(raw.total_seconds() / 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    match = _CLOCK.match(str(raw).strip()) if isinstance(raw, str) else None
    if match is None:
        raise CellError(f"{show(raw)} är ingen klocktid (skriv TT:MM, t.ex. 07:30)")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if minutes > 59 or hours * 60 + minutes > 24 * 60:
        raise CellError(f"{show(raw)} är ingen klocktid (00:00–24:00)")
    return f"{hours:02d}:{minutes:02d}"


def read_date(raw: Any) -> str:
    """A date cell or 'YYYY-MM-DD' -> ISO text."""
    if isinstance(raw, dt.datetime):
        if raw.time() != dt.time(0):
            raise CellError(f"{show(raw)} är ett klockslag, inget datum")
        return raw.date().isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    try:
        return dt.date.fromisoformat(str(raw).strip()).isoformat()
    except ValueError:
        raise CellError(f"{show(raw)} är inget datum (skriv ÅÅÅÅ-MM-DD)") from None


def read_id(raw: Any) -> str:
    text = show(raw) if isinstance(raw, (int, float)) else str(raw).strip()
    if not _ID.match(text):
        raise CellError(f"{show(raw)} är ingen giltig kod (1–64 tecken: bokstäver A–Z, "
                        "siffror och _ . -)")
    return text


def split_list(raw: Any) -> list[str]:
    """'a, b ,c' -> ['a', 'b', 'c'] (commas or semicolons)."""
    return [p.strip() for p in re.split(r"[,;]", str(raw)) if p.strip()]


_DAY_WORDS = {**{name: i for i, name in enumerate(SV_WEEKDAYS)},
              **{name: i for i, name in enumerate(WEEKDAY_NAMES)},
              "man": 0, "lor": 5, "son": 6}
"""The first three letters of a weekday, Swedish or English (å/ö may be written a/o)."""


def _day(word: str) -> int:
    day = _DAY_WORDS.get(word.strip().lower().rstrip(".")[:3])
    if day is None:
        raise CellError(f"okänd veckodag {word.strip()!r} (skriv mån, tis, ons, tor, fre, lör, "
                        "sön)")
    return day


def read_days(raw: Any) -> list[str]:
    """'alla', 'mån-fre', 'lör, sön', 'mon-fri' -> weekday names in week order."""
    text = str(raw).strip().lower()
    if text in (ALL_DAYS, "all", "alla dagar"):
        return list(WEEKDAY_NAMES)
    days: set[int] = set()
    for item in split_list(text):
        first, sep, last = item.partition("-")
        start = _day(first)
        count = (_day(last) - start) % 7 + 1 if sep else 1
        days.update((start + i) % 7 for i in range(count))
    if not days:
        raise CellError(f"{show(raw)} anger inga veckodagar")
    return [WEEKDAY_NAMES[d] for d in sorted(days)]


def write_days(days: list[str]) -> str:
    """Weekday names -> 'alla', a range ('mån-fre', 'lör-sön') or a list ('mån, ons')."""
    index = sorted({WEEKDAY_NAMES.index(d) for d in days})
    if len(index) == 7:
        return ALL_DAYS
    if len(index) > 1 and index == list(range(index[0], index[-1] + 1)):
        return f"{SV_WEEKDAYS[index[0]]}-{SV_WEEKDAYS[index[-1]]}"
    return ", ".join(SV_WEEKDAYS[i] for i in index)


def read_bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    word = show(raw).strip("'").lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise CellError(f"{show(raw)} är varken ja eller nej")


def read_hours(col: Column, raw: Any) -> int:
    """Hours (decimal) -> whole minutes."""
    value = _number(col, raw)
    _limits(col, raw, value)
    minutes = value * 60
    if abs(minutes - minutes.to_integral_value()) > Decimal(str(MINUTE_SLACK)):
        raise CellError(f"{col.name} {show(raw)} timmar är inte ett helt antal minuter")
    return int(minutes.to_integral_value())


def read_cell(col: Column, raw: Any) -> Any:
    """The instance value of a non-blank cell; CellError when it cannot be read."""
    if col.parse is not None:
        return col.parse(raw)
    kind = col.kind
    if kind == "text":
        return show(raw).strip("'") if isinstance(raw, (int, float)) else str(raw).strip()
    if kind == "id":
        return read_id(raw)
    if kind == "ids":
        return [read_id(p) for p in split_list(raw)]
    if kind in ("int", "decimal"):
        value = _number(col, raw)
        if kind == "int" and value != value.to_integral_value():
            raise CellError(f"{col.name} {show(raw)} är inget heltal")
        _limits(col, raw, value)
        return int(value) if kind == "int" else value
    if kind == "hours":
        return read_hours(col, raw)
    if kind == "clock":
        return read_clock(raw)
    if kind == "date":
        return read_date(raw)
    if kind == "dates":
        if isinstance(raw, dt.date):
            return [read_date(raw)]
        return [read_date(p) for p in split_list(raw)]
    if kind == "bool":
        return read_bool(raw)
    if kind == "days":
        return read_days(raw)
    return read_choice(col, raw)


def read_choice(col: Column, raw: Any) -> str:
    word = str(raw).strip().lower()
    for swedish, value in col.choices:
        if word in (swedish.lower(), value.lower()):
            return value
    words = ", ".join(s for s, _ in col.choices)
    raise CellError(f"{col.name} {show(raw)} är inget av: {words}")


def choice_word(col: Column, value: str) -> str:
    return next((s for s, v in col.choices if v == value), value)


def write_cell(col: Column, value: Any) -> Any:
    """The cell value of an instance value (None stays an empty cell)."""
    if value is None:
        return None
    kind = col.kind
    if kind in ("ids", "dates"):
        return ", ".join(str(v) for v in value)
    if kind == "hours":
        return value // 60 if value % 60 == 0 else value / 60
    if kind == "clock":
        return value if isinstance(value, str) else format_clock(value)
    if kind == "date":
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
    if kind == "bool":
        return YES if value else NO
    if kind == "days":
        return write_days(value)
    if kind == "choice":
        return choice_word(col, value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else value
    return value
