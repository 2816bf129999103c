"""report.html in a real browser: Debian's headless Chromium driven by Selenium.

The page of a small solved roster (two weeks, so that the week selector has something to do;
one employee asks for a higher employment rate; an absence simulation of 20 runs, so that the
planned-versus-booked heatmap is drawn) is opened from disk (file://) in a 1366 × 768 window,
a common laptop screen. The test checks that the roster grid has one row per employee, that
every chart draws a non-empty SVG of nonzero size, that the KPI tiles and the RÖHS table are
there, that the week selector switches the coverage
curves, that the page does not scroll sideways (the wide grid scrolls in its own box), and
that the browser's console shows no error.

Needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages `chromium` and
`chromium-driver`; `.ci/run` installs them). Where they are missing the test is skipped and
says why.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bemanna.checker import check_roster
from bemanna.pricing import price_roster
from bemanna.report.build import write_reports
from bemanna.simulation import simulate
from bemanna.solver import SolverParams, solve
from solver_cases import D, K, N, S, band, build, employee, need

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1366,768")

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed "
                                "(pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason=f"no browser: {CHROMIUM} and {CHROMEDRIVER} are needed (Debian packages chromium "
    "and chromium-driver; .ci/run installs them where apt-get works)")

EMPLOYEES = ["anna", "bo", "cecilia"]


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """(report.html, number of KPI tiles, horizon weeks) of a solved two-week roster, with
    cecilia asking for 100 % from 75 % and 20 simulated periods of absence."""
    staff = [employee(e) for e in EMPLOYEES]
    staff[2] |= {"employment_rate": 75, "desired_employment_rate": 100}
    inst = build([D, K, N, S], staff, [need(band("07:00", "21:30", 1, 2))], weeks=2,
                 resurspass=True)
    result = solve(inst, SolverParams(time_limit=3.0, workers=1, seed=0))
    assert result.roster is not None, result.status
    check = check_roster(inst, result.roster)
    assert check.ok, [v.message for v in check.violations]
    pricing = price_roster(inst, result.roster)
    simulation = simulate(inst, result.roster, runs=20, seed=0)
    _, html = write_reports(tmp_path_factory.mktemp("browser"), inst, result.roster, check,
                            pricing, simulation)
    # + forecast and annualised forecast (no budget given), the expected absence cover and
    # the three simulated figures.
    tiles = len(pricing.kpis) + 2 + 1 + 3
    return html, tiles, inst.horizon.weeks


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager: never look for downloads
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def loaded(browser: Any, report_file: tuple[Path, int, int]) -> Any:
    html, _, _ = report_file
    browser.get(html.as_uri())
    return browser


def test_roster_grid_has_a_row_per_employee(loaded: Any) -> None:
    from selenium.webdriver.common.by import By

    grid = loaded.find_element(By.ID, "roster-grid")
    assert grid.is_displayed()
    rows = grid.find_elements(By.CSS_SELECTOR, "tr.employee-row")
    assert [r.get_attribute("data-employee") for r in rows] == EMPLOYEES
    # 14 days + the name column in every row, and the solved roster has passes in it.
    assert all(len(r.find_elements(By.TAG_NAME, "td")) == 15 for r in rows)
    assert any(c.text.strip() for c in grid.find_elements(By.CSS_SELECTOR, "td[class*=pass-]"))


def test_every_chart_renders(loaded: Any) -> None:
    """Each figure.chart holds an SVG with a nonzero box and drawn shapes of nonzero extent."""
    from selenium.webdriver.common.by import By

    charts = loaded.find_elements(By.CSS_SELECTOR, "figure.chart[data-chart]")
    names = {c.get_attribute("data-chart") for c in charts}
    assert names == {"cost-budget", "coverage-usk", "resurstid-heatmap", "resurspass-booked"}
    for chart in charts:
        svg = chart.find_element(By.TAG_NAME, "svg")
        assert svg.size["width"] > 300 and svg.size["height"] > 50, (names, svg.size)
        drawn = loaded.execute_script(
            "var box = arguments[0].getBBox();"
            "return [box.width, box.height, arguments[0].querySelectorAll('path,rect').length];",
            svg)
        assert drawn[0] > 0 and drawn[1] > 0 and drawn[2] > 0, (chart.get_attribute("data-chart"),
                                                                drawn)


def test_kpi_tiles_are_shown(loaded: Any, report_file: tuple[Path, int, int]) -> None:
    from selenium.webdriver.common.by import By

    _, count, _ = report_file
    tiles = loaded.find_elements(By.CSS_SELECTOR, "#kpis .kpi-tile")
    assert len(tiles) == count
    assert all(t.is_displayed() and t.find_element(By.CLASS_NAME, "value").text for t in tiles)
    labels = {t.get_attribute("data-kpi") for t in tiles}
    assert {"forecast", "full_time_share", "resurstid_fte", "wishes_met",
            "expected_absence_cover", "resurstid_utilisation"} <= labels


def test_rohs_table_is_shown(loaded: Any) -> None:
    """cecilia's request is a row of the RÖHS table, with the totals row below it."""
    from selenium.webdriver.common.by import By

    table = loaded.find_element(By.ID, "rohs-table")
    assert table.is_displayed()
    rows = table.find_elements(By.CSS_SELECTOR, "tr[data-employee]")
    assert [r.get_attribute("data-employee") for r in rows] == ["cecilia"]
    assert table.find_element(By.CSS_SELECTOR, "tr.total").is_displayed()


