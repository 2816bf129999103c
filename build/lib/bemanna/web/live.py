"""The workbench served by uvicorn in a background thread (browser tests, benchmarks,
screenshots): `with live_server(app) as url: ...`."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(app: FastAPI, host: str = "127.0.0.1", port: int | None = None,
                timeout: float = 30.0) -> Iterator[str]:
    """Serve `app` until the block ends (a clean shutdown: the app's lifespan ends)."""
    import uvicorn

    port = port or free_port(host)
    from bemanna.web import SHUTDOWN_SECONDS

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning",
                                           timeout_graceful_shutdown=SHUTDOWN_SECONDS))
    thread = threading.Thread(target=server.run, name="bemanna-live", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the workbench did not start on {host}:{port}")
        time.sleep(0.05)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
