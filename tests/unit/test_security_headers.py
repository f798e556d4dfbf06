"""What every answer tells browsers and caches, on the real API wiring with no database behind it."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import FastAPI, Response

from app.api.app import create_api
from app.api.runtime import ApiConfig, Runtime

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
SCRAPE_TOKEN = "scrape-7c1f0e9a4b"


@asynccontextmanager
async def no_resources(_: FastAPI) -> AsyncIterator[dict[str, Runtime]]:
    yield {}


def build_api(**config: object) -> FastAPI:
    app = create_api(ApiConfig(**config), no_resources)  # type: ignore[arg-type]

    @app.get("/v1/explode")
    async def explode() -> None:
        raise RuntimeError("exploded")

    @app.get("/v1/cached")
    async def cached(response: Response) -> dict[str, str]:
        response.headers["Cache-Control"] = "public, max-age=300"
        return {"kept": "yes"}

    return app


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=build_api(metrics_token=SCRAPE_TOKEN), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
        yield client


def policy(response: httpx.Response) -> dict[str, list[str]]:
    directives = (part.split() for part in response.headers["content-security-policy"].split(";"))
    return {name: values for name, *values in directives}


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/docs", "text/html"),
        ("/docs/oauth2-redirect", "text/html"),
        ("/redoc", "text/html"),
        ("/graphql", "text/html"),
    ],
)
async def test_each_page_allows_its_own_inline_scripts_and_nothing_else_and_is_never_framed(
    client: httpx.AsyncClient, path: str, accept: str
) -> None:
    response = await client.get(path, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    directives = policy(response)
    assert directives["default-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response.headers["x-frame-options"] == "DENY"
    assert "'unsafe-inline'" not in directives["script-src"]
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in INLINE_SCRIPT.findall(response.text)
    ]
    assert [source for source in directives["script-src"] if source.startswith("'sha256-")] == hashes


async def test_graphiql_may_load_only_from_the_cdn_its_page_names(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"Accept": "text/html"})
    remote = set(re.findall(r'(?:src|href)="(https://[^/"]+)/', response.text))
    assert remote == {"https://unpkg.com"}
    assert "https://unpkg.com" in policy(response)["script-src"]
    assert policy(response)["connect-src"] == ["'self'"]


@pytest.mark.parametrize(
    ("path", "status"), [("/healthz", 200), ("/nowhere", 404), ("/v1/explode", 500), ("/docs", 200), ("/metrics", 401)]
)
async def test_every_answer_forbids_sniffing_its_type(client: httpx.AsyncClient, path: str, status: int) -> None:
    response = await client.get(path)
    assert response.status_code == status
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(("path", "status"), [("/healthz", 200), ("/nowhere", 404), ("/v1/explode", 500)])
async def test_an_answer_to_a_request_with_credentials_is_never_stored(
    client: httpx.AsyncClient, path: str, status: int
) -> None:
    with_token = await client.get(path, headers={"Authorization": "Bearer a.b.c"})
    without = await client.get(path)
    assert with_token.status_code == status
    assert with_token.headers["cache-control"] == "no-store"
    assert "cache-control" not in without.headers


async def test_an_answer_that_sets_its_own_caching_keeps_it(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/cached", headers={"Authorization": "Bearer a.b.c"})
    assert response.headers["cache-control"] == "public, max-age=300"


async def test_metrics_are_refused_without_a_token_and_read_with_the_scrape_token(client: httpx.AsyncClient) -> None:
    anonymous = await client.get("/metrics")
    wrong = await client.get("/metrics", headers={"Authorization": "Bearer scrape-0000000000"})
    scraper = await client.get("/metrics", headers={"Authorization": f"Bearer {SCRAPE_TOKEN}"})

    assert (anonymous.status_code, anonymous.headers["www-authenticate"]) == (401, "Bearer")
    assert anonymous.json()["type"] == "urn:relais:problem:unauthenticated"
    assert wrong.status_code == 401
    assert "relais_http_requests_total" not in anonymous.text + wrong.text
    assert scraper.status_code == 200
    assert "relais_http_requests_total" in scraper.text
