"""Rule builders: one function per rule id and per priced term, in one registry.

Every builder takes the `Context` and adds its constraints; soft rules and prices add their
cost terms under their own id, so the objective can be split per rule.
"""

from __future__ import annotations

from collections.abc import Callable

from bemanna.solver.builders import (
    absence,
    coverage,
    days,
    fill,
    hours,
    repair,
    rest,
    rohs,
    shape,
    wishes,
)
from bemanna.solver.context import Context

Builder = Callable[[Context], None]

STRUCTURE: tuple[Builder, ...] = (rest.build_no_overlap,)

RULE_BUILDERS: dict[str, Builder] = {
    "daily_rest": rest.build_daily_rest,
    "pass_span": shape.build_pass_span,
    "breaks": shape.build_breaks,
    "weekly_rest": rest.build_weekly_rest,
    "daily_rest_24h": rest.build_daily_rest_24h,
    "contract_hours": hours.build_contract_hours,
    "max_split_shifts": days.build_max_split_shifts,
    "max_consecutive_days": days.build_max_consecutive_days,
    "min_consecutive_days": days.build_min_consecutive_days,
    "min_consecutive_days_off": days.build_min_consecutive_days_off,
    "max_weekends": days.build_max_weekends,
    "max_shift_passes": days.build_max_shift_passes,
    "forbidden_successions": days.build_forbidden_successions,
    "total_minutes": hours.build_total_minutes,
    "average_weekly_hours": hours.build_average_weekly_hours,
}

# Coverage builds uncovered_demand, below_desired_demand and stranded_resurstid in one pass
# over the time line; the registry names each term so that it lines up with the checker.
PRICE_BUILDERS: dict[str, Builder] = {
    "uncovered_demand": coverage.build_coverage,
    "below_desired_demand": coverage.build_coverage,
    "stranded_resurstid": coverage.build_coverage,
    "shift_cover": coverage.build_shift_cover,
    "wishes": wishes.build_wishes,
    "ob": fill.build_own_ob,
    "rohs": rohs.build_rohs,
    "expected_absence_cover": absence.build_expected_absence_cover,
    "roster_changes": repair.build_roster_changes,
    "extra_hours": repair.build_extra_hours,
}


def build_all(ctx: Context, prices: bool = True) -> None:
    """Every builder; `prices=False` leaves out the priced terms (a feasibility model: the
    first roster is searched without them, measured 5–8× faster on the care home)."""
    for builder in STRUCTURE:
        builder(ctx)
    for builder in RULE_BUILDERS.values():
        builder(ctx)
    if not prices:
        return
    done: set[Builder] = set()
    for builder in PRICE_BUILDERS.values():
        if builder not in done:
            builder(ctx)
            done.add(builder)
