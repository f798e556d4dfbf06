"""End to end: the real ``relais`` command, a real server process, real HTTP, embedded PostgreSQL."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.e2e
RELAIS = str(Path(sys.executable).with_name("relais"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RELAIS_")}
    env |= {
        "RELAIS_DATA_DIR": str(tmp_path_factory.mktemp("e2e")),
        "RELAIS_PORT": str(port),
        "RELAIS_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
    }
    return env


def relais(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([RELAIS, *args], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def wait_until_ready(base: str, process: subprocess.Popen[Any], output: Callable[[], str]) -> None:
    """Wait up to a minute for ``relais serve`` at ``base`` to answer ready; else stop it and fail with
    what it printed."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    pytest.fail(f"relais serve did not become ready:\n{output()}")


@pytest.fixture(scope="module")
def server(environment: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    relais(environment, "db", "upgrade")
    relais(environment, "tenants", "create", "e2e", "--name", "End to end")
    process = subprocess.Popen(
        [RELAIS, "serve"], env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    wait_until_ready(environment["RELAIS_PUBLIC_BASE_URL"], process, lambda: process.communicate()[0])
    yield process
    if process.poll() is None:
        process.kill()


def test_employee_created_over_http_opts_in_and_server_stops_cleanly(
    server: subprocess.Popen[str], environment: dict[str, str]
) -> None:
    base = environment["RELAIS_PUBLIC_BASE_URL"]
    admin = relais(environment, "token", "--tenant", "e2e", "--role", "admin", "--email", "admin@e2e.example")
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {admin}"}, timeout=10) as http:
        created = http.post(
            "/v1/employees", json={"email": "rosa@e2e.example", "given_name": "Rosa", "family_name": "Parks"}
        )
        assert created.status_code == 201, created.text
        read = http.get(f"/v1/employees/{created.json()['id']}")
        assert read.json()["email"] == "rosa@e2e.example"
        assert read.headers["ETag"]

    rosa = relais(environment, "token", "--tenant", "e2e", "--role", "ambassador", "--email", "rosa@e2e.example")
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {rosa}"}, timeout=10) as http:
        joined = http.post("/v1/me/opt-in")
        assert joined.status_code == 200, joined.text
        assert joined.json()["status"] == "active"
        assert joined.json()["consented_at"] is not None
        assert http.get("/v1/me").json()["ambassador"]["status"] == "active"

    server.send_signal(signal.SIGTERM)
    output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output
    pgdata = Path(environment["RELAIS_DATA_DIR"]) / "postgres"
    assert not (pgdata / "postmaster.pid").exists(), "the embedded PostgreSQL was left running"
