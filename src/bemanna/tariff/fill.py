"""The price of uncovered need: buying it per the skill's gap-fill policy (domain.md §4).

Each policy source is one or two *pays*, priced per minute in whole öre (`rates.per_minute`):

- **hourly_temp**: (wage × (1 + holiday pay) + OB) × (1 + PO), wage = skill salary / 165;
- **overtime** of own staff: **enkel** wage × 1.8 × (1 + PO) for a minute within
  `overtime_enkel_minutes` (2 h) before the start or after the end of an ordinary pass of the
  skill (one headcount per such pass), **kvalificerad** wage × 2.4 × (1 + PO) otherwise; no OB;
- **agency**: the agency price + OB (an invoice: no PO).

OB is the category of that minute (`clock`). Every source but the last has a cap
(`max_hours_per_week` × weeks). The sources buy **in policy order**: of U uncovered units
(headcount-minutes) the first source buys min(U, cap), the next min(rest, its cap), the last
the rest. **Which** units each source buys is chosen at the least total cost (`cheapest_fill`,
an exact linear program over the few classes of equally priced minutes): temps and agency take
the minutes where their OB costs least relative to the others, overtime takes the enkel
minutes first. The solver's objective encodes the same rule, so for a fixed roster both reach
the same optimum to the öre.

`costs.uncovered_per_hour` (or its default) replaces all this by one flat rate per minute when
it is given: a planner's weight instead of money (benchmarks use 0).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.optimize import linprog

from bemanna.instance import Instance
from bemanna.instance.cost_model import Source
from bemanna.tariff.clock import ObClock
from bemanna.tariff.rates import (
    agency_rate,
    overtime_rate,
    per_minute,
    skill_wage,
    temp_rate,
    with_po,
)
from bemanna.tariff.refill_order import bought_steps
from bemanna.units import MINUTES_PER_HOUR, ore_per_minute

IntArray = npt.NDArray[np.int64]

ENKEL, KVALIFICERAD = "enkel", "kvalificerad"


@dataclass(frozen=True)
class Pay:
    """One way a minute of need is paid: a source and its pay kind, priced per minute."""

    source: Source | str
    """hourly_temp, overtime or agency; 'flat' for a flat objective weight."""
    pay: str
    """hourly_temp, enkel, kvalificerad, agency or flat."""
    price: IntArray
    """Öre per minute at each minute of the horizon."""


@dataclass(frozen=True)
class FillPlan:
    """How one skill's uncovered minutes are bought."""

    skill: str
    pays: tuple[Pay, ...]
    caps: dict[str, int]
    """Minutes over the horizon per capped source."""
    enkel_window: int
    """Minutes before/after an ordinary pass in which overtime is enkel (0: no enkel pay)."""

    @property
    def single(self) -> Pay | None:
        """The one pay, when there is no choice to make (one pay, no cap)."""
        return self.pays[0] if len(self.pays) == 1 and not self.caps else None

    def available(self, eligible: bool) -> list[int]:
        """Indices of the pays a unit may take: enkel only within the window, kvalificerad
        only outside it (an enkel minute is never paid as kvalificerad)."""
        skip = KVALIFICERAD if eligible else ENKEL
        return [i for i, p in enumerate(self.pays) if p.pay != skip]


def _constant(value: int, size: int) -> IntArray:
    array = np.full(size, value, dtype=np.int64)
    array.flags.writeable = False
    return array


def flat_rate(instance: Instance, skill: str) -> int | None:
    """The flat objective weight per uncovered minute of a skill, when one is given."""
    rate = instance.costs.uncovered(skill)
    return None if rate is None else ore_per_minute(rate)


def fill_plan(instance: Instance, skill: str, clock: ObClock, *, money: bool = False) -> FillPlan:
    """The pays for a skill's uncovered need over the horizon. `money=True` ignores a flat
    override (the pricing reports what the need costs in kronor, whatever the weights)."""
    size = instance.horizon.days * 24 * MINUTES_PER_HOUR
    flat = None if money else flat_rate(instance, skill)
    if flat is not None:
        return FillPlan(skill, (Pay("flat", "flat", _constant(flat, size)),), {}, 0)
    cm = instance.cost_model
    ob_index = clock.index[:size]
    categories = range(-1, len(clock.categories))

    def by_ob(price_of: dict[int, int]) -> IntArray:
        table = np.array([price_of[i] for i in categories], dtype=np.int64)
        array: IntArray = table[ob_index + 1]
        array.flags.writeable = False
        return array

    pays: list[Pay] = []
    caps: dict[str, int] = {}
    enkel_window = 0
    for entry in bought_steps(instance, skill):  # the one refill order (refill_order.py)
        if entry.cap_minutes is not None:
            caps[entry.source] = entry.cap_minutes
        if entry.source == "hourly_temp":
            wage = skill_wage(cm, skill)
            price = {i: per_minute(temp_rate(cm, wage, clock.rate(i))) for i in categories}
            pays.append(Pay("hourly_temp", "hourly_temp", by_ob(price)))
        elif entry.source == "agency":
            base = agency_rate(cm, skill)
            price = {i: per_minute(base + clock.rate(i)) for i in categories}
            pays.append(Pay("agency", "agency", by_ob(price)))
        else:
            wage = skill_wage(cm, skill)
            enkel_window = cm.overtime_enkel_minutes
            if enkel_window:
                pays.append(Pay("overtime", ENKEL, _constant(
                    per_minute(overtime_rate(cm, wage, kvalificerad=False)), size)))
            pays.append(Pay("overtime", KVALIFICERAD, _constant(
                per_minute(overtime_rate(cm, wage, kvalificerad=True)), size)))
    return FillPlan(skill, tuple(pays), caps, enkel_window)


