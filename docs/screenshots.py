"""Take the screenshots of docs/workbench.md with headless Chromium (PNG files in docs/img/).

    python docs/screenshots.py            # about 2 minutes: three short solves and a compare

The app runs on a fresh temporary data folder (the three shipped example plans), served by
uvicorn on 127.0.0.1; every step is done through the pages, as a planner would.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from bemanna.web import create_app
from bemanna.web.live import live_server

IMG = Path(__file__).parent / "img"
REPO = Path(__file__).resolve().parents[1]


def browser() -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--hide-scrollbars", "--window-size=1400,900"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait(driver: Any, condition: Any, timeout: float = 120) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, 0.1).until(condition)


def solve(driver: Any, url: str, plan: int, limit: str = "15", shot: str | None = None) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver.get(f"{url}/plans/{plan}")
    Select(driver.find_element(By.NAME, "time_limit")).select_by_value(limit)
    driver.find_element(By.ID, "solve").click()
    if shot:
        wait(driver, lambda d: "scheman" in d.find_element(By.CSS_SELECTOR,
                                                            ".progress-text").text)
        time.sleep(8)  # a few more improving rosters on the chart
        driver.save_screenshot(str(IMG / shot))
    wait(driver, lambda d: "/rosters/" in d.current_url, 300)


def infeasible_plan(driver: Any, url: str, tmp: Path) -> None:
    """The LSS home with d01 pinned off on every day: the contract cannot be met."""
    from selenium.webdriver.common.by import By

    data = yaml.safe_load((REPO / "instances" / "lss_group_home.yaml").read_text())
    start = dt.date.fromisoformat(str(data["horizon"]["start"]))
    data["employees"][0]["pinned"] = [{"date": str(start + dt.timedelta(days=d)),
                                       "shift": None} for d in range(28)]
    path = tmp / "lss_pinned_off.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    driver.get(url + "/")
    driver.find_element(By.CSS_SELECTOR, "form[action='/plans/upload'] input[type=file]").send_keys(
        str(path))
    driver.find_element(By.CSS_SELECTOR, "form[action='/plans/upload'] button").click()
    wait(driver, lambda d: "/plans/4" in d.current_url)
    driver.find_element(By.ID, "solve").click()
    link = wait(driver, lambda d: d.find_elements(By.PARTIAL_LINK_TEXT, "Varför?"))
    link[0].click()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "table.repairs"))
    driver.save_screenshot(str(IMG / "workbench-infeasible.png"))


def main() -> None:
    from selenium.webdriver.common.by import By

    IMG.mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="bemanna-shots-"))
    app = create_app(tmp / "data", solver_workers=2)
    driver = browser()
    try:
        with live_server(app) as url:
            solve(driver, url, 1, "30", shot="workbench-solving.png")
            wait(driver, lambda d: d.find_elements(By.ID, "grid"))
            driver.save_screenshot(str(IMG / "workbench-roster.png"))
            cell = driver.find_elements(By.CSS_SELECTOR, "#grid td.k-evening")[3]
            cell.click()
            wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#cell-editor button"))
            driver.find_element(By.CSS_SELECTOR, "#cell-editor button[value=pin_off]").click()
            wait(driver, lambda d: "Sparat" in d.find_element(By.ID, "cell-editor").text)
            driver.save_screenshot(str(IMG / "workbench-pin.png"))
            section = driver.find_element(By.CSS_SELECTOR, ".coverage-section")
            driver.execute_script("arguments[0].scrollIntoView()", section)
            chart = driver.find_element(By.CSS_SELECTOR, "#coverage svg")
            from selenium.webdriver.common.action_chains import ActionChains

            ActionChains(driver).move_to_element_with_offset(chart, 120, 40).perform()
            section.screenshot(str(IMG / "workbench-coverage.png"))
            driver.find_element(By.CSS_SELECTOR, "section.costs").screenshot(
                str(IMG / "workbench-costs.png"))
            driver.find_element(By.ID, "resolve").click()
            wait(driver, lambda d: d.find_elements(By.ID, "changed-cells"), 300)
            solve(driver, url, 2, "5")
            solve(driver, url, 3, "5")
            driver.get(url + "/")
            driver.save_screenshot(str(IMG / "workbench-portfolio.png"))
            driver.get(url + "/plans/2/edit")
            rate = driver.find_element(By.NAME, "employees.1.employment_rate")
            rate.clear()
            rate.send_keys("120")
            driver.find_element(By.CSS_SELECTOR, "form.edit button").click()
            wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".field-error"))
            driver.save_screenshot(str(IMG / "workbench-edit.png"))
            driver.get(url + "/plans/2/compare")
            for value in ("pre_2023_rest_rules", "no_split_shifts"):
                driver.find_element(By.CSS_SELECTOR, f"input[value={value}]").click()
            driver.find_element(By.ID, "compare").click()
            wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".compare-table"), 300)
            driver.save_screenshot(str(IMG / "workbench-compare.png"))
            infeasible_plan(driver, url, tmp)
    finally:
        driver.quit()
    print("\n".join(sorted(str(p.relative_to(REPO)) for p in IMG.glob("workbench-*.png"))))


if __name__ == "__main__":
    main()
