"""The HTTP exchange with the real server: request heads capped (431 past the cap), HEAD answered."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.tcp_proxy import free_port

pytestmark = pytest.mark.e2e
RELAIS = str(Path(sys.executable).with_name("relais"))
CAP = 32_768  # the default of RELAIS_MAX_HEADER_BYTES


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory, database_url: str) -> Iterator[int]:
    port = free_port()
    env = {name: value for name, value in os.environ.items() if not name.startswith("RELAIS_")}
    env |= {
        "RELAIS_DATA_DIR": str(tmp_path_factory.mktemp("limits")),
        "RELAIS_DATABASE_URL": database_url,
        "RELAIS_PORT": str(port),
        "RELAIS_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
    }
    server = subprocess.Popen([RELAIS, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.3)
    else:
        server.kill()
        pytest.fail(f"relais serve did not start:\n{server.communicate()[1]}")
    yield port
    server.terminate()
    server.communicate(timeout=30)


def exchange(port: int, head: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send a raw request head, read until the server closes: status, headers, body."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
        connection.sendall(head)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    answer = b"".join(chunks)
    raw_head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *lines = raw_head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, value in (line.split(":", 1) for line in lines)}
    return int(status_line.split()[1]), headers, body


def request(*headers: str, method: str = "GET") -> bytes:
    lines = [f"{method} /healthz HTTP/1.1", "Host: 127.0.0.1", "Connection: close", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def assert_too_large(status: int, headers: dict[str, str], body: bytes) -> None:
    assert status == 431
    assert headers["content-type"] == "application/problem+json"
    assert headers["connection"] == "close"
    problem = json.loads(body)
    assert problem["type"] == "urn:relais:problem:headers-too-large"
    assert problem["status"] == 431
    assert problem["detail"] == f"The request line and headers exceed {CAP} bytes."


def test_a_head_under_the_cap_is_served(port: int) -> None:
    status, _, body = exchange(port, request("X-Padding: " + "a" * (CAP - 200)))
    assert (status, json.loads(body)) == (200, {"status": "ok"})


def test_one_header_past_the_cap_is_answered_431(port: int) -> None:
    assert_too_large(*exchange(port, request("X-Padding: " + "a" * (CAP + 1))))


def test_many_small_headers_past_the_cap_are_answered_431(port: int) -> None:
    assert_too_large(*exchange(port, request(*(f"X-Padding-{n}: {'b' * 100}" for n in range(400)))))


def test_an_eight_megabyte_header_is_answered_431_and_the_server_goes_on(port: int) -> None:
    assert_too_large(*exchange(port, request("Cookie: " + "c" * 8 * 1024 * 1024)))
    assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200


def test_head_is_answered_with_the_headers_of_get_and_no_body(port: int) -> None:
    _, got, _ = exchange(port, request())
    status, headers, body = exchange(port, request(method="HEAD"))
    assert (status, body) == (200, b"")
    assert headers["content-length"] == got["content-length"] == "15"
    assert headers["x-content-type-options"] == "nosniff"
