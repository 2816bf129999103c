"""The verdict after a solve: one line a planner understands.

What the roster leaves undone (uncovered need, stranded resurstid), what it costs, and whether
more search time is likely to help — read from the same priced roster as the reports
(`bemanna.price`: its `uncovered` and `resurstid` tables and its forecast), never computed a
second way. The search's own facts (status, bound, when it last improved) come from the
solve's result; `Result.verdict()` puts the two together.

A bound of 0 proves nothing (every term is ≥ 0 but the gap-fill, so 0 is the trivial bound):
the verdict then says "no useful bound" instead of a gap of 100 %.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from bemanna.labels import DASH, Lang, hours, money, number, percent, say
from bemanna.pricing import Pricing

Advice = Literal["optimal", "near_optimal", "more_time", "stalled", "stopped", "unknown"]

NEAR_OPTIMAL_GAP = 0.01
"""A proved gap at or below this share: more time can gain at most 1 %."""
LATE_SHARE = 0.25
"""An improvement in the last quarter of the run: the search was still finding better rosters."""
FIRST_ROSTER_SHARE = 1 / 3
"""A first roster after a third of the run left the improving search too little time."""
TIME_LADDER = (60, 120, 300, 600, 1200, 1800, 3600)
"""Suggested time limits, seconds: the first at least three times the last run's."""


@dataclass(frozen=True)
class SearchFacts:
    """What the search itself knows (all optional: a roster read from a file has no timing)."""

    status: str
    objective: int | None = None
    bound: int | None = None
    wall_time: float | None = None
    time_limit: float | None = None
    first_solution_time: float | None = None
    last_improvement_time: float | None = None
    interrupted: bool = False


@dataclass(frozen=True)
class Verdict:
    """The verdict's figures and advice. Money in öre, time in minutes and seconds."""

    status: str
    uncovered_minutes: int
    """Minimum need no pass covers (the pricing's `uncovered` table)."""
    stranded_minutes: int
    """Paid time in passes beyond the need (the pricing's `resurstid` table, kind stranded)."""
    stranded_fte: float | None
    """The same as full-time equivalents (the pricing's key figure)."""
    forecast_ore: int | None
    """The planned cost: the five budget lines (the pricing's `totals['total']`); None when
    the instance has no cost model (`Pricing.unpriced`: the objective is its only cost)."""
    objective_ore: int | None
    bound_ore: int | None
    """The solver's proved lower bound; None when it proves nothing (absent or ≤ 0)."""
    gap: float | None
    """(objective − bound) / objective with a useful bound, else None."""
    wall_time: float | None
    last_improvement_time: float | None
    first_solution_time: float | None
    advice: Advice
    suggested_seconds: int | None
    """The time limit to try next (advice more_time or stopped)."""

    @property
    def more_time_helps(self) -> bool:
        return self.advice in ("more_time", "stopped")

    def text(self, lang: Lang = "sv", command: str = "") -> str:
        """The verdict as one line; `command` (the rerun with the suggested limit) is shown
        after the advice to run longer."""
        figures = say("verdict.figures", lang, uncovered=hours(self.uncovered_minutes, lang),
                      stranded=DASH if self.stranded_fte is None else number(
                          self.stranded_fte, 1, lang),
                      stranded_hours=hours(self.stranded_minutes, lang),
                      cost=say("verdict.forecast", lang, cost=money(self.forecast_ore, lang))
                      if self.forecast_ore is not None
                      else say("verdict.unpriced", lang, objective=number(
                          (self.objective_ore or 0) / 100, 2, lang)))
        search = [say("verdict.bound", lang, bound=money(self.bound_ore, lang),
                      gap=percent(100 * self.gap, lang))
                  if self.bound_ore is not None and self.gap is not None
                  else say("verdict.no_bound", lang)]
        if self.wall_time is not None and self.last_improvement_time is not None:
            search.append(say("verdict.timing", lang,
                              last=number(self.last_improvement_time, 1, lang),
                              wall=number(self.wall_time, 1, lang)))
        said = "; ".join(search)
        line = f"{say('verdict', lang)}: {figures}. {said[:1].upper()}{said[1:]}."
        advice = self.advice_text(lang, command)
        return f"{line} {advice}" if advice else line

    def advice_text(self, lang: Lang = "sv", command: str = "") -> str:
        shown = f": {command}" if command else ""
        quiet = None
        if self.wall_time is not None and self.last_improvement_time is not None:
            quiet = self.wall_time - self.last_improvement_time
        return say(f"advice.{self.advice}", lang, seconds=self.suggested_seconds,
                   command=shown, gap=percent(100 * (self.gap or 0), lang),
                   quiet=number(quiet or 0, 1, lang), wall=number(self.wall_time or 0, 1, lang))


def useful_bound(bound: int | None) -> int | None:
    """The bound when it proves something (> 0), else None."""
    return bound if bound is not None and bound > 0 else None


def next_limit(time_limit: float) -> int:
    """The next time limit to suggest: the first step of TIME_LADDER at least 3 × this one."""
    wanted = 3 * time_limit
    return next((s for s in TIME_LADDER if s >= wanted), int(math.ceil(wanted / 600) * 600))


def advise(facts: SearchFacts, gap: float | None) -> tuple[Advice, int | None]:
    """Whether more time is likely to help, and the limit to try.

    Proved optimal, or a proved gap ≤ 1 %: no. Stopped by the user: run the full limit. A
    first roster found after a third of the run, or an improvement in its last quarter: the
    search was still working, suggest 3 × the limit (60 s at least). Otherwise the search has
    stalled: say how long it went without improving.
    """
    if facts.status == "OPTIMAL":
        return "optimal", None
    if gap is not None and gap <= NEAR_OPTIMAL_GAP:
        return "near_optimal", None
    wall, last = facts.wall_time, facts.last_improvement_time
    if wall is None or last is None or wall <= 0:
        return "unknown", None
    limit = facts.time_limit or wall
    if facts.interrupted:
        return "stopped", math.ceil(limit)
    first = facts.first_solution_time if facts.first_solution_time is not None else last
    if first > FIRST_ROSTER_SHARE * wall or wall - last < LATE_SHARE * wall:
        return "more_time", next_limit(limit)
    return "stalled", None


def verdict(pricing: Pricing, facts: SearchFacts) -> Verdict:
    """The verdict on a priced roster and the search that found it."""
    resurstid = pricing.resurstid
    stranded = int(resurstid.loc[resurstid["kind"] == "stranded", "minutes"].sum())
    kpis = pricing.kpis.set_index("kpi")["value"]
    fte = kpis.get("stranded_resurstid_fte")
    bound = useful_bound(facts.bound)
    gap = None
    if bound is not None and facts.objective:
        gap = max(0.0, (facts.objective - bound) / abs(facts.objective))
    advice, seconds = advise(facts, gap)
    return Verdict(
        status=facts.status,
        uncovered_minutes=int(pricing.uncovered["minutes"].sum()),
        stranded_minutes=stranded,
        stranded_fte=None if fte is None or pd.isna(fte) else float(fte),
        forecast_ore=None if pricing.unpriced else int(pricing.totals["total"]),
        objective_ore=facts.objective,
        bound_ore=bound,
        gap=gap,
        wall_time=facts.wall_time,
        last_improvement_time=facts.last_improvement_time,
        first_solution_time=facts.first_solution_time,
        advice=advice,
        suggested_seconds=seconds,
    )