def stranded_rate(instance: Instance, skill: str) -> int:
    """Öre per stranded resurstid minute of a skill: the given flat rate, else the skill's
    wage incl. PO (paid time nobody needs)."""
    given = instance.costs.stranded_resurstid_per_hour
    if given is not None:
        return ore_per_minute(given)
    cm = instance.cost_model
    return per_minute(with_po(cm, skill_wage(cm, skill)))


# --- the cheapest allocation ----------------------------------------------------------------


def allocate_in_order(units: IntArray, amounts: list[int]) -> list[IntArray]:
    """Split per-minute units over parts of the given total amounts, in time order: the units
    of minute t are the cumulative units (before(t), total(t)], part i owns the cumulative
    range (lo_i, lo_i + amount_i] and takes the overlap."""
    total = np.cumsum(units)
    before = total - units
    parts: list[IntArray] = []
    low = 0
    for amount in amounts:
        high = low + amount
        parts.append(np.maximum(0, np.minimum(total, high) - np.maximum(before, low)))
        low = high
    return parts


def source_totals(plan: FillPlan, units: int) -> dict[str, int]:
    """Units each source buys: the sources in policy order, each up to its cap."""
    totals: dict[str, int] = {}
    left = units
    for pay in plan.pays:
        source = str(pay.source)
        if source in totals:
            continue
        cap = plan.caps.get(source)
        totals[source] = left if cap is None else min(left, cap)
        left -= totals[source]
    return totals


def _solve_classes(plan: FillPlan, prices: list[IntArray], demand: list[int],
                   eligible: list[bool]) -> list[dict[int, int]]:
    """Units per pay for each class of equally priced units: each source buys its total
    (`source_totals`), and which units it buys is chosen at least cost."""
    totals = source_totals(plan, sum(demand))
    columns = [(cls, i) for cls, elig in enumerate(eligible) for i in plan.available(elig)
               if totals[str(plan.pays[i].source)]]
    by_class: dict[int, list[int]] = {}
    for cls, i in columns:
        by_class.setdefault(cls, []).append(i)
    if len([s for s in totals.values() if s]) == 1 and all(len(v) == 1 for v in by_class.values()):
        return [{by_class[cls][0]: want} for cls, want in enumerate(demand)]
    sources = [s for s, total in totals.items() if total]
    a_eq = np.zeros((len(demand) + len(sources), len(columns)))
    for j, (cls, i) in enumerate(columns):
        a_eq[cls, j] = 1
        a_eq[len(demand) + sources.index(str(plan.pays[i].source)), j] = 1
    result = linprog([int(prices[cls][i]) for cls, i in columns], A_eq=a_eq,
                     b_eq=[*demand, *(totals[s] for s in sources)], bounds=(0, None),
                     method="highs")
    if result.status != 0:  # pragma: no cover - supply equals demand: always feasible
        raise RuntimeError(f"gap-fill allocation for {plan.skill}: {result.message}")
    # A transportation problem: the vertex HiGHS returns is integral (up to its tolerance).
    amounts = [dict[int, int]() for _ in demand]
    for (cls, i), x in zip(columns, result.x, strict=True):
        units = round(float(x))
        if units:
            amounts[cls][i] = units
    for cls, want in enumerate(demand):
        assert sum(amounts[cls].values()) == want, "gap-fill allocation is not integral"
    return amounts


def cheapest_fill(plan: FillPlan, uncovered: IntArray,
                  enkel_capacity: IntArray | None = None) -> list[IntArray]:
    """Per pay of the plan: the units (headcount-minutes) it buys at each minute: each source
    its `source_totals`, the units chosen at the least total cost. `enkel_capacity` is, per
    minute, how many units may be enkel overtime (ordinary passes of the skill ending or
    starting within the window).

    Minutes with the same prices are interchangeable, so the units are grouped into classes by
    price vector (and enkel eligibility), the classes allocated by a linear program (HiGHS,
    exact for this transportation structure), and each class's share spread in time order.
    """
    size = len(uncovered)
    out = [np.zeros(size, dtype=np.int64) for _ in plan.pays]
    if not uncovered.any():
        return out
    if plan.enkel_window and enkel_capacity is not None:
        eligible_units = np.minimum(uncovered, enkel_capacity)
    else:
        eligible_units = np.zeros(size, dtype=np.int64)
    groups = [(True, eligible_units), (False, uncovered - eligible_units)]
    price_matrix = np.stack([p.price for p in plan.pays], axis=1)
    prices: list[IntArray] = []
    demand: list[int] = []
    eligible: list[bool] = []
    members: list[IntArray] = []
    for elig, units in groups:
        minutes = np.flatnonzero(units)
        if len(minutes) == 0:
            continue
        keys, inverse = np.unique(price_matrix[minutes], axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        for cls, key in enumerate(keys):
            chosen = minutes[inverse == cls]
            per_minute_units = np.zeros(size, dtype=np.int64)
            per_minute_units[chosen] = units[chosen]
            prices.append(key)
            demand.append(int(units[chosen].sum()))
            eligible.append(elig)
            members.append(per_minute_units)
    for cls, amounts in enumerate(_solve_classes(plan, prices, demand, eligible)):
        order = sorted(amounts)
        for i, part in zip(order, allocate_in_order(members[cls], [amounts[i] for i in order]),
                           strict=True):
            out[i] += part
    return out


def fill_cost(plan: FillPlan, bought: list[IntArray]) -> int:
    """Öre of the units each pay buys, at its per-minute prices."""
    return sum(int(np.dot(units, pay.price)) for units, pay in zip(bought, plan.pays,
                                                                     strict=True))
