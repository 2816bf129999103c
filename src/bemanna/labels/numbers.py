"""Numbers for people, one format per language.

Swedish: `1 965 499,53` (no-break space between thousands, so a number never wraps; decimal
comma; the minus sign −). English: `1,965,499.53` (comma thousands, decimal point, hyphen
minus). Money is integer öre inside; it becomes kronor text only here.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")

NBSP = "\u00a0"
MINUS = "\u2212"
DASH = "–"
"""Shown for a figure that has no value (no budget, no denominator)."""

CURRENCY: dict[Lang, str] = {"sv": "kr", "en": "SEK"}


def number(value: float, places: int = 0, lang: Lang = "sv", signed: bool = False) -> str:
    """A number with `places` decimals in the language's format.

    >>> number(1965499.531, 2), number(1965499.531, 2, "en"), number(-3.25, 1)
    ('1\\xa0965\\xa0499,53', '1,965,499.53', '−3,2')
    """
    text = f"{abs(value):,.{places}f}"
    if lang == "sv":
        text = text.replace(",", NBSP).replace(".", ",")
    negative = value < 0 and text.strip("0,.\u00a0") != ""
    if negative:
        return (MINUS if lang == "sv" else "-") + text
    return ("+" + text) if signed and value > 0 else text


def money(ore: int | None, lang: Lang = "sv", unit: bool = True, signed: bool = False) -> str:
    """Integer öre as kronor with two decimals: 196549953 -> '1 965 499,53 kr' (sv),
    '1,965,499.53 SEK' (en); None -> '–'. Exact: no float touches the öre."""
    if ore is None:
        return DASH
    whole, cents = divmod(abs(int(ore)), 100)
    point = "," if lang == "sv" else "."
    text = f"{number(whole, 0, lang)}{point}{cents:02d}"
    if ore < 0:
        text = (MINUS if lang == "sv" else "-") + text
    elif signed and ore > 0:
        text = "+" + text
    return f"{text}{NBSP if lang == 'sv' else ' '}{CURRENCY[lang]}" if unit else text


def money_whole(ore: int | None, lang: Lang = "sv", unit: bool = True,
                signed: bool = False) -> str:
    """Integer öre as whole kronor, half away from zero: 196549953 -> '1 965 500 kr'."""
    if ore is None:
        return DASH
    whole = (abs(int(ore)) + 50) // 100
    text = number(-whole if ore < 0 else whole, 0, lang, signed)
    return f"{text}{NBSP if lang == 'sv' else ' '}{CURRENCY[lang]}" if unit else text


def hours(minutes: int, lang: Lang = "sv", places: int = 1) -> str:
    """Minutes as hours: 122400 -> '2 040,0' (sv), '2,040.0' (en)."""
    return number(minutes / 60, places, lang)


def percent(value: float | None, lang: Lang = "sv", places: int = 1) -> str:
    """12.34 -> '12,3 %' (sv), '12.3 %' (en); None -> '–'."""
    return DASH if value is None else f"{number(value, places, lang)}{NBSP}%"


def number_or_dash(value: float | None, places: int = 1, lang: Lang = "sv") -> str:
    """`number`, or '–' for a figure without a value (no denominator, not simulated)."""
    return DASH if value is None else number(value, places, lang)
