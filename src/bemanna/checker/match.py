"""Whether a roster belongs to an instance: the name and horizon must be the instance's."""

from __future__ import annotations

from bemanna.instance import Instance
from bemanna.roster import Roster


def horizon_mismatch(instance: Instance, roster: Roster) -> list[str]:
    """One line per way the roster's days are not the instance's (start date, length)."""
    horizon = instance.horizon
    problems = []
    if roster.start != horizon.start:
        problems.append(f"horizon.start: the roster starts {roster.start}, the instance "
                        f"{horizon.start}")
    if roster.days != horizon.days:
        problems.append(f"horizon.days: the roster has {roster.days} days, the instance "
                        f"{horizon.days}")
    return problems


def roster_mismatch(instance: Instance, roster: Roster) -> list[str]:
    """One line per way the roster does not belong to the instance (empty when it does)."""
    problems = []
    if roster.instance != instance.name:
        problems.append(f"instance: the roster was solved for instance {roster.instance!r}, "
                        f"but --instance is {instance.name!r}")
    problems += horizon_mismatch(instance, roster)
    horizon = instance.horizon
    if roster.cyclic != horizon.cyclic:
        problems.append(f"horizon.cyclic: the roster has {roster.cyclic}, the instance "
                        f"{horizon.cyclic}")
    known = {e.id for e in instance.employees}
    strangers = sorted({a.employee for a in roster.assignments} - known)
    if strangers:
        problems.append(f"employees: the roster's {', '.join(strangers[:3])}"
                        f"{' …' if len(strangers) > 3 else ''} are not employees of "
                        f"{instance.name!r}")
    return problems
