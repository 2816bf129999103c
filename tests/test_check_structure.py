"""Structural rules: a roster that breaks one is reported, never crashes the checker.

Each test tampers with an otherwise good hand-made roster (see test_check_builders) and expects
exactly the one structural violation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bemanna.checker import check_roster
from bemanna.roster import Part
from test_check_builders import check, found, make_instance, make_pass, make_roster

NO_DAILY_REST = {"daily_rest": {"enabled": False}}


def test_unknown_employee_and_shift_are_reported_not_crashed() -> None:
    inst = make_instance()
    stranger = make_pass(inst, "E1", 0, "D")
    stranger = dataclasses.replace(stranger, employee="E9")
    odd = dataclasses.replace(make_pass(inst, "E2", 1, "D"), shift="ZZ")
    report = check_roster(inst, make_roster(inst, [stranger, odd]))
    assert sorted(found(report)) == [("unknown_employee", "E9"), ("unknown_shift", "E2")]


def test_parts_and_paid_minutes_must_match_the_shift_type() -> None:
    inst = make_instance()
    good = make_pass(inst, "E1", 0, "D")
    late = dataclasses.replace(
        good,
        parts=(Part(good.start + dt.timedelta(minutes=30), good.end + dt.timedelta(minutes=30)),),
    )
    report = check_roster(inst, make_roster(inst, [late]))
    assert found(report) == [("shift_definition", "E1")]
    assert "07:30–16:00, but shift D is 07:00–15:30" in report.violations[0].text("en")
    overpaid = dataclasses.replace(good, paid_minutes=510)
    assert found(check_roster(inst, make_roster(inst, [overpaid]))) == [("shift_definition", "E1")]
    no_parts = dataclasses.replace(good, parts=())
    assert found(check_roster(inst, make_roster(inst, [no_parts]))) == [("shift_definition", "E1")]


def test_one_pass_per_day() -> None:
    """D and N both start on Monday (daily rest off: 5 h 30 min between them)."""
    report = check(make_instance(NO_DAILY_REST), [("E1", 0, "D"), ("E1", 0, "N")])
    assert found(report) == [("one_pass_per_day", "E1")]


def test_no_overlap() -> None:
    """N Monday ends Tuesday 07:00; E Tuesday starts 06:00 (daily rest off)."""
    report = check(make_instance(NO_DAILY_REST), [("E1", 0, "N"), ("E1", 1, "E")])
    assert found(report) == [("no_overlap", "E1")]


def test_skill() -> None:
    """E1 has only usk, and shift D is usk only: a D pass in ssk breaks both."""
    inst = make_instance()
    report = check_roster(inst, make_roster(inst, [make_pass(inst, "E1", 0, "D", skill="ssk")]))
    assert found(report) == [("skill", "E1")]


def test_allowed_shifts() -> None:
    inst = make_instance(employees=[{"id": "E1", "skills": ["usk"], "allowed_shifts": ["D"]}])
    assert found(check(inst, [("E1", 0, "K")])) == [("allowed_shifts", "E1")]
    assert check(inst, [("E1", 0, "D")]).ok


def test_weekdays() -> None:
    """Shift W exists Monday to Friday only; day 5 is a Saturday."""
    weekday_only = {
        "id": "W",
        "parts": [{"start": "08:00", "end": "12:00"}],
        "skills": ["usk"],
        "weekdays": ["mon", "tue", "wed", "thu", "fri"],
    }
    inst = make_instance(shifts=[weekday_only])
    assert found(check(inst, [("E1", 5, "W")])) == [("weekdays", "E1")]
    assert check(inst, [("E1", 4, "W")]).ok


def test_unavailability() -> None:
    inst = make_instance(
        employees=[
            {
                "id": "E1",
                "skills": ["usk"],
                "unavailable": [{"start": "2025-03-04", "end": "2025-03-05", "reason": "semester"}],
            }
        ]
    )
    assert found(check(inst, [("E1", 1, "D")])) == [("unavailability", "E1")]
    assert check(inst, [("E1", 0, "D"), ("E1", 3, "D")]).ok


def test_pinned() -> None:
    """E1 is pinned to D on Monday and to no pass on Tuesday."""
    inst = make_instance(
        employees=[
            {
                "id": "E1",
                "skills": ["usk"],
                "pinned": [
                    {"date": "2025-03-03", "shift": "D"},
                    {"date": "2025-03-04", "shift": None},
                ],
            }
        ]
    )
    assert found(check(inst, [("E1", 0, "K")])) == [("pinned", "E1")]
    assert found(check(inst, [("E1", 0, "D"), ("E1", 1, "D")])) == [("pinned", "E1")]
    assert check(inst, [("E1", 0, "D"), ("E1", 2, "D")]).ok


def test_resurs_allowed() -> None:
    passes = [("E1", 0, "D", "resurs")]
    assert found(check(make_instance(resurspass=False), passes)) == [("resurs_allowed", "E1")]
    assert check(make_instance(resurspass=True), passes).ok


def test_employee_summary() -> None:
    """scheduled_minutes = Σ paid minutes, resurs_minutes = Σ over resurs passes,
    contract_minutes = the contract, one summary per employee."""
    inst = make_instance()
    roster = make_roster(
        inst, [make_pass(inst, "E1", 0, "D"), make_pass(inst, "E1", 2, "D", kind="resurs")]
    )
    assert check_roster(inst, roster).ok
    assert (roster.employees[0].scheduled_minutes, roster.employees[0].resurs_minutes) == (960, 480)
    for field, value in (
        ("scheduled_minutes", 900),
        ("resurs_minutes", 0),
        ("contract_minutes", 0),
    ):
        tampered = dataclasses.replace(
            roster,
            employees=[
                dataclasses.replace(roster.employees[0], **{field: value}),
                roster.employees[1],
            ],
        )
        report = check_roster(inst, tampered)
        assert found(report) == [("employee_summary", "E1")], field
        assert field in report.violations[0].message
    missing = dataclasses.replace(roster, employees=roster.employees[:1])
    assert found(check_roster(inst, missing)) == [("employee_summary", "E2")]


def test_roster_horizon_must_be_the_instance_horizon() -> None:
    inst = make_instance()
    roster = make_roster(inst, [])
    assert found(check_roster(inst, dataclasses.replace(roster, days=14))) == [("horizon", None)]
    # A pass starting on day 7 of a one-week horizon lies outside it; the rules skip it.
    outside = make_pass(make_instance(weeks=2), "E1", 7, "D")
    assert found(check_roster(inst, make_roster(inst, [outside]))) == [("horizon", "E1")]
