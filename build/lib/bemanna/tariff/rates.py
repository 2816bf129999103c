"""Prices in exact öre: hourly wage, PO, and the hourly price of each kind of labour.

Rates are exact fractions of öre per hour (`Fraction`). An amount of minutes at a rate is
rounded to whole öre once (`cost_of`); labour bought for uncovered need and stranded resurstid
are priced per minute at a whole-öre rate (`per_minute`), so the solver's integer objective and
the pricing add up to the same öre.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from bemanna.instance import Employee
from bemanna.instance.cost_model import CostModel
from bemanna.units import MINUTES_PER_HOUR, round_half_up, sek_to_ore


def ore(sek: Decimal) -> Fraction:
    """An exact SEK amount (at most two decimals) as öre."""
    return Fraction(sek_to_ore(sek))


def cost_of(minutes: int, ore_per_hour: Fraction) -> int:
    """Minutes at an hourly rate, rounded half up to whole öre (the one rounding)."""
    return round_half_up(minutes * ore_per_hour / MINUTES_PER_HOUR)


def hourly_wage(cm: CostModel, monthly_sek: Decimal) -> Fraction:
    """Hourly wage = monthly salary / hours_per_month (165), in öre per hour."""
    return ore(monthly_sek) / Fraction(cm.hours_per_month)


def with_po(cm: CostModel, amount: Fraction) -> Fraction:
    """An amount of wages plus PO (employer social costs): amount × (1 + po_rate)."""
    return amount * (1 + Fraction(cm.po_rate))


def skill_wage(cm: CostModel, skill: str) -> Fraction:
    """Hourly wage of a skill's full-time salary (the cost model was checked to have it)."""
    monthly = cm.skill_salary(skill)
    if monthly is None:
        raise KeyError(f"no monthly salary for skill {skill!r}")
    return hourly_wage(cm, monthly)


def employee_wage(cm: CostModel, emp: Employee) -> tuple[str, Decimal, Fraction]:
    """(salary source: 'employee' or the skill, monthly salary SEK, hourly wage öre)."""
    source, monthly = cm.employee_salary(emp.id, emp.skills)
    if monthly is None:
        raise KeyError(f"no monthly salary for employee {emp.id!r}")
    return source, monthly, hourly_wage(cm, monthly)


def temp_rate(cm: CostModel, wage: Fraction, ob_per_hour: Fraction) -> Fraction:
    """Hourly temp, öre per hour: (wage × (1 + holiday pay) + OB) × (1 + PO)."""
    return with_po(cm, wage * (1 + Fraction(cm.temp_holiday_pay)) + ob_per_hour)


def overtime_rate(cm: CostModel, wage: Fraction, kvalificerad: bool) -> Fraction:
    """Overtime, öre per hour: wage × factor (enkel 1.8, kvalificerad 2.4) × (1 + PO); no OB."""
    factor = cm.overtime_kvalificerad_factor if kvalificerad else cm.overtime_enkel_factor
    return with_po(cm, wage * Fraction(factor))


def agency_rate(cm: CostModel, skill: str) -> Fraction:
    """Agency price per hour (öre, OB not included): the given or default price, else the
    factor × the skill's own loaded hourly cost (wage × (1 + PO))."""
    basis = cm.agency_basis(skill)
    if basis is None:
        raise KeyError(f"no agency rate for skill {skill!r}")
    kind, value = basis
    if kind == "per_hour":
        return ore(value)
    return Fraction(value) * with_po(cm, skill_wage(cm, skill))


def per_minute(ore_per_hour: Fraction) -> int:
    """A whole-öre price per minute: the hourly rate / 60, rounded half up once."""
    return round_half_up(ore_per_hour / MINUTES_PER_HOUR)
