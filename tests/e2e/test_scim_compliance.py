"""End to end: scim2-tester checks the SCIM endpoints of a real ``relais serve`` with a SCIM integration's token."""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import httpx2
import pytest
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_tester import Status, check_server

from tests.e2e.test_server import RELAIS, environment, relais, wait_until_ready  # noqa: F401  (the environment fixture, shared)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def scim_server(environment: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:  # noqa: F811
    """A server whose log goes to a file: the hundreds of requests would fill a pipe nobody reads."""
    relais(environment, "db", "upgrade")
    relais(environment, "tenants", "create", "e2e", "--name", "End to end")
    log = Path(environment["RELAIS_DATA_DIR"]) / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen([RELAIS, "serve"], env=environment, stdout=output, stderr=subprocess.STDOUT)
    wait_until_ready(environment["RELAIS_PUBLIC_BASE_URL"], process, log.read_text)
    yield process
    process.terminate()
    process.wait(timeout=20)


def test_scim2_tester_finds_no_failure(
    scim_server: subprocess.Popen[bytes],
    environment: dict[str, str],  # noqa: F811
) -> None:
    base = environment["RELAIS_PUBLIC_BASE_URL"]
    admin = relais(environment, "token", "--tenant", "e2e", "--role", "admin", "--email", "admin@e2e.example")
    registered = httpx.post(
        f"{base}/v1/integrations",
        json={"kind": "scim", "name": "Compliance"},
        headers={"Authorization": f"Bearer {admin}"},
        timeout=10,
    )
    assert registered.status_code == 201, registered.text
    token = registered.json()["credential"]

    with httpx2.Client(base_url=f"{base}/scim/v2", headers={"Authorization": f"Bearer {token}"}, timeout=10) as http:
        results = check_server(SyncSCIMClient(http))

    failures = [f"{r.title}: {r.reason}" for r in results if r.status not in (Status.SUCCESS, Status.SKIPPED)]
    skipped = sorted((r.resource_type, r.title) for r in results if r.status is Status.SKIPPED)
    print(f"scim2-tester: {dict(Counter(r.status.name for r in results))}")
    assert not failures, "\n".join(failures)
    # Searching users and groups together at the root answers 501, which scim2-tester counts as skipped.
    assert skipped == [("Group", "search_with_attributes"), ("User", "search_with_attributes")]
    assert sum(r.status is Status.SUCCESS for r in results) >= 70
