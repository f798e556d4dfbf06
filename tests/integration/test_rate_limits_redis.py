"""Budgets shared by replicas through a real Redis (``RELAIS_TEST_REDIS_URL``, by default the local
one), against budgets kept by each process, and what an unreachable Redis does."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from app.bootstrap.api import Overrides
from app.settings import Settings
from tests.integration.helpers import assert_problem
from tests.integration.rate_limit_helpers import client_from, limited_app, remaining

DEFAULT_REDIS = "redis://127.0.0.1:6379/0"


@pytest.fixture
async def redis_url() -> str:
    """A Redis that answers; CI must have one, elsewhere its absence skips these tests."""
    url = os.environ.get("RELAIS_TEST_REDIS_URL", DEFAULT_REDIS)
    redis = Redis.from_url(url, socket_connect_timeout=1)
    try:
        await redis.ping()
    except OSError as error:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no Redis at {url}: {error}")
    finally:
        await redis.aclose()
    return url


@pytest.fixture
async def key_prefix(redis_url: str) -> AsyncIterator[str]:
    """Counters of this test only, whatever else shares the Redis; removed afterwards."""
    prefix = f"relais-test-{uuid.uuid4().hex}"
    yield prefix
    redis = Redis.from_url(redis_url)
    try:
        keys = [key async for key in redis.scan_iter(match=f"{prefix}*")]
        if keys:
            await redis.delete(*keys)
    finally:
        await redis.aclose()


async def test_two_replicas_pointed_at_one_redis_share_one_budget(
    settings: Settings, admin_a: dict[str, str], redis_url: str, key_prefix: str
) -> None:
    shared = Overrides(rate_limit_keys=key_prefix)
    async with (
        limited_app(settings, shared, caller="4/minute", storage=redis_url) as first,
        limited_app(settings, shared, caller="4/minute", storage=redis_url) as second,
        client_from(first) as to_first,
        client_from(second) as to_second,
    ):
        served = [await replica.get("/v1/me", headers=admin_a) for replica in (to_first, to_second) * 2]
        refused = [await replica.get("/v1/me", headers=admin_a) for replica in (to_first, to_second)]

    assert [response.status_code for response in served] == [200] * 4
    assert [remaining(response)["caller"] for response in served] == [3, 2, 1, 0]
    for response in refused:
        assert assert_problem(response, 429, "rate-limited")["policy"] == "caller"
        assert 1 <= int(response.headers["Retry-After"]) <= 60


async def test_replicas_counting_in_memory_each_have_their_own_budget(
    settings: Settings, admin_a: dict[str, str]
) -> None:
    async with (
        limited_app(settings, caller="2/minute") as first,
        limited_app(settings, caller="2/minute") as second,
        client_from(first) as to_first,
        client_from(second) as to_second,
    ):
        answers = [await replica.get("/v1/me", headers=admin_a) for replica in (to_first, to_second) * 2]

    assert [response.status_code for response in answers] == [200] * 4


async def test_an_unreachable_redis_serves_requests_uncounted_and_says_so(
    settings: Settings, admin_a: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="relais.rate_limits"):
        async with (
            limited_app(settings, caller="1/minute", storage="redis://127.0.0.1:1/0") as app,
            client_from(app) as client,
        ):
            answers = [await client.get("/v1/me", headers=admin_a) for _ in range(3)]

    assert [response.status_code for response in answers] == [200] * 3
    assert "ratelimit" not in answers[-1].headers
    assert [record.getMessage() for record in caplog.records if record.name == "relais.rate_limits"] != []
