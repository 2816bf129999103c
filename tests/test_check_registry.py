"""The checker's registries name exactly the rule ids and priced terms, and the checker is a
second opinion: it never imports the solver or OR-Tools."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import bemanna.checker
from bemanna.checker import CHECKS, PRICERS, STRUCTURAL_RULES, check_roster
from bemanna.instance import PRICED_TERMS, RULE_IDS
from test_check_builders import make_instance, make_pass, make_roster

CHECK_DIR = Path(bemanna.checker.__file__).parent


def test_one_check_per_rule_id_and_one_pricer_per_term() -> None:
    assert tuple(CHECKS) == RULE_IDS
    assert tuple(PRICERS) == PRICED_TERMS
    assert not set(STRUCTURAL_RULES) & set(RULE_IDS)


def test_the_checker_never_imports_the_solver_or_ortools() -> None:
    """Read every import statement of the package, then import it in a fresh interpreter."""
    for path in CHECK_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("ortools", "bemanna.solver")), (path.name, name)
    probe = (
        "import sys, bemanna.checker; "
        "bad = [m for m in sys.modules if m.startswith(('ortools', 'bemanna.solver'))]; "
        "sys.exit(f'imported {bad}' if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_disabled_rules_report_nothing() -> None:
    """Every rule off: a roster breaking most of them gives ([], 0) from every check."""
    inst = make_instance({rule_id: {"enabled": False} for rule_id in RULE_IDS})
    roster = make_roster(inst, [make_pass(inst, "E1", d, "S") for d in range(7)])
    for rule_id, rule_check in CHECKS.items():
        assert rule_check(inst, roster) == ([], 0), rule_id
    report = check_roster(inst, roster)
    assert report.ok and report.units == {}
    assert set(report.costs) == set(PRICED_TERMS)


def test_checks_take_instance_and_roster() -> None:
    """CHECKS[rule](instance, roster) -> (findings, units), whatever the rule's mode."""
    inst = make_instance()
    roster = make_roster(inst, [make_pass(inst, "E1", d, "D") for d in range(7)])
    findings, units = CHECKS["max_consecutive_days"](inst, roster)
    assert units == 1 and [v.employee for v in findings] == ["E1"]
