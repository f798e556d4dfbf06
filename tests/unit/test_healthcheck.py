"""The image's health check passes when the container's process, API or worker, says it is alive."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.healthcheck import healthy


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def process() -> Iterator[tuple[int, list[int]]]:
    """A process answering ``/healthz`` on a port, with the status the test sets."""
    status = [200]

    class Probe(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(status[0] if self.path == "/healthz" else 404)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Probe)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], status
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("variable", ["RELAIS_PORT", "RELAIS_WORKER_PORT"])
def test_the_check_passes_when_the_api_or_the_worker_is_alive(
    monkeypatch: pytest.MonkeyPatch, process: tuple[int, list[int]], variable: str
) -> None:
    monkeypatch.setenv("RELAIS_PORT", str(_closed_port()))
    monkeypatch.setenv("RELAIS_WORKER_PORT", str(_closed_port()))
    monkeypatch.setenv(variable, str(process[0]))
    assert healthy() is True


def test_the_check_fails_when_the_process_says_it_hangs(
    monkeypatch: pytest.MonkeyPatch, process: tuple[int, list[int]]
) -> None:
    port, status = process
    status[0] = 503
    monkeypatch.setenv("RELAIS_PORT", str(_closed_port()))
    monkeypatch.setenv("RELAIS_WORKER_PORT", str(port))
    assert healthy() is False


def test_the_check_fails_when_nothing_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELAIS_PORT", str(_closed_port()))
    monkeypatch.setenv("RELAIS_WORKER_PORT", str(_closed_port()))
    assert healthy() is False
