"""The example plans a new workbench starts with: the shipped care home, LSS group home and
nurse group.

Read from the repository's instances/ folder when the package runs from a checkout (so they
follow the repository), else from the copies shipped as package data (a wheel install).
tests/test_web_store.py asserts the copies equal the repository's files.
"""

from __future__ import annotations

from pathlib import Path

from bemanna.instance import load_instance
from bemanna.web.store import Store

NAMES = ("care_home", "lss_group_home", "nurse_group")
SHIPPED = Path(__file__).parent / "examples"
REPOSITORY = Path(__file__).resolve().parents[3] / "instances"


def example_path(name: str) -> Path:
    """The repository's file when present, else the package's copy."""
    in_repo = REPOSITORY / f"{name}.yaml"
    return in_repo if in_repo.is_file() else SHIPPED / f"{name}.yaml"


def seed(store: Store) -> list[int]:
    """Add the three examples as plans (version 1 each); returns their plan ids."""
    ids = []
    for name in NAMES:
        instance = load_instance(example_path(name))
        data = instance.model_dump(mode="json", exclude_defaults=True)
        ids.append(store.create_plan(instance.name, data, f"exempel: instances/{name}.yaml"))
    return ids
