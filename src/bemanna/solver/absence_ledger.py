"""What a resurspass is worth to the constructive roster: the expected absence it can cover.

The objective credits a resurspass minute where absence is expected (`expected_absence_cover`,
`bemanna.tariff.absence_cover`): −P per minute up to the expected absent need A of its cell
(a date × time band, per skill). The greedy (`construct.py`) keeps, per skill and cell, the
absent need no resurspass covers yet and values a resurspass by the credit it would still
earn, in the greedy's unit (a minute of need at `SEK_PER_MINUTE`). So a line's spare hours
go where absence is expected, not anywhere: on the care home the greedy's resurspass earned
about 103 kSEK of the credit against 204 kSEK in a 60 s roster (of at most 255 kSEK).

The same arithmetic as the builder and the checker (they share `absence_cover`), kept in
numpy; the roster is priced on the full model before use, so a slip costs quality, not a
rule.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from bemanna.instance.model import Instance
from bemanna.solver.index import PassOption
from bemanna.tariff.absence_cover import absence_cover, cell_of_minute
from bemanna.tariff.clock import ObClock, ob_clock

Span = tuple[int, int]


class AbsenceLedger:
    """Per skill and cell: expected absent minutes still uncovered by resurspass, and the öre
    a covered minute earns."""

    def __init__(self, inst: Instance, need: dict[str, tuple[np.ndarray, np.ndarray]],
                 horizon_minutes: int, ore_per_unit: float,
                 clock: ObClock | None = None) -> None:
        self.inst = inst
        self.cells = cell_of_minute(horizon_minutes)
        self.unit = ore_per_unit
        self.minutes: dict[tuple[int, str], tuple[np.ndarray, np.ndarray]] = {}
        """Per (day, shift type): the cells a pass touches and its minutes in each."""
        self.open: dict[str, np.ndarray] = {}
        self.price: dict[str, np.ndarray] = {}
        if not inst.resurspass:
            return
        clock = clock or ob_clock(inst)
        for skill, arrays in need.items():
            if skill.startswith("tariff"):
                continue
            cover = absence_cover(inst, skill, arrays[0], clock)
            if cover is not None and cover.expected.any():
                self.open[skill] = cover.expected.astype(np.int64).copy()
                self.price[skill] = cover.price.astype(np.float64)

    def skill_of(self, opt: PassOption) -> str | None:
        """The skill a resurspass of this option counts for (as the model builds it: the
        employee's first skill the shift has)."""
        shifts = opt.shift.skills
        return next((k for k in self.inst.employee[opt.employee].skills if k in shifts), None)

    def _minutes(self, opt: PassOption, spans: Iterable[Span]
                 ) -> tuple[np.ndarray, np.ndarray]:
        key = (opt.day, opt.shift.id)
        found = self.minutes.get(key)
        if found is None:
            parts = [self.cells[a:b] for a, b in spans if b > a]
            joined = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
            found = self.minutes[key] = np.unique(joined, return_counts=True)
        return found

    def value(self, opt: PassOption, spans: Iterable[Span], held: bool = False) -> float:
        """The credit a resurspass of `opt` earns, in greedy units; `held`: as if the
        resurspass (already booked here) were taken out first."""
        skill = self.skill_of(opt)
        if skill is None or skill not in self.open:
            return 0.0
        cells, counts = self._minutes(opt, spans)
        left = self.open[skill][cells] + (counts if held else 0)
        covered = np.minimum(counts, np.maximum(0, left))
        return float(np.dot(covered, self.price[skill][cells])) / self.unit

    def book(self, opt: PassOption, spans: Iterable[Span], sign: int) -> None:
        """A resurspass placed (`sign` 1) or taken out (−1)."""
        skill = self.skill_of(opt)
        if skill is None or skill not in self.open:
            return
        cells, counts = self._minutes(opt, spans)
        self.open[skill][cells] -= sign * counts