def test_week_selector_switches_the_coverage_curves(loaded: Any,
                                                    report_file: tuple[Path, int, int]) -> None:
    """Week 1 is shown on load; choosing week 2 shows week 2 and hides week 1."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _, _, weeks = report_file
    assert weeks == 2

    def shown() -> list[str | None]:
        return [g.get_attribute("data-week") for g in loaded.find_elements(
            By.CSS_SELECTOR, 'figure[data-chart="coverage-usk"] g.week')
            if g.get_attribute("display") != "none"]

    assert shown() == ["1"]
    Select(loaded.find_element(By.ID, "week-select")).select_by_value("2")
    assert shown() == ["2"]
    Select(loaded.find_element(By.ID, "week-select")).select_by_value("1")
    assert shown() == ["1"]


def test_page_fits_a_laptop_screen(loaded: Any) -> None:
    """At 1366 px the page itself does not scroll sideways (the grid scrolls in its box)."""
    width = loaded.execute_script("return document.documentElement.scrollWidth")
    assert width <= 1366


def test_console_has_no_errors(loaded: Any) -> None:
    """Runs last in this file: the log holds everything since the page was loaded."""
    entries = loaded.get_log("browser")
    severe = [e for e in entries if e.get("level") == "SEVERE"]
    assert severe == [], severe


def test_cost_budget_labels_fit_the_chart(browser: Any, tmp_path: Path) -> None:
    """Issue 17.10: with a budget on every line, each label of the cost-against-budget chart
    ('prognos … · budget … · avvikelse … (… %)', ~80 characters) lies inside the SVG's
    viewBox, at a wide and at a narrow window (the text is in viewBox units, so a label
    outside the viewBox is clipped at every width). It started at x = 630 of 960 and ran
    past 1 100. A screenshot of each width is kept in tmp_path for a look by eye."""
    from selenium.webdriver.common.by import By

    budget = {"personnel": 20_000_000, "ob": 1_000_000, "overtime": 500_000,
              "hourly_temps": 3_000_000, "agency": 100_000}
    inst = build([D, K, N], [employee(e) for e in EMPLOYEES], [need(band("07:00", "21:30", 2))],
                 weeks=2, cost_model={"budget": budget})
    result = solve(inst, SolverParams(time_limit=2.0, workers=1, seed=0))
    assert result.roster is not None
    _, html = write_reports(tmp_path, inst, result.roster, check_roster(inst, result.roster),
                            price_roster(inst, result.roster))
    for width in (1366, 480):
        browser.set_window_size(width, 900)
        browser.get(html.as_uri())
        svg = browser.find_element(By.CSS_SELECTOR, 'figure[data-chart="cost-budget"] svg')
        boxes = browser.execute_script(
            "var svg = arguments[0], vb = svg.viewBox.baseVal;"
            "return [vb.width, Array.from(svg.querySelectorAll('text')).map(function (t) {"
            "  var b = t.getBBox(); return [t.textContent, b.x, b.x + b.width]; })];", svg)
        view_width, texts = boxes
        assert len(texts) == 12  # six lines (five and the total), a name and amounts each
        outside = [t for t in texts if t[1] < 0 or t[2] > view_width]
        assert outside == [], (width, view_width, outside)
        browser.save_screenshot(str(tmp_path / f"cost-budget-{width}.png"))
    browser.set_window_size(1366, 768)
