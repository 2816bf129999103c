"""What the checker hands back: violations in plain language, and the price of the roster."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from bemanna.labels import DEFAULT_LANG, Lang
from bemanna.labels.phrases import render


@dataclass(frozen=True)
class Violation:
    """One finding, written for a planner in either language.

    `rule` is a rule id (`bemanna.instance.RULE_IDS`) or a structural id
    (`bemanna.checker.STRUCTURAL_RULES`); `employee` and `date` say where, when known.
    `key` names the sentence in `bemanna.labels.checker_words` and `fields` holds its raw
    values (minutes, dates, ids, counts); `text(lang)` words it. A key in no table is shown as
    it stands (a rule added outside the checker may hand back a finished sentence).
    """

    rule: str
    employee: str | None
    date: dt.date | None
    key: str
    fields: Mapping[str, object] = field(default_factory=dict, hash=False)

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The finding in `lang`: Swedish by default, English with "en"."""
        return render(self.key, lang, self.fields)

    @property
    def message(self) -> str:
        """The finding in the default language (Swedish), as every planner's output shows it
        unless asked for English; outputs with a `--lang` call `text(lang)`."""
        return self.text(DEFAULT_LANG)

    def __str__(self) -> str:
        return self.message


class RuleResult(NamedTuple):
    """What one rule check finds: one finding per breach, and the breach's units.

    Units are what a soft rule is priced by: occurrences (pairs, passes, weeks, runs ...) for
    per-occurrence rules, minutes for the per-hour rules (contract_hours, total_minutes,
    average_weekly_hours).
    """

    findings: list[Violation]
    units: int


NOTHING = RuleResult([], 0)
"""The result of a disabled rule."""


@dataclass
class CheckReport:
    """The checker's verdict on a roster.

    violations: every structural breach and every breach of a hard rule; ok when empty.
    costs: öre per priced term (`PRICED_TERMS`) and per enabled soft rule.
    units: units per enabled soft rule (minutes for the per-hour rules).
    soft_breaches: the findings behind `units`, for reports; they do not make a roster not ok.
    """

    violations: list[Violation]
    costs: dict[str, int]
    units: dict[str, int]
    soft_breaches: list[Violation] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.costs.values())

    @property
    def ok(self) -> bool:
        return not self.violations
