"""What ops rely on: liveness, readiness, request ids, Prometheus metrics and JSON logs, on a real database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from uuid import uuid4

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.engine import make_url

from app.bootstrap.api import Overrides, build_app
from app.settings import Settings
from tests.conftest import _recreate_database
from tests.integration.conftest import Mint, bearer
from tests.support.logs import captured_logs


def samples(metrics_text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(metrics_text)
        for sample in family.samples
    }


@pytest.fixture
async def unmigrated_database(database_server: str, worker_name: str) -> AsyncIterator[str]:
    """An empty database: no migration has run on it."""
    base = make_url(database_server)
    name = f"{base.database or 'relais'}_unmigrated_{worker_name}"
    await _recreate_database(database_server, name)
    yield base.set(database=name).render_as_string(hide_password=False)
    await _recreate_database(database_server, name, create=False)


@pytest.fixture
async def unmigrated_client(unmigrated_database: str, data_dir: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(database_url=unmigrated_database, data_dir=data_dir, db_pool_size=2, db_pool_overflow=0)
    application = build_app(settings, Overrides(check_schema=False))
    async with LifespanManager(application) as manager:
        app: FastAPI = manager.app  # type: ignore[assignment]
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
            yield client


async def test_healthz_says_the_process_is_alive(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


async def test_readyz_is_ready_on_a_migrated_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": True, "schema_current": True}


async def test_readyz_answers_503_while_the_schema_is_behind(unmigrated_client: httpx.AsyncClient) -> None:
    response = await unmigrated_client.get("/readyz")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:relais:problem:not-ready"
    assert problem["checks"] == {"database": True, "schema_current": False}
    assert "relais db upgrade" in problem["detail"]
    assert (await unmigrated_client.get("/healthz")).status_code == 200


async def test_readyz_answers_503_when_the_database_is_gone(
    unmigrated_client: httpx.AsyncClient, unmigrated_database: str, database_server: str
) -> None:
    name = make_url(unmigrated_database).database
    assert name is not None
    await _recreate_database(database_server, name, create=False)
    response = await unmigrated_client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": False, "schema_current": False}


async def test_the_request_id_sent_is_echoed_else_one_is_generated(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    sent = await client.get("/v1/employees", headers={**admin_a, "X-Request-ID": "lb-5f2c.77"})
    absent = await client.get("/v1/employees", headers=admin_a)
    absurd = await client.get("/v1/employees", headers={**admin_a, "X-Request-ID": "not a request id; " * 10})
    assert sent.headers["X-Request-ID"] == "lb-5f2c.77"
    assert len(absent.headers["X-Request-ID"]) == 32
    assert len(absurd.headers["X-Request-ID"]) == 32
    assert absurd.headers["X-Request-ID"] != absent.headers["X-Request-ID"]


async def test_metrics_count_requests_by_route_template_and_show_the_pool(
    client: httpx.AsyncClient, admin_a: dict[str, str], operator_headers: dict[str, str]
) -> None:
    key = (
        "relais_http_requests_total",
        (("method", "GET"), ("route", "/v1/employees/{employee_id}"), ("status", "404")),
    )
    before = samples((await client.get("/metrics", headers=operator_headers)).text).get(key, 0.0)
    missing = uuid4()
    assert (await client.get(f"/v1/employees/{missing}", headers=admin_a)).status_code == 404

    response = await client.get("/metrics", headers=operator_headers)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    after = samples(response.text)
    assert after[key] == before + 1
    assert str(missing) not in response.text
    assert after[("relais_db_pool_size", ())] == 10  # the default db_pool_size of the settings
    assert after[("relais_db_pool_checked_out", ())] >= 0
    assert after[("relais_db_pool_overflow", ())] >= 0
    assert after[("relais_live_listening", ())] == 1
    assert after[("relais_live_subscriptions", ())] == 0
    assert after[("relais_live_connections_opened", ())] == 1


async def test_metrics_stay_out_of_the_openapi_document(client: httpx.AsyncClient) -> None:
    assert "/metrics" not in (await client.get("/openapi.json")).json()["paths"]


async def test_a_request_is_logged_as_one_json_line_with_its_id_and_without_the_token(
    client: httpx.AsyncClient, mint: Mint, tenant_a: object
) -> None:
    token = mint(tenant_a, "admin", email="admin@acme.example")
    with captured_logs() as logs:
        response = await client.get("/v1/employees", headers={**bearer(token), "X-Request-ID": "trace-7d1e"})
    assert response.status_code == 200
    access = [record for record in logs.records() if record["logger"] == "relais.access"]
    assert access == [
        {
            "event": "request",
            "method": "GET",
            "route": "/v1/employees",
            "status": 200,
            "duration_ms": access[0]["duration_ms"],
            "request_id": "trace-7d1e",
            "logger": "relais.access",
            "level": "info",
            "timestamp": access[0]["timestamp"],
        }
    ]
    assert token not in logs.text
    assert token.split(".")[1] not in logs.text


async def test_readiness_probes_log_no_schema_check_even_at_debug_level(client: httpx.AsyncClient) -> None:
    with captured_logs("debug") as logs:
        for _ in range(3):
            assert (await client.get("/readyz")).status_code == 200
    served = [record for record in logs.records() if record["logger"] != "httpx"]  # the test's own client
    assert [record["logger"] for record in served] == ["relais.access"] * 3


async def test_metrics_are_for_operators_only(
    client: httpx.AsyncClient, admin_a: dict[str, str], operator_headers: dict[str, str]
) -> None:
    assert (await client.get("/metrics")).status_code == 401
    refused = await client.get("/metrics", headers=admin_a)
    assert (refused.status_code, refused.json()["type"]) == (403, "urn:relais:problem:forbidden")
    assert (await client.get("/metrics", headers=operator_headers)).status_code == 200


async def test_an_authenticated_read_is_never_stored_yet_still_answers_304_to_its_etag(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    created = await client.post(
        "/v1/employees",
        json={"email": "rosa@acme.example", "given_name": "Rosa", "family_name": "Parks"},
        headers=admin_a,
    )
    read = await client.get(f"/v1/employees/{created.json()['id']}", headers=admin_a)
    again = await client.get(
        f"/v1/employees/{created.json()['id']}", headers={**admin_a, "If-None-Match": read.headers["ETag"]}
    )

    assert (read.status_code, read.headers["Cache-Control"]) == (200, "no-store")
    assert (again.status_code, again.headers["Cache-Control"]) == (304, "no-store")
    assert again.headers["ETag"] == read.headers["ETag"]
    assert read.headers["X-Content-Type-Options"] == again.headers["X-Content-Type-Options"] == "nosniff"
