"""Sentences with typed fields: a key and raw values, worded per language at the last moment.

The checker and the pre-solve checks hand back *what* they found (minutes, dates, ids, counts)
with a sentence key; `render` writes it in Swedish or English. A template says how a field is
shown with a format spec:

    {rest:dur}      minutes as '10 tim 30 min' (sv) / '10 h 30 min' (en)
    {need:hours}    minutes as whole hours: '1 234 tim' (sv) / '1,234 h' (en)
    {date}          a date as a short date; a date-time as date and clock
    {date:weekday}  the weekday's name
    {count}         a `Counted` is '3 arbetsdagar' / '3 working days'
    {list}          a list or tuple: its items, comma-separated
    {phrase}        a nested `Phrase` (or anything with `text(lang)`: a checker finding, a
                    `Worded` part), rendered in the same language

A key that is in no table is shown as it stands: a sentence written elsewhere (a rule added
outside the checker, a test's toy rule) is never lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol, runtime_checkable

from bemanna.labels.checker_words import CHECKER_WORDS, NOUNS
from bemanna.labels.explain_words import COMMAND_WORDS, EXPLAIN_WORDS
from bemanna.labels.numbers import Lang, number
from bemanna.labels.presolve_words import PRESOLVE_WORDS
from bemanna.labels.terminal_words import TERMINAL_WORDS

PHRASES: dict[str, tuple[str, str]] = {**CHECKER_WORDS, **PRESOLVE_WORDS, **TERMINAL_WORDS,
                                       **EXPLAIN_WORDS, **COMMAND_WORDS}
"""Every keyed sentence: key -> (Swedish, English)."""

WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
YES_NO: dict[Lang, tuple[str, str]] = {"sv": ("ja", "nej"), "en": ("yes", "no")}


class Counted(NamedTuple):
    """A count and its noun (a key of `checker_words.NOUNS`): '1 arbetsdag', '4 working days'."""

    n: int
    noun: str


@dataclass(frozen=True)
class Phrase:
    """A sentence key and its fields; `text(lang)` words it."""

    key: str
    fields: Mapping[str, object] = field(default_factory=dict, hash=False)

    def text(self, lang: Lang = "sv") -> str:
        return render(self.key, lang, self.fields)


@runtime_checkable
class Wordable(Protocol):
    """Anything that words itself per language (a Phrase, a Violation, a Worded part)."""

    def text(self, lang: Lang = "sv") -> str: ...


class Worded:
    """A part of a sentence that a function words per language (a list a check builds: the
    weeks that fit, the gaps in the need)."""

    def __init__(self, words: Callable[[Lang], str]) -> None:
        self.words = words

    def text(self, lang: Lang = "sv") -> str:
        return self.words(lang)

    def __repr__(self) -> str:
        return f"Worded({self.text('en')!r})"


def phrase(key: str, **fields: object) -> Phrase:
    return Phrase(key, fields)


NOTHING = Phrase("")
"""An optional part of a sentence that is absent: renders as ''."""


def duration(minutes: int, lang: Lang = "sv") -> str:
    """570 -> '9 tim 30 min' (sv) / '9 h 30 min' (en); 660 -> '11 tim'; 45 -> '45 min'."""
    sign = "-" if minutes < 0 else ""
    whole, rest = divmod(abs(minutes), 60)
    unit = "tim" if lang == "sv" else "h"
    if whole and rest:
        return f"{sign}{whole} {unit} {rest} min"
    if whole:
        return f"{sign}{whole} {unit}"
    return f"{sign}{rest} min"


def short_date(day: dt.date, lang: Lang = "sv") -> str:
    """The short date: ISO 8601, '2025-03-05', in both languages (it is the Swedish standard
    numeric date, SS-ISO 8601, and unambiguous in English); one place to change it."""
    return day.isoformat()


def stamp(moment: dt.datetime, lang: Lang = "sv") -> str:
    """A date and a clock: '2025-03-05 07:00'."""
    return f"{short_date(moment.date(), lang)} {moment:%H:%M}"


def counted(value: Counted, lang: Lang) -> str:
    sv, en = NOUNS[value.noun]
    one, many = sv if lang == "sv" else en
    return f"{value.n} {one if value.n == 1 else many}"


def word(value: object, lang: Lang, spec: str = "") -> str:
    """One field as text in `lang` (the format spec as in the module docstring)."""
    if spec == "dur":
        return "-" if value is None else duration(int(value), lang)  # type: ignore[call-overload]
    if spec == "hours":
        return f"{number(int(value) / 60, 0, lang)} {'tim' if lang == 'sv' else 'h'}"  # type: ignore[call-overload]
    if spec == "weekday" and isinstance(value, dt.date):
        return WEEKDAYS[lang][value.weekday()]
    if isinstance(value, Wordable):
        text = value.text(lang)
    elif isinstance(value, Counted):
        text = counted(value, lang)
    elif isinstance(value, list | tuple):
        text = ", ".join(word(item, lang) for item in value)
    elif isinstance(value, dt.datetime):
        text = stamp(value, lang)
    elif isinstance(value, dt.date):
        text = short_date(value, lang)
    elif isinstance(value, bool):
        text = YES_NO[lang][0 if value else 1]
    elif value is None:
        text = "-"
    else:
        text = str(value)
    return format(text, spec) if spec else text


class _Field:
    """A field as `str.format` sees it: rendered in the language by its format spec."""

    def __init__(self, value: object, lang: Lang) -> None:
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        return word(self.value, self.lang, spec)


def render(key: str, lang: Lang, fields: Mapping[str, object]) -> str:
    """The sentence `key` in `lang` with its fields; a key in no table is shown as it is."""
    if not key:
        return ""
    words = PHRASES.get(key)
    if words is None:
        return key
    template = words[0] if lang == "sv" else words[1]
    return template.format(**{name: _Field(value, lang) for name, value in fields.items()})
