"""The reports' RÖHS table, expected absence cover and absence simulation (issue 6, item 4).

Hand-made rosters (no solver) whose figures are worked out below; the CLI tests run the real
`bemanna solve --report --simulate` and `bemanna report --simulate` on a tiny instance.

Arithmetic (docs/costs.md): USK salary 32 600 SEK/month / 165 h = 19 757.58 öre/h; loaded
× 1.45 (PO) = 28 648.48 öre/h. Full time 38.25 h = 2 295 min/week; 50 % = 1 147.5 → 1 148 min.
An hourly temp costs wage × 1.12 (holiday pay) × 1.45 = 32 086.30 öre/h = 534.77 öre/min
(535 as a whole-öre rate per minute); no OB on weekdays 07:00–15:30.
"""

from __future__ import annotations

import dataclasses
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from openpyxl import load_workbook

from bemanna.checker import check_roster
from bemanna.pricing import price_roster
from bemanna.report.build import page, report_data, xlsx_bytes
from bemanna.report.data import ReportData
from bemanna.simulation import simulate_absences
from test_check_builders import make_instance, make_pass, make_roster
from test_cli import assert_bad_input, bemanna, flat, tiny_data, write_instance
from test_report import Elements, row_where, rows_of

BOOKED_FIGURE = '<figure class="chart" data-chart="resurspass-booked">'


def parse(text: str) -> Elements:
    parser = Elements()
    parser.feed(text)
    return parser


def charts(html: Elements) -> set[str | None]:
    return {a["data-chart"] for a in html.having("figure", **{"class": "chart"})}


# --- the RÖHS table ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def granted() -> ReportData:
    """E1 at 50 % asks for 100 % and is granted it; E2 at 75 % asks for 100 % and is not;
    E3 (100 %) asks for nothing. Policy optimise, steps of 50 points (E1: 50 or 100; E2: 75
    or 100). One week; contract hours off, so two D passes are a valid roster."""
    inst = make_instance(
        employees=[
            {"id": "E1", "name": "Åsa", "skills": ["usk"], "employment_rate": 50,
             "desired_employment_rate": 100},
            {"id": "E2", "skills": ["usk"], "employment_rate": 75,
             "desired_employment_rate": 100},
            {"id": "E3", "skills": ["usk"]},
        ],
        rohs={"step_percent": 50},
    )
    roster = make_roster(inst, [make_pass(inst, "E1", 0, "D"), make_pass(inst, "E2", 1, "D")])
    rates = {"E1": Decimal(100), "E2": Decimal(75)}
    roster = dataclasses.replace(roster, employees=[
        dataclasses.replace(e, employment_rate=rates.get(e.id),
                            contract_minutes=2_295 if e.id == "E1" else e.contract_minutes)
        for e in roster.employees])
    check = check_roster(inst, roster)
    assert check.ok, [v.message for v in check.violations]
    return report_data(inst, roster, check, price_roster(inst, roster))


def test_rohs_table_values_by_hand(granted: ReportData) -> None:
    """E1's grant: contract 2 295 − 1 148 = 1 147 extra minutes a week, × 52 = 59 644 a year.
    Cost = round(2 295 × 28 648.48 / 60) − round(1 148 × 28 648.48 / 60) = 1 095 805 −
    548 141 = 547 664 öre (the checker's `rohs` term, as in tests/test_rohs.py), × 52 =
    28 478 528 öre a year. E2 keeps 75 %: nothing extra. E3 has no request: no row."""
    table = granted.rohs.set_index("employee")
    assert list(table.index) == ["E1", "E2"]
    assert table.loc["E1"].to_dict() == {
        "name": "Åsa", "current_rate": 50.0, "requested_rate": 100.0, "granted_rate": 100.0,
        "extra_contract_minutes": 1_147, "annual_extra_contract_minutes": 59_644,
        "cost_ore": 547_664, "annual_cost_ore": 28_478_528}
    assert table.loc["E2", ["current_rate", "requested_rate", "granted_rate",
                            "extra_contract_minutes", "cost_ore"]].tolist() == [
        75.0, 100.0, 75.0, 0, 0]
    # The rows add up to the checker's term; the pricing pays the granted rate.
    assert int(table["cost_ore"].sum()) == granted.check.costs["rohs"] == 547_664


