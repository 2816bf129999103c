"""The repair's starting roster: the old roster less the passes the events take away, with the
refill order's first step done — resurspass booked onto the gaps (`tariff.refill_order`).

A resurspass holder is at work and paid anyway, so booking one (the same pass, now ordinary
cover in a skill the holder has) changes nobody's day and costs nothing: the start is never
dearer than buying every gap, and the search goes on from there to mertid, overtime and moved
passes where they pay. The simulation books the same way (`simulation/booking.py`).
"""

from __future__ import annotations

import dataclasses

from bemanna.instance import Instance
from bemanna.replanning.cost_delta import with_passes, without_hit
from bemanna.replanning.events import Swap
from bemanna.replanning.instance_for_repair import RepairPlan
from bemanna.roster import Assignment, Roster


def _overlap(a: Assignment, b: Assignment) -> int:
    """Minutes two passes work at the same time."""
    total = 0
    for p in a.parts:
        for q in b.parts:
            total += max(0, int((min(p.end, q.end) - max(p.start, q.start)).total_seconds()) // 60)
    return total


def _may_cover(inst: Instance, holder: Assignment, skill: str) -> bool:
    emp, shift = inst.employee.get(holder.employee), inst.shift.get(holder.shift)
    return emp is not None and shift is not None and skill in emp.skills \
        and skill in shift.skills


def _swapped(plan: RepairPlan, old: Roster) -> list[Assignment]:
    """The passes a swap hands over, each on its new holder: the same pass in the same role
    when the holder has that skill, else in a skill of the holder's that the shift takes (the
    repair instance pins the shift and leaves the role free). A swap on a frozen day is no
    pass here: the repair instance does not pin it either."""
    inst, moved = plan.instance, []
    by_key = {(a.employee, a.date): a for a in old.assignments}
    for event in plan.events.events:
        if not isinstance(event, Swap):
            continue
        a, b = event.employees
        for one, other in ((a, b), (b, a)):
            theirs, emp = by_key.get((other, event.date)), inst.employee.get(one)
            if theirs is None or emp is None or theirs.start < plan.now \
                    or (one, event.date) not in plan.hit:
                continue
            skills = [k for k in emp.skills if k in inst.shift[theirs.shift].skills]
            if not skills:
                continue
            skill = theirs.skill if theirs.skill in skills else skills[0]
            moved.append(dataclasses.replace(theirs, employee=one, skill=skill))
    return moved


def _handed_over(lost: Assignment, swapped: list[Assignment]) -> bool:
    """Whether a swap partner now works the pass (it is not lost to the unit)."""
    return any(a.date == lost.date and a.shift == lost.shift and a.skill == lost.skill
               for a in swapped)


def booked_start(plan: RepairPlan, old: Roster) -> Roster:
    """The passes swaps hand over, on their new holders; then each lost ordinary pass (in
    start order) books the free resurspass after `now` that overlaps it most, in the lost
    pass's skill."""
    inst, now = plan.instance, plan.now
    start = without_hit(plan, old)
    swapped = _swapped(plan, old)
    taken = {(a.employee, a.date) for a in swapped}
    lost = sorted((a for a in old.assignments
                   if (a.employee, a.date) in plan.hit and a.kind == "ordinary"
                   and a.start >= now and (a.employee, a.date) not in taken
                   and not _handed_over(a, swapped)), key=lambda a: a.start)
    passes = list(start.assignments) + swapped
    free = {i for i, a in enumerate(passes) if a.kind == "resurs" and a.start >= now}
    for gap in lost:
        best = max(((_overlap(gap, passes[i]), i) for i in free
                    if _may_cover(inst, passes[i], gap.skill)), default=(0, -1))
        if best[0] > 0:
            i = best[1]
            passes[i] = dataclasses.replace(passes[i], kind="ordinary", skill=gap.skill)
            free.discard(i)
    return with_passes(inst, start, passes)
