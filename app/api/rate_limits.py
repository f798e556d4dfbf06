"""Budgets of requests per caller, per organisation and per address, and the ``RateLimit`` and
``RateLimit-Policy`` headers (draft-ietf-httpapi-ratelimit-headers) that tell clients where they stand.

A verified token counts against its caller's budgets and its organisation's; a request without a
valid token (a token refused or missing, the development sign-in) counts against its address's, as
does each visit to a tracked link. The address is the one the trusted-proxy rule left in the ASGI
scope, never a forwarded header read here. What each request used is kept in its scope, for the
headers of whatever answer it gets.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import lru_cache

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.types import Message as AsgiMessage

from app.domain.errors import RateLimited, Unauthenticated
from app.domain.messages import Message
from app.domain.roster.identity import Principal
from app.ports.rate_limits import Quota, RateLimiter, Usage

USAGES = "relais.rate_limits"
# An IPv6 subscriber is given a whole /64: counting its addresses one by one would count nothing.
IPV6_NETWORK_BITS = 64

CALLER = (
    "You have sent more requests than your budget allows ({amount} in {window} seconds). "
    "Retry in {retry_after} seconds."
)
TENANT = (
    "Your organisation has sent more requests than its budget allows ({amount} in {window} seconds). "
    "Retry in {retry_after} seconds."
)
ANONYMOUS = (
    "Too many requests without a valid access token came from your address ({amount} in {window} seconds). "
    "Retry in {retry_after} seconds."
)
DELIVERIES = (
    "Too many deliveries to this integration came from your address ({amount} in {window} seconds). "
    "Retry in {retry_after} seconds."
)
VISITS = (
    "Too many visits to tracked links came from your address ({amount} in {window} seconds). "
    "Retry in {retry_after} seconds."
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Budgets:
    """The quotas of each kind of traffic; an empty tuple leaves that traffic unlimited."""

    caller: tuple[Quota, ...] = ()
    tenant: tuple[Quota, ...] = ()
    anonymous: tuple[Quota, ...] = ()
    tracked_links: tuple[Quota, ...] = ()
    integration_events: tuple[Quota, ...] = ()


def client_address(scope: Scope) -> str:
    """The peer's address, which ``X-Forwarded-For`` has already replaced when (and only when) the
    connection came from a trusted proxy: the application's proxy-headers middleware does that."""
    client = scope.get("client")
    return str(client[0]) if client else ""


@lru_cache(maxsize=16_384)
def address_key(address: str) -> str:
    """What an address is counted as: itself for IPv4, its /64 network for IPv6."""
    if ":" not in address:
        return address
    try:
        parsed = ipaddress.IPv6Address(address)
    except ValueError:
        return address
    if parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.IPv6Network((parsed, IPV6_NETWORK_BITS), strict=False))


class RateLimits:
    """Counts requests against the budgets and refuses (``RateLimited``) the first one over."""

    def __init__(self, limiter: RateLimiter, budgets: Budgets) -> None:
        self._limiter = limiter
        self._budgets = budgets

    async def verified(self, scope: Scope, verify: Callable[[], Awaitable[Principal]]) -> Principal:
        """The caller ``verify`` finds, counted against their budgets; a refused or missing token
        counts against the address, and stays refused (``Unauthenticated``) while it has room."""
        try:
            principal = await verify()
        except Unauthenticated:
            await self.count_anonymous(scope)
            raise
        await self._count(scope, self._budgets.caller, f"{principal.tenant_id}/{principal.subject}", CALLER)
        if principal.tenant_id is not None:
            await self._count(scope, self._budgets.tenant, str(principal.tenant_id), TENANT)
        return principal

    async def count_anonymous(self, scope: Scope) -> None:
        await self._count(scope, self._budgets.anonymous, address_key(client_address(scope)), ANONYMOUS)

    async def count_visit(self, scope: Scope, address: str) -> None:
        await self._count(scope, self._budgets.tracked_links, address_key(address), VISITS)

    async def count_delivery(self, scope: Scope, integration: str) -> None:
        """A webhook delivery, counted before its signature is checked, per address and integration: a
        flood from elsewhere never spends the HRIS's own budget."""
        key = f"{address_key(client_address(scope))}/{integration}"
        await self._count(scope, self._budgets.integration_events, key, DELIVERIES)

    async def _count(self, scope: Scope, quotas: tuple[Quota, ...], key: str, refusal: str) -> None:
        for quota in quotas:
            usage = await self._limiter.hit(quota, key)
            if usage is None:
                continue
            scope.setdefault(USAGES, []).append(usage)
            if not usage.allowed:
                detail = Message(refusal, amount=quota.amount, window=quota.window_seconds, retry_after=usage.resets_in)
                raise RateLimited(detail, policy=quota.name, retry_after=usage.resets_in)


@lru_cache(maxsize=64)
def _policy(quotas: tuple[Quota, ...]) -> bytes:
    return ", ".join(f'"{quota.name}";q={quota.amount};w={quota.window_seconds}' for quota in quotas).encode()


def rate_limit_headers(scope: Scope) -> list[tuple[bytes, bytes]]:
    """``RateLimit-Policy`` (each budget counted: quota, window) and ``RateLimit`` (what remains of
    each, seconds until it is full again) for what the request was counted against, if anything."""
    usages: list[Usage] | None = scope.get(USAGES)
    if not usages:
        return []
    if len(usages) == 1:  # a visit, or a request without a token: one budget, written at once
        quota, _, remaining, resets_in = usages[0]
        state = b'"%s";r=%d;t=%d' % (quota.name.encode(), remaining, resets_in)
        return [(b"ratelimit-policy", _policy((quota,))), (b"ratelimit", state)]
    states = b", ".join(b'"%s";r=%d;t=%d' % (u.quota.name.encode(), u.remaining, u.resets_in) for u in usages)
    return [(b"ratelimit-policy", _policy(tuple(usage.quota for usage in usages))), (b"ratelimit", states)]


class RateLimitHeaders:
    """Adds the rate-limit headers to every answer of a request that was counted, refusals included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: AsgiMessage) -> None:
            if message["type"] == "http.response.start":
                added = rate_limit_headers(scope)
                if added:
                    headers = MutableHeaders(scope=message)
                    for name, value in added:
                        headers.append(name.decode("latin-1"), value.decode("latin-1"))
            await send(message)

        await self.app(scope, receive, send_with_headers)
