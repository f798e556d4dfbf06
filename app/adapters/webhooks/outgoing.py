"""Outgoing webhooks over httpx: host names resolved and checked at each new connection (so a name
re-pointed at an internal address reaches nothing), no redirects followed, no proxy from the
environment, a deadline on the whole attempt; signatures made with the ``standardwebhooks`` library."""

from __future__ import annotations

import asyncio
import base64
import ipaddress
import secrets
import socket
import time
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

import httpcore
import httpx
from standardwebhooks.webhooks import Webhook

from app.domain.webhooks.addresses import IpAddress, UnsafeWebhookUrl, WebhookTarget, check_resolved, literal_address
from app.domain.webhooks.deliveries import AttemptResult, describe_error
from app.ports.webhooks import HostResolver

SECRET_BYTES = 32
# What is read of an answer: enough to reuse the connection after a short body, never a flood.
MAX_ANSWER_BYTES = 64 * 1024
USER_AGENT = "Relais-Webhooks/1"


class StandardWebhookSigner:
    def new_secret(self) -> str:
        return "whsec_" + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")

    def headers(self, message_id: str, at: datetime, body: str, secrets: Sequence[str]) -> Mapping[str, str]:
        signatures = " ".join(Webhook(secret).sign(message_id, at, body) for secret in secrets)
        return {
            "webhook-id": message_id,
            "webhook-timestamp": str(int(at.timestamp())),
            "webhook-signature": signatures,
        }


class SystemResolver:
    """The operating system's resolver, off the event loop."""

    async def resolve(self, host: str, port: int) -> Sequence[IpAddress]:
        literal = literal_address(host)
        if literal is not None:
            return [literal]
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror:
            return []
        # An IPv6 address may carry its zone (fe80::1%eth0): the address alone is judged.
        return list(dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos))


class CheckedNetwork(httpcore.AsyncNetworkBackend):
    """Connects only to the addresses its host resolves to right now, once each is checked; the TLS
    handshake still names the host (httpcore passes it as the server name)."""

    def __init__(self, resolver: HostResolver, allowed_hosts: Collection[str]) -> None:
        self._resolver = resolver
        self._allowed = frozenset(allowed_hosts)
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        target = WebhookTarget(url="", host=host, port=port, allow_listed=host in self._allowed)
        if target.allow_listed:
            return await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        addresses = await self._resolver.resolve(host, port)
        check_resolved(target, addresses)
        return await self._inner.connect_tcp(str(addresses[0]), port, timeout, local_address, socket_options)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise UnsafeWebhookUrl("Webhooks are sent over TCP only.")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class HttpxWebhookSender:
    """One client for every endpoint, its connections kept alive between deliveries."""

    def __init__(
        self,
        resolver: HostResolver,
        allowed_hosts: Collection[str],
        *,
        timeout: float,
        max_connections: int,
    ) -> None:
        self._timeout = timeout
        transport = httpx.AsyncHTTPTransport(
            trust_env=False,
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
        )
        # httpx takes no network backend of its own: its pool is rebuilt around the checked one.
        transport._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=30.0,
            network_backend=CheckedNetwork(resolver, allowed_hosts),
        )
        self._client = httpx.AsyncClient(
            transport=transport,
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(timeout),
            headers={"user-agent": USER_AGENT},
        )

    async def send(self, target: WebhookTarget, body: str, headers: Mapping[str, str]) -> AttemptResult:
        started = time.perf_counter()
        sent = {**headers, "content-type": "application/json"}

        def took() -> int:
            return round((time.perf_counter() - started) * 1000)

        try:
            async with (
                asyncio.timeout(self._timeout),
                self._client.stream("POST", target.url, content=body, headers=sent) as answer,
            ):
                read = 0
                async for chunk in answer.aiter_raw():
                    read += len(chunk)
                    if read > MAX_ANSWER_BYTES:
                        break
                status = answer.status_code
        except UnsafeWebhookUrl as refused:
            return AttemptResult(status_code=None, latency_ms=took(), error=refused.reason)
        except TimeoutError:
            return AttemptResult(
                status_code=None, latency_ms=took(), error=f"No answer within {self._timeout:g} seconds."
            )
        except httpx.HTTPError as failure:
            return AttemptResult(status_code=None, latency_ms=took(), error=describe_error(failure))
        return AttemptResult(
            status_code=status, latency_ms=took(), error=None if 200 <= status < 300 else _refusal(status)
        )

    async def close(self) -> None:
        await self._client.aclose()


def _refusal(status: int) -> str:
    if 300 <= status < 400:
        return f"Answered {status}: redirects are not followed; register the final URL."
    return f"Answered {status}."
