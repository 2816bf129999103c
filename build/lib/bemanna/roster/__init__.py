"""The roster: output of the solver, input of the checker and the reports."""

from bemanna.roster.io import (
    RosterError,
    load_roster,
    roster_from_dict,
    roster_to_dict,
    save_roster,
    write_atomic,
)
from bemanna.roster.model import ROSTER_FORMAT, Assignment, EmployeeSummary, Part, Roster

__all__ = [
    "ROSTER_FORMAT",
    "Assignment",
    "EmployeeSummary",
    "Part",
    "Roster",
    "RosterError",
    "load_roster",
    "roster_from_dict",
    "roster_to_dict",
    "save_roster",
    "write_atomic",
]
