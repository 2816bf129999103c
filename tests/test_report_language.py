"""Issue 17, item 3 ("one language"): report.html and report.xlsx follow `--lang`.

Before, `--lang en` put English in the terminal while both report files stayed Swedish. Now
the words, number formats, dates, sheet names and `<html lang>` come from `bemanna.labels` in
the language asked for; Swedish stays the default.

Content tests use a hand-made roster (no solver) with a budget, a RÖHS request and an absence
simulation of two hand-made runs, so that every section of both files has text; the CLI test
solves the tiny instance for 2 s.
"""

from __future__ import annotations

import dataclasses
import io
import re
from html import unescape
from typing import Any

import numpy as np
import pytest
from openpyxl import load_workbook

from bemanna.checker import check_roster
from bemanna.labels import MESSAGES, money, money_whole, short_day
from bemanna.labels.messages import MESSAGES as TERMINAL_MESSAGES
from bemanna.labels.report_words import REPORT_WORDS
from bemanna.pricing import price_roster
from bemanna.report.build import page, report_data, sheet_names, xlsx_bytes
from bemanna.report.data import ReportData
from bemanna.simulation import simulate_absences
from test_check_builders import MONDAY, make_instance, make_pass, make_roster
from test_cli import bemanna, tiny_data, write_instance

EVIL = '=HYPERLINK("http://evil.example","Klicka")'
BUDGET_SEK = {"personnel": 20000, "ob": 1000, "overtime": 500, "hourly_temps": 3000,
              "agency": 100}

SWEDISH_ONLY = ("Timvikarier", "Heltidsandel", "Totalt", "Schemarapport", "Kostnader mot budget",
                "anställda", "Regelkontroll", "Nyckeltal", "Prognos", "veckor", "vecka", "mån",
                "sön", "Anställd", "bokningsbar", "förmiddag", "procentenheter", "Förväntad",
                "Bemanningsföretag", "delad tur", "kr")
"""Words of the Swedish reports that an English report must not hold."""
ENGLISH_ONLY = ("Hourly temps", "Full-time share", "Total", "Roster report",
                "Costs against budget", "employees", "Rule check", "Key figures", "Forecast",
                "week", "Mon", "Sun", "Employee", "bookable", "morning", "percentage points",
                "Expected", "Agency staff", "split shift", "SEK")
"""Their English counterparts, which a Swedish report must not hold."""


@pytest.fixture(scope="module")
def hand() -> ReportData:
    return hand_data()


def hand_data() -> ReportData:
    """One week from Monday 2025-03-03; E1 (named like a formula) asks for 50 → 100 %; need
    one USK 07:00–21:30; E1 D Monday, E2 K Monday and D Tuesday as a resurspass; two simulated
    runs (E1 off sick Monday in the first)."""
    inst = make_instance(
        employees=[
            {"id": "E1", "name": EVIL, "skills": ["usk"], "employment_rate": 50,
             "desired_employment_rate": 100},
            {"id": "E2", "skills": ["usk"]},
        ],
        demand=[{"skill": "usk", "bands": [{"start": "07:00", "end": "21:30", "min": 1}]}],
        cost_model={"budget": BUDGET_SEK},
    )
    roster = make_roster(inst, [make_pass(inst, "E1", 0, "D"), make_pass(inst, "E2", 0, "K"),
                                make_pass(inst, "E2", 1, "D", "resurs")])
    check = check_roster(inst, roster)
    absent = np.zeros((2, 2, 7), dtype=bool)
    absent[0, 0, 0] = True
    result = simulate_absences(inst, roster, absent)
    return report_data(inst, roster, check, price_roster(inst, roster), result)


def page_text(data: ReportData, lang: Any) -> str:
    """The page's visible text and attribute values (tooltips, aria labels), unescaped."""
    html = page(data, lang)
    body = html.split("<body>", 1)[1].split("<script>")[0]
    return unescape(re.sub(r"<[^>]+>", " ", body)) + " " + " ".join(
        unescape(v) for v in re.findall(r'(?:title|aria-label)="([^"]*)"', body))


def book_texts(data: ReportData, lang: Any) -> tuple[Any, list[str]]:
    book = load_workbook(io.BytesIO(xlsx_bytes(data, lang)))
    texts = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value != EVIL]
    return book, texts


