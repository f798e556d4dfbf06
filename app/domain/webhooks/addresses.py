"""Where a webhook may be sent: an https URL whose host resolves only to public addresses.

A URL naming a loopback, private, link-local (cloud metadata at 169.254.169.254), shared, reserved or
multicast address is refused, at registration and again after each resolution before a delivery, so
that a name re-pointed at an internal address later (DNS rebinding) reaches nothing. Hosts on the
operators' allow-list skip the check, and may use http: development receivers have no certificate.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.domain.errors import FieldError, ValidationFailed
from app.domain.messages import Message

MAX_URL_LENGTH = 2000
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeWebhookUrl(ValidationFailed):
    """The URL is not one Relais sends webhooks to: not https, or its host names an internal address."""

    code = "webhook-url-refused"

    def __init__(self, reason: str) -> None:
        super().__init__(Message("The webhook URL is refused."), [FieldError(("url",), reason)])
        self.reason = reason


@dataclass(frozen=True, slots=True, kw_only=True)
class WebhookTarget:
    """A URL taken apart: its host (lowercase, without brackets) and port, and whether it is allow-listed."""

    url: str
    host: str
    port: int
    allow_listed: bool


def forbidden_address(address: IpAddress) -> bool:
    """Anything but a globally routable unicast address: loopback, private, link-local, shared (CGNAT),
    documentation, reserved, multicast, unspecified; an IPv4 address mapped into IPv6 is judged as IPv4."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast


def literal_address(host: str) -> IpAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def parse_target(url: str, allowed_hosts: Collection[str]) -> WebhookTarget:
    """Check the URL's form; raise ``UnsafeWebhookUrl`` for one Relais never sends to, whatever it resolves to."""
    if len(url) > MAX_URL_LENGTH or any(ord(char) < 33 or ord(char) == 127 for char in url):
        raise UnsafeWebhookUrl(Message("Give an https URL of at most {limit} characters.", limit=MAX_URL_LENGTH))
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise UnsafeWebhookUrl(
            Message("Give an https URL of at most {limit} characters.", limit=MAX_URL_LENGTH)
        ) from error
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise UnsafeWebhookUrl(Message("Give an https URL with a host name."))
    if parts.username is not None or parts.password is not None:
        raise UnsafeWebhookUrl(
            Message("Give the URL without a user name or password; the signature proves the sender.")
        )
    allow_listed = host in allowed_hosts
    if parts.scheme != "https" and not (allow_listed and parts.scheme == "http"):
        raise UnsafeWebhookUrl(Message("Webhooks are sent over https only."))
    literal = literal_address(host)
    if literal is not None and not allow_listed and forbidden_address(literal):
        raise UnsafeWebhookUrl(
            Message("{address} is an internal address (loopback, private, link-local or reserved).", address=host)
        )
    return WebhookTarget(
        url=url, host=host, port=port or (443 if parts.scheme == "https" else 80), allow_listed=allow_listed
    )


def check_resolved(target: WebhookTarget, addresses: Iterable[IpAddress]) -> None:
    """Refuse the target when its host resolved to nothing, or to any internal address."""
    if target.allow_listed:
        return
    resolved = list(addresses)
    if not resolved:
        raise UnsafeWebhookUrl(Message("The host {host} resolves to no address.", host=target.host))
    bad = sorted(str(address) for address in resolved if forbidden_address(address))
    if bad:
        raise UnsafeWebhookUrl(
            Message(
                "The host {host} resolves to an internal address ({addresses}); webhooks go to public addresses only.",
                host=target.host,
                addresses=", ".join(bad),
            )
        )
