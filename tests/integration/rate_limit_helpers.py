"""Applications with the budgets a rate-limit test exercises, and what their answers say of them."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from asgi_lifespan import LifespanManager
from fastapi import FastAPI

from app.bootstrap.api import Overrides, build_app
from app.settings import Settings

RATE_LIMIT_ITEM = re.compile(r'"([a-z0-9-]+)";r=(\d+);t=(\d+)')
VISITOR = "198.51.100.7"


@asynccontextmanager
async def limited_app(settings: Settings, overrides: Overrides | None = None, **budgets: str) -> AsyncIterator[FastAPI]:
    """The application with rate limits on and only the budgets named (``caller="5/minute"``,
    ``storage="redis://..."``); every other kind of traffic is unlimited."""
    update: dict[str, Any] = {
        "rate_limits": True,
        "rate_limit_caller": "",
        "rate_limit_tenant": "",
        "rate_limit_anonymous": "",
        "rate_limit_tracked_links": "",
        "rate_limit_integration_events": "",
    }
    update |= {f"rate_limit_{name}": value for name, value in budgets.items()}
    application = build_app(settings.model_copy(update=update), overrides or Overrides())
    async with LifespanManager(application) as manager:
        yield manager.app  # type: ignore[misc]


@asynccontextmanager
async def client_from(app: FastAPI, address: str = VISITOR) -> AsyncIterator[httpx.AsyncClient]:
    """A client whose connections come from ``address``."""
    transport = httpx.ASGITransport(app=app, client=(address, 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
        yield client


def remaining(response: httpx.Response) -> dict[str, int]:
    """What the ``RateLimit`` header says remains of each budget, by name."""
    return {name: int(left) for name, left, _ in RATE_LIMIT_ITEM.findall(response.headers["RateLimit"])}


def retry_after(response: httpx.Response) -> int:
    value = response.headers["Retry-After"]
    assert value.isdigit(), value
    return int(value)
