"""Whose address a request has: X-Forwarded-For is believed only from a trusted proxy."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import FastAPI, Request

from app.api.app import create_api
from app.api.rate_limits import client_address
from app.api.runtime import ApiConfig, Runtime


@asynccontextmanager
async def no_resources(_: FastAPI) -> AsyncIterator[dict[str, Runtime]]:
    yield {}


async def seen_address(trusted: str, peer: str, *forwarded_for: str) -> tuple[str, str]:
    """The (address, scheme) the application sees for a request from ``peer``."""
    app = create_api(ApiConfig(trusted_proxies=trusted), no_resources)

    @app.get("/whoami")
    async def whoami(request: Request) -> dict[str, str]:
        return {"address": client_address(request.scope), "scheme": request.url.scheme}

    headers = [("x-forwarded-for", value) for value in forwarded_for]
    if forwarded_for:
        headers.append(("x-forwarded-proto", "https"))
    transport = httpx.ASGITransport(app=app, client=(peer, 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
        body = (await client.get("/whoami", headers=headers)).json()
    return body["address"], body["scheme"]


async def test_without_a_proxy_the_address_is_the_peers() -> None:
    assert await seen_address("127.0.0.1", "198.51.100.7") == ("198.51.100.7", "http")


async def test_a_trusted_proxy_passes_on_the_visitors_address_and_scheme() -> None:
    assert await seen_address("127.0.0.1", "127.0.0.1", "198.51.100.7") == ("198.51.100.7", "https")


async def test_an_untrusted_peer_cannot_claim_another_address() -> None:
    assert await seen_address("127.0.0.1", "203.0.113.5", "198.51.100.7") == ("203.0.113.5", "http")


@pytest.mark.parametrize("trusted", ["10.0.0.0/8", "10.1.2.3, 10.9.9.9", "*"])
async def test_trusted_proxies_are_addresses_networks_or_everyone(trusted: str) -> None:
    assert (await seen_address(trusted, "10.1.2.3", "198.51.100.7"))[0] == "198.51.100.7"


async def test_the_visitor_is_the_last_address_added_by_an_untrusted_hop() -> None:
    """A visitor may send their own X-Forwarded-For; only what the trusted proxies appended counts."""
    seen = await seen_address("10.0.0.0/8", "10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.1")

    assert seen[0] == "198.51.100.7"


async def test_nothing_is_trusted_when_no_proxy_is_configured() -> None:
    assert (await seen_address("", "127.0.0.1", "198.51.100.7"))[0] == "127.0.0.1"
