"""/docs and /redoc load every script and style from Relais itself, so they work on a closed network."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import FastAPI

from app.api.app import create_api
from app.api.runtime import ApiConfig, Runtime

ASSET = re.compile(r"""<(?:script|link)\b[^>]*?\b(?:src|href)=["']([^"']+)["']""")


@asynccontextmanager
async def no_resources(_: FastAPI) -> AsyncIterator[dict[str, Runtime]]:
    yield {}


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_api(ApiConfig(), no_resources))
    async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
        yield client


async def assets_of(client: httpx.AsyncClient, page: str) -> list[str]:
    response = await client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    return ASSET.findall(response.text)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_the_documentation_pages_reference_no_other_host(client: httpx.AsyncClient, page: str) -> None:
    page_html = (await client.get(page)).text
    assets = await assets_of(client, page)

    assert assets, f"{page} loads no script or style at all"
    assert all(url.startswith("/docs/assets/") for url in assets), assets
    assert "http://" not in page_html
    assert "https://" not in page_html


@pytest.mark.parametrize(
    ("page", "kinds"),
    [("/docs", {"text/javascript", "text/css"}), ("/redoc", {"text/javascript"})],
)
async def test_every_asset_of_a_documentation_page_is_served(
    client: httpx.AsyncClient, page: str, kinds: set[str]
) -> None:
    served = set()
    for url in await assets_of(client, page):
        response = await client.get(url)
        assert response.status_code == 200, url
        assert len(response.content) > 1000, url
        served.add(response.headers["content-type"].split(";")[0])
    assert kinds <= served


async def test_swagger_ui_loads_the_served_openapi_document_and_sends_it_to_no_validator(
    client: httpx.AsyncClient,
) -> None:
    page = (await client.get("/docs")).text

    assert "url: '/openapi.json'" in page
    assert '"validatorUrl": null' in page
    assert (await client.get("/openapi.json")).json()["info"]["title"] == "Relais"


async def test_redoc_reads_the_served_openapi_document_without_web_fonts(client: httpx.AsyncClient) -> None:
    page = (await client.get("/redoc")).text

    assert 'spec-url="/openapi.json"' in page
    assert "fonts.googleapis" not in page


async def test_the_swagger_script_is_the_swagger_ui_bundle(client: httpx.AsyncClient) -> None:
    script = await client.get("/docs/assets/swagger-ui-bundle.js")

    assert "SwaggerUIBundle" in script.text[:2000]
