"""Remembered pass values for the constructive roster (`construct.py`), kept per day.

A pass's value reads the coverage of its own skill (or, for a resurspass, the absence ledger
of its skill) over the days its minutes touch, and its day's shift-cover count. Placing a
pass changes only those, so each (role, day) keeps a version, and a remembered value is
used while the versions it was computed at stand. (One version for the whole roster, as
before, threw every value away on every move: the ejection moves then spent most of their
time recomputing values nothing had changed.)
"""

from __future__ import annotations

from collections import defaultdict

Stamp = tuple[int, ...]


class ValueMemo:
    def __init__(self) -> None:
        self.versions: defaultdict[tuple[str, int], int] = defaultdict(int)
        self.values: dict[tuple[int, str, str], tuple[Stamp, float]] = {}

    def stamp(self, role: str, days: tuple[int, ...], cover_day: int | None) -> Stamp:
        """The versions a value of `role` over `days` (and the shift cover of `cover_day`)
        depends on."""
        versions = self.versions
        found = tuple(versions[(role, d)] for d in days)
        return found if cover_day is None else (*found, versions[("", cover_day)])

    def get(self, key: tuple[int, str, str], stamp: Stamp) -> float | None:
        known = self.values.get(key)
        return known[1] if known is not None and known[0] == stamp else None

    def put(self, key: tuple[int, str, str], stamp: Stamp, value: float) -> None:
        self.values[key] = (stamp, value)

    def changed(self, role: str, days: tuple[int, ...], cover_day: int | None) -> None:
        """A pass of `role` over `days` was placed or taken out."""
        for d in days:
            self.versions[(role, d)] += 1
        if cover_day is not None:
            self.versions[("", cover_day)] += 1
