"""``relais serve`` started before its database: it waits, trying again, instead of dying."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import make_url

from tests.support.tcp_proxy import ThreadedTcpProxy, database_target, free_port, via_hop

pytestmark = pytest.mark.e2e
RELAIS = str(Path(sys.executable).with_name("relais"))


@pytest.fixture
def environment(tmp_path: Path, database_url: str) -> dict[str, str]:
    """A server whose database URL names a port where nothing listens yet."""
    hop_port, port = free_port(), free_port()
    env = {name: value for name, value in os.environ.items() if not name.startswith("RELAIS_")}
    url = via_hop(database_url, hop_port)
    return env | {
        "RELAIS_DATA_DIR": str(tmp_path / "data"),
        "RELAIS_DATABASE_URL": url,
        "RELAIS_PORT": str(port),
        "RELAIS_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
    }


def records(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_serve_waits_for_a_database_that_comes_up_after_it(environment: dict[str, str], database_url: str) -> None:
    hop_port = make_url(environment["RELAIS_DATABASE_URL"]).port
    hop = ThreadedTcpProxy(*database_target(database_url), port=hop_port)
    server = subprocess.Popen(
        [RELAIS, "serve"], env=environment | {"RELAIS_DB_WAIT_SECONDS": "120"}, stderr=subprocess.PIPE, text=True
    )
    try:
        assert server.stderr is not None
        first = json.loads(server.stderr.readline())  # the first failed attempt
        assert first["event"] == "waiting for the database"
        assert "connection refused" in first["cause"]
        assert first["level"] == "warning"
        assert server.poll() is None

        hop.start()  # the database appears
        base = environment["RELAIS_PUBLIC_BASE_URL"]
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            pytest.fail("relais serve did not become ready once the database answered")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[1]
        hop.stop()
    assert "Traceback" not in output


def test_serve_gives_up_after_its_patience_in_one_line_per_attempt(environment: dict[str, str]) -> None:
    done = subprocess.run(
        [RELAIS, "serve"],
        env=environment | {"RELAIS_DB_WAIT_SECONDS": "3"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    *attempts, verdict = done.stderr.strip().splitlines()
    waits = [record["next_attempt_in_seconds"] for record in map(json.loads, attempts)]
    assert waits[:2] == [0.5, 1.0]  # the pause doubles
    assert verdict.startswith("Error: Cannot connect to the database")
    assert "connection refused" in verdict
