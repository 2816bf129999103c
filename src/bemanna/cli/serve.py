"""The `bemanna serve` command (registered in bemanna.cli): the planner's workbench in the
browser. All of its logic is `bemanna.web.serve` (docs/workbench.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def serve_command(
    host: Annotated[str, typer.Option(help="Address to bind; another than this computer's "
                                           "own needs a login (BEMANNA_PASSWORD_FILE or "
                                           "BEMANNA_TOKEN).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    data: Annotated[Path | None, typer.Option(
        "--data", help="Folder of the workbench's database (default: a per-user data "
                       "folder, ~/.local/share/bemanna).")] = None,
) -> None:
    """Open the planner's workbench: plans, solve, roster grid, pins, costs and scenarios in
    the browser at http://HOST:PORT/ (no internet needed)."""
    from bemanna.web import serve

    code = serve(host, port, data)
    if code:
        raise typer.Exit(code)
