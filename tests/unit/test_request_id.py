"""Request ids, access logs and HTTP metrics on the real API wiring, with no database behind it."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
import structlog
from fastapi import APIRouter, FastAPI
from prometheus_client.parser import text_string_to_metric_families

from app.api.app import create_api
from app.api.observability import REQUEST_ID_HEADER, request_id_from
from app.api.runtime import ApiConfig, Runtime
from tests.support.logs import captured_logs

SECRET = "Bearer eyJhbGciOiJFUzI1NiJ9.not-a-real-token.signature"
SCRAPER = {"Authorization": "Bearer scrape-token"}


@asynccontextmanager
async def no_resources(_: FastAPI) -> AsyncIterator[dict[str, Runtime]]:
    yield {}


def build_api() -> FastAPI:
    app = create_api(ApiConfig(max_body_bytes=16, metrics_token="scrape-token"), no_resources)
    things = APIRouter(prefix="/things")

    @things.get("/{thing_id}")
    async def get_thing(thing_id: str) -> dict[str, str]:
        logging.getLogger("relais.test").warning("looked up through the standard library")
        structlog.stdlib.get_logger("relais.test").info("looked up through structlog", thing_id=thing_id)
        return {"id": thing_id}

    @things.get("/{thing_id}/explode")
    async def explode(thing_id: str) -> None:
        raise RuntimeError(f"{thing_id} exploded")

    # Included under a prefix on purpose: the route alone does not know its full template.
    app.include_router(things, prefix="/v1")
    return app


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=build_api(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
        yield client


@pytest.mark.parametrize("value", ["abc", "trace-1.2_3", "x" * 128, "0f8e6b1c2d3a4f5e"])
def test_a_sane_request_id_is_kept(value: str) -> None:
    assert request_id_from(value) == value


@pytest.mark.parametrize("value", [None, "", "x" * 129, "two words", "<script>", "../../etc/passwd", "é"])
def test_an_absent_or_unsafe_request_id_is_replaced_by_a_new_one(value: str | None) -> None:
    generated = request_id_from(value)
    assert generated != value
    assert len(generated) == 32
    assert int(generated, 16) >= 0


async def test_the_request_id_sent_is_echoed(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/things/a", headers={REQUEST_ID_HEADER: "from-the-gateway-42"})
    assert response.headers[REQUEST_ID_HEADER] == "from-the-gateway-42"


async def test_each_request_without_an_id_gets_a_new_one(client: httpx.AsyncClient) -> None:
    first, second = await client.get("/v1/things/a"), await client.get("/v1/things/a")
    assert len(first.headers[REQUEST_ID_HEADER]) == 32
    assert first.headers[REQUEST_ID_HEADER] != second.headers[REQUEST_ID_HEADER]


async def test_an_absurd_request_id_is_replaced(client: httpx.AsyncClient) -> None:
    absurd = "x" * 500
    response = await client.get("/v1/things/a", headers={REQUEST_ID_HEADER: absurd})
    assert response.headers[REQUEST_ID_HEADER] != absurd
    assert len(response.headers[REQUEST_ID_HEADER]) == 32


async def test_problems_carry_the_request_id_whoever_answers(client: httpx.AsyncClient) -> None:
    not_found = await client.get("/nowhere", headers={REQUEST_ID_HEADER: "r-404"})
    too_large = await client.post(
        "/v1/things/a", content=b"{}" * 100, headers={"Content-Type": "application/json", REQUEST_ID_HEADER: "r-413"}
    )
    assert (not_found.status_code, not_found.headers[REQUEST_ID_HEADER]) == (404, "r-404")
    assert (too_large.status_code, too_large.headers[REQUEST_ID_HEADER]) == (413, "r-413")
    assert not_found.headers["content-type"] == too_large.headers["content-type"] == "application/problem+json"


async def test_an_unexpected_error_answers_a_500_problem_and_logs_it_with_the_request_id(
    client: httpx.AsyncClient,
) -> None:
    with captured_logs() as logs:
        response = await client.get("/v1/things/a/explode", headers={REQUEST_ID_HEADER: "r-500"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers[REQUEST_ID_HEADER] == "r-500"
    assert "a exploded" not in response.text
    records = logs.records()
    error = next(record for record in records if record["event"] == "unhandled error")
    assert error["request_id"] == "r-500"
    assert error["level"] == "error"
    assert "RuntimeError: a exploded" in error["exception"]
    access = next(record for record in records if record["logger"] == "relais.access")
    assert (access["status"], access["request_id"]) == (500, "r-500")


async def test_every_line_logged_during_a_request_is_json_with_its_request_id(client: httpx.AsyncClient) -> None:
    with captured_logs() as logs:
        await client.get("/v1/things/a", headers={REQUEST_ID_HEADER: "r-logs", "Authorization": SECRET})
    records = [record for record in logs.records() if record["logger"].startswith("relais.")]  # not the client's
    assert [record["logger"] for record in records] == ["relais.test", "relais.test", "relais.access"]
    assert {record["request_id"] for record in records} == {"r-logs"}
    access = records[-1]
    assert access["event"] == "request"
    assert (access["method"], access["route"], access["status"]) == ("GET", "/v1/things/{thing_id}", 200)
    assert isinstance(access["duration_ms"], float)
    assert "not-a-real-token" not in logs.text
    assert "Bearer" not in logs.text


async def test_the_request_id_does_not_outlive_its_request(client: httpx.AsyncClient) -> None:
    with captured_logs() as logs:
        await client.get("/v1/things/a", headers={REQUEST_ID_HEADER: "r-gone"})
        structlog.stdlib.get_logger("relais.test").warning("after the request")
    after = next(record for record in logs.records() if record["event"] == "after the request")
    assert "request_id" not in after


async def test_console_logs_are_for_humans(client: httpx.AsyncClient) -> None:
    with captured_logs(fmt="console") as logs:
        await client.get("/v1/things/a", headers={REQUEST_ID_HEADER: "r-console"})
    last = next(line for line in logs.text.splitlines() if "relais.access" in line)
    assert not last.startswith("{")
    assert "request_id=r-console" in last
    assert "/v1/things/{thing_id}" in last


async def test_successful_probes_are_logged_at_debug_level_only(client: httpx.AsyncClient) -> None:
    with captured_logs("info") as quiet:
        assert (await client.get("/healthz")).status_code == 200
    with captured_logs("debug") as verbose:
        await client.get("/healthz")
    assert "relais.access" not in quiet.text
    assert [record["route"] for record in verbose.records() if record["logger"] == "relais.access"] == ["/healthz"]


async def test_requests_are_counted_by_route_template_never_by_raw_path(client: httpx.AsyncClient) -> None:
    await client.get("/v1/things/thing-7f3a")
    await client.get("/v1/things/thing-9c2e")
    await client.get("/v1/things/thing-7f3a/explode")
    await client.get("/no/such/path")
    await client.request("BREW", "/v1/things/thing-7f3a")
    response = await client.get("/metrics", headers=SCRAPER)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    counts = {
        (sample.labels["method"], sample.labels["route"], sample.labels["status"]): sample.value
        for family in text_string_to_metric_families(response.text)
        if family.name == "relais_http_requests"
        for sample in family.samples
        if sample.name == "relais_http_requests_total"
    }
    assert counts[("GET", "/v1/things/{thing_id}", "200")] == 2
    assert counts[("GET", "/v1/things/{thing_id}/explode", "500")] == 1
    assert counts[("GET", "unmatched", "404")] == 1
    assert counts[("other", "/v1/things/{thing_id}", "405")] == 1
    assert "thing-7f3a" not in response.text
    assert "thing-9c2e" not in response.text
    assert 'relais_http_request_duration_seconds_count{method="GET",route="/v1/things/{thing_id}"} 2.0' in response.text


async def test_each_application_counts_its_own_requests() -> None:
    apps = build_api(), build_api()
    for app in apps:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://relais.test") as client:
            await client.get("/v1/things/a")
            metrics = await client.get("/metrics", headers=SCRAPER)
        assert 'relais_http_requests_total{method="GET",route="/v1/things/{thing_id}",status="200"} 1.0' in metrics.text


async def test_metrics_are_not_in_the_openapi_document(client: httpx.AsyncClient) -> None:
    assert "/metrics" not in (await client.get("/openapi.json")).json()["paths"]
