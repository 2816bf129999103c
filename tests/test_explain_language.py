"""The explanation of an infeasible instance and compare's progress follow the language:
Swedish by default, English with --lang en (labels/explain_words.py).

The infeasible instance is tests/data/infeasible/weekend_only.yaml: kim may only work W (07:00–
19:00, 2 h break: 10 h paid) and at most 1 weekend, so 20 h at most against a quarter-time
contract of 38 h 15 min a week over 4 weeks; the solver proves it (no pre-solve finding).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from bemanna.cli import app
from bemanna.explain.wording import group_text
from bemanna.instance import load_instance
from bemanna.labels import LANGS
from test_batch import tiny_unit

DATA = Path(__file__).resolve().parent / "data" / "infeasible"
WEEKEND_ONLY = DATA / "weekend_only.yaml"

ENGLISH = re.compile(r"\b(Conflict|cannot|Repair|rest|hours|works|paid|may|allow|relax|remove|"
                     r"accept|written|Written|Explanation|Comparing|solving|simulating)\b")
"""English words of the old explanation and compare lines: none may be left in Swedish output
(rule ids such as contract_hours are not words: '_' joins them to their neighbour)."""


def _solve(tmp_path: Path, *lang: str) -> tuple[str, dict[str, Any]]:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["solve", str(WEEKEND_ONLY), "--out", str(out),
                                      "--time-limit", "5", "--workers", "1", "--explain",
                                      *lang])
    assert result.exit_code == 1, result.output  # no roster: exit 1
    explanation = json.loads((out / "explanation.json").read_text(encoding="utf-8"))
    return result.output, explanation


def test_the_conflict_sentence_in_each_language() -> None:
    """max_weekends for kim, worded per language: the rule id and its Swedish name, then the
    limit with the noun counted in the language ('1 helg' / '1 weekend')."""
    inst = load_instance(WEEKEND_ONLY)
    assert (group_text(inst, "max_weekends", "kim", None, "", "sv")
            == "max_weekends (helger): kim arbetar högst 1 helg")
    assert (group_text(inst, "max_weekends", "kim", None, "", "en")
            == "max_weekends (helger): kim works at most 1 weekend")
    assert group_text(inst, "max_weekends", "kim", None, "") == group_text(
        inst, "max_weekends", "kim", None, "", "sv")  # Swedish is the default


def test_solve_explains_an_infeasible_instance_in_swedish_by_default(tmp_path: Path) -> None:
    output, explanation = _solve(tmp_path)
    lines = output.splitlines()
    assert "Konflikt 1: reglerna för kim kan inte alla hållas samtidigt:" in lines, output
    assert "  - max_weekends (helger): kim arbetar högst 1 helg" in lines, output
    # kim's facts: 25 % of the 2 295-minute full-time week; W is 12 h less a 2 h break.
    assert "  (kim: 25 % av 38 tim 15 min/vecka; får arbeta W 07:00–19:00 (10 tim betalt))" \
        in lines, output
    assert any(line.startswith("Sätt att lösa upp konflikten, minsta lättnad först")
               for line in lines), output
    # One more weekend for kim is the max_weekends repair (limit 1 + 1 = 2).
    assert "tillåt 1 helg till för kim (max_weekends.per_employee.kim: 2)" in output, output
    assert "Förklaringen skriven till" in output
    leftovers = ENGLISH.findall(output)
    assert leftovers == [], output
    # explanation.json keeps its keys; its texts are in the run's language.
    texts = [g["text"] for c in explanation["conflicts"] for g in c["groups"]]
    assert "max_weekends (helger): kim arbetar högst 1 helg" in texts
    changes = [r["change"] for r in explanation["repairs"]]
    assert any(c.startswith("tillåt 1 helg till för kim") for c in changes), changes


def test_solve_explains_in_english_with_lang_en(tmp_path: Path) -> None:
    output, explanation = _solve(tmp_path, "--lang", "en")
    lines = output.splitlines()
    assert "Conflict 1: kim's rules cannot all hold together:" in lines, output
    assert "  - max_weekends (helger): kim works at most 1 weekend" in lines, output
    assert "  (kim: 25 % of 38 h 15 min/week; may work W 07:00–19:00 (10 h paid))" \
        in lines, output
    assert any(line.startswith("Repair options, smallest relaxation first") for line in lines)
    assert "allow 1 weekend more for kim (max_weekends.per_employee.kim: 2)" in output, output
    assert "Explanation written to" in output
    changes = [r["change"] for r in explanation["repairs"]]
    assert any(c.startswith("allow 1 weekend more for kim") for c in changes), changes


def _compare(tmp_path: Path, *lang: str) -> str:
    base = tmp_path / "unit.yaml"
    base.write_text(yaml.safe_dump(tiny_unit("unit")), encoding="utf-8")
    scenario = tmp_path / "fewer.yaml"
    scenario.write_text(yaml.safe_dump({"name": "fewer", "transforms": [
        {"remove_employee": {"id": "b"}}]}), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["compare", str(base), str(scenario), "--out", str(out),
                                      "--time-limit", "2", "--workers", "1",
                                      "--deterministic-time", "0.1", "--simulate", "3",
                                      *lang])
    assert result.exit_code == 0, result.output
    return result.output


def test_compare_progress_in_swedish_by_default(tmp_path: Path) -> None:
    """The tiny unit of the batch tests and one employee fewer: two rosters, three simulated
    runs, then the files written."""
    output = _compare(tmp_path)
    out = tmp_path / "out"
    assert ("Jämför 2 scheman för unit: gräns 2 s, 1 arbetstråd, frö 0, strategi auto för "
            "varje") in output, output
    assert "  löser base ..." in output
    assert "  löser base: fortsatt från sitt första schema, som scenarierna ..." in output
    assert "  löser fewer: varmstart från schemat för base ..." in output
    assert "  simulerar sjukfrånvaro: 3 körningar, frö 0" in output
    flat = " ".join(output.split())
    assert f"Skrivet: {out / 'compare.xlsx'}, {out / 'compare.html'} och schemana under " \
        f"{out}/" in flat, output
    assert ENGLISH.findall(output) == [], output


def test_compare_progress_in_english(tmp_path: Path) -> None:
    output = _compare(tmp_path, "--lang", "en")
    assert ("Comparing 2 rosters of unit: limit 2 s, 1 worker, seed 0, strategy auto "
            "each") in output, output
    assert "  solving base ..." in output
    assert "  solving base: continued from its first roster, as the scenarios are ..." in output
    assert "  solving fewer: warm start from the roster of base ..." in output
    assert "  simulating sick leave: 3 runs, seed 0" in output
    assert "and the rosters under" in output


def _console() -> tuple[Any, io.StringIO]:
    from rich.console import Console

    buffer = io.StringIO()
    return Console(file=buffer, width=200, no_color=True), buffer


def test_the_fallback_folder_warning_follows_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """After a write that fell back to another folder: the warning word, the folder's problem
    as the roster module gives it, what was written where."""
    import bemanna.cli.console as cli_console
    from bemanna.roster.output import Written

    written = Written(None, Path("/tmp/bemanna-x"), "cannot write into out: disk full")
    shown: dict[str, str] = {}
    for lang in LANGS:
        console, buffer = _console()
        monkeypatch.setattr(cli_console, "err", console)
        cli_console.say_moved(written, "reports", lang)
        shown[lang] = buffer.getvalue().strip()
    assert shown["sv"] == ("varning: cannot write into out: disk full; rapporterna skrevs till "
                           "/tmp/bemanna-x i stället")
    assert shown["en"] == ("warning: cannot write into out: disk full; the reports were written "
                           "to /tmp/bemanna-x instead")


def test_a_roster_the_cost_model_cannot_price_is_said_in_the_language(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The pricing step's refusal (the roster is already written): the error word and the
    sentence in the language, then the loader's problem lines as they are."""
    import bemanna
    from bemanna.cli.report import price_or_none
    from bemanna.instance import InstanceError

    def refuse(*_: object) -> None:
        raise InstanceError("cost_model", ["salaries.usk: missing"])

    monkeypatch.setattr(bemanna, "price", refuse)
    shown: dict[str, list[str]] = {}
    for lang in LANGS:
        console, buffer = _console()
        assert price_or_none(console, None, None, lang) is None  # type: ignore[arg-type]
        shown[lang] = buffer.getvalue().splitlines()
    assert shown["sv"] == ["fel: kan inte prissätta schemat (cost_model): schemat skrevs, "
                           "kostnadstabellen och rapporterna skrevs inte",
                           "  salaries.usk: missing"]
    assert shown["en"][0] == ("error: cannot price the roster (cost_model): the roster was "
                              "written, the cost table and reports were not")


def test_explain_names_an_unknown_employee_in_the_language(tmp_path: Path) -> None:
    """`bemanna explain -e zz` on the LSS home (an empty hand-made roster: the employee check
    comes before any solve): exit 2, the error line in the language, the first ids as
    examples."""
    from bemanna.roster import save_roster
    from test_check_builders import make_roster

    instance = Path(__file__).resolve().parents[1] / "instances" / "lss_group_home.yaml"
    inst = load_instance(instance)
    folder = tmp_path / "roster"
    save_roster(make_roster(inst, []), folder)
    first = inst.employees[0].id
    shown: dict[str, str] = {}
    for lang in LANGS:
        result = CliRunner().invoke(app, ["explain", str(folder), "-i", str(instance),
                                          "-e", "zz", "--lang", lang])
        assert result.exit_code == 2, result.output
        shown[lang] = " ".join(result.output.split())
    assert shown["sv"].startswith(
        f"fel: --employee: ingen medarbetare 'zz' i {inst.name} (t.ex. {first}, "), shown
    assert shown["en"].startswith(
        f"error: --employee: no employee 'zz' in {inst.name} (e.g. {first}, "), shown
