"""The refill order: how a gap in the roster is filled, cheapest and already-paid first.

One definition read by the absence simulation (`bemanna.simulation`: booking, then
`refill.policies`), by the solver's and the checker's price of uncovered need (`fill.fill_plan`)
and by re-planning (`bemanna.replanning`: the change list's wording and the cost delta's rows):

1. `resurspass` — a booked resurspass: the holder is at work and paid already (no cap);
2. `mertid` — extra hours of part-timers up to full time, at the hourly wage (re-planning
   places them as passes: `tariff.extra_hours`; the simulation's `overtime` source gives
   extra passes to free employees, mertid first);
3. then the skill's gap-fill policy in its order (`cost_model.gap_fill`, docs/costs.md), e.g.
   for USK hourly temps up to 40 h/week, overtime up to 10 h/week, then agency.

Each step has a cap in minutes over the horizon (None: no cap).
"""

from __future__ import annotations

from dataclasses import dataclass

from bemanna.instance import Instance
from bemanna.units import MINUTES_PER_HOUR, round_half_up

OWN_STAFF_STEPS: tuple[str, ...] = ("resurspass", "mertid")
"""The steps before anything is bought, in order."""


@dataclass(frozen=True)
class RefillStep:
    source: str
    """resurspass, mertid, hourly_temp, overtime or agency."""
    cap_minutes: int | None
    """Minutes over the horizon this step may fill (None: no cap)."""


def bought_steps(instance: Instance, skill: str) -> tuple[RefillStep, ...]:
    """The skill's gap-fill policy as steps, caps = max_hours_per_week × 60 × weeks."""
    _, policy = instance.cost_model.policy(skill)
    weeks = instance.horizon.weeks
    return tuple(
        RefillStep(entry.source, None if entry.max_hours_per_week is None else
                   round_half_up(entry.max_hours_per_week * MINUTES_PER_HOUR * weeks))
        for entry in policy)


def refill_order(instance: Instance, skill: str) -> tuple[RefillStep, ...]:
    """Every step for a skill, in order: own staff first, then what the policy buys."""
    own = tuple(RefillStep(step, None) for step in OWN_STAFF_STEPS)
    return own + bought_steps(instance, skill)
