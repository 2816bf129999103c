"""The checker's time helpers against brute force, minute by minute and day by day.

Window loops are where off-by-one errors hide; each helper is compared with the plainest
possible reading of its definition on a few hundred random cases (fixed seed, fast).
"""

from __future__ import annotations

import random

import numpy as np

from bemanna.checker.coverage import MinuteCounter
from bemanna.checker.passes import duration, longest_free, runs


def brute_runs(flags: list[bool], cyclic: bool) -> list[tuple[int, int]]:
    """(first day, length) of each maximal run of True: a day starts a run when it is True and
    the day before is not (cyclic: day 0's day before is the last day)."""
    days = len(flags)
    if all(flags):
        return [(0, days)]

    def worked(day: int) -> bool:
        if cyclic:
            return flags[day % days]
        return 0 <= day < days and flags[day]

    found = []
    for day in range(days):
        if worked(day) and not worked(day - 1):
            length = 1
            while worked(day + length):
                length += 1
            found.append((day, length))
    return found


def test_runs_match_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(400):
        days = rng.choice([7, 14])
        flags = [rng.random() < 0.6 for _ in range(days)]
        for cyclic in (False, True):
            got = [(r.first_day, r.length) for r in runs(flags, cyclic)]
            assert got == brute_runs(flags, cyclic), (flags, cyclic)
            for r in runs(flags, cyclic):
                expected = not cyclic and (r.first_day == 0 or r.first_day + r.length == days)
                assert r.touches_border == expected


def test_longest_free_matches_brute_force() -> None:
    """Mark every busy minute, then measure the longest stretch of unmarked minutes."""
    rng = random.Random(11)
    for _ in range(300):
        busy = []
        for _ in range(rng.randint(0, 4)):
            start = rng.randint(-50, 250)
            busy.append((start, start + rng.randint(1, 80)))
        window = (rng.randint(0, 50), rng.randint(100, 200))
        marked = np.zeros(window[1] - window[0], dtype=bool)
        for start, end in busy:
            marked[max(start, window[0]) - window[0] : max(min(end, window[1]) - window[0], 0)] = (
                True
            )
        longest = current = 0
        for is_busy in marked:
            current = 0 if is_busy else current + 1
            longest = max(longest, current)
        assert longest_free(window, busy) == longest, (window, busy)


def test_minute_counter_wraps_or_cuts() -> None:
    """Against a per-minute loop: cyclic adds at t mod H, non-cyclic drops t >= H."""
    rng = random.Random(3)
    horizon = 100
    for cyclic in (False, True):
        counter = MinuteCounter(horizon, cyclic)
        plain = np.zeros(horizon, dtype=np.int64)
        for _ in range(50):
            start = rng.randint(0, 150)
            end = start + rng.randint(1, 120)
            amount = rng.randint(1, 3)
            counter.add(start, end, amount)
            for t in range(start, end):
                if cyclic:
                    plain[t % horizon] += amount
                elif t < horizon:
                    plain[t] += amount
        assert (counter.counts() == plain).all()


def test_duration_text() -> None:
    assert [duration(m) for m in (570, 660, 45, 0, -30)] == [
        "9 h 30 min",
        "11 h",
        "45 min",
        "0 min",
        "-30 min",
    ]
