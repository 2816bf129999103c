"""One rule, one id (docs/architecture.md): the rule table `bemanna.rules` has one complete
row per rule id and per priced term, and the docs carry the same table; only the solver
touches OR-Tools, so the checker is a second opinion.

The import tests read the source files (every `import` and `from ... import`, relative ones
resolved), so a forbidden import is found even on a code path no test runs.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import bemanna
from bemanna.checker import STRUCTURAL_RULES
from bemanna.instance import PRICED_TERMS, RULE_IDS, Rules
from bemanna.instance.rules import RuleBase
from bemanna.rules import RULES, TERMS, markdown, resolve

PACKAGE = Path(bemanna.__file__).parent
DOCS = PACKAGE.parents[1] / "docs"


def test_rule_ids_are_the_rule_set_fields() -> None:
    """RULE_IDS is defined as the fields of Rules, in order; the rule table has one row per
    id, in the same order (builders and checks run in the table's order)."""
    assert tuple(Rules.model_fields) == RULE_IDS
    assert len(set(RULE_IDS)) == len(RULE_IDS)
    assert tuple(RULES) == RULE_IDS
    assert all(spec.id == rule_id for rule_id, spec in RULES.items())


def test_every_rule_row_is_complete() -> None:
    """Every column of every row: the parameters class is the Rules field's type and its
    default record is found by `parameters`; builder and check resolve to functions of the
    solver's builders and the checker; a soft unit in singular and plural; both names; each
    wording reference resolves to a function of the explain package."""
    rules = Rules()
    for rule_id, spec in RULES.items():
        assert Rules.model_fields[rule_id].annotation is spec.params, rule_id
        assert issubclass(spec.params, RuleBase)
        assert isinstance(spec.parameters(rules), spec.params)
        assert spec.builder.startswith("bemanna.solver.builders."), rule_id
        assert spec.checker.startswith("bemanna.checker."), rule_id
        assert callable(resolve(spec.builder)) and callable(resolve(spec.checker))
        assert spec.unit and spec.units and spec.units != spec.unit, rule_id
        assert spec.name_sv and spec.name_en, rule_id
        for wording in (spec.conflict, spec.repair):
            if wording is not None:
                assert wording.startswith("bemanna.explain."), rule_id
                assert callable(resolve(wording))
        # The per-hour rules count minutes; every other rule counts occurrences.
        assert spec.per_minute == (spec.unit == "minute"), rule_id


def test_every_term_row_is_complete() -> None:
    """One row per priced term, in the order of PRICED_TERMS; builders and pricers resolve."""
    assert tuple(TERMS) == PRICED_TERMS
    assert not set(PRICED_TERMS) & set(RULE_IDS)  # a term is a price or a rule, not both
    assert not set(STRUCTURAL_RULES) & set(RULE_IDS)
    for term in TERMS.values():
        assert term.builder.startswith("bemanna.solver.builders."), term.id
        assert term.pricer.startswith("bemanna.checker."), term.id
        assert callable(resolve(term.builder)) and callable(resolve(term.pricer))
        assert term.name_en


def test_a_bad_reference_is_named() -> None:
    """A typo in a row fails with the reference in the message, not an AttributeError."""
    with pytest.raises(LookupError, match=r"bemanna\.checker\.rest:no_such_check"):
        resolve("bemanna.checker.rest:no_such_check")
    with pytest.raises(ValueError, match="module:function"):
        resolve("bemanna.checker.rest")


def test_the_docs_rule_table_is_the_table() -> None:
    """docs/rules.md carries the table as `markdown()` writes it, and its "holds when" table
    lists the same ids in the same order (regenerate with
    `python -c "from bemanna.rules import markdown; print(markdown())"`)."""
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert markdown() in text
    wording = text.split("## Working-time rules", 1)[1].split("\n## ", 1)[0]
    ids = re.findall(r"^\| `([a-z0-9_]+)` \|", wording, flags=re.MULTILINE)
    assert tuple(ids) == RULE_IDS


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


def test_no_other_table_is_keyed_by_rule_id() -> None:
    """The rule table is the only place a rule's facts are listed per rule id: no dict literal
    elsewhere in the package maps three or more rule ids to a word or a function (the parallel
    dicts of builders, checks, names and units that a new rule could be missing from are
    gone). Rule parameters written as instance data (rule id -> record) are not facts."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "rules.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = {k.value for k, v in zip(node.keys, node.values, strict=True)
                        if isinstance(k, ast.Constant) and isinstance(k.value, str)
                        and isinstance(v, ast.Constant | ast.Name | ast.Attribute)}
                if len(keys & set(RULE_IDS)) >= 3:
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []
