"""Sessions, login and CSRF protection for the workbench (a planner's data is personal data).

- Every browser gets a session cookie (HttpOnly, SameSite=Strict): a random id, whether it
  has logged in, and an HMAC signature with the server's secret (kept in the data folder,
  mode 0600). Nothing else is stored in the cookie.
- With a login configured (`Auth`: a password from BEMANNA_PASSWORD_FILE and/or a token from
  BEMANNA_TOKEN), every page but /login and /static needs a logged-in session; scripts may
  send the token as `Authorization: Bearer ...` instead.
- Every request that changes state (POST) must carry the session's CSRF token, an HMAC of its
  id, in the `X-CSRF-Token` header (htmx sends it on every request) or a `csrf_token` form
  field (plain forms).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, Request

SESSION_COOKIE = "bemanna_session"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
PUBLIC_PREFIXES = ("/static/", "/login")


@dataclass(frozen=True)
class Auth:
    """The secrets a planner may log in with (either one)."""

    password: str | None = None
    token: str | None = None

    def accepts(self, given: str) -> bool:
        """Constant-time comparison against each configured secret."""
        return any(secret is not None and hmac.compare_digest(given.encode(), secret.encode())
                   for secret in (self.password, self.token))

    @classmethod
    def from_environment(cls) -> Auth | None:
        """BEMANNA_PASSWORD_FILE (the first line of that file) and BEMANNA_TOKEN; None when
        neither is set. A password file that cannot be read is an error (ValueError)."""
        password = None
        path = os.environ.get("BEMANNA_PASSWORD_FILE")
        if path:
            try:
                lines = Path(path).read_text(encoding="utf-8").splitlines()
            except OSError as exc:
                raise ValueError(f"BEMANNA_PASSWORD_FILE {path}: cannot read: {exc}") from None
            password = lines[0].strip() if lines else ""
            if not password:
                raise ValueError(f"BEMANNA_PASSWORD_FILE {path}: the file is empty")
        token = os.environ.get("BEMANNA_TOKEN") or None
        return cls(password, token) if (password or token) else None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def server_secret(data_dir: Path) -> bytes:
    """The HMAC key of sessions and CSRF tokens, created once per data folder."""
    path = data_dir / "secret.key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
    return path.read_text().strip().encode()


class Sessions:
    """Signing and reading session cookies, and the CSRF token of a session."""

    def __init__(self, secret: bytes, auth: Auth | None) -> None:
        self.secret = secret
        self.auth = auth

    def _sign(self, text: str) -> str:
        return hmac.new(self.secret, text.encode(), hashlib.sha256).hexdigest()

    def new_cookie(self, logged_in: bool) -> str:
        body = f"{secrets.token_hex(16)}.{int(logged_in)}"
        return f"{body}.{self._sign(body)}"

    def read(self, cookie: str | None) -> tuple[str, bool] | None:
        """(session id, logged in) of a valid cookie, else None."""
        if not cookie or cookie.count(".") != 2:
            return None
        sid, flag, signature = cookie.split(".")
        if not hmac.compare_digest(signature, self._sign(f"{sid}.{flag}")):
            return None
        return sid, flag == "1"

    def csrf_token(self, sid: str) -> str:
        return self._sign(f"csrf:{sid}")

    def bearer_ok(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        return (self.auth is not None and self.auth.token is not None
                and header.startswith("Bearer ") and self.auth.accepts(header[7:]))


def set_session_cookie(response: object, value: str) -> None:
    response.set_cookie(SESSION_COOKIE, value, httponly=True, samesite="strict",  # type: ignore[attr-defined]
                        path="/")


async def csrf_protect(request: Request) -> None:
    """Dependency of every state-changing route: the session's CSRF token must come along."""
    sessions: Sessions = request.app.state.sessions
    if sessions.bearer_ok(request):
        return  # a script with the token, no cookie: nothing a foreign page can forge
    session = sessions.read(request.cookies.get(SESSION_COOKIE))
    given = request.headers.get(CSRF_HEADER)
    if given is None and request.headers.get("content-type", "").startswith(
            ("multipart/form-data", "application/x-www-form-urlencoded")):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if session is None or given is None or not hmac.compare_digest(
            given, sessions.csrf_token(session[0])):
        raise HTTPException(403, "CSRF-kontrollen misslyckades: ladda om sidan och försök igen")
