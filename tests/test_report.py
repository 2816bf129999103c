"""The reports (report.xlsx, report.html) and `bemanna report` / `solve --report`.

Content tests use a hand-made roster (no solver) whose figures are worked out by hand below;
the CLI tests run the real command on a tiny instance. The browser test is
tests/test_report_browser.py.

The hand roster (one week from Monday 2025-03-03, not cyclic; need: 1 usk 07:00–21:30 every
day; shift types of test_check_builders):

    E1  Mon D 07:00–15:30 · Wed S 07:00–11:30 + 15:30–20:00 · Fri D as a resurspass
    E2  Mon K 13:30–21:30 · Thu N 21:00–07:00 · unavailable Sat–Sun (semester)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from bemanna.checker import CheckReport, Violation, check_roster
from bemanna.labels import money as sek
from bemanna.pricing import price_roster
from bemanna.report.build import SHEETS, page, report_data, shift_kind, write_reports, xlsx_bytes
from bemanna.report.data import ReportData
from bemanna.report.xlsx import KIND_FILL
from test_check_builders import MONDAY, make_instance, make_pass, make_roster
from test_cli import assert_bad_input, bemanna, flat, tiny_data, write_instance

TRICKY_NAME = '<script>alert("x")</script> & Åsa'
BUDGET_SEK = {"personnel": 20000, "ob": 1000, "overtime": 500, "hourly_temps": 3000,
              "agency": 100}


def day(d: int) -> str:
    return (MONDAY + dt.timedelta(days=d)).isoformat()


@pytest.fixture(scope="module")
def hand() -> ReportData:
    inst = make_instance(
        employees=[
            {"id": "E1", "name": TRICKY_NAME, "skills": ["usk"]},
            {"id": "E2", "name": "Bo", "skills": ["usk"],
             "unavailable": [{"start": day(5), "end": day(6), "reason": "semester"}]},
        ],
        demand=[{"skill": "usk", "bands": [{"start": "07:00", "end": "21:30", "min": 1}]}],
        cost_model={"budget": BUDGET_SEK},
    )
    roster = make_roster(inst, [
        make_pass(inst, "E1", 0, "D"), make_pass(inst, "E2", 0, "K"),
        make_pass(inst, "E1", 2, "S"), make_pass(inst, "E2", 3, "N"),
        make_pass(inst, "E1", 4, "D", "resurs"),
    ])
    check = check_roster(inst, roster)
    assert check.ok, [v.message for v in check.violations]
    return report_data(inst, roster, check, price_roster(inst, roster))


@pytest.fixture(scope="module")
def book(hand: ReportData) -> Any:
    return load_workbook(io.BytesIO(xlsx_bytes(hand)))


def rows_of(ws: Worksheet) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


def row_where(ws: Worksheet, first: object) -> tuple[Any, ...]:
    """The (only) row whose first cell is `first`."""
    found = [r for r in rows_of(ws) if r[0] == first]
    assert len(found) == 1, (first, found)
    return found[0]


# --- shift kinds ---------------------------------------------------------------------------------


def test_shift_kinds_follow_the_clock(hand: ReportData) -> None:
    """D 07–15:30 day; K 13:30–21:30 evening (starts after 12, ends after 19); N 21–07 night
    (8 h between 22 and 06, ≥ 3 h); S split; LD 07–19 day (ends at 19:00, not after); E
    06–14 day (no minute between 22 and 06)."""
    kinds = {s: shift_kind(hand.instance.shift[s]) for s in ("D", "K", "N", "S", "LD", "E")}
    assert kinds == {"D": "day", "K": "evening", "N": "night", "S": "split", "LD": "day",
                     "E": "day"}


# --- report.xlsx -------------------------------------------------------------------------------


def test_workbook_has_the_documented_sheets(book: Any) -> None:
    """docs/reports.md lists these seven sheets in this order."""
    assert book.sheetnames == list(SHEETS) == [
        "Schema", "Bemanning", "Kostnader", "Nyckeltal", "Timmar per anställd", "Resurstid",
        "RÖHS"]


def test_roster_grid_cells_are_the_shift_ids(book: Any) -> None:
    """Row = employee, column C = Monday (day 0): each cell holds the shift id starting that
    date; a resurspass gets ' R' and italics; fills follow the shift kind; E2's vacation
    weekend is grey and empty."""
    ws = book["Schema"]
    assert ws.freeze_panes == "C3"
    rows = {ws.cell(row=r, column=1).value: r for r in range(3, 5)}
    e1, e2 = rows["E1"], rows["E2"]
    assert ws.cell(row=e1, column=2).value == TRICKY_NAME  # kept as text, not markup
    assert [ws.cell(row=e1, column=3 + d).value for d in range(7)] == [
        "D", None, "S", None, "D R", None, None]
    assert [ws.cell(row=e2, column=3 + d).value for d in range(7)] == [
        "K", None, None, "N", None, None, None]
    assert ws.cell(row=e1, column=7).font.i and not ws.cell(row=e1, column=3).font.i

    def fill(r: int, d: int) -> str:
        return str(ws.cell(row=r, column=3 + d).fill.fgColor.rgb)[-6:]

    assert fill(e1, 0) == KIND_FILL["day"] and fill(e1, 2) == KIND_FILL["split"]
    assert fill(e2, 0) == KIND_FILL["evening"] and fill(e2, 3) == KIND_FILL["night"]
    assert fill(e2, 5) == fill(e2, 6) == "D9D9D9"
    assert ws.cell(row=2, column=3).value == "mån 3/3"


def test_costs_sheet_shows_the_pricing_in_sek(book: Any, hand: ReportData) -> None:
    """Every money cell is the pricing's integer öre / 100; budgets are the instance's SEK;
    one week annualises × 52."""
    ws = book["Kostnader"]
    lines = {"Personal (grundlön inkl. PO)": "personnel", "OB-tillägg": "ob",
             "Övertid/mertid": "overtime", "Timvikarier": "hourly_temps",
             "Bemanningsföretag": "agency", "Totalt": "total"}
    budget = hand.pricing.budget.set_index("line")
    for label, line in lines.items():
        row = row_where(ws, label)
        forecast_ore = hand.pricing.totals[line]
        assert row[1] == forecast_ore / 100
        assert row[2] == (sum(BUDGET_SEK.values()) if line == "total" else BUDGET_SEK[line])
        assert row[3] == int(budget.loc[line, "deviation_ore"]) / 100
        assert row[3] == pytest.approx(row[2] - row[1], abs=0.001)  # budget − forecast
        assert row[5] == 52 * forecast_ore / 100  # annualised over a 1-week horizon
    assert ws.cell(row=2, column=2).number_format == "#,##0.00"


def test_kpi_sheet_matches_the_pricing(book: Any, hand: ReportData) -> None:
    """The pricing's key figures, then the expected absence cover and the simulated figures
    (not simulated here: they say so)."""
    ws = book["Nyckeltal"]
    shown = {r[3]: r[1] for r in rows_of(ws)[1:] if r[3] is not None}
    expected = {str(r.kpi): (None if r.value is None or str(r.value) == "<NA>"
                             else float(r.value)) for r in hand.pricing.kpis.itertuples()}
    simulated = ("resurstid_utilisation", "absence_cost_annual", "simulated_overtime_share")
    assert shown == {**expected, "expected_absence_cover": -hand.absence_cover_ore / 100,
                     **dict.fromkeys(simulated, "ej simulerad")}
    assert row_where(ws, "Heltidsandel")[1] == 100.0  # both employees are full time


def test_hours_sheet_recomputes_hours_from_the_passes(book: Any) -> None:
    """E1: D 480 + S 540 + D 480 paid minutes = 25 h, of which the resurspass D is 8 h; three
    passes, one split; contract 38.25 h (full time, one week). E2: K 450 + N 600 = 17.5 h, one
    night pass."""
    ws = book["Timmar per anställd"]
    e1, e2 = row_where(ws, "E1"), row_where(ws, "E2")
    assert e1[3:10] == (38.25, 25.0, -13.25, 8.0, 3, 1, 1)
    assert e2[4] == 17.5 and e2[10] == 1


def test_coverage_sheet_sums_need_staffed_and_uncovered(book: Any, hand: ReportData) -> None:
    """Need 870 min × 7 days = 101.5 h. Uncovered: all of Tue, Fri (the resurspass does not
    count), Sat, Sun (4 × 870), Wed 330 (S covers 540), Thu 840 (N covers 21:00–21:30):
    4650 min = 77.5 h, the same as the pricing's uncovered table."""
    ws = book["Bemanning"]
    assert row_where(ws, "Summa per kompetens")
    totals = next(r for r in rows_of(ws) if r[0] == "usk" and r[1] == "alla")
    assert totals[3] == 101.5 and totals[6] == 77.5
    assert int(hand.pricing.uncovered["minutes"].sum()) == 4650


