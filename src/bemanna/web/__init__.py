"""The planner's workbench: a browser app on the public API (`bemanna serve`).

    from bemanna.web import create_app, serve
    serve("127.0.0.1", 8000, Path("~/.local/share/bemanna").expanduser())

FastAPI + Jinja2 + htmx, every asset in the package (no internet needed); state in SQLite
under the data folder (docs/workbench.md).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from bemanna.web.security import Auth

EXIT_BAD_INPUT = 2
SHUTDOWN_SECONDS = 3


def default_data_dir() -> Path:
    """The per-user data folder: $XDG_DATA_HOME/bemanna, else ~/.local/share/bemanna
    (%APPDATA%\\bemanna on Windows)."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "bemanna"
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "bemanna"


def create_app(data_dir: Path, auth: Auth | None = None, **options: object) -> FastAPI:
    from bemanna.web.app import create_app as build

    return build(data_dir, auth, **options)  # type: ignore[arg-type]


def serve(host: str = "127.0.0.1", port: int = 8000, data_dir: Path | None = None) -> int:
    """Run the workbench with uvicorn until stopped; return the exit code.

    Binds 127.0.0.1 by default. On any other address it refuses to start (exit code 2, one
    line saying why) unless a login is configured: BEMANNA_PASSWORD_FILE or BEMANNA_TOKEN.
    """
    import uvicorn

    from bemanna.web.security import Auth, is_loopback

    try:
        auth = Auth.from_environment()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not is_loopback(host) and auth is None:
        print(f"error: --host {host} is not this computer only; the workbench holds personal "
              "data, so on another address it needs a login: set BEMANNA_PASSWORD_FILE (a "
              "file whose first line is the password) or BEMANNA_TOKEN", file=sys.stderr)
        return EXIT_BAD_INPUT
    folder = data_dir or default_data_dir()
    app = create_app(folder, auth)
    print(f"bemanna workbench: http://{host}:{port}/  (data: {folder})", file=sys.stderr)
    # Open event streams end after 3 s of a shutdown, so that the lifespan's end stops the
    # running solve and stores its best roster (the job then shows as interrupted).
    uvicorn.run(app, host=host, port=port, log_level="warning",
                timeout_graceful_shutdown=SHUTDOWN_SECONDS)
    return 0
