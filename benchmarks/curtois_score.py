"""Independent scorer for the Curtois & Qu benchmark: the ORIGINAL instance file + a roster.json.

    python benchmarks/curtois_score.py Instance1.txt out/roster.json

It reads the instance with its own small parser and the roster with `json` only (no bemanna,
no OR-Tools), and scores it from the benchmark's own wording (benchmarks/data/curtois/README.md):
9 hard rules, each broken instance one violation line, and the objective = shift-on requests
not granted + shift-off requests granted + cover weight_under × missing + weight_over × surplus.
Day index of an assignment = (date − 2024-01-01).days. Exit code 0 when no hard rule is
broken, 1 when one is, 2 for unreadable input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DAY_ZERO = dt.date(2024, 1, 1)


@dataclass(frozen=True)
class Staff:
    max_shifts: dict[str, int]
    max_minutes: int
    min_minutes: int
    max_run: int
    min_run: int
    min_off: int
    max_weekends: int


@dataclass
class Benchmark:
    """The file's contents as plain mappings (deliberately not the importer's model)."""

    days: int
    length: dict[str, int] = field(default_factory=dict)
    cannot_follow: dict[str, set[str]] = field(default_factory=dict)
    staff: dict[str, Staff] = field(default_factory=dict)
    days_off: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    shift_on: list[tuple[str, int, str, int]] = field(default_factory=list)
    shift_off: list[tuple[str, int, str, int]] = field(default_factory=list)
    cover: list[tuple[int, str, int, int, int]] = field(default_factory=list)


@dataclass
class Score:
    objective: int
    violations: list[str]
    """One line per broken hard rule instance, each starting 'rule N'."""
    terms: dict[str, int]

    def count_by_rule(self) -> dict[int, int]:
        counts: dict[int, int] = defaultdict(int)
        for line in self.violations:
            counts[int(line.split()[1].rstrip(":"))] += 1
        return dict(counts)


def read_benchmark(text: str) -> Benchmark:
    section = ""
    rows: dict[str, list[list[str]]] = defaultdict(list)
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            section = line
            continue
        rows[section].append([f.strip() for f in line.split(",")])
    bench = Benchmark(days=int(rows["SECTION_HORIZON"][0][0]))
    for sid, minutes, *rest in rows["SECTION_SHIFTS"]:
        bench.length[sid] = int(minutes)
        bench.cannot_follow[sid] = {s for s in (rest[0] if rest else "").split("|") if s}
    for eid, max_shifts, *limits in rows["SECTION_STAFF"]:
        per_type = {k: int(v) for k, _, v in (item.partition("=")
                                                for item in max_shifts.split("|") if item)}
        bench.staff[eid] = Staff(per_type, *(int(v) for v in limits[:6]))
    for eid, *days in rows["SECTION_DAYS_OFF"]:
        bench.days_off[eid].update(int(d) for d in days if d)
    for target, name in ((bench.shift_on, "SECTION_SHIFT_ON_REQUESTS"),
                         (bench.shift_off, "SECTION_SHIFT_OFF_REQUESTS")):
        for eid, day, sid, weight, *_ in rows[name]:
            target.append((eid, int(day), sid, int(weight)))
    for day, sid, req, under, over, *_ in rows["SECTION_COVER"]:
        bench.cover.append((int(day), sid, int(req), int(under), int(over)))
    return bench


def read_assignments(roster: dict[str, Any]) -> list[tuple[str, int, str]]:
    """(employee, day, shift) for every assignment of a bemanna roster.json."""
    result = []
    for item in roster["assignments"]:
        day = (dt.date.fromisoformat(item["date"]) - DAY_ZERO).days
        result.append((str(item["employee"]), day, str(item["shift"])))
    return result


def _runs(worked: list[bool], value: bool) -> list[tuple[int, int]]:
    """Maximal runs of days equal to `value`, as (first day, length)."""
    runs, start = [], None
    for day, w in enumerate([*worked, not value]):
        if w == value and start is None:
            start = day
        elif w != value and start is not None:
            runs.append((start, day - start))
            start = None
    return runs


def score(bench: Benchmark, assignments: list[tuple[str, int, str]]) -> Score:
    days = bench.days
    violations: list[str] = []
    shifts_of: dict[tuple[str, int], list[str]] = defaultdict(list)
    for eid, day, sid in assignments:
        if eid not in bench.staff or sid not in bench.length or not 0 <= day < days:
            violations.append(f"rule 0: unknown assignment {eid} day {day} shift {sid}")
            continue
        shifts_of[(eid, day)].append(sid)

    for eid, staff in bench.staff.items():
        on = [shifts_of.get((eid, d), []) for d in range(days)]
        worked = [bool(s) for s in on]
        for d, s in enumerate(on):
            if len(s) > 1:
                violations.append(f"rule 1: {eid} works {len(s)} shifts on day {d}")
        for d in range(days - 1):
            for first in on[d]:
                for then in on[d + 1]:
                    if then in bench.cannot_follow[first]:
                        violations.append(f"rule 2: {eid} works {then} on day {d + 1} "
                                          f"after {first}")
        for sid, limit in staff.max_shifts.items():
            n = sum(sid in s for s in on)
            if n > limit:
                violations.append(f"rule 3: {eid} works {sid} {n} times, max {limit}")
        minutes = sum(bench.length[sid] for s in on for sid in s)
        if not staff.min_minutes <= minutes <= staff.max_minutes:
            violations.append(f"rule 4: {eid} works {minutes} min, allowed "
                              f"{staff.min_minutes}–{staff.max_minutes}")
        for start, length in _runs(worked, True):
            if length > staff.max_run:
                violations.append(f"rule 5: {eid} works {length} days from day {start}, "
                                  f"max {staff.max_run}")
        for rule, value, minimum in ((6, True, staff.min_run), (7, False, staff.min_off)):
            for start, length in _runs(worked, value):
                at_border = start == 0 or start + length == days
                if length < minimum and not at_border:
                    what = "works" if value else "is off"
                    violations.append(f"rule {rule}: {eid} {what} only {length} days from "
                                      f"day {start}, min {minimum}")
        weekends = sum(worked[7 * w + 5] or worked[7 * w + 6] for w in range(days // 7))
        if weekends > staff.max_weekends:
            violations.append(f"rule 8: {eid} works {weekends} weekends, "
                              f"max {staff.max_weekends}")
        for d in sorted(bench.days_off.get(eid, set())):
            if 0 <= d < days and worked[d]:
                violations.append(f"rule 9: {eid} works on day off {d}")

    terms = {"shift_on": 0, "shift_off": 0, "cover_under": 0, "cover_over": 0}
    for eid, day, sid, weight in bench.shift_on:
        if sid not in shifts_of.get((eid, day), []):
            terms["shift_on"] += weight
    for eid, day, sid, weight in bench.shift_off:
        if sid in shifts_of.get((eid, day), []):
            terms["shift_off"] += weight
    for day, sid, req, under, over in bench.cover:
        n = sum(shifts_of.get((eid, day), []).count(sid) for eid in bench.staff)
        terms["cover_under"] += under * max(0, req - n)
        terms["cover_over"] += over * max(0, n - req)
    return Score(sum(terms.values()), violations, terms)


def score_files(instance_path: str | Path, roster_path: str | Path) -> Score:
    bench = read_benchmark(Path(instance_path).read_text(encoding="utf-8"))
    roster_path = Path(roster_path)
    if roster_path.is_dir():
        roster_path = roster_path / "roster.json"
    roster = json.loads(roster_path.read_text(encoding="utf-8"))
    return score(bench, read_assignments(roster))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("instance", help="the original Curtois file, e.g. Instance1.txt")
    parser.add_argument("roster", help="a bemanna roster.json (or the folder holding it)")
    args = parser.parse_args(argv)
    try:
        result = score_files(args.instance, args.roster)
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        print(f"error: cannot score: {exc!r}", file=sys.stderr)
        return 2
    print(f"objective: {result.objective}")
    print("  " + ", ".join(f"{k} {v}" for k, v in result.terms.items()))
    print(f"hard violations: {len(result.violations)}")
    for line in result.violations:
        print(f"  {line}")
    return 1 if result.violations else 0


if __name__ == "__main__":
    sys.exit(main())
