"""The import-linter contracts of pyproject.toml hold: the command line sits on top, each
package imports only downwards (docs/architecture.md), the checker and pricing never import
the solver, only bemanna.cli imports typer and rich, and no package has an import cycle."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept(monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    from importlinter.cli import lint_imports

    monkeypatch.chdir(ROOT)
    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    out = capsys.readouterr().out
    assert code == 0, out
    assert "BROKEN" not in out and "0 broken" in out
    assert os.getcwd() == str(ROOT)
