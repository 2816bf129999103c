"""The absence profile of the instance: defaults, validation (exit 2), history CSV, lookups."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from bemanna.instance import InstanceError, load_instance
from bemanna.instance.absence import BAND_NAMES, DEFAULT_RATE, absence_rate
from bemanna.pricing.bands import BAND_NAMES as PRICING_BANDS
from bemanna.simulation import expected_absence_table, expected_need_absence
from test_check_builders import MONDAY, make_instance
from test_cli import assert_bad_input, bemanna


def problems(**absence: Any) -> list[str]:
    with pytest.raises(InstanceError) as caught:
        make_instance(absence=absence)
    return caught.value.problems


def test_default_is_the_2023_sick_leave_rate() -> None:
    """No `absence` section: 9.7 % everywhere (domain.md §1), single-day spells."""
    inst = make_instance()
    assert inst.absence.rate == DEFAULT_RATE == Decimal("0.097")
    assert absence_rate(inst, "E1", MONDAY, "night") == pytest.approx(0.097)
    assert inst.absence.spell_continue == 0


def test_bands_are_the_pricing_bands() -> None:
    """The instance package repeats the band names (it may not import pricing)."""
    assert BAND_NAMES == PRICING_BANDS


def test_rates_factors_and_skill_rates() -> None:
    """usk 0.1 × Saturday 1.5 × night 0.5 = 0.075; ssk keeps the base 0.05 × factors; a
    Monday morning of usk is 0.1 (factors missing = 1)."""
    inst = make_instance(absence={"rate": 0.05, "skill_rates": {"usk": 0.1},
                                  "weekday_factor": {"sat": 1.5}, "band_factor": {"night": 0.5}})
    saturday = MONDAY + dt.timedelta(days=5)
    assert absence_rate(inst, "E1", saturday, "night") == pytest.approx(0.075)
    assert absence_rate(inst, "E1", MONDAY, "morning") == pytest.approx(0.1)
    rates = inst.absence.cell_rates("ssk")
    assert rates.shape == (7, 4)
    assert rates[5, BAND_NAMES.index("night")] == pytest.approx(0.0375)


@pytest.mark.parametrize(("absence", "expected"), [
    ({"rate": 1}, "absence.rate: Input should be less than 1"),
    ({"rate": -0.1}, "absence.rate: Input should be greater than or equal to 0"),
    ({"skill_rates": {"usk": 1.5}}, "absence.skill_rates.usk: Input should be less than 1"),
    ({"skill_rates": {"rn": 0.1}}, "absence.skill_rates.rn: unknown skill 'rn'"),
    ({"band_factor": {"noon": 2}}, "absence.band_factor: unknown band 'noon'"),
    ({"weekday_factor": {"monday": 2}}, "absence.weekday_factor.monday"),
    ({"spell_mean_days": 0.5}, "absence.spell_mean_days: Input should be greater than or equal"),
    ({"rate": 0.2, "weekday_factor": {"sat": 2}, "band_factor": {"night": 3}},
     "absence: the rate of skill 'usk' on sat night is 1.2"),
    ({"colour": "red"}, "absence.colour: Extra inputs are not permitted"),
])
def test_bad_profiles_name_the_field(absence: dict[str, Any], expected: str) -> None:
    assert any(line.startswith(expected) for line in problems(**absence)), problems(**absence)


def write_instance(folder: Path, absence: dict[str, Any]) -> Path:
    data = {
        "name": "absence-test",
        "horizon": {"start": MONDAY.isoformat(), "weeks": 1, "cyclic": False},
        "skills": [{"id": "usk"}],
        "shift_types": [{"id": "D", "parts": [{"start": "07:00", "end": "15:00"}],
                         "break_minutes": 30, "skills": ["usk"]}],
        "employees": [{"id": "E1", "skills": ["usk"]}],
        "demand": [{"skill": "usk", "bands": [{"start": "07:00", "end": "15:00", "min": 1}]}],
        "absence": absence,
    }
    path = folder / "instance.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


HISTORY = """date,skill,band,scheduled_minutes,absent_minutes
2024-03-04,usk,morning,1000,100
2024-03-11,usk,morning,1000,300
2024-03-09,usk,night,600,0
"""


def test_history_gives_the_cells_it_covers(tmp_path: Path) -> None:
    """History relative to the instance file: Monday mornings 400 / 2 000 = 0.2 (two Mondays
    summed), Saturday nights 0 / 600 = 0; cells without history keep the rate (0.05)."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "absence.csv").write_text(HISTORY, encoding="utf-8")
    inst = load_instance(write_instance(tmp_path, {"rate": 0.05,
                                                   "history_csv": "data/absence.csv"}))
    saturday = MONDAY + dt.timedelta(days=5)
    assert absence_rate(inst, "E1", MONDAY, "morning") == pytest.approx(0.2)
    assert absence_rate(inst, "E1", saturday, "night") == 0
    assert absence_rate(inst, "E1", MONDAY, "evening") == pytest.approx(0.05)
    assert inst.absence.history_csv is not None
    assert inst.absence.history_csv.path == str((tmp_path / "data" / "absence.csv").resolve())