def test_resurstid_heatmap_is_the_pricing_resurstid_per_hour(hand: ReportData) -> None:
    """Bookable: the Friday resurspass D 07:00–15:30 (510 worked minutes). Stranded: Monday
    13:30–15:30 (D and K overlap, need 1) and the night pass outside the need, Thu 21:30–24:00
    and Fri 00:00–07:00: 120 + 570 minutes. Totals equal the pricing's resurstid table."""
    assert hand.bookable[4, 7] == 60 and hand.bookable[4, 15] == 30
    assert int(hand.bookable.sum()) == 510
    assert hand.stranded[0, 13] == 30 and hand.stranded[0, 14] == 60
    assert hand.stranded[3, 21] == 30 and hand.stranded[3, 23] == 60
    assert list(hand.stranded[4, :7]) == [60] * 7
    assert int(hand.stranded.sum()) == 690
    by_kind = hand.pricing.resurstid.groupby("kind")["minutes"].sum()
    assert int(by_kind["bookable"]) == 510 and int(by_kind["stranded"]) == 690


def test_coverage_curves_step_through_the_week(hand: ReportData) -> None:
    """Steps cover Monday 00:00 to Sunday 24:00 without gaps; Monday 14:00 has D and K
    working (2) against a need of 1."""
    (week,) = hand.curves["usk"]
    assert week[0].start == 0 and week[-1].end == 7 * 1440
    assert all(a.end == b.start for a, b in itertools.pairwise(week))
    at_14 = next(s for s in week if s.start <= 14 * 60 < s.end)
    assert (at_14.need_min, at_14.staffed) == (1, 2)


