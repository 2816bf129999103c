"""First contact without a flaw (issue 17, items 1 and 3): after a short solve the planner reads
one verdict line with the figures of the reports, in one language and one number format.

Item 1's case: a care-home solve of 10 s found its first roster at 4.1 s, never improved it and
printed `FEASIBLE ... bound 0.00 SEK gap 100.0 %` with "every hard rule holds" while 2,040 h of
need were uncovered. `advise` must call that "more time is likely to help" with a concrete
limit, and a bound of 0 is "no useful bound", never a gap of 100 %.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import bemanna
from bemanna.instance import instance_from_data
from bemanna.labels import hours, money, number, percent, resolve_lang, say, term_label
from bemanna.pricing.verdict import SearchFacts, advise, next_limit, verdict
from test_check_builders import make_pass, make_roster
from test_cli import bemanna as run_cli
from test_cli import flat, tiny_data, write_instance

NBSP = "\u00a0"

# --- item 1: the verdict's advice ---------------------------------------------------------------


def test_the_care_home_case_says_more_time_helps_and_no_useful_bound() -> None:
    """First roster at 4.1 s of a 10 s run, never improved, bound 0: the search had 5.9 s to
    improve a roster that took 4.1 s to find (first > a third of the run), so more time is
    likely to help; the next limit is the first of 60, 120, ... that is ≥ 3 × 10 s = 60 s."""
    facts = SearchFacts(status="FEASIBLE", objective=196_549_953, bound=0, wall_time=10.0,
                        time_limit=10.0, first_solution_time=4.1, last_improvement_time=4.1)
    assert advise(facts, None) == ("more_time", 60)


def test_a_search_that_stopped_improving_long_ago_is_called_stalled() -> None:
    """First roster at 1 s, last improvement at 5 s of 60 s: 55 s without a better roster
    (more than the last quarter) and the first roster came early: more time is unlikely to
    help much, and no limit is suggested."""
    facts = SearchFacts(status="FEASIBLE", objective=100, bound=0, wall_time=60.0,
                        time_limit=60.0, first_solution_time=1.0, last_improvement_time=5.0)
    assert advise(facts, None) == ("stalled", None)


def test_optimal_near_optimal_and_stopped() -> None:
    """OPTIMAL is proved: nothing to gain. A proved gap of 0.5 % (≤ 1 %): near the optimum.
    Stopped by Ctrl-C at 3 s of a 30 s limit: run the full 30 s."""
    optimal = SearchFacts(status="OPTIMAL", objective=100, bound=100, wall_time=1.0,
                          first_solution_time=0.5, last_improvement_time=0.5)
    assert advise(optimal, 0.0) == ("optimal", None)
    near = SearchFacts(status="FEASIBLE", objective=1000, bound=995, wall_time=30.0,
                       first_solution_time=1.0, last_improvement_time=29.0)
    assert advise(near, 0.005) == ("near_optimal", None)
    stopped = SearchFacts(status="FEASIBLE", objective=100, bound=0, wall_time=3.0,
                          time_limit=30.0, first_solution_time=1.0, last_improvement_time=2.0,
                          interrupted=True)
    assert advise(stopped, None) == ("stopped", 30)


def test_next_limit_steps_up_the_ladder() -> None:
    """3 × 10 = 30 → 60 (never less than a minute); 3 × 60 = 180 → 300; 3 × 2000 = 6000 →
    beyond the ladder, rounded up to whole 10 minutes: 6000."""
    assert (next_limit(10), next_limit(60), next_limit(2000)) == (60, 300, 6000)


# --- item 1: the verdict's figures are the pricing's ---------------------------------------------


@pytest.fixture(scope="module")
def tiny() -> Any:
    return instance_from_data(tiny_data(), "tiny")


def test_verdict_figures_come_from_the_pricing(tiny: Any) -> None:
    """An empty roster leaves the whole need uncovered: one USK 07:00–21:30 on 7 days is
    7 × 870 = 6 090 minutes (101,5 h); the forecast is the pricing's total."""
    roster = make_roster(tiny, [])
    pricing = bemanna.price(tiny, roster)
    found = verdict(pricing, SearchFacts(status="FEASIBLE", objective=None, bound=0))
    assert found.uncovered_minutes == 7 * 870 == int(pricing.uncovered["minutes"].sum())
    assert found.forecast_ore == pricing.totals["total"]
    assert found.stranded_minutes == 0 and found.bound_ore is None and found.gap is None
    text = found.text("sv")
    assert text.startswith("Bedömning: 101,5 tim behov ej täckt")
    assert "ingen användbar gräns" in text.lower() and "%" not in text


def test_stranded_resurstid_is_the_pricings(tiny: Any) -> None:
    """Anna and Bo both on D on Monday against a need of one: the second head is paid time
    nobody needs. The verdict's stranded minutes are the pricing's `resurstid` rows of kind
    stranded, not a second computation (and not the per-employee resurspass, which is 0)."""
    roster = make_roster(tiny, [make_pass(tiny, "anna", 0, "D"), make_pass(tiny, "bo", 0, "D")])
    pricing = bemanna.price(tiny, roster)
    stranded = pricing.resurstid.loc[pricing.resurstid["kind"] == "stranded", "minutes"].sum()
    found = verdict(pricing, SearchFacts(status="FEASIBLE"))
    assert found.stranded_minutes == int(stranded) > 0
    assert all(e.resurs_minutes == 0 for e in roster.employees)


