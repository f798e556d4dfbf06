"""Which clicks count, and unique visitors counted without keeping who they are.

A visitor is a keyed BLAKE2b digest of (IP address, user agent) under a salt that changes every
UTC day and is then thrown away: no raw address is stored, and a digest cannot be linked to the
same person on another day. Bots, ``HEAD`` and prefetch requests are still redirected but not
counted; an ambassador's clicks on their own link are counted and flagged, and never credit them.
"""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

SALT_BYTES = 32
MIN_SALT_BYTES = 16
MAX_SALT_BYTES = 64  # the longest key BLAKE2b takes
VISITOR_HASH_BYTES = 16
_PERSONALISATION = b"relais.visitor"
UNIQUE_VISIT_WINDOW = timedelta(hours=24)
# Headers browsers send on speculative loads: Sec-Purpose (Fetch standard), Purpose (older
# Chrome and Safari), X-Purpose (Safari previews), X-Moz (Firefox).
_PURPOSE_HEADERS = frozenset({"sec-purpose", "purpose", "x-purpose", "x-moz"})
_SPECULATIVE = frozenset({"prefetch", "prerender", "preview"})


def visitor_hash(salt: bytes, ip: str, user_agent: str) -> str:
    """The visitor's digest under ``salt`` (hex). Spellings of one address give one digest."""
    if not MIN_SALT_BYTES <= len(salt) <= MAX_SALT_BYTES:
        raise ValueError(f"A visitor salt is {MIN_SALT_BYTES}-{MAX_SALT_BYTES} bytes.")
    digest = hashlib.blake2b(key=salt, digest_size=VISITOR_HASH_BYTES, person=_PERSONALISATION)
    # The NUL separator cannot occur in an address, so (ip, user agent) pairs never run together.
    digest.update(_canonical_ip(ip).encode() + b"\0" + user_agent.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _canonical_ip(ip: str) -> str:
    text = ip.strip()
    if _written_canonically(text):
        return text
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return text
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def _written_canonically(text: str) -> bool:
    """Whether ``text`` is an address already written as ``ipaddress`` writes it: a dotted quad, or
    an IPv6 address without a dotted part, compressed as RFC 5952 says. Checked by the C library's
    round trip, since parsing every visitor's address with ``ipaddress`` cost more than its digest."""
    family = socket.AF_INET6 if ":" in text else socket.AF_INET
    if family == socket.AF_INET6 and "." in text:
        return False  # IPv4-mapped and -compatible forms: the C library and ipaddress write them differently
    try:
        return socket.inet_ntop(family, socket.inet_pton(family, text)) == text
    except (OSError, ValueError):
        return False


def utc_day(instant: datetime) -> date:
    if instant.tzinfo is None:
        raise ValueError("Give a time with its UTC offset.")
    return instant.astimezone(UTC).date()


@dataclass(frozen=True, slots=True, kw_only=True)
class DailySalt:
    """The secret of one UTC day; generated once per day and shared by every replica."""

    day: date
    value: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if not MIN_SALT_BYTES <= len(self.value) <= MAX_SALT_BYTES:
            raise ValueError(f"A visitor salt is {MIN_SALT_BYTES}-{MAX_SALT_BYTES} bytes.")

    @classmethod
    def generate(cls, day: date) -> DailySalt:
        return cls(day=day, value=secrets.token_bytes(SALT_BYTES))

    def applies_at(self, instant: datetime) -> bool:
        return utc_day(instant) == self.day

    def visitor_hash(self, ip: str, user_agent: str) -> str:
        return visitor_hash(self.value, ip, user_agent)


@dataclass(frozen=True, slots=True, kw_only=True)
class VisitorSalts:
    """Today's salt and yesterday's. Yesterday's is kept one more day only so that a visitor seen
    just before midnight is still recognised within 24 hours, then it is deleted."""

    current: DailySalt
    previous: DailySalt | None = None

    def __post_init__(self) -> None:
        if self.previous is not None and self.previous.day != self.current.day - timedelta(days=1):
            raise ValueError("The previous salt is the one of the day before.")

    def visitor_hash(self, ip: str, user_agent: str) -> str:
        """The digest a click stores."""
        return self.current.visitor_hash(ip, user_agent)

    def known_hashes(self, ip: str, user_agent: str) -> tuple[str, ...]:
        """Every digest under which this visitor's earlier clicks may be stored (today's first)."""
        if self.previous is None:
            return (self.visitor_hash(ip, user_agent),)
        return (self.visitor_hash(ip, user_agent), self.previous.visitor_hash(ip, user_agent))


def is_prefetch(headers: Mapping[str, str]) -> bool:
    """True for a speculative load (prefetch, prerender, preview), whatever the header's case."""
    for name, value in headers.items():
        if name.lower() in _PURPOSE_HEADERS:
            tokens = {token.strip().lower() for token in value.replace(",", ";").split(";")}
            if tokens & _SPECULATIVE:
                return True
    return False


class ClickKind(StrEnum):
    """What a request to a tracked link was: a counted click, or why it is not counted."""

    COUNTED = "counted"
    HEAD = "head"
    PREFETCH = "prefetch"
    BOT = "bot"

    @property
    def counted(self) -> bool:
        return self is ClickKind.COUNTED

    @classmethod
    def classify(cls, *, method: str, headers: Mapping[str, str], is_bot: bool) -> ClickKind:
        """``is_bot`` is the crawler-detection verdict on the request. The method is looked at first,
        then the purpose headers, then the verdict, so the reason given is the cheapest one."""
        if method.upper() == "HEAD":
            return cls.HEAD
        if is_prefetch(headers):
            return cls.PREFETCH
        if is_bot:
            return cls.BOT
        return cls.COUNTED


def is_unique_visit(previous_sighting: datetime | None, clicked_at: datetime) -> bool:
    """A counted click is a new unique visit unless the same visitor's last counted click on the
    same link was less than 24 hours before (a sighting dated later, by clock skew, is recent)."""
    return previous_sighting is None or clicked_at - previous_sighting >= UNIQUE_VISIT_WINDOW


@dataclass(frozen=True, slots=True, kw_only=True)
class AmbassadorVisitor:
    """The digest of the ambassador's own request when they created a share, remembered for that UTC day."""

    visitor_hash: str
    day: date

    @classmethod
    def seen(cls, visitor_hash: str, at: datetime) -> AmbassadorVisitor:
        return cls(visitor_hash=visitor_hash, day=utc_day(at))

    def is_self(self, visitor_hash: str, clicked_at: datetime) -> bool:
        return visitor_hash == self.visitor_hash and utc_day(clicked_at) == self.day


@dataclass(frozen=True, slots=True, kw_only=True)
class ClickVerdict:
    """How one request to a tracked link is recorded."""

    kind: ClickKind
    unique: bool
    self_click: bool

    @property
    def counted(self) -> bool:
        return self.kind.counted

    @classmethod
    def judge(
        cls,
        *,
        method: str,
        headers: Mapping[str, str],
        is_bot: bool,
        visitor_hash: str,
        clicked_at: datetime,
        previous_sighting: datetime | None,
        ambassador: AmbassadorVisitor | None,
    ) -> ClickVerdict:
        """``previous_sighting``: the same visitor's last counted click on this link, if any."""
        kind = ClickKind.classify(method=method, headers=headers, is_bot=is_bot)
        return cls(
            kind=kind,
            unique=kind.counted and is_unique_visit(previous_sighting, clicked_at),
            self_click=ambassador is not None and ambassador.is_self(visitor_hash, clicked_at),
        )
