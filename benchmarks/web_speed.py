"""Speed of the workbench (issue 14 item 8), measured in headless Chromium against the app
served by uvicorn on 127.0.0.1, fixed time limits, 2 workers, seed 0:

1. Solve → screen: the care home solved from its page (Solve clicked in the browser); the
   time until the first improving roster shows on the page (the progress line and chart),
   against the solver's own time to its first roster; and the time until the roster grid
   is on screen (after the time limit: the grid shows the stored best roster).
2. The care home's roster page: server time (the `Server-Timing` header, median of 5),
   cold (page built from the stored roster: check, price, report data) and warm (cached).
3. A 120-staff × 12-week unit (the generated 87-staff care home with 33 staff copied under new
   ids, solved for --big-time-limit s, default 180: its first roster took 115 s here): the
   same server times, the page's load in Chromium (DOMContentLoaded, load), and scrolling
   the grid: 120 animation frames scrolling the grid's box by 240 px down and 120 px right
   per frame, frame intervals median / 95th percentile.

    python benchmarks/web_speed.py                      # prints the table
    python benchmarks/web_speed.py --results benchmarks/RESULTS.md   # also writes the section
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import itertools
import os
import re
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bemanna.generate.care_home import CareHomeParams, care_home_unit
from bemanna.instance import instance_from_data
from bemanna.web import create_app
from bemanna.web.live import live_server
from bemanna.web.store import JOB_OPEN

MARK_START, MARK_END = "<!-- web_speed:start -->", "<!-- web_speed:end -->"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
SCROLL_JS = """
const box = document.querySelector('.grid-box'), done = arguments[arguments.length - 1];
const times = []; let n = 0;
function step(t) { times.push(t); box.scrollTop += 240; box.scrollLeft += 120;
  if (++n < 120) requestAnimationFrame(step); else done(times); }
requestAnimationFrame(step);
"""


def browser() -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")
    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--window-size=1366,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(120)
    return driver


def big_unit(weeks: int) -> dict[str, Any]:
    """120 staff: the generator's largest care home (87) and 33 of its staff copied."""
    data = care_home_unit(CareHomeParams(name="big_unit", places=100, weeks=weeks,
                                         start=dt.date(2025, 3, 3), seed=1))
    staff = data["employees"]
    for n, emp in enumerate(copy.deepcopy(staff[: 120 - len(staff)]), 1):
        emp["id"] = f"x{n:03d}"
        emp["name"] = f"{emp.get('name', '')} (kopia {n})"
        emp.pop("wishes", None)
        emp.pop("desired_employment_rate", None)
        staff.append(emp)
    instance = instance_from_data(data, "big_unit")
    return instance.model_dump(mode="json", exclude_defaults=True)


def server_ms(client: httpx.Client, path: str) -> float:
    reply = client.get(path)
    reply.raise_for_status()
    found = re.search(r"dur=([0-9.]+)", reply.headers["server-timing"])
    assert found
    return float(found.group(1))


def page_times(app: Any, client: httpx.Client, roster_id: int) -> tuple[float, float]:
    """(cold, warm) median server ms of the roster page over 5 requests each."""
    cold = []
    for _ in range(5):
        app.state.pages._pages.clear()
        cold.append(server_ms(client, f"/rosters/{roster_id}"))
    warm = [server_ms(client, f"/rosters/{roster_id}") for _ in range(5)]
    return statistics.median(cold), statistics.median(warm)


def wait_job(app: Any, job_id: int) -> Any:
    while True:
        job = app.state.store.job(job_id)
        if job.status not in JOB_OPEN:
            return job
        time.sleep(0.2)


def solve_to_screen(driver: Any, url: str, app: Any, limit: int) -> dict[str, float]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    driver.get(f"{url}/plans/1")
    Select(driver.find_element(By.NAME, "time_limit")).select_by_value(str(limit))
    clicked = time.monotonic()
    driver.find_element(By.ID, "solve").click()
    WebDriverWait(driver, 300, 0.02).until(
        lambda d: "scheman" in (d.find_element(By.CSS_SELECTOR, ".job .progress-text").text))
    first_on_screen = time.monotonic() - clicked
    shown_at = float(driver.find_element(By.CSS_SELECTOR, ".job[data-first-shown-at]")
                     .get_attribute("data-first-shown-at")) / 1000
    WebDriverWait(driver, 600, 0.1).until(lambda d: d.find_elements(By.ID, "grid"))
    grid_on_screen = time.monotonic() - clicked
    job = app.state.store.jobs()[-1]
    summary = app.state.store.roster(job.roster_id).summary
    reported_at = app.state.store.job(job.id).progress[0][3]
    return {"first_on_screen": first_on_screen, "grid_on_screen": grid_on_screen,
            "screen_lag": shown_at - reported_at,
            "solver_first": float(summary["first_solution_time"] or 0.0),
            "solver_wall": float(summary["wall_time"]), "roster_id": job.roster_id}