def test_rohs_sheet(granted: ReportData) -> None:
    """Sheet RÖHS: the policy line, one row per request with money in SEK (öre / 100) and
    hours, the totals row, and the footnote pointing at the policy comparison."""
    ws = load_workbook(io.BytesIO(xlsx_bytes(granted)))["RÖHS"]
    assert "optimera" in ws.cell(row=1, column=1).value
    assert "steg 50 procentenheter" in ws.cell(row=1, column=1).value
    e1 = row_where(ws, "E1")
    assert e1[1:] == ("Åsa", 50.0, 100.0, 100.0, 19.12, 994.07, 5476.64, 284785.28)
    assert row_where(ws, "E2")[4:6] == (75.0, 0.0)
    total = row_where(ws, "Totalt")
    assert total[5:] == (19.12, 994.07, 5476.64, 284785.28)
    text = " ".join(str(r[0]) for r in rows_of(ws))
    # The amount in a Swedish sentence is written the Swedish way (it was '5476.64 kr').
    assert "RÖHS policies" in text and "Målfunktionens term rohs: 5\u00a0476,64\u00a0kr" in text


def test_rohs_html_section(granted: ReportData) -> None:
    """#rohs: one row per request (E3 has none), the totals row and the footnote."""
    text = page(granted)
    html = parse(text)
    assert html.having("section", id="rohs") and html.having("table", id="rohs-table")
    table = parse(text.split('<table id="rohs-table">')[1].split("</table>")[0])
    assert [a.get("data-employee") for a in table.having("tr")] == [None, "E1", "E2", None]
    assert table.having("tr", **{"class": "total"})
    assert "5\u00a0476,64\u00a0kr" in text and "284\u00a0785,28\u00a0kr" in text
    assert "RÖHS policies" in text and "ny lösning per anställd" in text
    assert '<a href="#rohs">' in text


def test_no_request_says_so() -> None:
    """An instance where nobody asks for a higher rate: the section and the sheet say so."""
    inst = make_instance()
    roster = make_roster(inst, [make_pass(inst, "E1", 0, "D")])
    data = report_data(inst, roster, check_roster(inst, roster), price_roster(inst, roster))
    assert data.rohs.empty
    html = parse(page(data))
    assert html.having("p", id="rohs-none") and not html.having("table", id="rohs-table")
    ws = load_workbook(io.BytesIO(xlsx_bytes(data)))["RÖHS"]
    assert "Ingen anställd har begärt" in ws.cell(row=2, column=1).value


# --- expected absence cover and the simulation -------------------------------------------------


@pytest.fixture(scope="module")
def simulated() -> ReportData:
    """Need one USK Monday 07:00–15:30. E1 works D, E2 holds D as a resurspass. Two hand-made
    runs (`simulate_absences`): in run 0 E1 is off sick Monday, the 510-minute gap is booked
    onto E2's resurspass (utilisation 100 %, nothing bought); in run 1 both are off, the
    resurspass is not there, and an hourly temp covers 510 min = 8.5 h × 32 086.30 öre/h =
    272 734 öre (utilisation 0 %)."""
    inst = make_instance(demand=[{"skill": "usk", "weekdays": ["mon"],
                                  "bands": [{"start": "07:00", "end": "15:30", "min": 1}]}])
    roster = make_roster(inst, [make_pass(inst, "E1", 0, "D"),
                                make_pass(inst, "E2", 0, "D", "resurs")])
    check = check_roster(inst, roster)
    assert check.ok, [v.message for v in check.violations]
    absent = np.zeros((2, 2, 7), dtype=bool)
    absent[0, 0, 0] = True
    absent[1, :, 0] = True
    result = simulate_absences(inst, roster, absent)
    return report_data(inst, roster, check, price_roster(inst, roster), result)


