"""The edit form of staff, need and rules: fields named by their instance path
(`employees.3.employment_rate`), values read back onto the version's data, and the loader's
problems (`employees[3].employment_rate: ...`) placed next to the field they name."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Data = dict[str, Any]
EDITABLE = re.compile(
    r"^(employees\.\d+\.(name|skills|employment_rate|full_time|allowed_shifts)"
    r"|demand\.\d+\.bands\.\d+\.(start|end|min|desired)"
    r"|rules\.[a-z_0-9]+\.[a-z_0-9]+)$")
"""The only paths a form may set; anything else is refused (the client names no other)."""
LIST_FIELDS = ("skills", "allowed_shifts")
INDEX = re.compile(r"\[(\d+)\]")


def field_path(problem_path: str) -> str:
    """'employees[3].employment_rate' -> 'employees.3.employment_rate'."""
    return INDEX.sub(r".\1", problem_path)


def _value(raw: str, old: Any, key: str) -> Any:
    text = raw.strip()
    if key in LIST_FIELDS:
        items = [part.strip() for part in text.split(",") if part.strip()]
        return items or (None if key == "allowed_shifts" else [])
    if isinstance(old, bool):
        return text in ("on", "true", "1")
    if text == "":
        return None
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def rule_fields(rules: Data) -> list[tuple[str, list[tuple[str, Any]]]]:
    """Per rule id, its scalar parameters (lists and per-employee maps stay in the YAML)."""
    out = []
    for rule_id, params in rules.items():
        scalars = [(k, v) for k, v in params.items() if not isinstance(v, dict | list)]
        out.append((rule_id, scalars))
    return out


def apply_form(data: Data, items: Iterable[tuple[str, str]]) -> tuple[Data, list[str]]:
    """A copy of `data` with the form's fields set; unknown paths are listed, not set."""
    out = copy.deepcopy(data)
    refused = []
    for path, raw in items:
        if not EDITABLE.match(path):
            if path not in ("csrf_token", "base_version", "shown_version", "note"):
                refused.append(path)
            continue
        *parents, key = path.split(".")
        node: Any = out
        try:
            for part in parents:
                node = node[int(part)] if isinstance(node, list) else node[part]
        except (KeyError, IndexError, ValueError):
            refused.append(path)
            continue
        if not isinstance(node, dict):
            refused.append(path)
            continue
        node[key] = _value(raw, node.get(key), key)
    return out, refused


@dataclass
class EditForm:
    data: Data
    """The full instance data (defaults included) the fields are drawn from."""
    base_version: int
    errors: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)
    findings: dict[str, list[str]] = field(default_factory=dict)
    """Pre-solve findings per employee id ('' for the plan as a whole), as in `validate`."""

    @property
    def rules(self) -> list[tuple[str, list[tuple[str, Any]]]]:
        return rule_fields(self.data.get("rules", {}))

    def show(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)


def place_findings(form: EditForm, findings: Iterable[Any]) -> None:
    """`bemanna.presolve` findings beside the employee they name, else at the top."""
    for f in findings:
        word = "fel" if f.severity == "error" else "varning"
        rule = f" ({f.rule})" if f.rule else ""
        form.findings.setdefault(f.employee or "", []).append(f"{word}{rule}: {f.message}")


def place_problems(form: EditForm, problems: list[str]) -> None:
    """Each 'path: message' next to its field when the form has it, else at the top."""
    fields = {"employees", "demand", "rules"}
    for line in problems:
        path, _, message = line.partition(": ")
        key = field_path(path)
        if message and key.split(".")[0] in fields and EDITABLE.match(key):
            form.errors.setdefault(key, []).append(message)
        else:
            form.general.append(line)
