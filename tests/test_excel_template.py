"""The planner's Excel template (issue 14): write an instance as a workbook, read it back.

The round trip must give back an equal instance (every field, also those no sheet shows);
bad cells must be reported per cell in Swedish, all at once; text stays text.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import bemanna
from bemanna.importers.excel.example import example_instance
from bemanna.importers.excel.rule_rows import ELSEWHERE, RULE_ROWS
from bemanna.importers.excel.tables import TABLES
from bemanna.importers.excel.workbook import MAX_BYTES, MAX_ROWS
from bemanna.importers.excel_template import build_workbook, read_template, write_template
from bemanna.instance import RULE_IDS, InstanceError, Rules, instance_from_data

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ["care_home", "lss_group_home", "nurse_group"]
SHEETS = ["Instruktioner", "Enhet", "Kompetenser", "Personal", "Passtyper", "Bemanning",
          "Regler", "Frånvaro", "Önskemål", "Låsta pass", "_bemanna"]


def xlsx(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(InstanceError) as caught:
        read_template(data, "upload.xlsx")
    assert caught.value.source == "upload.xlsx"
    return caught.value.problems


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_instances_round_trip_equal(name: str, tmp_path: Path) -> None:
    """Written to a file and read back, each shipped instance is equal field by field (the
    model compares every value, so a lost wish or a band moved to another entry fails)."""
    instance = bemanna.load(ROOT / "instances" / f"{name}.yaml")
    path = tmp_path / f"{name}.xlsx"
    write_template(path, instance)
    assert read_template(path.read_bytes(), str(path)) == instance


def test_a_benchmark_import_round_trips() -> None:
    """A Curtois & Qu import (cover per shift and day in `shift_demand`, per-employee limits,
    every other rule off, prices 0) comes back equal: the hidden sheet carries what the
    sheets do not show."""
    from bemanna.importers.curtois import import_curtois

    source = ROOT / "benchmarks" / "data" / "curtois" / "Instance1.txt"
    instance = instance_from_data(import_curtois(source), source.name)
    assert instance.shift_demand  # the part only the hidden sheet holds
    assert read_template(xlsx(build_workbook(instance))) == instance


def rich_data() -> dict[str, Any]:
    """An instance that sets every field the format has to a value that is not the default:
    split and night shifts, pins, shift_demand, OB, holidays, absence factors, every rule
    (each with its switches: on or off, hard or soft, a price). An employee id holds a dot,
    as ids may: the per-employee values keyed by it must not be split at the dot."""
    data = rich_fields()
    for i, rule in enumerate(RULE_IDS):
        switches = data["rules"].setdefault(rule, {})
        switches.setdefault("enabled", i % 5 != 4)
        switches.setdefault("mode", "soft" if i % 2 else "hard")
        switches.setdefault("weight_sek", 100 + i)
    return data


def rich_fields() -> dict[str, Any]:
    shift = {"break_minutes": 30, "skills": ["USK"]}
    return {
        "name": "allt.ifyllt", "description": "=SUM(A1:A2) står kvar som text\nrad två",
        "horizon": {"start": "2025-03-03", "weeks": 2, "cyclic": False},
        "resurspass": False,
        "skills": [{"id": "USK", "name": "Undersköterska"}, {"id": "SSK"}],
        "shift_types": [
            {"id": "dag", "name": "Dag", "parts": [{"start": "07:00", "end": "15:30"}], **shift},
            {"id": "delad", "parts": [{"start": "07:00", "end": "11:00"},
                                      {"start": "16:00", "end": "20:00"}],
             "break_minutes": 0, "skills": ["USK", "SSK"], "weekdays": ["sat", "sun"]},
            {"id": "natt", "parts": [{"start": "21:00", "end": "07:20"}], "break_minutes": 0,
             "paid_meal_break": True, "skills": ["SSK"], "weekdays": ["mon", "wed", "fri"]},
        ],
        "employees": [
            {"id": "e.1", "name": "=HYPERLINK(\"http://x\")", "skills": ["USK", "SSK"],
             "employment_rate": "87.5", "full_time": 2100, "desired_employment_rate": 95,
             "allowed_shifts": ["dag", "delad"], "dygnsbryt": "06:00",
             "unavailable": [{"start": "2025-03-05", "end": "2025-03-06", "reason": "kurs"}],
             "wishes": [{"kind": "day_off", "date": "2025-03-08"},
                        {"kind": "shift_on", "date": "2025-03-09", "shift": "delad",
                         "weight_sek": "12.50"},
                        {"kind": "shift_off", "date": "2025-03-10", "shift": "dag",
                         "weight_sek": 0}],
             "pinned": [{"date": "2025-03-03", "shift": "dag", "role": "USK"},
                        {"date": "2025-03-04", "shift": None}]},
            {"id": "e2", "skills": ["SSK"], "employment_rate": 100, "full_time": "night"},
        ],
        "demand": [
            {"skill": "USK", "label": "Dag", "weekdays": ["mon", "tue", "thu"],
             "bands": [{"start": "07:00", "end": "12:00", "min": 1, "desired": 2},
                       {"start": "12:00", "end": "15:00", "min": 0}]},
            {"skill": "SSK", "dates": ["2025-03-05", "2025-03-12"],
             "bands": [{"start": "21:00", "end": "07:00", "min": 1}]},
        ],
        "repair": {"now": "2025-03-05T12:00:00",
                   "reference": [{"employee": "e2", "date": "2025-03-03", "shift": "natt",
                                  "weight_sek": 500}],
                   "planned_minutes": {"e2": 2400}},
        "shift_demand": [{"date": "2025-03-04", "shift": "dag", "required": 1,
                          "weight_under_sek": 5, "weight_over_sek": 1}],
        "rules": {
            "daily_rest": {"min_minutes": 600, "reduced_minutes": 540, "weight_sek": 10},
            "pass_span": {"max_minutes": 800, "mode": "soft"},
            "breaks": {"max_work_minutes": 330, "min_break_minutes": 25},
            "weekly_rest": {"min_minutes": 2100, "includes_daily_rest": False},
            "daily_rest_24h": {"min_minutes": 620},
            "contract_hours": {"tolerance_minutes": 200, "period_weeks": 1, "mode": "soft"},
            "max_split_shifts": {"max": 3, "per_employee": {"e.1": 1}},
            "max_consecutive_days": {"max": 5, "per_employee": {"e2": 4}},
            "min_consecutive_days": {"min": 2, "per_employee": {"e.1": 3}},
            "min_consecutive_days_off": {"min": 2, "mode": "soft", "per_employee": {"e2": 1}},
            "max_weekends": {"max": 1, "per_employee": {"e.1": 2}},
            "max_shift_passes": {"limits": [{"shift": "natt", "max": 3, "employees": ["e2"]}]},
            "forbidden_successions": {"pairs": [{"first": "natt", "then": ["dag", "delad"]}]},
            "total_minutes": {"min": 600, "max": 5000,
                              "per_employee": {"e.1": {"min": 1200}, "e2": {"max": 4510}}},
            "average_weekly_hours": {"max_minutes_per_week": 2820, "enabled": False},
        },
        "costs": {"uncovered_per_hour": {"SSK": 900}, "default_uncovered_per_hour": 700,
                  "below_desired_per_hour": {"USK": 40}, "default_below_desired_per_hour": 30,
                  "stranded_resurstid_per_hour": 150, "own_ob": False},
        "cost_model": {
            "monthly_salary": {"USK": 33000}, "employee_monthly_salary": {"e2": "46000.50"},
            "hours_per_month": 160, "po_rate": "0.445",
            "ob": [{"id": "kvall", "sek_per_hour": 25, "weekly": ["mon-fri 19:00-22:00"]},
                   {"id": "helgnatt", "sek_per_hour": 80, "holidays": "major",
                    "holiday_hours": "22:00-06:00"}],
            "holidays": {"public_from": "18:00", "public_until": "06:00",
                         "major_from": "17:00", "major_until": "08:00",
                         "major_holidays": ["christmas"]},
            "overtime_enkel_factor": 2, "overtime_kvalificerad_factor": 3,
            "overtime_enkel_minutes": 60, "temp_holiday_pay": "0.13",
            "agency_per_hour": {"SSK": 900}, "agency_factor": {"USK": "1.5"},
            "gap_fill": {"USK": [{"source": "overtime", "max_hours_per_week": "7.5"},
                                 {"source": "agency"}]},
            "default_gap_fill": [{"source": "hourly_temp", "max_hours_per_week": 5},
                                 {"source": "agency"}],
            "budget": {"personnel": 100000, "ob": 2000, "overtime": 300, "hourly_temps": 400,
                       "agency": "10.25"},
        },
        "absence": {"rate": "0.08", "skill_rates": {"SSK": "0.05"},
                    "weekday_factor": {"mon": "1.2"}, "band_factor": {"night": "0.8"},
                    "spell_mean_days": "3.5"},
        "rohs": {"policy": "grant_all", "step_percent": "2.5", "min_share": "0.5"},
    }


def unset_fields(models: list[BaseModel], prefix: str = "") -> set[str]:
    """Field paths that none of `models` (records of one type) sets, recursively: a field of
    the records in a list or mapping counts as set when any record sets it."""
    missing: set[str] = set()
    for name in type(models[0]).model_fields:
        setters = [m for m in models if name in m.model_fields_set]
        if not setters:
            missing.add(prefix + name)
            continue
        children: dict[type, list[BaseModel]] = {}
        for model in setters:
            value = getattr(model, name)
            items = (value if isinstance(value, list) else list(value.values())
                     if isinstance(value, dict) else [value])
            for item in items:
                if isinstance(item, BaseModel):
                    children.setdefault(type(item), []).append(item)
        for group in children.values():
            missing |= unset_fields(group, f"{prefix}{name}.")
    return missing


def test_the_rich_instance_sets_every_field() -> None:
    """The instance of the next test sets every field the format has (but the constant
    `format` and `absence.history_csv`, which the template does not carry by design), so a
    field added to the format fails here until it is added there, and then fails the round
    trip until a sheet or the hidden sheet carries it."""
    instance = instance_from_data(rich_data(), "rich")
    assert unset_fields([instance]) == {"format", "absence.history_csv"}


def test_every_field_round_trips() -> None:
    """Each field of the format set to a non-default value survives: those the sheets show
    (clock times, split shifts, RÖHS, per-employee rule limits, pins) and those only the hidden
    sheet keeps (shift_demand, OB windows, holidays, absence factors, per-shift limits)."""
    instance = instance_from_data(rich_data(), "rich")
    back = read_template(xlsx(build_workbook(instance)))
    for field in type(instance).model_fields:
        assert getattr(back, field) == getattr(instance, field), field
    assert back == instance


def test_empty_template_holds_the_example_unit() -> None:
    """Without an instance the template holds the example unit, which reads back unchanged
    (so an untouched download is a valid upload) and says it is an example."""
    buffer = io.BytesIO()
    write_template(buffer)
    back = read_template(buffer.getvalue())
    assert back == example_instance()
    assert back.name == "exempelenhet" and back.description.startswith("EXEMPEL")


def test_planner_edits_are_read() -> None:
    """What Excel gives for a planner's typing is read: a time cell (07:30 typed into a
    clock column), a time as Excel's fraction of a day, a whole hour, a decimal comma in text
    ('87,5'), a date cell, Swedish weekdays; a new absence row lands on its employee."""
    book = build_workbook(bemanna.load(ROOT / "instances" / "nurse_group.yaml"))
    staff, shifts, absences = book["Personal"], book["Passtyper"], book["Frånvaro"]
    assert staff["A3"].value == "ssk1" and shifts["A3"].value == "dag"
    staff["C3"] = "87,5"
    shifts["C3"] = dt.time(7, 30)
    shifts["D3"] = 0.6875                 # Excel's fraction of a day: 16:30
    shifts["C4"] = 7                      # a whole hour: 07:00
    shifts["K3"] = "mån-ons, fre"
    row = absences.max_row + 1
    absences[f"A{row}"], absences[f"B{row}"] = "ssk1", dt.datetime(2025, 3, 24)
    absences[f"C{row}"], absences[f"D{row}"] = "2025-03-25", "VAB"
    back = read_template(xlsx(book))
    assert back.employees[0].employment_rate == Decimal("87.5")
    assert back.shift_types[0].parts[0].start == 7 * 60 + 30
    assert back.shift_types[0].parts[0].end == 16 * 60 + 30
    assert back.shift_types[1].parts[0].start == 7 * 60
    assert back.shift_types[0].weekdays == ["mon", "tue", "wed", "fri"]
    assert [(r.start, r.end, r.reason) for r in back.employees[0].unavailable] == [
        (dt.date(2025, 3, 24), dt.date(2025, 3, 25), "VAB")]


# --- the workbook itself ----------------------------------------------------------------------


def test_template_sheets_headings_and_help() -> None:
    """The template opens with openpyxl and has every sheet; each table sheet has the Swedish
    headings in row 1 and the English in row 2, frozen above row 3; the skill column offers
    the skills as a list; the hidden sheet is hidden."""
    book = openpyxl.load_workbook(io.BytesIO(xlsx(build_workbook())))
    assert book.sheetnames == SHEETS
    for table in TABLES:
        sheet = book[table.title]
        assert [c.value for c in sheet[1]] == [c.sv for c in table.columns], table.title
        assert [c.value for c in sheet[2]] == [c.english for c in table.columns], table.title
        assert sheet.freeze_panes == "B3"
    staff = book["Personal"]
    lists = {str(dv.sqref): dv.formula1 for dv in staff.data_validations.dataValidation
             if dv.type == "list"}
    assert lists["D3:D2002"] == "=Kompetenser!$A$3:$A$2003"
    assert book["_bemanna"].sheet_state == "hidden"
    assert book["Enhet"]["D3"].value == "name" and book["Regler"]["E3"].value == \
        "daily_rest.enabled"


def test_text_is_written_as_text() -> None:
    """A name or description starting with '=' is a text cell, never a formula (no formula
    injection through a plan's free text), and reads back as the same text."""
    instance = instance_from_data(rich_data(), "rich")
    book = openpyxl.load_workbook(io.BytesIO(xlsx(build_workbook(instance))))
    name = book["Personal"]["B3"]
    assert name.value == "=HYPERLINK(\"http://x\")" and name.data_type == "s"
    assert name.quotePrefix  # editing the cell in Excel keeps it text
    description = book["Enhet"]["B4"]
    assert description.value.startswith("=SUM") and description.data_type == "s"
    formulas = [f"{ws.title}!{c.coordinate}" for ws in book.worksheets
                for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def test_control_characters_are_dropped() -> None:
    """xlsx cannot hold control characters: a name with one is written without it."""
    data = rich_data()
    data["employees"][1]["name"] = "Bo\x08 Ek"
    book = build_workbook(instance_from_data(data, "ctrl"))
    assert book["Personal"]["B4"].value == "Bo Ek"


def test_regler_shows_every_setting_of_every_rule() -> None:
    """The Regler sheet has a row for every field of every rule's parameter record (but the
    per-employee and per-shift values, which live in Personal and the hidden sheet), in the
    rule set's order, each named by the rule table's Swedish word."""
    expected = [f"{rule}.{field}" for rule in RULE_IDS
                for field in type(getattr(Rules(), rule)).model_fields if field not in ELSEWHERE]
    assert [column.key for _, column in RULE_ROWS] == expected
    assert RULE_ROWS[0][0] == "Dygnsvila" and RULE_ROWS[0][1].name == "dygnsvila – på"


# --- bad uploads ------------------------------------------------------------------------------


def test_bad_cells_are_reported_per_cell_in_swedish() -> None:
    """Seven bad cells in the nurse group's workbook give exactly seven lines, each naming
    its sheet and cell; the upload is refused as a whole (all problems at once)."""
    book = build_workbook(bemanna.load(ROOT / "instances" / "nurse_group.yaml"))
    book["Personal"]["C7"] = 120          # row 7 = ssk5; a rate is at most 100
    book["Passtyper"]["C4"] = "25:00"     # no such clock time
    book["Bemanning"]["A5"] = "SSK2"      # no such skill in Kompetenser
    book["Önskemål"]["A3"] = "ssk9"       # no such employee
    book["Enhet"]["B5"] = dt.date(2025, 3, 4)  # horizon.start row: a Tuesday
    book["Regler"]["C4"] = "kanske"       # daily_rest.mode is hård or mjuk
    book["Passtyper"]["G3"] = 600         # a 600 min break in the 9.5 h day shift (570 min)
    assert problems_of(xlsx(book)) == [
        "Passtyper!C4: '25:00' är ingen klocktid (00:00–24:00)",
        "Personal!C7: sysselsättningsgrad 120 är över 100",
        "Önskemål!A3: 'ssk9' finns inte i Personal",
        "Regler!C4: dygnsvila – läge 'kanske' är inget av: hård, mjuk",
        "Bemanning!A5: kompetensen 'SSK2' finns inte i Kompetenser",
        "Enhet!B5: 2025-03-04 är en tisdag, ingen måndag",
        "Passtyper!G3: rasten 600 min är inte kortare än passets 570 min",
    ]


def test_missing_values_and_duplicates() -> None:
    """A required cell left empty, an employee id given twice and an unknown extra skill are
    each named at their cell; the wishes of the employee whose id was overwritten now name
    nobody, and say so at their own cells."""
    book = build_workbook(bemanna.load(ROOT / "instances" / "nurse_group.yaml"))
    staff, wishes = book["Personal"], book["Önskemål"]
    wisher = wishes["A3"].value
    row = next(c.row for c in staff["A"] if c.value == wisher)
    other, other_row = next((c.value, c.row) for c in staff["A"][2:] if c.value != wisher)
    wish_rows = [c.row for c in wishes["A"] if c.value == wisher]
    book["Passtyper"]["D3"] = None        # the day shift's end
    staff[f"A{row}"] = other              # the wisher's row now repeats another id
    staff["E5"] = "SSK, XX"               # more skills: XX does not exist
    problems = problems_of(xlsx(book))
    assert "Passtyper!D3: slut saknas" in problems
    second = max(row, other_row)          # the later of the two rows is the repeat
    assert f"Personal!A{second}: koden '{other}' finns mer än en gång" in problems
    assert "Personal!E5: kompetensen 'XX' finns inte i Kompetenser" in problems
    assert all(f"Önskemål!A{r}: '{wisher}' finns inte i Personal" in problems
               for r in wish_rows)


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda book: book.remove(book["Enhet"]), ["Enhet: bladet saknas"]),
    (lambda book: book.remove(book["Personal"]), ["Personal: bladet saknas"]),
    (lambda book: book["Passtyper"].delete_cols(3), ["Passtyper!1: kolumnen 'Start' saknas"]),
    (lambda book: book["Enhet"].delete_rows(5, 2), ["Enhet: raden för 'horizon.start' saknas",
                                                    "Enhet: raden för 'horizon.weeks' saknas"]),
])
def test_a_missing_sheet_column_or_row_is_said_once(edit: Any, expected: list[str]) -> None:
    """A sheet, a column or field rows deleted: one line each, not one per row or field that
    depended on them (the staff's absences and wishes, every shift's start, the horizon)."""
    book = build_workbook(bemanna.load(ROOT / "instances" / "nurse_group.yaml"))
    edit(book)
    assert problems_of(xlsx(book)) == expected


