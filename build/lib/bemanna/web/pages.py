"""Template rendering shared by every router: the Jinja2 environment (autoescape on, no
`|safe` on user text) and `render`, which adds the session's CSRF token to every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from bemanna.units import format_sek
from bemanna.web.security import SESSION_COOKIE, Sessions
from bemanna.web.store import Store

TEMPLATES = Path(__file__).parent / "templates"


def sek(ore: int | None) -> str:
    """Öre as whole kronor with thin-space thousands ('1 234 567')."""
    return "–" if ore is None else format_sek(ore).rsplit(".", 1)[0]


def hours(value: float | None) -> str:
    return "–" if value is None else f"{value:,.1f}".replace(",", " ")


def templates() -> Jinja2Templates:
    env = Jinja2Templates(directory=TEMPLATES)
    env.env.autoescape = True
    env.env.filters["sek"] = sek
    env.env.filters["hours"] = hours
    return env


def csrf_token(request: Request) -> str:
    sessions: Sessions = request.app.state.sessions
    session = sessions.read(request.cookies.get(SESSION_COOKIE))
    return "" if session is None else sessions.csrf_token(session[0])


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    env: Jinja2Templates = request.app.state.templates
    context.setdefault("login", request.app.state.sessions.auth is not None)
    return env.TemplateResponse(request, template, {"csrf": csrf_token(request), **context},
                                status_code=status_code)


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def plan_or_404(request: Request, plan_id: int) -> str:
    """The plan's name; 404 for an unknown id."""
    name = store_of(request).plan_name(plan_id)
    if name is None:
        raise HTTPException(404, "ingen sådan plan")
    return name
