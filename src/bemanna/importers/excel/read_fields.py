"""Field sheets (Enhet, Regler) -> the instance's scalars, and the hidden sheet's rest."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from bemanna.importers.excel.cells import Column
from bemanna.importers.excel.fields import REQUIRED_UNIT, UNIT_FIELDS
from bemanna.importers.excel.read_tables import Data, put
from bemanna.importers.excel.reading import Line, Reading, Where
from bemanna.importers.excel.rule_rows import RULE_ROWS
from bemanna.importers.excel.tables import Table
from bemanna.instance.absence import AbsenceProfile
from bemanna.instance.cost_model import CostModel
from bemanna.instance.model import Costs
from bemanna.instance.rohs import RohsPolicy

UNIT = Table("Enhet", "Unit", (
    Column("label", "Uppgift", "uppgift", en="Item", width=44),
    Column("value", "Värde", "värde", en="Value", width=28),
    Column("help", "Förklaring", "förklaring", en="Help", width=60),
    Column("field", "Fält", "fält", en="Field", required=True, width=36),
), "Enhetens grunddata: namn, schemaperiod, priser och budget. Ändra bara kolumnen Värde.")

RULES = Table("Regler", "Rules", (
    Column("rule", "Regel", "regel", en="Rule", width=34),
    Column("setting", "Inställning", "inställning", en="Setting", width=34),
    Column("value", "Värde", "värde", en="Value", width=28),
    Column("unit", "Enhet", "enhet", en="Unit", width=30),
    Column("field", "Fält", "fält", en="Field", required=True, width=36),
), "Arbetstidsregler (AB 2023 som standard). Hård: får aldrig brytas; mjuk: kostar "
   "priset per brott. Ändra bara kolumnen Värde.")

HIDDEN_SHEET = "_bemanna"
HIDDEN_MARK = "bemanna-excel/1"
KEPT: tuple[tuple[str, ...], ...] = (
    ("shift_demand",),
    ("rules", "max_shift_passes", "limits"),
    ("cost_model", "ob"),
    ("cost_model", "holidays"),
    ("absence", "weekday_factor"),
    ("absence", "band_factor"),
)
"""Fields no visible sheet shows: kept in the hidden sheet, taken from it on reading.

`absence.history_csv` is deliberately not among them: it names a file on the machine that
reads the workbook, and an uploaded workbook must not make a server read its files."""
ALWAYS = ("name", "description", "horizon", "resurspass")
"""Enhet fields always written into the data; the others only when not the default."""
_DEFAULTS: dict[str, Any] = {"costs": Costs(), "cost_model": CostModel(),
                             "absence": AbsenceProfile(), "rohs": RohsPolicy()}


def default_of(path: str) -> Any:
    """The instance format's default of an Enhet field ('cost_model.po_rate' -> 0.45)."""
    first, *rest = path.split(".")
    value: Any = _DEFAULTS[first]
    for key in rest:
        value = getattr(value, key)
    if isinstance(value, list):  # a gap-fill policy: compare as the sheet reads it
        return [{k: v for k, v in s.model_dump().items() if v is not None} for s in value]
    return value


def _is_default(path: str, value: Any) -> bool:
    default = default_of(path)
    if isinstance(value, list):
        value = [{k: Decimal(str(v)) if k == "max_hours_per_week" else v
                  for k, v in s.items()} for s in value]
    return bool(value == default)


def _field_lines(lines: list[Line], specs: dict[str, Column], reading: Reading
                 ) -> list[tuple[Column, Line]]:
    found = []
    for line in lines:
        key = str(line.raw.get("field") or "").strip()
        if not key:
            continue
        spec = specs.get(key)
        if spec is None:
            reading.problem(line.ref("field"), f"okänt fält '{key}'")
            continue
        found.append((spec, Line(line.sheet, line.number, {spec.key: line.raw.get("value")},
                                 {spec.key: line.letters.get("value", "B")})))
    return found


def read_unit(lines: list[Line], reading: Reading, data: Data) -> None:
    """The Enhet rows into `data`; a missing row of a required field is a problem."""
    seen = set()
    for spec, line in _field_lines(lines, {c.key: c for c in UNIT_FIELDS}, reading):
        seen.add(spec.key)
        value = reading.take(line, spec, spec.key)
        if value is None:
            continue
        if spec.key.split(".")[0] in ALWAYS or not _is_default(spec.key, value):
            put(data, spec.key, value)
    if UNIT.title in reading.missing:
        return
    for key in REQUIRED_UNIT:
        if key not in seen:
            reading.problem(UNIT.title, f"raden för '{key}' saknas")
            reading.where[key] = Where(UNIT.title, key)
            reading.where.setdefault(key.split(".")[0], reading.where[key])


def read_rules(lines: list[Line], reading: Reading, data: Data) -> None:
    specs = {c.key: c for _, c in RULE_ROWS}
    for spec, line in _field_lines(lines, specs, reading):
        value = reading.take(line, spec, f"rules.{spec.key}")
        rule = spec.key.split(".")[0]
        reading.where.setdefault(f"rules.{rule}", reading.where[f"rules.{spec.key}"])
        if value is not None:
            put(data, f"rules.{spec.key}", value)


def read_hidden(rows: list[tuple[int, tuple[Any, ...]]], reading: Reading, data: Data) -> None:
    """The kept fields (KEPT) from the hidden sheet's JSON, nothing else."""
    cells = [values[0] for _, values in rows if values and values[0] is not None]
    if not cells or cells[0] != HIDDEN_MARK:
        return
    try:
        kept = json.loads("".join(str(c) for c in cells[1:]) or "{}")
    except (ValueError, RecursionError):
        reading.problems.append(f"{HIDDEN_SHEET}: det dolda bladet är skadat (ta bort det "
                                "eller ladda ner mallen på nytt)")
        return
    for path in KEPT:
        value: Any = kept
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            put(data, ".".join(path), value)
            reading.where.setdefault(".".join(path), _hidden_where(path))


def _hidden_where(path: tuple[str, ...]) -> Where:
    return Where(f"{HIDDEN_SHEET} (dolt blad, {'.'.join(path)})", ".".join(path))


def kept_fields(dumped: Data) -> Data:
    """The KEPT fields of an instance dump (exclude_unset: only what the instance sets)."""
    kept: Data = {}
    for path in KEPT:
        value: Any = dumped
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            put(kept, ".".join(path), value)
    return kept