# --- report.html without a browser ----------------------------------------------------------


class Elements(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def having(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag
                and all(k in a and (v == "*" or v in (a[k] or "").split()) for k, v in
                        attrs.items())]


@pytest.fixture(scope="module")
def parsed(hand: ReportData) -> tuple[str, Elements]:
    text = page(hand)
    parser = Elements()
    parser.feed(text)
    return text, parser


def test_html_has_the_grid_charts_and_tiles(parsed: tuple[str, Elements], hand: ReportData
                                            ) -> None:
    _, html = parsed
    rows = html.having("tr", **{"class": "employee-row"})
    assert [r["data-employee"] for r in rows] == ["E1", "E2"]
    assert html.having("table", id="roster-grid")
    charts = {a["data-chart"] for a in html.having("figure", **{"class": "chart"})}
    # Not simulated: no planned-versus-booked heatmap.
    assert charts == {"cost-budget", "coverage-usk", "coverage-ssk", "resurstid-heatmap"}
    tiles = {a["data-kpi"] for a in html.having("div", **{"class": "kpi-tile"})}
    assert tiles == {"forecast", "annual_forecast", "deviation",
                     *map(str, hand.pricing.kpis["kpi"]), "expected_absence_cover",
                     "resurstid_utilisation", "absence_cost_annual", "simulated_overtime_share"}
    assert html.having("td", **{"class": "resurs"})  # E1's Friday
    assert "Totalt" in "".join(html.text)


def test_html_is_self_contained_and_escaped(parsed: tuple[str, Elements]) -> None:
    """No address outside the file (a CSP forbids loads; no http(s) link, no src), one inline
    script (the week selector), and the employee name with markup is text."""
    text, html = parsed
    assert "http://" not in text and "https://" not in text
    assert not [a for _, a in html.tags if "src" in a]
    assert len(html.having("script")) == 1
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert '<script>alert("x")' not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Åsa" in text


def test_html_money_is_rounded_once_from_ore(parsed: tuple[str, Elements], hand: ReportData
                                             ) -> None:
    """The cost table shows each line's öre as kronor with two decimals, e.g. the total."""
    text, _ = parsed
    assert sek(hand.pricing.totals["total"]) in text
    assert sek(123456789) == "1\u00a0234\u00a0567,89\u00a0kr" and sek(-5) == "−0,05\u00a0kr"


def test_write_reports_writes_both_files_atomically(tmp_path: Path, hand: ReportData) -> None:
    """Both files land in the folder and no temporary file is left behind."""
    xlsx, html = write_reports(tmp_path / "out", hand.instance, hand.roster, hand.check,
                               hand.pricing)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.html",
                                                                    "report.xlsx"]
    assert load_workbook(xlsx).sheetnames == list(SHEETS)
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- the CLI ------------------------------------------------------------------------------