def test_pin_role_problem_is_shown_at_its_cell() -> None:
    """A pinned pass worked in a role the employee lacks is named at the pin's Roll cell."""
    instance = instance_from_data(rich_data(), "rich")
    book = build_workbook(instance)
    pins = book["Låsta pass"]
    assert pins["D1"].value == "Roll" and pins["D3"].value == "USK"
    pins["D3"] = "SSK"   # e.1 has SSK, but the pinned day shift is worked by USK only
    assert problems_of(xlsx(book)) == [
        "Låsta pass!D3: rollen 'SSK' är ingen kompetens som både den anställda och passet har"]


def test_price_problems_point_at_the_price_cells() -> None:
    """The LSS home's STD has no default salary (only USK, VB and SSK have one): emptying its
    salary cell is reported there, and so is the temps' price that the salary sets (STD's need
    is bought by the policy in Enhet). A flat below-desired weight above the uncovered one is
    reported at STD's below-desired cell."""
    book = build_workbook(bemanna.load(ROOT / "instances" / "lss_group_home.yaml"))
    skills = book["Kompetenser"]
    assert skills["A3"].value == "STD" and book["Enhet"]["D9"].value == \
        "cost_model.default_gap_fill"
    skills["C3"] = None
    assert problems_of(xlsx(book)) == [
        "Kompetenser!C3: kompetensen 'STD' saknar månadslön",
        "Enhet!B9: timvikarie för kompetensen 'STD' har inget pris: ange kompetensens "
        "månadslön i Kompetenser",
    ]
    skills["C3"], skills["G3"], skills["H3"] = 30050, 10, 20
    assert problems_of(xlsx(book)) == [
        "Kompetenser!H3: under önskad bemanning får inte kosta mer än ej täckt behov för 'STD'"]


