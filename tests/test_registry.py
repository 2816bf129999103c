"""One rule, one id (docs/architecture.md): the rule parameters, the solver's builders and the
checker's checks name the same rule ids; the price builders and the checker's pricers name the
same priced terms; and only the solver touches OR-Tools, so the checker is a second opinion.

The import tests read the source files (every `import` and `from ... import`, relative ones
resolved), so a forbidden import is found even on a code path no test runs.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import bemanna
from bemanna.checker import CHECKS, PRICERS
from bemanna.instance import PRICED_TERMS, RULE_IDS, Rules
from bemanna.solver.builders import PRICE_BUILDERS, RULE_BUILDERS

PACKAGE = Path(bemanna.__file__).parent


def test_rule_ids_are_the_rule_set_fields() -> None:
    """RULE_IDS is defined as the fields of Rules, in order; nothing else may add an id."""
    assert tuple(Rules.model_fields) == RULE_IDS
    assert len(set(RULE_IDS)) == len(RULE_IDS)


def test_builders_checks_and_parameters_name_the_same_rules() -> None:
    assert set(RULE_BUILDERS) == set(CHECKS) == set(Rules.model_fields) == set(RULE_IDS)


def test_price_builders_and_pricers_name_the_same_terms() -> None:
    assert set(PRICE_BUILDERS) == set(PRICERS) == set(PRICED_TERMS)
    assert not set(PRICED_TERMS) & set(RULE_IDS)  # a term is a price or a rule, not both


def package_of(path: Path) -> list[str]:
    """The dotted package a source file belongs to, as parts: bemanna/checker/rest.py and
    bemanna/checker/__init__.py both -> ["bemanna", "checker"]."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return parts[:-1]


def imported_modules(source: str, package: list[str]) -> set[str]:
    """Every module a source imports (`from m import n` counts m and m.n), relative imports
    made absolute against `package`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def test_relative_imports_are_resolved() -> None:
    """The helper itself, on a made-up module of bemanna.checker."""
    source = "import ortools.sat\nfrom . import rest\nfrom ..solver.search import x\n"
    assert imported_modules(source, ["bemanna", "checker"]) == {
        "ortools.sat", "bemanna.checker", "bemanna.checker.rest",
        "bemanna.solver.search", "bemanna.solver.search.x",
    }
    assert package_of(PACKAGE / "checker" / "__init__.py") == ["bemanna", "checker"]


def imports_of(module: str, path: Path) -> bool:
    names = imported_modules(path.read_text(encoding="utf-8"), package_of(path))
    return any(name == module or name.startswith(module + ".") for name in names)


def test_the_checker_imports_neither_the_solver_nor_ortools() -> None:
    files = sorted((PACKAGE / "checker").rglob("*.py"))
    assert files
    offending = [
        (str(path.relative_to(PACKAGE)), banned)
        for path in files
        for banned in ("ortools", "bemanna.solver")
        if imports_of(banned, path)
    ]
    assert not offending


def test_only_the_solver_package_imports_ortools() -> None:
    """By the import statements, and by a plain text search for the word (which would also
    catch importlib.import_module("ortools") and the like)."""
    solver = PACKAGE / "solver"
    outside = [p for p in sorted(PACKAGE.rglob("*.py")) if solver not in p.parents]
    assert outside
    assert [str(p.relative_to(PACKAGE)) for p in outside if imports_of("ortools", p)] == []
    word = re.compile(r"\bortools\b")
    mentions = [str(p.relative_to(PACKAGE)) for p in outside
                if word.search(p.read_text(encoding="utf-8"))]
    assert mentions == []
    # ... and the solver does use it, so the test above is not vacuous.
    assert any(imports_of("ortools", p) for p in solver.rglob("*.py"))