def words_in(text: str, words: tuple[str, ...]) -> list[str]:
    return [w for w in words if re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", text)]


def test_the_html_page_is_in_one_language(hand: ReportData) -> None:
    """English: `<html lang="en">`, the English words and none of the Swedish ones (outside
    the instance's own ids and names); Swedish (the default) the other way round."""
    english, swedish = page_text(hand, "en"), page_text(hand, "sv")
    assert '<html lang="en">' in page(hand, "en") and '<html lang="sv">' in page(hand)
    assert words_in(english, SWEDISH_ONLY) == []
    assert words_in(english, ENGLISH_ONLY) == list(ENGLISH_ONLY)
    assert words_in(swedish, ENGLISH_ONLY) == []
    assert words_in(swedish, SWEDISH_ONLY) == list(SWEDISH_ONLY)
    assert page(hand) == page(hand, "sv")  # Swedish is the default
    unsimulated = dataclasses.replace(hand, simulation=None)
    english, swedish = page_text(unsimulated, "en"), page_text(unsimulated, "sv")
    assert "not simulated" in english and "ej simulerad" not in english
    assert "ej simulerad" in swedish and "not simulated" not in swedish


def test_the_same_figures_in_both_pages(hand: ReportData) -> None:
    """The forecast total in each language's money format: 1,234.56 SEK against 1 234,56 kr
    (no-break spaces); the grid's Monday as 'Mon 3 Mar' against 'mån 3/3'."""
    total = hand.pricing.totals["total"]
    english, swedish = page(hand, "en"), page(hand, "sv")
    assert money(total, "en") in english and money(total, "en") not in swedish
    assert money(total, "sv") in swedish and money(total, "sv") not in english
    whole = hand.pricing.budget.set_index("line").loc["total", "annual_forecast_ore"]
    assert money_whole(int(whole), "en") in english and money_whole(int(whole)) in swedish
    assert "<th>Mon<br>3 Mar</th>" in english and "<th>mån<br>3/3</th>" in swedish
    assert short_day(MONDAY, "en") == "Mon 3 Mar" and short_day(MONDAY) == "mån 3/3"


def test_the_workbook_is_in_one_language(hand: ReportData) -> None:
    """English sheet names ('Roster', not 'Schema'), heads and text cells; no Swedish word in
    any text cell (the employee's own name aside); Swedish the other way round."""
    book, texts = book_texts(hand, "en")
    assert book.sheetnames == list(sheet_names("en")) == [
        "Roster", "Coverage", "Costs", "Key figures", "Hours per employee", "Resurstid", "RÖHS"]
    text = " | ".join(texts)
    assert words_in(text, SWEDISH_ONLY) == []
    assert {"Hourly temps", "Full-time share", "Total", "Employee", "Mon 3 Mar", "Legend",
            "Budget line"} <= set(texts)
    sv_book, sv_texts = book_texts(hand, "sv")
    assert sv_book.sheetnames[0] == "Schema"
    assert words_in(" | ".join(sv_texts), ENGLISH_ONLY) == []
    assert {"Timvikarier", "Heltidsandel", "Totalt", "Anställd", "mån 3/3"} <= set(sv_texts)
    assert book.properties.title == "Roster report checker-test"


def test_the_same_numbers_in_both_workbooks(hand: ReportData) -> None:
    """Number cells are numbers in either language: each budget line's forecast is the
    pricing's öre / 100 in both, row by row."""
    english = load_workbook(io.BytesIO(xlsx_bytes(hand, "en")))["Costs"]
    swedish = load_workbook(io.BytesIO(xlsx_bytes(hand, "sv")))["Kostnader"]
    en_rows = [r for r in english.iter_rows(min_row=2, max_row=7, values_only=True)]
    sv_rows = [r for r in swedish.iter_rows(min_row=2, max_row=7, values_only=True)]
    assert [r[0] for r in en_rows][-1] == "Total" and [r[0] for r in sv_rows][-1] == "Totalt"
    assert [r[1:] for r in en_rows] == [r[1:] for r in sv_rows]
    assert en_rows[-1][1] == hand.pricing.totals["total"] / 100


def test_input_text_stays_text_in_english(hand: ReportData) -> None:
    """Issue 17 item 6 holds in English too: the formula-like name is a text cell, and no
    cell of the English workbook is a formula."""
    book = load_workbook(io.BytesIO(xlsx_bytes(hand, "en")))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    named = [c for c in cells if c.value == EVIL]
    assert named and all(c.data_type == "s" for c in named)


def test_one_table_of_words() -> None:
    """Every report sentence has both languages with the same {fields} and, for '|'-joined
    column heads, the same number of columns; no key shadows a terminal message."""
    assert not set(REPORT_WORDS) & set(TERMINAL_MESSAGES)
    assert set(MESSAGES) == set(REPORT_WORDS) | set(TERMINAL_MESSAGES)
    for key, (sv, en) in REPORT_WORDS.items():
        assert sv and en, key
        assert set(re.findall(r"{(\w+)}", sv)) == set(re.findall(r"{(\w+)}", en)), key
        assert sv.count("|") == en.count("|"), key


def test_cli_writes_english_reports(tmp_path: Any) -> None:
    """`solve --report --lang en` and `report --lang en` write English files; without
    --lang the same roster's reports are Swedish."""
    instance = write_instance(tmp_path / "tiny.yaml", tiny_data(cost_model={"budget": BUDGET_SEK}))
    out = tmp_path / "out"
    proc = bemanna("solve", instance, "--time-limit", "2", "--workers", "1", "--out", out,
                   "--report", "--quiet", "--lang", "en")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Hourly temps" in html and "Timvikarier" not in html
    assert load_workbook(out / "report.xlsx").sheetnames[0] == "Roster"
    again = bemanna("report", out, "--instance", instance, "--out", tmp_path / "sv")
    assert again.returncode == 0, again.stdout + again.stderr
    html = (tmp_path / "sv" / "report.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in html and "Timvikarier" in html and "Hourly temps" not in html
    english = bemanna("report", out, "--instance", instance, "--out", tmp_path / "en",
                      "--lang", "en")
    assert english.returncode == 0, english.stdout + english.stderr
    assert load_workbook(tmp_path / "en" / "report.xlsx").sheetnames[0] == "Roster"
