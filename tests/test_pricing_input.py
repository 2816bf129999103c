"""Bad cost input: one line per problem, naming the field (`InstanceError`, exit code 2 in the
CLI); and the pricing's own guarantees: integer öre, never NaN, no solver imports."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
import yaml

import bemanna.pricing
from bemanna.instance import InstanceError, load_instance
from bemanna.pricing import price_roster
from test_check_builders import make_roster
from test_pricing_builders import pricing_instance

TEMP_SHIFT = [{"id": "TD", "parts": [{"start": "07:00", "end": "15:00"}],
               "skills": ["std", "vb"]}]


def problems(**fields: Any) -> list[str]:
    with pytest.raises(InstanceError) as caught:
        pricing_instance(**fields)
    return caught.value.problems


def test_negative_rates_and_unreadable_ob_windows() -> None:
    """Each bad field is one line with its path; all are reported at once."""
    found = problems(cost_model={
        "po_rate": -0.1,
        "agency_per_hour": {"usk": -470},
        "ob": [{"id": "kvall", "sek_per_hour": -1, "weekly": ["fri 19-mon"]}],
    })
    assert len(found) == 4
    assert "cost_model.po_rate: Input should be greater than or equal to 0" in found
    assert "cost_model.agency_per_hour.usk: Input should be greater than or equal to 0" in found
    assert "cost_model.ob[0].sek_per_hour: Input should be greater than or equal to 0" in found
    assert any(line.startswith("cost_model.ob[0].weekly[0]: cannot read OB window "
                               "'fri 19-mon'") for line in found)


def test_ob_window_problems_name_the_window() -> None:
    found = problems(cost_model={"ob": [{"id": "x", "sek_per_hour": 1, "weekly": [
        "fri 19:00-mon 07:00", "mon-fry 19:00-22:00", "mon 07:00-07:00"]}]})
    assert found == [
        "cost_model.ob[0].weekly[1]: cannot read OB window 'mon-fry 19:00-22:00': unknown "
        "weekday in 'mon-fry'",
        "cost_model.ob[0].weekly[2]: cannot read OB window 'mon 07:00-07:00': clock window "
        "'07:00-07:00' is empty",
    ]


def test_missing_salary_missing_rate_and_unknown_names() -> None:
    """Skill std is scheduled (T1 has it, shift TD lists it) but has no salary, so its
    default gap-fill source (hourly temps) has no rate either; vb's policy buys agency staff
    but vb has no agency price; the cost model names a skill and an employee that do not
    exist. One line each."""
    found = problems(
        skills=[{"id": "usk"}, {"id": "ssk"}, {"id": "std"}, {"id": "vb"}],
        employees=[{"id": "E1", "skills": ["usk"]}, {"id": "T1", "skills": ["std"]}],
        shifts=TEMP_SHIFT,
        demand=[{"skill": s, "bands": [{"start": "07:00", "end": "15:00", "min": 1}]}
                for s in ("std", "vb")],
        cost_model={"gap_fill": {"vb": [{"source": "agency"}], "xx": [{"source": "agency"}]},
                    "employee_monthly_salary": {"E9": 30000}},
    )
    assert found == [
        "cost_model.gap_fill.xx: unknown skill 'xx'",
        "cost_model.employee_monthly_salary.E9: unknown employee 'E9'",
        "cost_model.monthly_salary.std: no monthly salary for skill 'std', which is scheduled",
        "cost_model.default_gap_fill[0]: hourly_temp for skill 'std' has no rate: it needs "
        "cost_model.monthly_salary.std",
        "cost_model.gap_fill.vb[0]: agency for skill 'vb' has no rate: set "
        "cost_model.agency_per_hour.vb",
    ]


def test_gap_fill_policies_must_buy_everything() -> None:
    """Every source but the last has a cap; the last has none; no source twice."""
    found = problems(cost_model={
        "gap_fill": {"usk": [{"source": "agency", "max_hours_per_week": 3}],
                     "ssk": [{"source": "agency"}, {"source": "agency"}]},
        "default_gap_fill": [{"source": "overtime"}, {"source": "agency"}],
    })
    assert found == [
        "cost_model.gap_fill.usk: the last source must not have max_hours_per_week: all "
        "uncovered need must be bought somewhere",
        "cost_model.gap_fill.ssk: a source appears twice in the policy",
        "cost_model.default_gap_fill: every source but the last needs max_hours_per_week "
        "(a later source would never be used)",
    ]


def test_an_instance_without_a_cost_model_is_checked_when_priced() -> None:
    """Without `cost_model`, and with flat objective weights (so the solver needs no wage),
    the instance loads; pricing it says what is missing, in the same words, and prices in
    the objective's own units (no money: issue 17.8). With a cost_model section lacking the
    salary, pricing refuses."""
    inst = pricing_instance(
        skills=[{"id": "usk"}, {"id": "ssk"}, {"id": "std"}],
        employees=[{"id": "T1", "skills": ["std"]}],
        shifts=[{**TEMP_SHIFT[0], "skills": ["std"]}],
        costs={"stranded_resurstid_per_hour": 20},
    )
    pricing = price_roster(inst, make_roster(inst, []))
    assert pricing.unpriced == (
        "cost_model.monthly_salary.std: no monthly salary for skill 'std', which is scheduled",)
    assert pricing.totals["total"] == 0
    given = inst.model_copy(update={"cost_model": inst.cost_model})
    with pytest.raises(InstanceError) as caught:
        price_roster(given, make_roster(inst, []))
    assert caught.value.problems == list(pricing.unpriced)


def test_a_shipped_instance_prices_in_whole_ore() -> None:
    """The care home with an empty roster: all need is bought. Every money column is int64,
    nothing is NaN, and each total is the sum of its table."""
    inst = load_instance(Path(__file__).resolve().parents[1] / "instances" / "care_home.yaml")
    pricing = price_roster(inst, make_roster(inst, []))
    for table in (pricing.wages, pricing.ob, pricing.gap_fill, pricing.resurstid):
        for column in [c for c in table.columns if c.endswith("_ore")]:
            assert table[column].dtype == "int64", column
        assert not table.isna().any().any()
    assert all(isinstance(v, int) for v in pricing.totals.values())
    assert pricing.totals["personnel"] == int(pricing.wages.cost_ore.sum())
    assert pricing.totals["total"] == sum(
        pricing.totals[k] for k in ("personnel", "ob", "overtime", "hourly_temps", "agency"))
    assert int(pricing.uncovered.minutes.sum()) == int(pricing.gap_fill.minutes.sum()) > 0
    budget = pricing.budget.set_index("line")
    assert budget.loc["total", "forecast_ore"] == pricing.totals["total"]
    # The shipped budget (instances/build.py) has every line, so the total has a budget too.
    assert budget.loc["total", "budget_ore"] == sum(
        budget.loc[line, "budget_ore"] for line in ("personnel", "ob", "overtime",
                                                    "hourly_temps", "agency"))


def test_pricing_never_imports_the_solver() -> None:
    """The pricing is a second opinion: no module of bemanna.pricing imports bemanna.solver or
    OR-Tools (read from the source, so untested code paths count too)."""
    folder = Path(bemanna.pricing.__file__).parent
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path.name}: use absolute imports"
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("bemanna.solver", "ortools")), (path.name, name)


def test_the_example_in_docs_costs_md_loads() -> None:
    """The `cost_model:` example of docs/costs.md is valid input."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "costs.md").read_text("utf-8")
    block = text.split("```yaml\ncost_model:", 1)[1].split("```", 1)[0]
    example = yaml.safe_load("cost_model:" + block)["cost_model"]
    inst = pricing_instance(skills=[{"id": k} for k in ("usk", "ssk", "USK", "SSK")],
                            cost_model=example)
    assert inst.cost_model.skill_salary("USK") == 33500
    assert [c.id for c in inst.cost_model.ob][-1] == "storhelgsnatt"
    assert price_roster(inst, make_roster(inst, [])).totals["total"] > 0
