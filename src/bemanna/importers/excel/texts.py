"""Readers and writers of the few cells that hold a small structure as text.

- heltidsmått: 'rullande', 'natt' or minutes per week;
- how a skill's uncovered need is bought: 'timvikarie 40; övertid 10; bemanningsföretag';
- forbidden successions: 'kvall > dag, tidig; natt > dag'.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from bemanna.importers.excel.cells import CellError, read_id, show

FULL_TIME_WORDS = (("rullande", "rotating"), ("natt", "night"))
GAP_FILL_WORDS = (("timvikarie", "hourly_temp"), ("övertid", "overtime"),
                  ("bemanningsföretag", "agency"))


def read_full_time(raw: Any) -> str | int:
    """'rullande' -> 'rotating', 'natt' -> 'night', 2100 -> 2100 (minutes per week)."""
    word = str(raw).strip().lower()
    for swedish, value in FULL_TIME_WORDS:
        if word in (swedish, value):
            return value
    try:
        minutes = Decimal(word.replace(",", "."))
    except InvalidOperation:
        minutes = Decimal(-1)
    if minutes != minutes.to_integral_value() or not 0 < minutes <= 7 * 24 * 60:
        raise CellError(f"heltidsmått {show(raw)} är varken rullande, natt eller minuter per "
                        "vecka (t.ex. 2295)")
    return int(minutes)


def write_full_time(value: str | int) -> str | int:
    return next((s for s, v in FULL_TIME_WORDS if v == value), value)


def _source(word: str) -> str:
    word = word.lower()
    for swedish, value in GAP_FILL_WORDS:
        if word in (swedish, value, swedish.replace("ö", "o")):
            return value
    words = ", ".join(s for s, _ in GAP_FILL_WORDS)
    raise CellError(f"okänd källa {word!r} (källor: {words})")


def read_gap_fill(raw: Any) -> list[dict[str, Any]]:
    """'timvikarie 40; övertid 10; bemanningsföretag' -> the gap-fill policy (hours a week)."""
    policy: list[dict[str, Any]] = []
    for item in (p.strip() for p in str(raw).split(";")):
        if not item:
            continue
        match = re.match(r"^(\S+)(?:\s+(\d+(?:[.,]\d+)?)(?:\s*(?:tim|h)\S*)?)?$", item)
        if match is None:
            raise CellError(f"{item!r} är ingen källa med timmar per vecka (t.ex. "
                            "'timvikarie 40; övertid 10; bemanningsföretag')")
        entry: dict[str, Any] = {"source": _source(match.group(1))}
        if match.group(2) is not None:
            entry["max_hours_per_week"] = Decimal(match.group(2).replace(",", "."))
        policy.append(entry)
    if not policy:
        raise CellError(f"{show(raw)} anger ingen källa")
    return policy


def write_gap_fill(policy: list[dict[str, Any]]) -> str:
    parts = []
    for entry in policy:
        word = next(s for s, v in GAP_FILL_WORDS if v == entry["source"])
        hours = entry.get("max_hours_per_week")
        parts.append(word if hours is None else f"{word} {show(Decimal(str(hours)))}")
    return "; ".join(parts)


def read_successions(raw: Any) -> list[dict[str, Any]]:
    """'kvall > dag, tidig; natt > dag' -> [{first: kvall, then: [dag, tidig]}, ...]."""
    pairs: list[dict[str, Any]] = []
    for item in (p.strip() for p in str(raw).split(";")):
        if not item:
            continue
        first, sep, then = item.partition(">")
        if not sep or not then.strip():
            raise CellError(f"{item!r} är ingen följd (skriv t.ex. 'kvall > dag, tidig')")
        pairs.append({"first": read_id(first),
                      "then": [read_id(p) for p in then.split(",") if p.strip()]})
    return pairs


def write_successions(pairs: list[dict[str, Any]]) -> str | None:
    if not pairs:
        return None
    return "; ".join(f"{p['first']} > {', '.join(p['then'])}" for p in pairs)
