"""Issue 17, item 9: the pre-solve checks name shift types nobody can ever work, and need that
no shift type covers.

A shift part 07:00–07:00 is a 24 h pass: no pass may span more than 13 h (pass_span, hard by
default), so the solver drops it without a word and `validate` said "valid". Each case below
is a shift type that no employee can work, for one reason the message must name; a shift
type someone can work gives no finding. All are warnings (the roster still exists).
Instances from solver_cases (D 07:00–15:30, K 13:30–21:30, N 21:00–07:00, skill usk).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from bemanna.cli import app
from bemanna.presolve import presolve
from solver_cases import D, K, N, band, build, employee, need, shift
from test_cli import tiny_data, write_instance

DAY24 = shift("L", ("07:00", "07:00"))
"""07:00 to 07:00 the next morning: 24 h, far over pass_span's 13 h."""


def shift_messages(inst: Any) -> list[str]:
    return [f.text("en") for f in presolve(inst) if f.check == "shifts"]


def test_a_24_hour_pass_is_flagged() -> None:
    [message] = shift_messages(build([D, DAY24]))
    assert message.startswith("shift type L (07:00–07:00) can never be worked: it spans 24 h, "
                              "more than pass_span allows (13 h, hard)")


def test_a_shift_nobody_has_the_skill_for() -> None:
    ssk = shift("X", ("07:00", "15:00"), break_minutes=30, skills=["ssk"])
    [message] = shift_messages(build([D, ssk], skills=[{"id": "usk"}, {"id": "ssk"}]))
    assert "shift type X (07:00–15:00) can never be worked: nobody has skill ssk" in message


def test_a_shift_nobody_is_allowed() -> None:
    inst = build([D, K], employees=[employee(allowed_shifts=["D"]),
                                    employee("E2", allowed_shifts=["D"])])
    [message] = shift_messages(inst)
    assert ("shift type K (13:30–21:30) can never be worked: the 2 employees with its skills "
            "are not allowed it (allowed_shifts)") in message


def test_a_shift_no_dygnsbryt_leaves_rest_for() -> None:
    """daily_rest_24h hard, every dygnsbryt 00:00: the window 00:00–24:00 around the split
    pass D2 (06:00–11:00 + 14:00–19:00, span 13 h: within pass_span and breaks) holds rests of
    6 h, 3 h and 5 h, never 11 h in one piece; D
    (07:00–15:30) leaves 8 h 30 min after it and 7 h before, also under 11 h, so both are
    flagged; N (21:00–07:00) leaves 14 h (07:00–21:00) in the window after its start."""
    d2 = shift("D2", ("06:00", "11:00"), ("14:00", "19:00"))
    inst = build([D, d2, N], rules={"daily_rest_24h": {"enabled": True, "mode": "hard"}})
    messages = shift_messages(inst)
    assert len(messages) == 2, messages
    assert all("daily_rest_24h" in m and "dygnsbryt 00:00" in m for m in messages)
    assert {m.split()[2] for m in messages} == {"D", "D2"}


def test_a_workable_shift_gives_nothing() -> None:
    assert shift_messages(build([D, K, N])) == []


def test_need_no_shift_type_covers() -> None:
    """Need 22:00–23:00 every day, only D exists: no shift type covers it (7 × 1 h)."""
    inst = build([D], demand=[need(band("22:00", "23:00"))])
    found = [f for f in presolve(inst) if f.check == "bands"]
    assert len(found) == 1
    assert found[0].text("en").startswith("usk: no shift type covers Mondays 22:00–23:00")
    assert found[0].text("en").endswith("7 h of need will be uncovered (priced as "
                                     "uncovered_demand)")
    assert [f for f in presolve(inst) if f.check == "qualified"] == []  # not said twice


def test_validate_names_the_24_hour_shift(tmp_path: Path) -> None:
    data = tiny_data()
    data["shift_types"].append({"id": "L", "parts": [{"start": "07:00", "end": "07:00"}],
                                "break_minutes": 60, "skills": ["usk"]})
    path = str(write_instance(tmp_path / "l.yaml", data))
    result = CliRunner().invoke(app, ["validate", path, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "shift type L (07:00–07:00) can never be worked" in " ".join(result.output.split())
    # Swedish, the default: the same finding in the planner's words.
    result = CliRunner().invoke(app, ["validate", path], env={"BEMANNA_LANG": ""})
    assert "passtypen L (07:00–07:00) kan aldrig arbetas: den sträcker sig över 24 tim" in (
        " ".join(result.output.split()))