@pytest.mark.parametrize(("text", "expected"), [
    ("date,skill,band,scheduled_minutes\n", "lacks the column(s) absent_minutes"),
    (HISTORY + "2024-03-05,usk,noon,60,0\n", "line 5: unknown band 'noon'"),
    (HISTORY + "2024-13-05,usk,night,60,0\n", "line 5: date '2024-13-05' is not a date"),
    (HISTORY + "2024-03-05,usk,night,60,90\n", "line 5: absent_minutes 90 exceed"),
    (HISTORY + "2024-03-05,usk,night,6x,0\n", "line 5: scheduled_minutes '6x' is not a whole"),
    (HISTORY + "2024-03-05,rn,night,60,0\n", "absence.history_csv: line 5: unknown skill 'rn'"),
    ("date,skill,band,scheduled_minutes,absent_minutes\n2024-03-04,usk,night,60,60\n",
     "absence: the rate of skill 'usk' on mon night is 1 (from history_csv)"),
    ("", "is empty"),
])
def test_bad_history_names_the_line(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "absence.csv").write_text(text, encoding="utf-8")
    with pytest.raises(InstanceError) as caught:
        load_instance(write_instance(tmp_path, {"history_csv": "absence.csv"}))
    assert any(expected in line for line in caught.value.problems), caught.value.problems
    field_lines = [p for p in caught.value.problems if expected in p]
    assert field_lines[0].startswith("absence"), field_lines


def test_missing_history_file(tmp_path: Path) -> None:
    with pytest.raises(InstanceError) as caught:
        load_instance(write_instance(tmp_path, {"history_csv": "nowhere.csv"}))
    assert caught.value.problems[0].startswith("absence.history_csv: no such file")


def test_validate_exits_2_on_a_bad_rate(tmp_path: Path) -> None:
    """The command line: one line naming the field, exit code 2, no traceback."""
    proc = bemanna("validate", write_instance(tmp_path, {"rate": 1.2}), lang="en")
    assert_bad_input(proc, "absence.rate: Input should be less than 1")


def test_expected_need_absence_is_rate_times_need() -> None:
    """Need 1 usk Monday–Sunday 07:00–15:00 (480 min a day, morning 360 + afternoon 120),
    rate 0.1: 0.1 headcount each minute of it; per cell 0.1 × 360 = 36 morning minutes."""
    inst = make_instance(
        demand=[{"skill": "usk", "bands": [{"start": "07:00", "end": "15:00", "min": 1}]}],
        absence={"rate": 0.1})
    per_minute = expected_need_absence(inst)["usk"]
    assert per_minute[8 * 60] == pytest.approx(0.1)
    assert per_minute[16 * 60] == 0
    assert np.isclose(per_minute.sum(), 0.1 * 480 * 7)
    table = expected_absence_table(inst).set_index(["skill", "weekday", "band"])
    assert table.loc[("usk", "mon", "morning"), "need_minutes"] == 360
    assert table.loc[("usk", "mon", "morning"), "expected_absent_minutes"] == pytest.approx(36)
    assert table.loc[("usk", "mon", "afternoon"), "expected_absent_minutes"] == pytest.approx(12)
