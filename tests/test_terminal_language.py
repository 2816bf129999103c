"""One language per output (issue 17 item 3): the checker's findings, `check`, `validate`,
`explain`, `simulate`, `generate`, `template` and `replan`'s wording are Swedish by default and
English with `--lang en`.

The commands run on the shipped nurse group (6 employees, 4 weeks) with a 3 s, one-worker
solve; each output is searched for whole words of the other language.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bemanna.cli import app
from bemanna.labels.phrases import PHRASES, Counted, phrase, render
from test_check_builders import check, make_instance
from test_check_rules import EVENING_THEN_DAY

ROOT = Path(__file__).resolve().parents[1]
NURSES = str(ROOT / "instances" / "nurse_group.yaml")
SWEDISH_ENV = {"BEMANNA_LANG": ""}

ENGLISH = ("rest", "between", "minimum", "maximum", "employees", "valid", "uncovered",
           "Traceback", "paid", "contract", "total", "cost", "violations", "Absence", "runs",
           "planned", "mean", "Written", "error", "warning", "weeks", "Note")
"""English words a Swedish output must not carry (as whole words: ids like uncovered_demand
are rule ids, the same in both languages)."""
SWEDISH = ("vila", "mellan", "minst", "högst", "medarbetare", "giltig", "täckt", "regelbrott",
           "totalt", "kostnad", "Frånvaro", "körningar", "planerat", "medel", "Skrivet", "fel",
           "varning", "veckor", "avtal", "betalt")
"""Swedish words an English output must not carry."""


def words_of(text: str, words: tuple[str, ...]) -> list[str]:
    return [w for w in words if re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", text)]


def run(args: list[str], swedish: bool) -> str:
    result = CliRunner().invoke(app, args if swedish else [*args, "--lang", "en"],
                                env=SWEDISH_ENV if swedish else None)
    assert result.exit_code in (0, 1), result.output  # 1: a finding, never a crash
    return result.output


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("lang") / "roster"
    result = CliRunner().invoke(app, ["solve", NURSES, "--out", str(out), "--time-limit", "3",
                                      "--workers", "1"], env=SWEDISH_ENV)
    assert result.exit_code == 0, result.output
    return out


# --- the checker's sentences -----------------------------------------------------------------


def test_a_short_daily_rest_reads_as_one_sentence_in_each_language() -> None:
    """K ends Monday 21:30, D starts Tuesday 07:00: 9 h 30 min of rest, 11 h required. The
    finding holds the numbers (570 and 660 minutes, the two passes); each language words
    them, Swedish with 'tim', English with 'h'."""
    finding = check(make_instance(), EVENING_THEN_DAY).violations[0]
    assert finding.fields["rest"] == 570
    assert finding.text("sv") == (
        "E1: 9 tim 30 min vila mellan pass K som slutar 2025-03-03 21:30 och pass D som börjar "
        "2025-03-04 07:00 (minst 11 tim)")
    assert finding.text("en") == (
        "E1: 9 h 30 min rest between pass K ending 2025-03-03 21:30 and pass D starting "
        "2025-03-04 07:00 (minimum 11 h)")
    assert str(finding) == finding.message == finding.text("sv")  # Swedish is the default


def test_both_languages_of_every_sentence_take_the_same_fields() -> None:
    """A field named in one language and not the other would raise KeyError in one language
    only; the two templates of every key name the same fields with the same specs."""
    def fields(template: str) -> set[tuple[str, str]]:
        return {(name, spec or "") for _, name, spec, _ in string.Formatter().parse(template)
                if name is not None}

    mismatched = [key for key, (sv, en) in PHRASES.items() if fields(sv) != fields(en)]
    assert mismatched == []


def test_counts_durations_and_nested_phrases_follow_the_language() -> None:
    """1 working day / 4 working days, 45 min, a phrase inside a phrase."""
    run_phrase = phrase("checker.run.one", count=Counted(1, "working_day"),
                        first=make_instance().horizon.start)
    fields = {"emp": "E1", "run": run_phrase, "limit": 2}
    assert render("checker.short_run", "sv", fields) == "E1: bara 1 arbetsdag, 2025-03-03 (minst 2)"
    assert render("checker.short_run", "en", fields) == (
        "E1: only 1 working day, 2025-03-03 (minimum 2)")
    assert render("presolve.rules.daily_rest", "sv", {"minutes": 45}) == "45 min dygnsvila"
    assert render("no such key, a finished sentence", "en", {}) == (
        "no such key, a finished sentence")


# --- the commands ------------------------------------------------------------------------------


def commands(roster: Path, tmp: Path) -> dict[str, list[str]]:
    return {
        "check": ["check", NURSES, str(roster)],
        "validate": ["validate", NURSES],
        "explain": ["explain", str(roster), "-i", NURSES, "-e", "ssk1", "--time-limit", "2",
                    "--max-wishes", "1"],
        "simulate": ["simulate", str(roster), "-i", NURSES, "--runs", "20"],
        "generate": ["generate", "--out", str(tmp / "units"), "--care-homes", "0",
                     "--nurse-groups", "1"],
        "template": ["template", str(tmp / "mall.xlsx")],
    }


@pytest.mark.parametrize("name", ["check", "validate", "explain", "simulate", "generate",
                                  "template"])
def test_swedish_by_default_english_with_lang_en(name: str, solved: Path,
                                                 tmp_path: Path) -> None:
    args = commands(solved, tmp_path)[name]
    swedish = run(args, swedish=True)
    assert words_of(swedish, ENGLISH) == [], swedish
    english = run(args, swedish=False)
    assert words_of(english, SWEDISH) == [], english


def test_field_problems_are_framed_and_worded_in_the_language(tmp_path: Path) -> None:
    """A missing field and a negative number: pydantic's 'Field required' and 'greater than
    or equal' in Swedish, the field path kept."""
    bad = tmp_path / "bad.yaml"
    text = (ROOT / "instances" / "nurse_group.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("weeks: 4", "weeks: -1", 1), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(bad)], env=SWEDISH_ENV)
    assert result.exit_code == 2
    assert "fel:" in result.output and "horizon.weeks: värdet ska vara" in result.output
    english = CliRunner().invoke(app, ["validate", str(bad), "--lang", "en"])
    assert "error:" in english.output and "horizon.weeks: Input should be" in english.output


def test_an_early_refusal_takes_its_first_word_from_lang(tmp_path: Path) -> None:
    """`replan --now` that is no date-time is refused before anything is read: with --lang en
    the whole line is English ('error: ...'), even when BEMANNA_LANG says Swedish — the
    error word follows --lang like the sentence after it."""
    result = CliRunner().invoke(app, ["replan", str(tmp_path), "-i", "x.yaml", "--events",
                                      "e.yaml", "--now", "tomorrow", "--lang", "en",
                                      "-o", str(tmp_path / "out")],
                                env={"BEMANNA_LANG": "sv"})
    assert result.exit_code == 2
    assert result.output.startswith("error: ")
    assert "fel:" not in result.output
