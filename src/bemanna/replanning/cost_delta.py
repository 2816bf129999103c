"""What the repair costs, per refill source, against the old roster (docs/replan.md).

Three rosters are priced on the repair instance (same prices, same need):
- `old`: the roster as planned (the absent passes still worked: the plan's cost);
- `no_repair`: the old roster with the passes of people hit by the events taken out and
  nothing else done: every gap bought from outside in policy order;
- `repaired`: the new roster.
Rows follow the refill order: resurspass booked (already paid: 0 kr, minutes shown), mertid and
övertid of own staff (`extra_hours`), then the gap fill's sources (hourly temps, overtime bought
on the policy's caps, agency), then the roster's own terms (OB, stranded resurstid, wishes ...)
and the change weight (`roster_changes`, a planner's price, not money).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from bemanna.checker import CheckReport, read_roster
from bemanna.checker.coverage import clock_of
from bemanna.checker.registry import check_view
from bemanna.instance import Instance, contract_minutes
from bemanna.pricing.gapfill import gap_fill_table
from bemanna.replanning.freeze import old_passes
from bemanna.replanning.instance_for_repair import RepairPlan
from bemanna.roster import Assignment, EmployeeSummary, Roster
from bemanna.tariff.clock import ObClock, ob_clock
from bemanna.tariff.extra_hours import extra_hours

COLUMNS = ["source", "old_ore", "no_repair_ore", "repaired_ore", "delta_ore",
           "old_minutes", "no_repair_minutes", "repaired_minutes"]


@dataclass(frozen=True)
class CostDelta:
    table: pd.DataFrame
    """One row per source (COLUMNS): öre and minutes for each roster, delta = repaired − old."""
    objective: dict[str, int]
    """The checker's total (öre, objective incl. weights) of old, no_repair and repaired."""

    @property
    def money_delta(self) -> int:
        """Öre of money the repair costs against the old roster: bought need, extra hours and
        OB (weights such as below-desired need, wishes, soft rules and changes left out)."""
        rows = self.table[self.table.source.isin((*REFILL_ROWS, "ob"))]
        return int(rows.delta_ore.sum())

    @property
    def objective_delta(self) -> int:
        """Öre of the whole objective against the old roster, weights included."""
        return self.objective["repaired"] - self.objective["old"]

    def refill_cost(self, which: str = "repaired") -> int:
        """Öre bought from refill sources (extra hours and gap fill) beyond the old roster."""
        rows = self.table[self.table.source.isin(REFILL_ROWS)]
        return int(rows[f"{which}_ore"].sum() - rows.old_ore.sum())


REFILL_ROWS = ("mertid", "övertid (egen personal)", "hourly_temp", "overtime", "agency")


def with_passes(inst: Instance, roster: Roster, passes: list[Assignment]) -> Roster:
    """The roster with other passes, as a roster of `inst` (the repair instance): one summary
    per employee with its contract there and the scheduled and resurs minutes of `passes`."""
    employees = [EmployeeSummary(
        e.id, contract_minutes(inst, e),
        sum(a.paid_minutes for a in passes if a.employee == e.id),
        sum(a.paid_minutes for a in passes if a.employee == e.id and a.kind == "resurs"),
        e.employment_rate) for e in inst.employees]
    return dataclasses.replace(roster, assignments=passes, employees=employees)


def without_hit(plan: RepairPlan, old: Roster) -> Roster:
    """The old roster less every pass of a day an event hits."""
    return with_passes(plan.instance, old,
                       [a for a in old.assignments if (a.employee, a.date) not in plan.hit])


def _figures(plan: RepairPlan, roster: Roster, clock: ObClock,
             report: CheckReport | None = None) -> tuple[dict[str, tuple[int, int]], int]:
    """Per row: (öre, minutes); and the checker's total (`report`: the roster's check, when
    already made). The three rosters share one OB clock, so each pass's OB is priced once."""
    inst = plan.instance
    view = read_roster(inst, roster)
    view.memo["ob_clock"] = clock
    report = report or check_view(view)
    rows: dict[str, tuple[int, int]] = {}
    rows["resurspass"] = (0, 0)  # filled in by cost_delta: what the repair books
    mertid = overtime = mertid_min = overtime_min = 0
    for emp in inst.employees:
        prices = extra_hours(inst, emp)
        if prices is None:
            continue
        paid = sum(p.paid_minutes for p in view.passes[emp.id])
        extra = max(0, paid - prices.planned)
        m = min(extra, prices.mertid_minutes)
        mertid += m * prices.mertid_per_minute
        overtime += (extra - m) * prices.overtime_per_minute
        mertid_min, overtime_min = mertid_min + m, overtime_min + extra - m
    rows["mertid"] = (mertid, mertid_min)
    rows["övertid (egen personal)"] = (overtime, overtime_min)
    fill = gap_fill_table(view, clock_of(view))
    for source in ("hourly_temp", "overtime", "agency"):
        part = fill[fill.source == source]
        rows[source] = (int(part.cost_ore.sum()), int(part.minutes.sum()))
    flat = report.costs.get("uncovered_demand", 0) - int(fill.cost_ore.sum())
    if flat:
        rows["uncovered (flat weight)"] = (flat, 0)
    for term, amount in sorted(report.costs.items()):
        if term not in ("uncovered_demand", "extra_hours", "roster_changes"):
            rows[term] = (amount, 0)
    rows["roster_changes (vikt)"] = (report.costs.get("roster_changes", 0), 0)
    return rows, report.total


def cost_delta(plan: RepairPlan, old: Roster, new: Roster,
               checked: CheckReport | None = None) -> CostDelta:
    """The table; `checked`: the repaired roster's check on the repair instance, if made."""
    clock = ob_clock(plan.instance)
    figures = {"old": _figures(plan, old, clock),
               "no_repair": _figures(plan, without_hit(plan, old), clock),
               "repaired": _figures(plan, new, clock, checked)}
    names = list(figures["old"][0])
    for name in ("no_repair", "repaired"):
        names += [n for n in figures[name][0] if n not in names]
    table = []
    for source in names:
        values = [figures[r][0].get(source, (0, 0)) for r in ("old", "no_repair", "repaired")]
        if source == "resurspass":  # booked = ordinary minutes; shown as the repair's booking
            values = [(0, 0), (0, 0), (0, _booked(plan, old, new))]
        table.append((source, values[0][0], values[1][0], values[2][0],
                      values[2][0] - values[0][0], values[0][1], values[1][1], values[2][1]))
    frame = pd.DataFrame(table, columns=COLUMNS)
    return CostDelta(frame, {name: total for name, (_, total) in figures.items()})


def _booked(plan: RepairPlan, old: Roster, new: Roster) -> int:
    """Minutes of resurspass the repair books: old resurs passes worked as ordinary now."""
    before = old_passes(old)
    return sum(a.paid_minutes for (key, a) in old_passes(new).items()
               if a.kind == "ordinary" and key in before and before[key].kind == "resurs"
               and before[key].shift == a.shift)
