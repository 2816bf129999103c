"""One place for the words and number formats of every output, per language.

    lang = resolve_lang(None)                 # BEMANNA_LANG, else Swedish
    label(BUDGET_LINES, "hourly_temps", lang)  # 'Timvikarier' / 'Hourly temps'
    say("verdict.no_bound", "en")              # 'no useful bound'
    money(196549953, "sv")                     # '1 965 499,53 kr'

Swedish is the default for planners' outputs (terminal, reports, compare, explain); English
with `--lang en` or BEMANNA_LANG=en. This package sits low in the layers (it reads only the
rule table, for rule names), so the pricing, the reports and the command line share it.
"""

from __future__ import annotations

import os

from bemanna.labels.dates import day_month, short_day, weekday
from bemanna.labels.messages import MESSAGES as TERMINAL_MESSAGES
from bemanna.labels.numbers import (
    DASH,
    LANGS,
    Lang,
    hours,
    money,
    money_whole,
    number,
    number_or_dash,
    percent,
)
from bemanna.labels.report_words import REPORT_WORDS, SHEET_NAMES
from bemanna.labels.tables import (
    BANDS,
    BUDGET_LINES,
    COLUMNS,
    FIGURES,
    KPIS,
    PAY,
    ROHS_POLICY,
    SHIFT_KINDS,
    SIMULATED,
    SOURCES,
    STATUS,
    TERMS,
    UNITS,
    Table,
)

__all__ = [
    "BANDS", "BUDGET_LINES", "COLUMNS", "DASH", "DEFAULT_LANG", "FIGURES", "KPIS", "LANGS", "PAY",
    "ROHS_POLICY", "SHEET_NAMES", "SHIFT_KINDS", "SIMULATED", "SOURCES", "STATUS", "TERMS",
    "UNITS", "Lang", "count", "day_month", "hours", "label", "money", "money_whole", "number",
    "number_or_dash", "percent", "resolve_lang", "say", "short_day", "term_label", "weekday",
]

MESSAGES: dict[str, tuple[str, str]] = {**TERMINAL_MESSAGES, **REPORT_WORDS}
"""Every sentence `say` knows: the terminal's (messages.py) and the reports'
(report_words.py, keys `report.*` and `sheet.*`)."""

DEFAULT_LANG: Lang = "sv"
ENV = "BEMANNA_LANG"


def resolve_lang(value: str | None = None) -> Lang:
    """The language asked for (`--lang`), else BEMANNA_LANG, else Swedish.

    Raises ValueError naming the allowed values for anything else."""
    chosen = value if value is not None else os.environ.get(ENV) or DEFAULT_LANG
    chosen = chosen.strip().lower()
    if chosen not in LANGS:
        source = "--lang" if value is not None else ENV
        raise ValueError(f"{source}: {chosen!r} is not a language; use one of "
                         f"{', '.join(LANGS)}")
    return chosen  # type: ignore[return-value]


def label(table: Table, key: str, lang: Lang = DEFAULT_LANG) -> str:
    """The word for an id in `lang`, or the id itself when the table has none (a figure
    added later is shown, never dropped)."""
    words = table.get(key)
    if words is None:
        return key
    return words[0] if lang == "sv" else words[1]


def term_label(term: str, lang: Lang = DEFAULT_LANG) -> str:
    """An objective term's words: a priced term from TERMS, a soft rule by its name in the
    rule table, else the id."""
    if term in TERMS:
        return label(TERMS, term, lang)
    from bemanna.rules import RULES

    spec = RULES.get(term)
    if spec is None:
        return term
    return spec.name_sv if lang == "sv" else spec.name_en


COUNTED: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "employee": (("medarbetare", "medarbetare"), ("employee", "employees")),
    "day": (("dag", "dagar"), ("day", "days")),
    "worker": (("arbetstråd", "arbetstrådar"), ("worker", "workers")),
    "week": (("vecka", "veckor"), ("week", "weeks")),
}
"""Nouns that follow a count: (Swedish singular, plural), (English singular, plural)."""


def count(n: int, noun: str, lang: Lang = DEFAULT_LANG) -> str:
    """'1 worker', '2 workers', '1 dag', '3 dagar': singular only at 1."""
    sv, en = COUNTED[noun]
    one, many = sv if lang == "sv" else en
    return f"{n} {one if n == 1 else many}"


def say(key: str, lang: Lang = DEFAULT_LANG, **fields: object) -> str:
    """The sentence `key` in `lang` with its fields filled in."""
    sv, en = MESSAGES[key]
    return (sv if lang == "sv" else en).format(**fields)
