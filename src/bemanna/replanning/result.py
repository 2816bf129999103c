"""What `replan` hands back: the repaired roster and everything a planner needs to act on it."""

from __future__ import annotations

from dataclasses import dataclass, field

from bemanna.checker import CheckReport
from bemanna.replanning.changes import Change
from bemanna.replanning.cost_delta import CostDelta
from bemanna.replanning.instance_for_repair import RepairPlan
from bemanna.roster import Roster


@dataclass
class ReplanResult:
    plan: RepairPlan
    """The repair instance, the window and who the events hit."""
    old: Roster
    roster: Roster | None
    """The repaired roster (None when no roster keeps the hard rules)."""
    status: str
    objective: int | None
    wall_time: float
    build_time: float
    check: CheckReport | None
    """The independent checker on the repaired roster against the repair instance."""
    changes: list[Change] = field(default_factory=list)
    delta: CostDelta | None = None
    messages: dict[str, str] = field(default_factory=dict)

    @property
    def disruptions(self) -> int:
        """Changed passes of people no event hits (the number the repair keeps small)."""
        return sum(1 for c in self.changes
                   if c.kind in ("moved", "dropped", "added") and not c.by_event)

    @property
    def ok(self) -> bool:
        return self.check is not None and self.check.ok
