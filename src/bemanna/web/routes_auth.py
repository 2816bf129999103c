"""Login and logout (only when a login is configured: `Auth`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from bemanna.web.pages import render
from bemanna.web.security import SESSION_COOKIE, Sessions, csrf_protect, set_session_cookie

router = APIRouter()


@router.get("/login")
def login_page(request: Request) -> Response:
    return render(request, "login.html", failed=False)


@router.post("/login", dependencies=[Depends(csrf_protect)])
def login(request: Request, secret: str = Form(...)) -> Response:
    """A right secret gives a fresh logged-in session (a new id: no session fixation)."""
    sessions: Sessions = request.app.state.sessions
    if sessions.auth is None or not sessions.auth.accepts(secret):
        return render(request, "login.html", 401, failed=True)
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(response, sessions.new_cookie(logged_in=True))
    return response


@router.post("/logout", dependencies=[Depends(csrf_protect)])
def logout(request: Request) -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
