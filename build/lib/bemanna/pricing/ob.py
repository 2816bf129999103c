"""OB (obekväm arbetstid): the supplement for evenings, nights, weekends and holidays.

Every minute gets the single highest-paid OB category it lies in (`bemanna.tariff.clock`).

A pass is paid OB on each minute of its parts. The unpaid break is not placed in the
schedule (docs/rules.md), so a break that would fall in OB time is counted as OB: an upper
bound for such passes, exact for every pass without an unpaid break. Minutes are read off the
roster's own date-times, so a rotating base schedule is priced on its nominal dates.
"""

from __future__ import annotations

import pandas as pd

from bemanna.checker.passes import RosterView
from bemanna.tariff.clock import NO_OB, ObClock, ob_clock, pass_ob_minutes
from bemanna.tariff.rates import cost_of, with_po

__all__ = ["NO_OB", "ObClock", "ob_clock", "ob_per_pass"]

OB_COLUMNS = ["employee", "date", "shift", "kind", "skill", "category", "minutes", "ob_ore",
              "po_ore", "cost_ore"]


def ob_per_pass(view: RosterView, clock: ObClock) -> pd.DataFrame:
    """One row per pass and OB category it earns: minutes, the OB supplement, PO on it and
    the sum (ob = minutes × rate / 60, cost = ob × (1 + PO), each rounded once)."""
    cm = view.instance.cost_model
    rows = []
    for p in sorted(view.all_passes(), key=lambda p: (p.start, p.employee)):
        for i, count in enumerate(pass_ob_minutes(clock, list(p.parts))):
            if count == 0:
                continue
            rate = clock.rate(i)
            ob = cost_of(int(count), rate)
            cost = cost_of(int(count), with_po(cm, rate))
            rows.append((p.employee, p.date, p.shift_id, p.kind, p.skill, clock.name(i),
                         int(count), ob, cost - ob, cost))
    frame = pd.DataFrame(rows, columns=OB_COLUMNS)
    return frame.astype({c: "int64" for c in OB_COLUMNS[6:]})
