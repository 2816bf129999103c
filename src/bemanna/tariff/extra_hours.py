"""The price of extra hours of own staff in a roster repair (term `extra_hours`, docs/costs.md).

Paid minutes above the employee's planned minutes (`Instance.repair.planned_minutes`) are
bought in the order AB pays them: a part-timer's minutes up to full time are mertid
(fyllnadstid) at the hourly wage incl. PO; everything beyond is kvalificerad overtime (a whole
extra pass is never "adjacent to a pass", so never enkel), wage × 2.4 × (1 + PO). Both are
whole öre per minute (`rates.per_minute`), so the solver and the checker add up to the same öre.
Not modelled: mertid on a free Saturday, Sunday or holiday that AB pays as kvalificerad overtime.
"""

from __future__ import annotations

from dataclasses import dataclass

from bemanna.instance import Employee, Instance
from bemanna.tariff.rates import employee_wage, overtime_rate, per_minute, with_po
from bemanna.units import round_half_up


@dataclass(frozen=True)
class ExtraHours:
    """How one employee's minutes above plan are priced."""

    planned: int
    """Paid minutes planned; beyond them minutes are bought."""
    mertid_minutes: int
    """Of the bought minutes, this many at most are mertid (part-timer up to full time)."""
    mertid_per_minute: int
    overtime_per_minute: int

    def price(self, paid: int) -> int:
        """Öre for `paid` minutes worked: mertid first, overtime for the rest."""
        extra = max(0, paid - self.planned)
        mertid = min(extra, self.mertid_minutes)
        return mertid * self.mertid_per_minute + (extra - mertid) * self.overtime_per_minute


def full_time_minutes(inst: Instance, emp: Employee) -> int:
    """Full time over the horizon: the heltidsmått per week × weeks."""
    return emp.full_time_minutes_per_week * inst.horizon.weeks


def extra_hours(inst: Instance, emp: Employee) -> ExtraHours | None:
    """The employee's extra-hour prices, or None when the instance sets no plan for them."""
    if inst.repair is None or emp.id not in inst.repair.planned_minutes:
        return None
    planned = inst.repair.planned_minutes[emp.id]
    cm = inst.cost_model
    _, _, wage = employee_wage(cm, emp)
    own_full_time = round_half_up(full_time_minutes(inst, emp) * emp.employment_rate / 100)
    headroom = max(0, full_time_minutes(inst, emp) - max(planned, own_full_time))
    return ExtraHours(
        planned=planned,
        mertid_minutes=headroom,
        mertid_per_minute=per_minute(with_po(cm, wage)),
        overtime_per_minute=per_minute(overtime_rate(cm, wage, kvalificerad=True)),
    )
