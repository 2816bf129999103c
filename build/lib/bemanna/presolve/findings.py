"""A pre-solve finding: what is wrong or doubtful about an instance before any search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One finding in the planner's words.

    severity "error": no roster can keep the hard rules (solving stops, exit 1);
    "warning": a roster exists but something will certainly cost (e.g. uncovered need, which
    is priced) or the input looks odd.
    """

    severity: Severity
    check: str
    """Which check found it: capacity, hours, pins, demand, nights, qualified."""
    message: str
    rule: str | None = None
    """The rule id (or priced term) concerned, when there is one."""
    employee: str | None = None

    def __str__(self) -> str:
        rule = f" ({self.rule})" if self.rule else ""
        return f"{self.severity}{rule}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"severity": self.severity, "check": self.check, "rule": self.rule,
                "employee": self.employee, "message": self.message}


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]