def test_not_an_xlsx_file_is_one_line() -> None:
    """Text, a zip that is no workbook, and an oversized upload each give one clear line."""
    assert problems_of(b"name: not excel") == [
        "(fil): ingen Excel-fil (.xlsx); ladda upp mallen sparad som Excel-arbetsbok"]
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert len(problems_of(buffer.getvalue())) == 1
    assert problems_of(b"x" * (MAX_BYTES + 1)) == ["(fil): 20.0 MB, högst 20 MB stöds"]


def test_too_many_rows_are_refused() -> None:
    """A sheet with more rows than the limit is refused with one line for that sheet."""
    book = build_workbook()
    sheet = book["Önskemål"]
    for row in range(3, MAX_ROWS + 6):
        sheet.cell(row=row, column=1, value="a01")
    assert f"Önskemål: mer än {MAX_ROWS} rader, fler stöds inte" in problems_of(xlsx(book))


CELL_VALUES = st.one_of(
    st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.integers(-10**15, 10**15),
    st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)), st.times(),
)


@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning")
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.sampled_from(SHEETS[1:-1]), st.integers(1, 12),
                                st.integers(1, 12), CELL_VALUES), min_size=1, max_size=6))
def test_any_cell_edit_gives_an_instance_or_problems(edits: list[Any]) -> None:
    """Whatever a planner types anywhere, reading gives an instance or an InstanceError whose
    lines each name a place, never another exception."""
    book = build_workbook(copy.deepcopy(example_instance()))
    for title, row, column, value in edits:
        book[title].cell(row=row, column=column, value=value)
    try:
        read_template(xlsx(book))
    except InstanceError as exc:
        assert exc.problems and all(": " in line for line in exc.problems)


