"""CORS: browser apps on an allowed origin may send the API's and their tracing SDKs' headers, and read
the response headers they need."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Response

from app.api.app import create_api
from app.api.runtime import ApiConfig, Runtime
from app.settings import Settings

CONSOLE = "https://console.acme.example"


@asynccontextmanager
async def no_resources(_: FastAPI) -> AsyncIterator[dict[str, Runtime]]:
    yield {}


def build_api(settings: Settings) -> FastAPI:
    config = ApiConfig(cors_origins=settings.cors_origins, cors_allow_headers=settings.cors_allow_headers)
    app = create_api(config, no_resources)
    things = APIRouter()

    @things.get("/v1/things/{thing_id}")
    async def get_thing(thing_id: str, response: Response) -> dict[str, str]:
        response.headers["ETag"] = '"v1"'
        response.headers["Content-Language"] = "fr"
        return {"id": thing_id}

    app.include_router(things)
    return app


async def preflight(settings: Settings, headers: str, origin: str = CONSOLE) -> httpx.Response:
    transport = httpx.ASGITransport(app=build_api(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
        return await client.options(
            "/v1/things/1",
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "PATCH",
                "Access-Control-Request-Headers": headers,
            },
        )


def allowed(response: httpx.Response) -> set[str]:
    return {name.strip().lower() for name in response.headers["access-control-allow-headers"].split(",")}


async def test_a_preflight_may_name_the_api_headers_and_the_browser_tracing_headers() -> None:
    wanted = (
        "authorization, content-type, if-match, if-none-match, accept-language, x-request-id, last-event-id, "
        "traceparent, tracestate, baggage, sentry-trace"
    )
    response = await preflight(Settings(cors_origins=[CONSOLE]), wanted)

    assert response.status_code == 200, response.text
    assert response.headers["access-control-allow-origin"] == CONSOLE
    assert "PATCH" in response.headers["access-control-allow-methods"]
    assert {name.strip() for name in wanted.split(",")} <= allowed(response)


async def test_a_preflight_naming_a_header_not_allowed_is_refused() -> None:
    response = await preflight(Settings(cors_origins=[CONSOLE]), "authorization, x-debug-mode")

    assert response.status_code == 400
    assert "x-debug-mode" not in allowed(response)


async def test_a_preflight_from_another_origin_is_refused() -> None:
    response = await preflight(Settings(cors_origins=[CONSOLE]), "authorization", origin="https://evil.example")

    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


def test_the_allowed_request_headers_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELAIS_CORS_ALLOW_HEADERS", "Authorization, X-Tenant-Hint ,,")

    assert Settings().cors_allow_headers == ["Authorization", "X-Tenant-Hint"]


async def test_configured_request_headers_replace_the_defaults() -> None:
    settings = Settings(cors_origins=[CONSOLE], cors_allow_headers=["Authorization", "X-Tenant-Hint"])

    assert (await preflight(settings, "x-tenant-hint")).status_code == 200
    assert (await preflight(settings, "traceparent")).status_code == 400


async def test_a_browser_may_read_the_etag_location_request_id_retry_after_and_language_of_an_answer() -> None:
    transport = httpx.ASGITransport(app=build_api(Settings(cors_origins=[CONSOLE])))
    async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
        response = await client.get("/v1/things/1", headers={"Origin": CONSOLE})

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == CONSOLE
    exposed = {name.strip().lower() for name in response.headers["access-control-expose-headers"].split(",")}
    assert {"etag", "location", "x-request-id", "retry-after", "content-language"} <= exposed


async def test_without_allowed_origins_no_cors_header_is_sent() -> None:
    response = await preflight(Settings(), "authorization")

    assert "access-control-allow-origin" not in response.headers
