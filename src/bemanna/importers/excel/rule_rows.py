"""The Regler sheet: one row per setting of every rule, read off the rule set itself.

Rules and their order come from the rule table (`bemanna.rules`, with the Swedish name a
planner uses); a rule's settings are the fields of its parameter record, so a parameter added
to a rule appears here without an edit. Only the words differ per setting: `SETTINGS` names
them by field name. Durations are shown in hours (a break in minutes), as planners state them;
per-employee values are columns of Personal, per-shift limits live in the hidden sheet.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bemanna.importers.excel.cells import Column
from bemanna.importers.excel.texts import read_successions
from bemanna.instance.rules import RULE_IDS
from bemanna.rules import RULES

HOURS = "timmar"
SETTINGS: dict[str, tuple[str, str]] = {
    "enabled": ("På", "ja/nej"),
    "mode": ("Läge", "hård/mjuk"),
    "weight_sek": ("Pris per brott (mjuk)", "kr"),
    "min_minutes": ("Minst", HOURS),
    "max_minutes": ("Högst", HOURS),
    "reduced_minutes": ("Förkortad vila (tom: nej)", HOURS),
    "max_work_minutes": ("Högst arbete utan rast", HOURS),
    "min_break_minutes": ("Minsta rast", "minuter"),
    "includes_daily_rest": ("Dygnsvilan ingår", "ja/nej"),
    "tolerance_minutes": ("Tolerans ±", HOURS),
    "period_weeks": ("Perioder om (tom: hela schemat)", "veckor"),
    "max": ("Högst", "antal"),
    "min": ("Minst", "antal"),
    "max_minutes_per_week": ("Högst per vecka", HOURS),
    "pairs": ("Pass > förbjudna pass nästa dag", "t.ex. kvall > dag, tidig; natt > dag"),
}
"""Swedish word and unit of each rule setting, by field name."""
ELSEWHERE = ("per_employee", "limits")
"""Settings not on this sheet: per-employee values (Personal), per-shift limits (hidden)."""
IN_HOURS = ("total_minutes.min", "total_minutes.max")
"""Minutes whose field name does not say so."""


def _limits(info: Any) -> dict[str, Any]:
    limits: dict[str, Any] = {}
    for item in info.metadata:
        for attr, key in (("ge", "low"), ("gt", "low"), ("le", "high")):
            if getattr(item, attr, None) is not None:
                limits[key] = Decimal(getattr(item, attr))
                limits["low_open"] = limits.get("low_open", False) or attr == "gt"
    return limits


def _kind(rule: str, field: str, info: Any) -> str:
    if field == "mode":
        return "choice"
    if info.annotation is bool:
        return "bool"
    if f"{rule}.{field}" in IN_HOURS or (field.endswith(("_minutes", "_minutes_per_week"))
                                          and field != "min_break_minutes"):
        return "hours"
    return "int" if "int" in str(info.annotation) else "decimal"


def _column(rule: str, field: str, info: Any) -> Column:
    path = f"{rule}.{field}"
    word, unit = SETTINGS.get(field, (field, ""))
    name = f"{RULES[rule].name_sv} – {word.lower()}"
    if field == "pairs":
        return Column(path, word, name, help=unit, parse=read_successions)
    kind = _kind(rule, field, info)
    if kind == "choice":
        return Column(path, word, name, "choice", help=unit,
                      choices=(("hård", "hard"), ("mjuk", "soft")))
    limits = _limits(info) if kind != "hours" else {"low": Decimal(0)}
    return Column(path, word, name, kind, help=unit, **limits)  # type: ignore[arg-type]


def rule_rows() -> list[tuple[str, Column]]:
    """(Swedish rule name, value column) per row of Regler; column keys are 'rule.field'."""
    rows = []
    for rule in RULE_IDS:
        title = RULES[rule].name_sv[:1].upper() + RULES[rule].name_sv[1:]
        for field, info in RULES[rule].params.model_fields.items():
            if field not in ELSEWHERE:
                rows.append((title, _column(rule, field, info)))
    return rows


RULE_ROWS = rule_rows()
