"""A seeded portfolio of units: care homes, LSS group homes and nurse groups.

Defaults are a Leanlink-like care-home portfolio (domain.md §5: ~556 occupied care-home
places in 17–20 units, i.e. ~30 places a unit; ~31–34 staff per first-line manager; a
full-time share of 64.6 % in 2022). Each unit draws its own values from its own random
generator (seeded from the portfolio seed and the unit's number), so unit 3 is the same unit
whether the portfolio has 5 units or 20:
- places: 26–36 (mean ~31); the USK share of day staff 0.5–0.75; the full-time share
  0.55–0.75; contract hours = minimum need × 1.02–1.07 (resurstid).

Every unit is validated as an instance and every employee has a witness schedule
(`bemanna.generate.witness`, passed by the independent checker), so each file loads and is
feasible.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bemanna.generate.care_home import CareHomeParams, care_home_unit
from bemanna.generate.records import write_yaml
from bemanna.generate.small_units import lss_group_home, nurse_group
from bemanna.instance import instance_from_data

Data = dict[str, Any]
START = dt.date(2025, 3, 3)  # a Monday


@dataclass(frozen=True)
class PortfolioParams:
    care_homes: int = 18
    lss_homes: int = 0
    nurse_groups: int = 0
    weeks: int = 4
    seed: int = 0
    start: dt.date = START
    nurses_in_care_homes: bool = True


def care_home_params(p: PortfolioParams, number: int) -> CareHomeParams:
    rng = random.Random(f"care_home-{p.seed}-{number}")
    return CareHomeParams(
        name=f"care_home_{number:02d}",
        places=rng.randint(26, 36),
        weeks=p.weeks,
        start=p.start,
        seed=rng.randrange(2**31),
        usk_share=round(rng.uniform(0.5, 0.75), 2),
        full_time_share=round(rng.uniform(0.55, 0.75), 2),
        slack=round(rng.uniform(1.02, 1.07), 3),
        nurses=p.nurses_in_care_homes,
    )


def generate_portfolio(p: PortfolioParams) -> list[Data]:
    """Instance data of every unit, validated (InstanceError if the generator is wrong)."""
    units: list[Data] = []
    for number in range(1, p.care_homes + 1):
        units.append(care_home_unit(care_home_params(p, number)))
    for number in range(1, p.lss_homes + 1):
        seed = random.Random(f"lss-{p.seed}-{number}").randrange(2**31)
        units.append(lss_group_home(f"lss_group_home_{number:02d}", seed, p.weeks, p.start))
    for number in range(1, p.nurse_groups + 1):
        rng = random.Random(f"nurse_group-{p.seed}-{number}")
        units.append(nurse_group(f"nurse_group_{number:02d}", rng.randrange(2**31), p.weeks,
                                 p.start, homes=rng.choice([2, 2, 3])))
    for unit in units:
        instance_from_data(unit, unit["name"])
    return units


def write_portfolio(units: list[Data], out: Path) -> list[Path]:
    """One YAML instance file per unit (atomic writes); returns the paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for unit in units:
        path = out / f"{unit['name']}.yaml"
        write_yaml(unit, path)
        paths.append(path)
    return paths
