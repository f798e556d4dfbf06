"""A database outage, for real: the application reaches PostgreSQL through a TCP hop that the
tests cut (nothing listens, open connections dropped) and restore."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI

from app.bootstrap.api import build_app
from app.settings import Settings
from tests.integration.conftest import Mint, bearer
from tests.support.logs import captured_logs
from tests.support.tcp_proxy import TcpProxy, database_target, via_hop

UNAVAILABLE = "urn:relais:problem:unavailable"


@pytest.fixture
async def proxy(database_url: str) -> AsyncIterator[TcpProxy]:
    hop = TcpProxy(*database_target(database_url))
    await hop.start()
    yield hop
    await hop.cut()


@pytest.fixture
async def through_proxy(proxy: TcpProxy, database_url: str, data_dir: Path) -> AsyncIterator[httpx.AsyncClient]:
    url = via_hop(database_url, proxy.port)
    application = build_app(Settings(database_url=url, data_dir=data_dir, db_pool_size=2, db_pool_overflow=0))
    async with LifespanManager(application) as manager:
        app: FastAPI = manager.app  # type: ignore[assignment]
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
            yield client


@pytest.fixture
def admin(mint: Mint) -> dict[str, str]:
    return bearer(mint(uuid4(), "admin", email="admin@acme.example"))


def assert_unavailable(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["Retry-After"] == "5"
    problem: dict[str, Any] = response.json()
    assert problem["type"] == UNAVAILABLE
    assert problem["detail"] == "The service cannot reach its database at the moment; retry in 5 seconds."
    return problem


async def test_a_rest_request_during_an_outage_is_answered_503_unavailable_with_one_log_line(
    through_proxy: httpx.AsyncClient, proxy: TcpProxy, admin: dict[str, str]
) -> None:
    assert (await through_proxy.get("/v1/employees", headers=admin)).status_code == 200
    await proxy.cut()

    with captured_logs() as logs:
        response = await through_proxy.get("/v1/employees", headers={**admin, "X-Request-ID": "outage-1"})

    assert_unavailable(response)
    failures = [record for record in logs.records() if record["logger"] == "relais.api"]
    assert failures == [
        {
            "event": "database unavailable",
            "cause": failures[0]["cause"],
            "request_id": "outage-1",
            "logger": "relais.api",
            "level": "warning",
            "timestamp": failures[0]["timestamp"],
        }
    ]
    assert failures[0]["cause"].startswith(("ConnectionRefusedError", "ConnectionDoesNotExistError"))
    # The raw pool's attempts to reconnect in the background say why in one line too.
    assert all("exception" not in record for record in logs.records()), logs.text


async def test_a_write_during_an_outage_is_answered_503_in_french_too(
    through_proxy: httpx.AsyncClient, proxy: TcpProxy, mint: Mint
) -> None:
    await proxy.cut()
    operator = bearer(mint(None, "operator", subject="platform-operator"))
    response = await through_proxy.post(
        "/v1/tenants", json={"slug": "acme", "name": "Acme"}, headers={**operator, "Accept-Language": "fr"}
    )
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert response.json()["detail"] == (
        "Le service ne peut pas joindre sa base de données pour le moment ; réessayez dans 5 secondes."
    )


async def test_graphql_during_an_outage_is_answered_as_rest_answers_it(
    through_proxy: httpx.AsyncClient, proxy: TcpProxy, admin: dict[str, str]
) -> None:
    query = {"query": "{ employees(first: 5) { edges { node { id } } } }"}
    assert (await through_proxy.post("/graphql", json=query, headers=admin)).status_code == 200
    await proxy.cut()

    with captured_logs() as logs:
        response = await through_proxy.post("/graphql", json=query, headers=admin)

    assert_unavailable(response)
    assert [record["event"] for record in logs.records() if record["logger"] == "relais.api"] == [
        "database unavailable"
    ]


async def test_the_tracked_link_during_an_outage_is_answered_503(
    through_proxy: httpx.AsyncClient, proxy: TcpProxy
) -> None:
    assert (await through_proxy.get("/r/AbCd1234")).status_code == 404
    await proxy.cut()
    with captured_logs() as logs:
        # Another code: one just found unknown is answered from memory for a few seconds.
        response = await through_proxy.get("/r/EfGh5678")
    assert_unavailable(response)
    assert "location" not in response.headers
    assert [record["event"] for record in logs.records() if record["logger"] == "relais.api"] == [
        "database unavailable"
    ]


async def test_the_service_answers_again_once_the_database_is_back(
    through_proxy: httpx.AsyncClient, proxy: TcpProxy, admin: dict[str, str]
) -> None:
    await proxy.cut()
    assert (await through_proxy.get("/v1/employees", headers=admin)).status_code == 503
    assert (await through_proxy.get("/readyz")).status_code == 503

    await proxy.start()

    assert (await through_proxy.get("/v1/employees", headers=admin)).status_code == 200
    assert (await through_proxy.get("/r/AbCd1234")).status_code == 404
    assert (await through_proxy.get("/readyz")).status_code == 200
