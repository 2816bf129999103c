"""The workbench's security cases: loopback by default, refusal on other addresses without a
login, sessions (HttpOnly, SameSite=Strict), CSRF on every state change, ids only."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bemanna.web import create_app, serve
from bemanna.web.security import Auth
from web_helpers import csrf_of


def test_serve_refuses_another_address_without_a_login(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """0.0.0.0 without BEMANNA_PASSWORD_FILE or BEMANNA_TOKEN: exit 2, one clear line."""
    monkeypatch.delenv("BEMANNA_PASSWORD_FILE", raising=False)
    monkeypatch.delenv("BEMANNA_TOKEN", raising=False)
    assert serve("0.0.0.0", 8765, tmp_path) == 2
    assert "needs a login" in capsys.readouterr().err
    assert not (tmp_path / "bemanna.sqlite").exists()


def test_an_unreadable_password_file_is_refused(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.setenv("BEMANNA_PASSWORD_FILE", str(tmp_path / "missing"))
    assert serve("0.0.0.0", 8765, tmp_path) == 2


def test_password_file_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "pw").write_text("hemligt\n")
    monkeypatch.setenv("BEMANNA_PASSWORD_FILE", str(tmp_path / "pw"))
    monkeypatch.delenv("BEMANNA_TOKEN", raising=False)
    auth = Auth.from_environment()
    assert auth is not None and auth.accepts("hemligt") and not auth.accepts("fel")


@pytest.fixture
def guarded(tmp_path: Path) -> TestClient:
    return TestClient(create_app(tmp_path, Auth(password="hemligt", token="tok123"),
                                 solver_workers=1))


def test_with_a_login_every_page_needs_a_session(guarded: TestClient) -> None:
    with guarded as client:
        assert client.get("/", follow_redirects=False).headers["location"] == "/login"
        for path in ("/plans/1", "/plans/1/versions/1/instance.yaml", "/jobs/1/events"):
            reply = client.get(path, follow_redirects=False)
            assert reply.status_code in (303, 401), path
        assert client.get("/static/app.css").status_code == 200


def test_login_sets_an_httponly_strict_cookie(guarded: TestClient) -> None:
    with guarded as client:
        login = client.get("/login")
        token = login.text.split('name="csrf_token" value="')[1].split('"')[0]
        wrong = client.post("/login", data={"csrf_token": token, "secret": "fel"})
        assert wrong.status_code == 401
        reply = client.post("/login", data={"csrf_token": token, "secret": "hemligt"},
                            follow_redirects=False)
        assert reply.status_code == 303
        cookie = reply.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert client.get("/").status_code == 200


def test_a_token_works_as_bearer_for_scripts(guarded: TestClient) -> None:
    with guarded as client:
        reply = client.get("/plans/1", headers={"Authorization": "Bearer tok123"})
        assert reply.status_code == 200
        assert client.get("/plans/1", headers={"Authorization": "Bearer nej"},
                          follow_redirects=False).status_code == 303


def test_a_forged_session_cookie_is_not_a_login(guarded: TestClient) -> None:
    with guarded as client:
        client.cookies.set("bemanna_session", "abc.1.deadbeef")
        assert client.get("/", follow_redirects=False).status_code == 303


@pytest.mark.parametrize(("path", "data"), [
    ("/plans/1/solve", {"time_limit": "5"}),
    ("/plans/1/versions/1/restore", {}),
    ("/plans/1/edit", {"base_version": "1"}),
    ("/jobs/1/stop", {}),
    ("/plans/generate", {"kind": "lss"}),
    ("/plans/1/repair", {"rule": "daily_rest", "employee": "x", "change": "x",
                         "base_version": "1"}),
    ("/plans/1/compare", {"toggle": "no_split_shifts"}),
])
def test_every_state_change_needs_the_csrf_token(tmp_path: Path, path: str,
                                                 data: dict[str, str]) -> None:
    """Without the token (or with another session's) every POST is refused with 403 and
    nothing changes."""
    with TestClient(create_app(tmp_path, solver_workers=1)) as client:
        csrf_of(client)
        assert client.post(path, data=data).status_code == 403
        assert client.post(path, data={**data, "csrf_token": "0" * 64}).status_code == 403
        store = client.app.state.store  # type: ignore[attr-defined]
        assert store.jobs() == [] and len(store.versions(1)) == 1


def test_the_client_names_no_server_path(tmp_path: Path) -> None:
    """Plans, versions, rosters and scenarios are addressed by id or by a shipped name; a path
    in their place is simply not found."""
    with TestClient(create_app(tmp_path, solver_workers=1)) as client:
        csrf = csrf_of(client)
        assert client.get("/plans/..%2F..%2Fetc%2Fpasswd").status_code in (404, 422)
        reply = client.post("/plans/1/compare", data={"csrf_token": csrf,
                                                      "file": "../../etc/passwd"})
        assert reply.status_code == 400


def test_a_request_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A 22 MB body (more than one 20 MB instance and its form) gets 413 from the middleware,
    whatever the route."""
    with TestClient(create_app(tmp_path, solver_workers=1)) as client:
        csrf = csrf_of(client)
        body = b"x" * (22 * 2**20)
        reply = client.post("/plans/excel", data={"csrf_token": csrf},
                            files={"file": ("big.xlsx", body, "application/octet-stream")})
        assert reply.status_code == 413 and "20 MB" in reply.text


def test_bemanna_serve_runs_and_stops_cleanly(tmp_path: Path) -> None:
    """The real command: `bemanna serve --port P --data DIR` answers the start page with the
    three example plans and stops on Ctrl-C (SIGINT) with exit code 0."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import httpx

    from bemanna.web.live import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "bemanna", "serve", "--port", str(port),
                             "--data", str(tmp_path)], env=os.environ.copy(),
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline, page = time.monotonic() + 60, None
        while time.monotonic() < deadline and page is None:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
            except httpx.HTTPError:
                time.sleep(0.3)
        assert page is not None and page.status_code == 200
        assert "care_home" in page.text and "lss_group_home" in page.text
        assert (tmp_path / "bemanna.sqlite").exists()
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err


def test_bemanna_serve_refuses_another_address(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from bemanna.cli import app

    monkeypatch.delenv("BEMANNA_PASSWORD_FILE", raising=False)
    monkeypatch.delenv("BEMANNA_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--host", "192.0.2.1", "--data", str(tmp_path)])
    assert result.exit_code == 2


def test_the_default_address_is_this_computer_only() -> None:
    """Both `bemanna.web.serve` and `bemanna serve` bind 127.0.0.1 unless told otherwise."""
    import inspect

    from bemanna.cli.serve import serve_command

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(serve_command).parameters["host"].default == "127.0.0.1"