def big_page(driver: Any, url: str, app: Any, client: httpx.Client, weeks: int,
             limit: int) -> dict[str, float]:
    store = app.state.store
    plan = store.create_plan("big_unit", big_unit(weeks), "benchmark: 120 staff")
    job = wait_job(app, app.state.jobs.submit(plan, store.version(plan).id, limit))
    assert job.roster_id is not None, job.message
    cold, warm = page_times(app, client, job.roster_id)
    driver.get(f"{url}/rosters/{job.roster_id}")
    timing = driver.execute_script(
        "const t = performance.timing; return [t.domContentLoadedEventEnd - t.navigationStart,"
        " t.loadEventEnd - t.navigationStart, document.querySelectorAll('#grid td').length];")
    frames = driver.execute_async_script(SCROLL_JS)
    gaps = sorted(b - a for a, b in itertools.pairwise(frames))
    html = client.get(f"/rosters/{job.roster_id}").content
    return {"cold": cold, "warm": warm, "dom": timing[0], "load": timing[1],
            "cells": timing[2], "frame_median": statistics.median(gaps),
            "frame_p95": gaps[int(0.95 * (len(gaps) - 1))], "bytes": len(html),
            "staff": len(store.version(plan).data["employees"])}


def table(care: dict[str, float], care_page: tuple[float, float], big: dict[str, float],
          args: argparse.Namespace) -> str:
    return "\n".join([
        f"Measured {dt.date.today()} with `python benchmarks/web_speed.py` (headless Chromium, "
        f"uvicorn on 127.0.0.1, {args.workers} workers, seed 0; care home solved "
        f"{args.time_limit} s, the 120-staff unit {args.big_time_limit} s).",
        "",
        "| measure | target | measured |",
        "| --- | --- | --- |",
        f"| care home roster page, server time (cold: built from the stored roster) | < 300 ms "
        f"| {care_page[0]:.0f} ms |",
        f"| care home roster page, server time (warm: cached page model) | < 300 ms "
        f"| {care_page[1]:.0f} ms |",
        f"| {big['staff']:.0f} staff × {args.weeks} weeks roster page, server time cold / warm "
        f"| < 2 s | {big['cold']:.0f} ms / {big['warm']:.0f} ms |",
        f"| same page in Chromium: DOMContentLoaded / load ({big['cells']:.0f} cells, "
        f"{big['bytes'] / 1e6:.1f} MB HTML) | – | {big['dom']:.0f} ms / {big['load']:.0f} ms |",
        f"| same page, scrolling the grid: frame interval median / p95 | usable (~16.7 ms "
        f"a frame at 60 Hz) | {big['frame_median']:.1f} ms / {big['frame_p95']:.1f} ms |",
        f"| solver reports its first roster → it is on screen (progress line and chart) | "
        f"within 1 s | {care['screen_lag'] * 1000:.0f} ms |",
        f"| Solve clicked → first roster on screen | – | {care['first_on_screen']:.2f} s (the "
        f"solver's own first roster at {care['solver_first']:.2f} s of its search) |",
        f"| Solve clicked → roster grid on screen | – | {care['grid_on_screen']:.1f} s "
        f"(the solve ran {care['solver_wall']:.1f} s; the grid shows the best roster when "
        "the solve ends or is stopped) |",
        "",
        "Cold: the page built from the stored roster (after a restart, before the start-up "
        "warm-up reaches it): the API's check and price of the roster plus the report data "
        "and the template. The solve worker builds a new roster's page from its own check "
        "and pricing before the job shows as done, so the click after a solve is warm.",
    ])


def write_section(path: Path, text: str) -> None:
    body = path.read_text(encoding="utf-8")
    section = f"{MARK_START}\n{text}\n{MARK_END}"
    if MARK_START in body:
        body = re.sub(re.escape(MARK_START) + ".*?" + re.escape(MARK_END), lambda _: section,
                      body, flags=re.S)
    else:
        body = body.rstrip() + "\n\n## Workbench speed (bemanna serve)\n\n" + section + "\n"
    path.write_text(body, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=int, default=15, choices=(5, 15, 30, 60))
    parser.add_argument("--big-time-limit", type=int, default=180)
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--results", type=Path, help="write the table into this RESULTS.md")
    args = parser.parse_args()
    app = create_app(Path(tempfile.mkdtemp(prefix="bemanna-web-speed-")),
                     solver_workers=args.workers)
    driver = browser()
    try:
        with live_server(app) as url, httpx.Client(base_url=url, timeout=120) as client:
            care = solve_to_screen(driver, url, app, args.time_limit)
            care_page = page_times(app, client, int(care["roster_id"]))
            big = big_page(driver, url, app, client, args.weeks, args.big_time_limit)
    finally:
        driver.quit()
    text = table(care, care_page, big, args)
    print(text)
    if args.results:
        write_section(args.results, text)


if __name__ == "__main__":
    main()
