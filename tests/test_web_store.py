"""The workbench's store and its shipped copies: the example plans and scenario files in the
package equal the repository's (a wheel install has the same examples as a checkout), the
schema version is kept, a newer store is refused, versions are numbered per plan."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bemanna.web import examples
from bemanna.web.routes_scenarios import SHIPPED as SHIPPED_SCENARIOS
from bemanna.web.store import SCHEMA_VERSION, Store, StoreError, VersionConflict
from web_helpers import REPO


@pytest.mark.parametrize("name", examples.NAMES)
def test_shipped_example_equals_the_repository_file(name: str) -> None:
    shipped = examples.SHIPPED / f"{name}.yaml"
    assert shipped.read_bytes() == (REPO / "instances" / f"{name}.yaml").read_bytes(), (
        f"copy instances/{name}.yaml to {shipped.relative_to(REPO)}")


def test_shipped_scenarios_equal_the_repository_files() -> None:
    repo = {p.name: p.read_bytes() for p in (REPO / "scenarios").glob("*.yaml")}
    shipped = {p.name: p.read_bytes() for p in SHIPPED_SCENARIOS.glob("*.yaml")}
    assert shipped == repo, "copy scenarios/*.yaml to src/bemanna/web/scenarios/"


def test_versions_are_numbered_per_plan_and_conflicts_refused(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite")
    a = store.create_plan("a", {"name": "a"}, "first")
    b = store.create_plan("b", {"name": "b"}, "first")
    assert store.add_version(a, {"name": "a2"}, "second", based_on=1).number == 2
    assert store.add_version(b, {"name": "b2"}, "second", based_on=1).number == 2
    with pytest.raises(VersionConflict) as caught:
        store.add_version(a, {"name": "a3"}, "stale", based_on=1)
    assert caught.value.latest == 2
    assert store.version(a).data == {"name": "a2"}
    assert [v["number"] for v in store.versions(a)] == [2, 1]


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    Store(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value=? WHERE key='schema'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError, match="newer"):
        Store(path)
