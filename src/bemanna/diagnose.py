"""Why an instance is infeasible, in the planner's words: the short record `diagnosis.json`.

Two sources, the cheaper first: the pre-solve checks (`bemanna.presolve`) name what certainly
cannot hold (an employee's contract against what their passes can hold, pins against a rule);
otherwise the conflict core (`bemanna.explain`) names a minimal set of rule groups that cannot
all hold, with employees and dates. `bemanna solve` writes the result as OUT/diagnosis.json on
every infeasible instance; `--explain` adds the full explanation (repairs too) as
OUT/explanation.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bemanna.explain.infeasible import Explanation, explain_infeasible
from bemanna.instance.model import Instance
from bemanna.labels import Lang
from bemanna.presolve import Finding, errors, presolve


@dataclass(frozen=True)
class Diagnosis:
    lines: list[str]
    """Plain-language lines, one per finding or conflicting rule group."""
    rules: list[str]
    employees: list[str]
    source: str
    """'presolve' (the pre-solve checks) or 'core' (the conflict core)."""


def from_findings(findings: list[Finding]) -> Diagnosis:
    found = errors(findings)
    return Diagnosis([f.message for f in found], sorted({f.rule for f in found if f.rule}),
                     sorted({f.employee for f in found if f.employee}), "presolve")


def from_explanation(explanation: Explanation) -> Diagnosis:
    lines = [text for c in explanation.conflicts for text in c.texts]
    return Diagnosis(lines, explanation.rules, explanation.employees, "core")


def diagnose(instance: Instance, employees: list[str] | None = None,
             lang: Lang = "sv") -> Diagnosis:
    """The pre-solve errors when there are any, else the conflict core (worded in `lang`)."""
    findings = presolve(instance)
    if errors(findings):
        return from_findings(findings)
    return from_explanation(explain_infeasible(instance, employees, lang=lang))


def diagnosis_json(instance: Instance, status: str, diagnosis: Diagnosis) -> str:
    return json.dumps({"instance": instance.name, "status": status, "source": diagnosis.source,
                       "rules": diagnosis.rules, "employees": diagnosis.employees,
                       "breaches": diagnosis.lines}, indent=1, ensure_ascii=False) + "\n"