def test_expected_absence_cover_kpi(simulated: ReportData) -> None:
    """The resurspass lies 360 min in Monday's morning band and 150 in the afternoon; the
    expected absent need at 9.7 % is round(360 × 0.097) = 35 and round(150 × 0.097) = 15
    minutes, each covered at the temp's 535 öre/min: −(35 + 15) × 535 = −26 750 öre, shown as
    267,50 kr of cover."""
    assert simulated.absence_cover_ore == simulated.check.costs["expected_absence_cover"]
    assert simulated.absence_cover_ore == -26_750
    text = page(simulated)
    tile = text.split('data-kpi="expected_absence_cover"')[1].split('class="kpi-tile"')[0]
    assert "Förväntad täckning av frånvaro (resurspass)" in tile and "268\u00a0kr" in tile
    ws = load_workbook(io.BytesIO(xlsx_bytes(simulated)))["Nyckeltal"]
    assert row_where(ws, "Förväntad täckning av frånvaro (resurspass)")[1] == 267.5


def test_simulated_figures(simulated: ReportData) -> None:
    """Utilisation per run 100 % and 0 %: mean 50 %, 90 % interval 5–95 % (linear
    percentiles of two values). Absence cost per run 0 and 272 734 öre: mean 136 367 öre a
    week, × 52 = 7 091 084 öre a year. Expected booked: half of each planned cell (360 → 180,
    150 → 75 minutes)."""
    sim = simulated.simulation
    assert sim is not None and sim.runs == 2 and sim.seed == -1
    assert (sim.utilisation_pct.mean, sim.utilisation_pct.low, sim.utilisation_pct.high) == (
        50.0, 5.0, 95.0)
    assert sim.absence_annual_ore.mean == 7_091_084
    assert sim.resurspass_minutes == 510
    assert sim.planned[0].tolist() == [360, 150, 0, 0] and int(sim.planned.sum()) == 510
    assert sim.booked[0].tolist() == [180.0, 75.0, 0.0, 0.0] and float(sim.booked.sum()) == 255


def test_simulation_in_html(simulated: ReportData) -> None:
    """The utilisation tile shows 50,0 % with its interval; the absence cost 70 911 kr a year;
    the second heatmap draws both panels with the minutes of the cells."""
    text = page(simulated)
    html = parse(text)
    assert charts(html) == {"cost-budget", "coverage-usk", "coverage-ssk",
                            "resurstid-heatmap", "resurspass-booked"}
    tile = text.split('data-kpi="resurstid_utilisation"')[1].split('class="kpi-tile"')[0]
    assert "Resurstid bokad (utnyttjandegrad)" in tile and ">50,0<" in tile
    assert "5,0 – 95,0" in tile
    cost = text.split('data-kpi="absence_cost_annual"')[1].split('class="kpi-tile"')[0]
    assert "70\u00a0911\u00a0kr" in cost
    assert [a["data-panel"] for a in html.having("g", **{"class": "panel"})] == [
        "planned", "booked"]
    figure = text.split(BOOKED_FIGURE)[1]
    assert 'data-minutes="360"' in figure and 'data-minutes="180"' in figure
    assert "ej simulerad" not in tile


def test_simulation_in_xlsx(simulated: ReportData) -> None:
    """Nyckeltal: utilisation 50 % (5–95), absence cost 70 910,84 kr a year; Resurstid: the
    planned and booked hours of Monday (6 + 2.5 planned, 3 + 1.25 booked, 50 %)."""
    book = load_workbook(io.BytesIO(xlsx_bytes(simulated)))
    kpis = book["Nyckeltal"]
    assert row_where(kpis, "Resurstid bokad (utnyttjandegrad)")[1:] == (
        50.0, "%", "resurstid_utilisation", 5.0, 95.0)
    assert row_where(kpis, "Förväntad frånvarokostnad per år")[1] == 70910.84
    # The hourly blocks come first; the planned-vs-booked block is the last with a Monday row.
    monday = [r for r in rows_of(book["Resurstid"]) if r[0] == "mån"][-1]
    assert monday[1:5] == (6.0, 2.5, 0.0, 0.0) and monday[5:9] == (3.0, 1.25, 0.0, 0.0)
    assert monday[9:12] == (8.5, 4.25, 50.0)