# --- item 3: one number format per language, one place for the words ---------------------------


def test_number_formats_per_language() -> None:
    """Swedish: no-break space thousands, decimal comma, minus sign −; English: comma
    thousands, decimal point, hyphen minus. Money is exact öre."""
    assert money(196_549_953, "sv") == f"1{NBSP}965{NBSP}499,53{NBSP}kr"
    assert money(196_549_953, "en") == "1,965,499.53 SEK"
    assert money(-76_178_922, "sv", unit=False) == f"\u2212761{NBSP}789,22"
    assert money(-76_178_922, "en", unit=False) == "-761,789.22"
    assert hours(122_400, "sv") == f"2{NBSP}040,0" and hours(122_400, "en") == "2,040.0"
    assert number(-0.04, 1, "sv") == "0,0", "a rounded zero carries no sign"
    assert percent(12.34, "en") == f"12.3{NBSP}%"


def test_words_per_language_and_the_env() -> None:
    """Terms read as words (a priced term from the tables, a soft rule by its name in the rule
    table); BEMANNA_LANG chooses when no --lang is given; anything else is refused."""
    assert term_label("hourly_temps", "sv") == "hourly_temps", "not a term: shown as is"
    assert term_label("stranded_resurstid", "en").startswith("stranded resurstid")
    assert term_label("max_weekends", "sv") != "max_weekends"
    assert say("verdict.no_bound", "en") == "no useful bound"
    assert resolve_lang("EN") == "en"
    with pytest.raises(ValueError, match="--lang"):
        resolve_lang("de")


# --- the command line -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def solved_both(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The tiny instance solved once in Swedish (default) and once with --lang en."""
    base = tmp_path_factory.mktemp("first")
    instance = write_instance(base / "tiny.yaml", tiny_data())
    sv = run_cli("solve", instance, "--time-limit", "2", "--out", base / "sv")
    en = run_cli("solve", instance, "--time-limit", "2", "--out", base / "en", "--lang", "en")
    return {"sv": sv, "en": en, "instance": instance, "base": base}


def test_solve_leads_with_the_verdict_in_swedish(solved_both: dict[str, Any]) -> None:
    """Before: the summary opened with a per-employee table and ended `gap 100.0 %` in mixed
    formats. Now the first line is the verdict, Swedish words and numbers throughout, no gap
    of 100 %, and the long tables only with --details."""
    proc = solved_both["sv"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = flat(proc.stdout)
    assert out.startswith("Bedömning:") and "tim behov ej täckt" in out
    assert "gap 100" not in out and "100,0 %" not in out
    assert "SEK" not in out and "objective" not in out, "no English in the Swedish summary"
    assert "--details" in out and "Medarbetare" not in out, "the long tables are asked for"


def test_solve_lang_en_gives_english(solved_both: dict[str, Any]) -> None:
    proc = solved_both["en"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = flat(proc.stdout)
    assert out.startswith("Verdict:") and "h of need uncovered" in out
    assert " kr" not in out and "Bedömning" not in out


def test_details_show_names_pricing_bands_and_term_words(tmp_path: Path) -> None:
    """--details: employees with their names beside the ids, uncovered need in the pricing's
    bands (those of report.xlsx: 07–13, 13–19, 19–22, 22–07, not 00–07/…/21–24), terms as
    words with their ids."""
    data = tiny_data()
    data["employees"][0]["name"] = "Anna Berg"
    instance = write_instance(tmp_path / "tiny.yaml", data)
    proc = run_cli("solve", instance, "--time-limit", "2", "--out", tmp_path / "out",
                   "--details", "--lang", "en")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = flat(proc.stdout)
    assert "anna Anna Berg" in out
    assert "morning 07–13" in out and "night 22–07" in out and "21–24" not in out
    assert "stranded resurstid" in out


def test_env_chooses_the_language(solved_both: dict[str, Any], monkeypatch: Any) -> None:
    """BEMANNA_LANG=en without --lang: English (the subprocess inherits the environment)."""
    monkeypatch.setenv("BEMANNA_LANG", "en")
    base = solved_both["base"]
    proc = run_cli("report", base / "sv", "--instance", solved_both["instance"], "--out",
                   base / "report-en")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert flat(proc.stdout).startswith("Verdict:")


def test_roster_grid_shows_shift_names(tiny: Any) -> None:
    """The grid of report.html/xlsx shows a shift's name ("Kväll 14-21"), not its id
    ("kvall_sen"); the id stays in the cell's tooltip. An unnamed shift shows its id."""
    from bemanna.checker import read_roster
    from bemanna.report.data import roster_grid

    data = tiny_data()
    data["shift_types"][0]["name"] = "Dag 07-15:30"  # D; K stays unnamed
    inst = instance_from_data(data, "tiny")
    roster = make_roster(inst, [make_pass(inst, "anna", 0, "D"), make_pass(inst, "bo", 0, "K")])
    rows = {row.employee: row for row in roster_grid(read_roster(inst, roster))}
    assert rows["anna"].cells[0].text == "Dag 07-15:30"
    assert "(D)" in rows["anna"].cells[0].title
    assert rows["bo"].cells[0].text == "K"
