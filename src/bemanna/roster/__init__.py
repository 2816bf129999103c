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
from bemanna.roster.output import (
    Written,
    output_file_problem,
    output_folder_problem,
    write_file_with_fallback,
    write_with_fallback,
)

__all__ = [
    "ROSTER_FORMAT",
    "Assignment",
    "EmployeeSummary",
    "Part",
    "Roster",
    "RosterError",
    "Written",
    "load_roster",
    "output_file_problem",
    "output_folder_problem",
    "roster_from_dict",
    "roster_to_dict",
    "save_roster",
    "write_atomic",
    "write_file_with_fallback",
    "write_with_fallback",
]