# --- the CLI ------------------------------------------------------------------------------------


def resurs_data() -> dict[str, Any]:
    """The CLI's tiny instance with two full-timers and resurspass on: need one USK 07:00–15:30
    on weekdays is less than their contracts, so the rest of their time becomes resurspass."""
    data = tiny_data(name="tiny-resurs", resurspass=True)
    data["employees"] = [{"id": "anna", "skills": ["usk"]}, {"id": "bo", "skills": ["usk"]}]
    data["demand"] = [{"skill": "usk", "weekdays": ["mon", "tue", "wed", "thu", "fri"],
                       "bands": [{"start": "07:00", "end": "15:30", "min": 1}]}]
    return data


@pytest.fixture(scope="module")
def solved_sim(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("report-sim")
    instance = write_instance(base / "tiny.yaml", resurs_data())
    out = base / "out"
    proc = bemanna("solve", instance, "--time-limit", "3", "--workers", "1", "--out", out,
                   "--report", "--simulate", "20", "--quiet")
    return {"instance": instance, "out": out, "proc": proc, "base": base}


def utilisation_tile(html: str) -> str:
    return html.split('data-kpi="resurstid_utilisation"')[1].split('class="kpi-tile"')[0]


def test_solve_report_simulate(solved_sim: dict[str, Any]) -> None:
    """solve --report --simulate 20: the simulation's table is printed and both reports show
    it (a utilisation figure, the planned-vs-booked heatmap and block)."""
    proc = solved_sim["proc"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Swedish by default: the simulation summary follows the language (issue 17 item 3).
    assert "Frånvarosimulering av tiny-resurs" in flat(proc.stdout)
    html = (solved_sim["out"] / "report.html").read_text(encoding="utf-8")
    assert BOOKED_FIGURE in html
    assert "ej simulerad" not in utilisation_tile(html)
    kpis = load_workbook(solved_sim["out"] / "report.xlsx")["Nyckeltal"]
    value = row_where(kpis, "Resurstid bokad (utnyttjandegrad)")[1]
    assert isinstance(value, int | float) and 0 <= value <= 100


def test_report_simulate_is_seeded(solved_sim: dict[str, Any]) -> None:
    """report --simulate 20 with solve's default seed 0 gives the same figures as solve did
    (same roster, same draws); without --simulate the KPIs say 'ej simulerad' and there is no
    second heatmap."""
    again = solved_sim["base"] / "again"
    proc = bemanna("report", solved_sim["out"], "--instance", solved_sim["instance"], "--out",
                   again, "--simulate", "20", "--seed", "0")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    first = (solved_sim["out"] / "report.html").read_text(encoding="utf-8")
    second = (again / "report.html").read_text(encoding="utf-8")
    assert utilisation_tile(first) == utilisation_tile(second)
    plain = solved_sim["base"] / "plain"
    proc = bemanna("report", solved_sim["out"], "--instance", solved_sim["instance"], "--out",
                   plain)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (plain / "report.html").read_text(encoding="utf-8")
    assert "ej simulerad" in utilisation_tile(text)
    assert BOOKED_FIGURE not in text
    assert '<figure class="chart" data-chart="resurstid-heatmap">' in text


def test_simulate_needs_report(tmp_path: Path) -> None:
    """solve --simulate without --report is bad input (exit 2), before any solving."""
    instance = write_instance(tmp_path / "tiny.yaml", resurs_data())
    proc = bemanna("solve", instance, "--out", tmp_path / "out", "--simulate", "5")
    assert_bad_input(proc, "--simulate", "only with --report")
    assert not (tmp_path / "out" / "roster.json").exists()


def test_report_simulate_runs_must_be_positive(solved_sim: dict[str, Any]) -> None:
    proc = bemanna("report", solved_sim["out"], "--instance", solved_sim["instance"],
                   "--simulate", "0")
    assert_bad_input(proc, "--simulate")
