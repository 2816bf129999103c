"""A pre-solve finding: what is wrong or doubtful about an instance before any search."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from bemanna.labels import DEFAULT_LANG, Lang
from bemanna.labels.phrases import render

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One finding in the planner's words, in either language.

    severity "error": no roster can keep the hard rules (solving stops, exit 1);
    "warning": a roster exists but something will certainly cost (e.g. uncovered need, which
    is priced) or the input looks odd.
    """

    severity: Severity
    check: str
    """Which check found it: capacity, hours, pins, demand, nights, qualified."""
    key: str
    """The sentence in `bemanna.labels.presolve_words` (a key in no table is shown as is)."""
    rule: str | None = None
    """The rule id (or priced term) concerned, when there is one."""
    employee: str | None = None
    fields: Mapping[str, object] = field(default_factory=dict, hash=False)
    """The sentence's raw values: minutes, dates, ids, counts, nested phrases."""

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The finding in `lang`: Swedish by default, English with "en"."""
        return render(self.key, lang, self.fields)

    @property
    def message(self) -> str:
        """The finding in the default language (Swedish); outputs with `--lang` call
        `text(lang)`."""
        return self.text(DEFAULT_LANG)

    def line(self, lang: Lang = DEFAULT_LANG) -> str:
        """'fel (contract_hours): …' / 'error (contract_hours): …'."""
        rule = f" ({self.rule})" if self.rule else ""
        return f"{render('severity.' + self.severity, lang, {})}{rule}: {self.text(lang)}"

    def __str__(self) -> str:
        return self.line()

    def to_dict(self, lang: Lang = DEFAULT_LANG) -> dict[str, Any]:
        return {"severity": self.severity, "check": self.check, "rule": self.rule,
                "employee": self.employee, "message": self.text(lang)}


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]
