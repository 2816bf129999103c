"""Contract time: what an employee is paid for over each schedule period (definition).

contract = employment_rate × full-time minutes per week × weeks in the period, less
employment_rate × full-time/5 for each weekday (Mon–Fri) the employee is unavailable
(a day of absence such as vacation counts as a fifth of a week), rounded half up to
whole minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from bemanna.units import round_half_up

if TYPE_CHECKING:  # types only: the instance model's frames use these definitions
    from bemanna.instance.model import Employee, Instance


@dataclass(frozen=True)
class ContractPeriod:
    first_day: int
    end_day: int  # exclusive
    target_minutes: int


def absent_weekdays(inst: Instance, emp: Employee, first_day: int, end_day: int) -> int:
    count = 0
    for day in range(first_day, end_day):
        date = inst.horizon.date(day)
        if date.weekday() < 5 and any(r.contains(date) for r in emp.unavailable):
            count += 1
    return count


def contract_periods(inst: Instance, emp: Employee) -> list[ContractPeriod]:
    """The employee's schedule periods with their contract minutes."""
    weeks = inst.horizon.weeks
    period = inst.rules.contract_hours.period_weeks or weeks
    rate = Fraction(emp.employment_rate) / 100
    per_week = emp.full_time_minutes_per_week
    periods = []
    for first_week in range(0, weeks, period):
        first, end = 7 * first_week, 7 * (first_week + period)
        absent = absent_weekdays(inst, emp, first, end)
        target = rate * per_week * (Fraction(period) - Fraction(absent, 5))
        periods.append(ContractPeriod(first, end, round_half_up(target)))
    return periods


def contract_minutes(inst: Instance, emp: Employee) -> int:
    """Contract minutes over the whole horizon."""
    return sum(p.target_minutes for p in contract_periods(inst, emp))