def std_data() -> dict[str, Any]:
    """The CLI's tiny instance with its skill renamed 'std' (stödassistent): the cost model
    has no default salary for it and the file gives none. Flat objective prices (as a
    benchmark import has) let it load and solve; pricing then needs the salary."""
    data = tiny_data(name="tiny-std", costs={"uncovered_per_hour": {"std": 450},
                                             "stranded_resurstid_per_hour": 20})
    data["skills"] = [{"id": "std"}]
    for s in data["shift_types"]:
        s["skills"] = ["std"]
    for e in data["employees"]:
        e["skills"] = ["std"]
    data["demand"][0]["skill"] = "std"
    return data


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The tiny instance (with a budget) solved once with --report."""
    base = tmp_path_factory.mktemp("report")
    instance = write_instance(base / "tiny.yaml",
                              tiny_data(cost_model={"budget": BUDGET_SEK}))
    out = base / "out"
    proc = bemanna("solve", instance, "--time-limit", "3", "--out", out, "--report", "--quiet")
    return {"instance": instance, "out": out, "proc": proc, "base": base}


def test_solve_report_writes_both_files_and_the_cost_table(solved: dict[str, Any]) -> None:
    proc = solved["proc"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    names = sorted(p.name for p in solved["out"].iterdir())
    assert names == ["report.html", "report.xlsx", "roster.csv", "roster.json"]
    out = flat(proc.stdout)
    # The summary's key figures carry the budget total (the cost tables per line come with
    # --details); Swedish by default: "Totalt: budget" and a decimal comma.
    assert "Totalt: budget" in out
    # The total budget: 20 000 + 1 000 + 500 + 3 000 + 100 SEK (flat() folds the no-break space).
    assert "24 600,00" in out


def test_report_command_writes_to_out(solved: dict[str, Any]) -> None:
    target = solved["base"] / "elsewhere"
    proc = bemanna("report", solved["out"], "--instance", solved["instance"], "--out", target)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert sorted(p.name for p in target.iterdir()) == ["report.html", "report.xlsx"]
    assert "Rapporter skrivna till" in flat(proc.stdout)  # Swedish by default
    assert "Kostnad mot budget, 1 veckor" in flat(proc.stdout)  # report prints the cost table


def test_report_needs_a_roster(tmp_path: Path, solved: dict[str, Any]) -> None:
    proc = bemanna("report", tmp_path, "--instance", solved["instance"])
    assert_bad_input(proc, "roster.json", "no such file")


def test_report_rejects_another_instance(tmp_path: Path, solved: dict[str, Any]) -> None:
    """The roster was solved for 'tiny'; an instance named 'other' over two weeks is not its
    instance: one line per mismatch."""
    other = write_instance(tmp_path / "other.yaml", tiny_data(
        name="other", horizon={"start": "2025-03-03", "weeks": 2, "cyclic": False}))
    proc = bemanna("report", solved["out"], "--instance", other)
    assert_bad_input(proc, "instance: the roster was solved for instance 'tiny', but "
                     "--instance is 'other'", "horizon.days: the roster has 7 days, the "
                     "instance 14")


def test_report_requires_the_instance_option(solved: dict[str, Any]) -> None:
    proc = bemanna("report", solved["out"])
    assert_bad_input(proc, "--instance")


def test_report_out_must_be_a_folder(tmp_path: Path, solved: dict[str, Any]) -> None:
    file = tmp_path / "a-file"
    file.write_text("x", encoding="utf-8")
    proc = bemanna("report", solved["out"], "--instance", solved["instance"], "--out", file)
    assert_bad_input(proc, "--out", "is not a folder")


def test_solve_without_a_cost_model_reports_in_objective_units(tmp_path: Path) -> None:
    """Skill 'std' has no salary and the file has no cost_model (issue 17.8): the roster is
    solved, written and reported with exit 0, the missing salary named once and the costs in
    the objective's own units. A file whose cost_model lacks the salary is bad input on load,
    before any solving."""
    instance = write_instance(tmp_path / "std.yaml", std_data())
    out = tmp_path / "out"
    proc = bemanna("solve", instance, "--time-limit", "3", "--out", out, "--report", "--quiet")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Swedish by default: "Ingen kostnadsmodell" (--lang en: "No cost model").
    assert "Ingen kostnadsmodell" in proc.stdout and "monthly_salary.std" in flat(proc.stdout)
    assert (out / "report.html").exists()
    again = bemanna("report", out, "--instance", instance)
    assert again.returncode == 0, again.stdout + again.stderr
    given = write_instance(tmp_path / "std-cm.yaml", {**std_data(), "cost_model": {}})
    refused = bemanna("solve", given, "--time-limit", "3", "--out", tmp_path / "o2")
    assert_bad_input(refused, "cost_model.monthly_salary.std: no monthly salary for skill 'std'")
    assert "Löser" not in refused.stderr  # no search starts (the Swedish "Löser ...")


def test_html_lists_violations_escaped(hand: ReportData) -> None:
    """A roster that breaks a rule: the page says how many and lists them as text."""
    broken = CheckReport([Violation("daily_rest", "E1", MONDAY, "rest <11 h> & more")], {}, {})
    text = page(dataclasses.replace(hand, check=broken))
    assert "1 regelbrott" in text
    assert "<li>daily_rest: rest &lt;11 h&gt; &amp; more</li>" in text
