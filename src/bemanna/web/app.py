"""The workbench application: `create_app(data_dir, auth=...)` wires store, solve queue,
sessions, templates and the routers of each page."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from bemanna.limits import MAX_FILE_BYTES
from bemanna.web import examples
from bemanna.web.jobs import JobRunner
from bemanna.web.pages import templates
from bemanna.web.security import (
    PUBLIC_PREFIXES,
    SESSION_COOKIE,
    Auth,
    Sessions,
    server_secret,
    set_session_cookie,
)
from bemanna.web.store import Store
from bemanna.web.views.roster import PageCache

HERE = Path(__file__).parent
DB_NAME = "bemanna.sqlite"
MAX_REQUEST_BYTES = MAX_FILE_BYTES + 2**20
"""A request body may hold one instance file at the size limit plus the form around it."""


def create_app(data_dir: Path, auth: Auth | None = None, *, solver_workers: int = 2,
               seed_examples: bool = True) -> FastAPI:
    """The app on the data folder `data_dir` (created if missing). With `auth`, every page
    needs a logged-in session. On an empty store the shipped example plans are added."""
    data_dir = Path(data_dir)
    store = Store(data_dir / DB_NAME)
    if seed_examples and not store.plans():
        examples.seed(store)
    pages = PageCache()
    runner = JobRunner(store, solver_workers,
                       on_roster=lambda rid, priced: pages.page(store, rid, priced))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runner.start()
        threading.Thread(target=pages.warm, args=(store,), name="bemanna-warm",
                         daemon=True).start()
        yield
        runner.close()

    app = FastAPI(title="bemanna", lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url=None)
    app.state.store = store
    app.state.jobs = runner
    app.state.sessions = Sessions(server_secret(data_dir), auth)
    app.state.templates = templates()
    app.state.pages = pages
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.middleware("http")(session_middleware)
    from bemanna.web import (
        routes_auth,
        routes_edit,
        routes_explain,
        routes_plans,
        routes_roster,
        routes_scenarios,
        routes_solve,
    )

    for module in (routes_auth, routes_plans, routes_edit, routes_solve, routes_roster,
                   routes_explain, routes_scenarios):
        app.include_router(module.router)
    return app


async def session_middleware(request: Request,
                             call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Give every browser a session; with a login configured, send those without a
    logged-in session to /login (pages) or answer 401 (fragments, downloads, posts)."""
    sessions: Sessions = request.app.state.sessions
    length = request.headers.get("content-length", "0")
    if not length.isdigit() or int(length) > MAX_REQUEST_BYTES:
        # Refused before the body is read (uploads: the instance size limit, 20 MB).
        return PlainTextResponse("för stor begäran (högst 20 MB)", status_code=413)
    session = sessions.read(request.cookies.get(SESSION_COOKIE))
    public = request.url.path.startswith(PUBLIC_PREFIXES)
    needs_login = sessions.auth is not None and not public and not sessions.bearer_ok(request)
    if needs_login and (session is None or not session[1]):
        if request.method == "GET" and "hx-request" not in request.headers:
            response: Response = RedirectResponse("/login", status_code=303)
        else:
            response = PlainTextResponse("inloggning krävs", status_code=401)
        return response
    fresh = None
    if session is None:
        fresh = sessions.new_cookie(logged_in=False)
        # The new cookie is visible to this request's handlers (the CSRF token of the page).
        headers = [h for h in request.scope["headers"] if h[0] != b"cookie"]
        request.scope["headers"] = [*headers, (b"cookie", f"{SESSION_COOKIE}={fresh}".encode())]
    started = time.perf_counter()
    response = await call_next(request)
    # The server's own time for the page (browser dev tools, benchmarks/web_speed.py).
    response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
    if fresh is not None:
        set_session_cookie(response, fresh)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
    return response
