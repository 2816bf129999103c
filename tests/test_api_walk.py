"""docs/api.md is a notebook session: every python block in it runs, in order, in one
namespace, from the project root — so the documented API is the one that works."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_api_md_walk_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each block asserts its own facts (the checker passes on every roster, the checker's
    cost equals the solver's objective, compare ends ok); here it must only run through."""
    blocks = BLOCK.findall((ROOT / "docs" / "api.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 5  # load, solve, frame, what-if, compare (+ simulate)
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    for number, code in enumerate(blocks, 1):
        exec(compile(code, f"docs/api.md block {number}", "exec"), namespace)
    assert os.getcwd() == str(ROOT)
