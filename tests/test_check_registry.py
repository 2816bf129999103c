"""The checker reads the rule table (`bemanna.rules`): a check per rule id and a pricer per
priced term, and it is a second opinion: it never imports the solver or OR-Tools."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import bemanna.checker
from bemanna.checker import check_roster, check_rule, rule_check, term_pricer
from bemanna.instance import PRICED_TERMS, RULE_IDS
from bemanna.rules import RULES, TERMS
from test_check_builders import make_instance, make_pass, make_roster

CHECK_DIR = Path(bemanna.checker.__file__).parent


def test_one_check_per_rule_id_and_one_pricer_per_term() -> None:
    """Every row's check and pricer is a function of this package."""
    assert tuple(RULES) == RULE_IDS and tuple(TERMS) == PRICED_TERMS
    for rule_id in RULE_IDS:
        assert rule_check(rule_id).__module__.startswith("bemanna.checker."), rule_id
    for term in PRICED_TERMS:
        assert term_pricer(term).__module__.startswith("bemanna.checker."), term


def test_the_checker_never_imports_the_solver_or_ortools() -> None:
    """Read every import statement of the package, then import it in a fresh interpreter and
    resolve every check and pricer the rule table names."""
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
    # Resolving every check and pricer of the rule table must not pull the solver in either.
    probe = (
        "import sys, bemanna.checker as c; from bemanna.rules import RULES, TERMS; "
        "[c.rule_check(r) for r in RULES]; [c.term_pricer(t) for t in TERMS]; "
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
    for rule_id in RULES:
        assert check_rule(inst, roster, rule_id) == ([], 0), rule_id
    report = check_roster(inst, roster)
    assert report.ok and report.units == {}
    assert set(report.costs) == set(PRICED_TERMS)


def test_checks_take_instance_and_roster() -> None:
    """check_rule(instance, roster, rule) -> (findings, units), whatever the rule's mode."""
    inst = make_instance()
    roster = make_roster(inst, [make_pass(inst, "E1", d, "D") for d in range(7)])
    findings, units = check_rule(inst, roster, "max_consecutive_days")
    assert units == 1 and [v.employee for v in findings] == ["E1"]
