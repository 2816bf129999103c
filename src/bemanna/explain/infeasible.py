"""Why an instance has no roster: the minimal conflicts and the repairs, in domain language.

    explanation = explain_infeasible(instance, lang="sv")
    explanation.lines()      # what `bemanna solve` prints
    explanation.to_dict()    # what `bemanna solve --explain` writes as explanation.json

The sentences are worded in the language the explanation is made in (Swedish by default,
`bemanna.labels.explain_words`); the JSON keeps its keys, its `text` and `change` strings are
in that language.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from bemanna.explain.core import CORE_SECONDS, Core, GuardedModel, explaining_index, find_cores
from bemanna.explain.repairs import RELAX_SECONDS, Repair, ranked, repairs_for
from bemanna.explain.wording import employee_facts, group_text
from bemanna.instance.model import Instance
from bemanna.labels import Lang, money
from bemanna.labels.phrases import render
from bemanna.units import format_sek

MAX_REPAIRS_SHOWN = 8


@dataclass
class Conflict:
    """One employee's minimal set of rule groups that cannot all hold."""

    employee: str
    core: Core
    texts: list[str]
    facts: list[str]
    repairs: list[Repair] = field(default_factory=list)


@dataclass
class Explanation:
    instance: str
    conflicts: list[Conflict]
    seconds: float
    complete: bool
    """Every employee was examined within the time budget."""
    lang: Lang = "sv"
    """The language of the conflict sentences, the facts and the repairs."""

    @property
    def rules(self) -> list[str]:
        return sorted({g.rule for c in self.conflicts for g in c.core.groups})

    @property
    def employees(self) -> list[str]:
        return sorted({g.employee for c in self.conflicts for g in c.core.groups})

    @property
    def repairs(self) -> list[Repair]:
        return ranked([r for c in self.conflicts for r in c.repairs])

    def lines(self) -> list[str]:
        """What `bemanna solve` prints, in the explanation's language."""
        lang = self.lang

        def say(key: str, **fields: object) -> str:
            return render(f"explain.{key}", lang, fields)

        out: list[str] = []
        if not self.conflicts:
            out.append(say("none"))
        for n, conflict in enumerate(self.conflicts, 1):
            proven = "" if conflict.core.proven_minimal else say("maybe_not_minimal")
            out.append(say("conflict", n=n, employee=conflict.employee, proven=proven))
            out += [f"  - {text}" for text in conflict.texts]
            out += [f"  ({fact})" for fact in conflict.facts]
        repairs = self.repairs
        if repairs:
            out.append(say("repairs"))
            for repair in repairs[:MAX_REPAIRS_SHOWN]:
                alone = "" if repair.enough_alone else say("not_alone")
                out.append(f"  {money(repair.cost_ore, lang):>16}  {repair.change}{alone}")
            if len(repairs) > MAX_REPAIRS_SHOWN:
                out.append(say("more", more=len(repairs) - MAX_REPAIRS_SHOWN))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "instance": self.instance,
            "status": "INFEASIBLE",
            "rules": self.rules,
            "employees": self.employees,
            "complete": self.complete,
            "seconds": round(self.seconds, 3),
            "conflicts": [{
                "employee": c.employee,
                "proven_minimal": c.core.proven_minimal,
                "groups": [{"rule": g.rule, "employee": g.employee,
                            "week": None if g.week is None else g.week + 1,
                            "detail": g.detail, "text": text}
                           for g, text in zip(c.core.groups, c.texts, strict=True)],
                "facts": c.facts,
            } for c in self.conflicts],
            "repairs": [{"rule": r.rule, "employee": r.employee, "change": r.change,
                         "units": r.units, "unit": r.unit,
                         "cost_sek": format_sek(r.cost_ore).replace(",", ""),
                         "enough_alone": r.enough_alone} for r in self.repairs],
        }


def explain_infeasible(instance: Instance, employees: list[str] | None = None,
                       limit: float = CORE_SECONDS, budget: float = 60.0,
                       repair_limit: float = RELAX_SECONDS, lang: Lang = "sv") -> Explanation:
    """Find each employee's minimal conflict (those named in `employees` first) and the
    repairs of each, worded in `lang`."""
    started = time.monotonic()
    cores = find_cores(instance, employees, limit, budget)
    index = explaining_index(instance) if cores else None
    conflicts = []
    for core in cores:
        people = sorted({g.employee for g in core.groups})
        texts = [group_text(instance, g.rule, g.employee, g.week, g.detail, lang)
                 for g in core.groups]
        facts = [employee_facts(instance, instance.employee[e], lang) for e in people]
        conflict = Conflict(core.employee, core, texts, facts)
        if index is not None and len(people) == 1:
            model = GuardedModel.build(instance, index, set(people))
            conflict.repairs = repairs_for(instance, model, core.groups, repair_limit, lang)
        conflicts.append(conflict)
    examined = time.monotonic() - started
    return Explanation(instance.name, conflicts, examined, examined < budget, lang)