# --- the command line -------------------------------------------------------------------------


def test_cli_template_and_import_round_trip(tmp_path: Path) -> None:
    """`bemanna template` writes the workbook (exit 0); `bemanna import excel` reads it into a
    YAML instance file that loads equal to the instance it came from."""
    from test_cli import bemanna as run

    source = ROOT / "instances" / "nurse_group.yaml"
    book = tmp_path / "plan.xlsx"
    written = run("template", book, "--instance", source)
    assert written.returncode == 0, written.stderr
    assert openpyxl.load_workbook(book).sheetnames == SHEETS
    imported = run("import", "excel", book, "-o", tmp_path / "plan.yaml")
    assert imported.returncode == 0, imported.stderr
    assert bemanna.load(tmp_path / "plan.yaml") == bemanna.load(source)


def test_cli_template_without_instance_is_the_example(tmp_path: Path) -> None:
    from test_cli import bemanna as run

    proc = run("template", tmp_path / "t.xlsx")
    assert proc.returncode == 0, proc.stderr
    assert read_template((tmp_path / "t.xlsx").read_bytes()) == example_instance()


def test_cli_bad_upload_exits_2(tmp_path: Path) -> None:
    """A workbook with bad cells and a file that is no workbook: exit 2, one line per
    problem, no traceback."""
    from test_cli import assert_bad_input
    from test_cli import bemanna as run

    book = build_workbook(bemanna.load(ROOT / "instances" / "nurse_group.yaml"))
    book["Personal"]["C7"] = 120
    book["Passtyper"]["C4"] = "25:00"
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    proc = run("import", "excel", bad, "-o", tmp_path / "out.yaml")
    assert_bad_input(proc, "Personal!C7: sysselsättningsgrad 120 är över 100",
                     "Passtyper!C4: '25:00' är ingen klocktid")
    assert not (tmp_path / "out.yaml").exists()
    text = tmp_path / "plan.txt"
    text.write_text("not a workbook", encoding="utf-8")
    assert_bad_input(run("import", "excel", text, "-o", tmp_path / "out.yaml"),
                     "(fil): ingen Excel-fil (.xlsx)")


def test_cli_refuses_a_bad_out_name_and_a_too_large_upload(tmp_path: Path) -> None:
    """`template` names its output .xlsx; `import excel` reads at most 20 MB (a sparse 21 MB
    file is refused after 20 MB have been read, with one line, exit 2)."""
    from test_cli import assert_bad_input
    from test_cli import bemanna as run

    assert_bad_input(run("template", tmp_path / "plan.xls", lang="en"),
                     "the template is an Excel workbook, name it .xlsx")
    big = tmp_path / "big.xlsx"
    with big.open("wb") as handle:
        handle.truncate(21 * 2**20)
    assert_bad_input(run("import", "excel", big, "-o", tmp_path / "out.yaml"),
                     "more than 20 MB")
