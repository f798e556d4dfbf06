"""Budgets of requests in memory: how they are written, counted, refilled and told, and what an
unreachable counter store does."""

from __future__ import annotations

import logging
from typing import Any
from uuid import NAMESPACE_DNS, uuid5

import pytest
from limits.aio.storage import Storage

from app.adapters.rate_limits import LimitsRateLimiter, WindowCounters, quotas
from app.api.rate_limits import Budgets, RateLimits, address_key, rate_limit_headers
from app.bootstrap import RateLimitSettingError
from app.bootstrap.api import build_app
from app.domain.errors import RateLimited
from app.domain.roster.identity import Principal
from app.ports.rate_limits import Quota
from app.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_budget_is_written_as_limits_writes_it_and_named_by_its_window_when_there_are_several() -> None:
    assert quotas("caller", "1200/minute") == (Quota("caller", 1200, 60),)
    assert quotas("caller", "30/second;1200/minute") == (Quota("caller-1s", 30, 1), Quota("caller-60s", 1200, 60))
    assert quotas("tracked-links", "10 per 5 minutes") == (Quota("tracked-links", 10, 300),)
    assert quotas("tenant", " ") == ()


@pytest.mark.parametrize("text", ["lots", "10/fortnight", "5/minute;6/minute"])
def test_a_malformed_budget_stops_the_start_with_its_reason(text: str) -> None:
    with pytest.raises(ValueError, match=text):
        quotas("caller", text)


@pytest.mark.parametrize(
    ("setting", "value"),
    [("rate_limit_tracked_links", "lots"), ("rate_limit_storage", "memcached://cache:11211")],
)
def test_a_malformed_setting_stops_the_start_naming_its_variable(setting: str, value: str) -> None:
    with pytest.raises(RateLimitSettingError, match=f"RELAIS_{setting.upper()}: .*{value}"):
        build_app(Settings().model_copy(update={setting: value}))


def test_a_malformed_setting_does_not_matter_with_rate_limits_off() -> None:
    assert build_app(Settings(rate_limits=False, rate_limit_caller="lots")).title == "Relais"


async def test_a_budget_refuses_the_request_over_it_and_is_full_again_when_its_window_ends() -> None:
    clock = Clock()
    limiter = LimitsRateLimiter(WindowCounters(clock))
    quota = Quota("caller", 3, 60)

    seen = [await limiter.hit(quota, "ada") for _ in range(4)]
    clock.now += 60
    after = await limiter.hit(quota, "ada")

    assert [(usage.allowed, usage.remaining) for usage in seen if usage] == [
        (True, 2),
        (True, 1),
        (True, 0),
        (False, 0),
    ]
    assert all(usage and 59 <= usage.resets_in <= 60 for usage in seen)
    assert after is not None
    assert (after.allowed, after.remaining) == (True, 2)


async def test_each_key_has_its_own_budget() -> None:
    limiter = LimitsRateLimiter(WindowCounters(Clock()))
    quota = Quota("caller", 1, 60)

    first, second = await limiter.hit(quota, "ada"), await limiter.hit(quota, "grace")

    assert first is not None
    assert second is not None
    assert (first.allowed, second.allowed) == (True, True)


async def test_memory_keeps_only_the_windows_still_running() -> None:
    clock = Clock()
    counters = WindowCounters(clock)
    limiter = LimitsRateLimiter(counters)
    quota = Quota("tracked-links", 300, 60)
    for visitor in range(1000):
        await limiter.hit(quota, f"198.51.100.{visitor}")

    clock.now += 61
    await limiter.hit(quota, "203.0.113.9")

    assert counters.windows_kept == 1


class Unreachable(Storage):
    STORAGE_SCHEME = None

    @property
    def base_exceptions(self) -> type[Exception]:
        return ConnectionError

    async def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        raise ConnectionError("Connection refused")

    async def get(self, key: str) -> int:
        raise ConnectionError("Connection refused")

    async def get_expiry(self, key: str) -> float:
        raise ConnectionError("Connection refused")

    async def check(self) -> bool:
        return False

    async def reset(self) -> int | None:
        return None

    async def clear(self, key: str) -> None:
        return None


async def test_counters_that_cannot_be_reached_serve_requests_uncounted_and_say_so_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    limiter = LimitsRateLimiter(Unreachable())
    with caplog.at_level(logging.WARNING, logger="relais.rate_limits"):
        usages = [await limiter.hit(Quota("caller", 1, 60), "ada") for _ in range(3)]

    assert usages == [None, None, None]
    assert len(caplog.records) == 1
    assert "Connection refused" in caplog.records[0].getMessage()


def test_an_ipv6_visitor_is_counted_by_its_network_and_a_mapped_ipv4_one_by_its_address() -> None:
    assert address_key("2001:db8:1:2:aaaa::1") == address_key("2001:db8:1:2:bbbb::7") == "2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::1") != address_key("2001:db8:1:2::1")
    assert address_key("::ffff:198.51.100.7") == "198.51.100.7"
    assert address_key("198.51.100.7") == "198.51.100.7"


def caller(tenant: str = "acme", subject: str = "idp|ada") -> Principal:
    return Principal(tenant_id=uuid5(NAMESPACE_DNS, tenant), subject=subject)


async def test_a_caller_is_refused_for_the_first_budget_spent_and_the_headers_name_every_budget_counted() -> None:
    limits = RateLimits(
        LimitsRateLimiter(WindowCounters(Clock())),
        Budgets(caller=(Quota("caller-1s", 2, 1), Quota("caller-60s", 100, 60)), tenant=(Quota("tenant", 50, 60),)),
    )
    ada = caller()

    async def verify() -> Principal:
        return ada

    scopes: list[dict[str, Any]] = [{} for _ in range(3)]
    for scope in scopes[:2]:
        assert await limits.verified(scope, verify) == ada
    with pytest.raises(RateLimited) as refused:
        await limits.verified(scopes[2], verify)

    assert (refused.value.policy, refused.value.retry_after, refused.value.code) == ("caller-1s", 1, "rate-limited")
    assert dict(rate_limit_headers(scopes[1])) == {
        b"ratelimit-policy": b'"caller-1s";q=2;w=1, "caller-60s";q=100;w=60, "tenant";q=50;w=60',
        b"ratelimit": b'"caller-1s";r=0;t=1, "caller-60s";r=98;t=60, "tenant";r=48;t=60',
    }
    # Refused at its first budget: the others were not counted for it.
    assert dict(rate_limit_headers(scopes[2]))[b"ratelimit"] == b'"caller-1s";r=0;t=1'
