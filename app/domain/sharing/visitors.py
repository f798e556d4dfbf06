"""Which clicks count, and unique visitors counted without keeping who they are.

A visitor is a keyed BLAKE2b digest of (IP address, user agent) under a salt that changes every
UTC day and is then thrown away: no raw address is stored, and a digest cannot be linked to the
same person on another day. Bots, ``HEAD`` and prefetch requests are still redirected but not
counted; an ambassador's clicks on their own link are counted and flagged, and never credit them.

A user agent costs nothing to change, so the figures also look at the visitor's *network*: the
address's /24 (IPv4) or /48 (IPv6) prefix, digested under the same daily salt. Uniqueness is
judged on the network, and a network's counted clicks on a link are capped per UTC day; the
clicks beyond the cap are recorded, as ``capped``, but not counted.
"""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

SALT_BYTES = 32
MIN_SALT_BYTES = 16
MAX_SALT_BYTES = 64  # the longest key BLAKE2b takes
VISITOR_HASH_BYTES = 16
_PERSONALISATION = b"relais.visitor"
# Another personalisation, so that a network's digest never equals a visitor's.
_NETWORK_PERSONALISATION = b"relais.network"
UNIQUE_VISIT_WINDOW = timedelta(hours=24)
# A network: what one household, office or mobile operator's customer is usually given. An IPv4
# /24 is 256 addresses; an IPv6 /48 is one site's allocation (a /56 or /64 would let one customer
# rotate through 256 or 65,536 networks of their own).
IPV4_NETWORK_PREFIX = 24
IPV6_NETWORK_PREFIX = 48
# The networks of addresses other than plain dotted quads (IPv6 mostly) kept parsed in memory.
ADDRESSES_KEPT = 16_384
# The counted clicks one network makes on one link in a UTC day; beyond, clicks are capped.
CLICKS_COUNTED_PER_NETWORK = 5
# Headers browsers send on speculative loads: Sec-Purpose (Fetch standard), Purpose (older
# Chrome and Safari), X-Purpose (Safari previews), X-Moz (Firefox).
PURPOSE_HEADERS = frozenset({"sec-purpose", "purpose", "x-purpose", "x-moz"})
_SPECULATIVE = frozenset({"prefetch", "prerender", "preview"})


def visitor_hash(salt: bytes, ip: str, user_agent: str) -> str:
    """The visitor's digest under ``salt`` (hex). Spellings of one address give one digest."""
    return _visitor_digest(_keyed(salt, _PERSONALISATION), ip, user_agent)


def network_hash(salt: bytes, ip: str) -> str:
    """The digest of the visitor's network (``network_of``) under ``salt`` (hex)."""
    return _network_digest(_keyed(salt, _NETWORK_PERSONALISATION), network_of(ip))


def _keyed(salt: bytes, person: bytes) -> hashlib.blake2b:
    """A BLAKE2b state keyed by ``salt``: each digest under the salt is made from a copy of it, which
    costs half of keying a new one."""
    if not MIN_SALT_BYTES <= len(salt) <= MAX_SALT_BYTES:
        raise ValueError(f"A visitor salt is {MIN_SALT_BYTES}-{MAX_SALT_BYTES} bytes.")
    return hashlib.blake2b(key=salt, digest_size=VISITOR_HASH_BYTES, person=person)


def _visitor_digest(keyed: hashlib.blake2b, ip: str, user_agent: str) -> str:
    return _canonical_visitor_digest(keyed, _canonical_ip(ip), user_agent)


def _canonical_visitor_digest(keyed: hashlib.blake2b, address: str, user_agent: str) -> str:
    digest = keyed.copy()
    # The NUL separator cannot occur in an address, so (ip, user agent) pairs never run together.
    digest.update(address.encode() + b"\0" + user_agent.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _network_digest(keyed: hashlib.blake2b, network: str) -> str:
    digest = keyed.copy()
    digest.update(network.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def network_of(ip: str) -> str:
    """The network an address belongs to: its /24 (IPv4, IPv4-mapped IPv6 included) or /48 (IPv6)
    prefix. Text that is not an address (no client address at all) is its own network."""
    text = ip.strip()
    if ":" not in text and _written_canonically(text):
        # A dotted quad as ipaddress writes it (most visitors): its /24 (IPV4_NETWORK_PREFIX) is read
        # off the text, since parsing it into an address and then a network cost ten times the digest.
        return text.rpartition(".")[0] + ".0/24"
    return _parsed_network_of(text)


def _address_and_network(ip: str) -> tuple[str, str]:
    """``_canonical_ip(ip)`` and ``network_of(ip)``, whether the text is canonical asked once."""
    text = ip.strip()
    if _written_canonically(text):
        if ":" not in text:
            return text, text.rpartition(".")[0] + ".0/24"
        return text, _parsed_network_of(text)
    return _canonical_ip(text), _parsed_network_of(text)


@lru_cache(maxsize=ADDRESSES_KEPT)
def _parsed_network_of(ip: str) -> str:
    text = _canonical_ip(ip)
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return text
    prefix = IPV4_NETWORK_PREFIX if address.version == 4 else IPV6_NETWORK_PREFIX
    return str(ipaddress.ip_network((address, prefix), strict=False))


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
    if instant.tzinfo is UTC:  # the clock's, on every redirect
        return instant.date()
    if instant.tzinfo is None:
        raise ValueError("Give a time with its UTC offset.")
    return instant.astimezone(UTC).date()


@dataclass(frozen=True, slots=True, kw_only=True)
class DailySalt:
    """The secret of one UTC day; generated once per day and shared by every replica."""

    day: date
    value: bytes = field(repr=False)
    # The digests' states keyed by the salt, ready to copy.
    _visitors: hashlib.blake2b = field(init=False, repr=False, compare=False)
    _networks: hashlib.blake2b = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_visitors", _keyed(self.value, _PERSONALISATION))
        object.__setattr__(self, "_networks", _keyed(self.value, _NETWORK_PERSONALISATION))

    @classmethod
    def generate(cls, day: date) -> DailySalt:
        return cls(day=day, value=secrets.token_bytes(SALT_BYTES))

    def applies_at(self, instant: datetime) -> bool:
        return utc_day(instant) == self.day

    def visitor_hash(self, ip: str, user_agent: str) -> str:
        return _visitor_digest(self._visitors, ip, user_agent)

    def network_hash(self, ip: str) -> str:
        return _network_digest(self._networks, network_of(ip))


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
        """The visitor's digest a click stores."""
        return self.current.visitor_hash(ip, user_agent)

    def digests(self, ip: str, user_agent: str) -> tuple[str, tuple[str, ...]]:
        """``visitor_hash`` and ``network_hashes`` at once, the address's spelling checked once."""
        address, network = _address_and_network(ip)
        current, previous = self.current, self.previous
        visitor = _canonical_visitor_digest(current._visitors, address, user_agent)
        if previous is None:
            return visitor, (_network_digest(current._networks, network),)
        return visitor, (_network_digest(current._networks, network), _network_digest(previous._networks, network))

    def network_hashes(self, ip: str) -> tuple[str, ...]:
        """Every digest under which the network's earlier clicks may be stored (today's first, the
        one a click stores)."""
        network = network_of(ip)
        if self.previous is None:
            return (_network_digest(self.current._networks, network),)
        return (_network_digest(self.current._networks, network), _network_digest(self.previous._networks, network))


def is_prefetch(headers: Mapping[str, str]) -> bool:
    """True for a speculative load (prefetch, prerender, preview), whatever the header's case."""
    for name, value in headers.items():
        if name.lower() in PURPOSE_HEADERS:
            tokens = {token.strip().lower() for token in value.replace(",", ";").split(";")}
            if tokens & _SPECULATIVE:
                return True
    return False


class ClickKind(StrEnum):
    """What a request to a tracked link was: a counted click, or why it is not counted. A capped
    click is a person's, beyond the clicks counted for their network on the link that day."""

    COUNTED = "counted"
    HEAD = "head"
    PREFETCH = "prefetch"
    BOT = "bot"
    CAPPED = "capped"

    @property
    def counted(self) -> bool:
        return self is ClickKind.COUNTED

    @property
    def by_person(self) -> bool:
        """A person followed the link (counted or not): the click can lead to a conversion."""
        return self in (ClickKind.COUNTED, ClickKind.CAPPED)

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
    """A counted click is a new unique visit unless the same network's last counted click on the
    same link was less than 24 hours before (a sighting dated later, by clock skew, is recent)."""
    return previous_sighting is None or clicked_at - previous_sighting >= UNIQUE_VISIT_WINDOW


def is_capped(counted_today: int, cap: int) -> bool:
    """Whether a click the network makes on a link is beyond the cap, given the counted clicks it
    already made there that UTC day."""
    return counted_today >= cap


@lru_cache(maxsize=4)  # every redirect asks for today's
def day_start(day: date) -> datetime:
    """The first instant of a UTC day."""
    return datetime.combine(day, time(), tzinfo=UTC)


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


class ClickVerdict(NamedTuple):
    """How one request to a tracked link is recorded. A named tuple: every redirect makes one, at a
    third of a frozen dataclass's cost."""

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
        counted_today: int = 0,
        cap: int = CLICKS_COUNTED_PER_NETWORK,
        ambassador: AmbassadorVisitor | None,
    ) -> ClickVerdict:
        """``previous_sighting``: the network's last counted click on this link, if any;
        ``counted_today``: the network's counted clicks on this link that UTC day. The
        ambassador's own clicks are neither: they are never capped nor unique, and make no one
        else's click capped or not unique."""
        kind = ClickKind.classify(method=method, headers=headers, is_bot=is_bot)
        self_click = ambassador is not None and ambassador.is_self(visitor_hash, clicked_at)
        if kind.counted and not self_click and is_capped(counted_today, cap):
            kind = ClickKind.CAPPED
        return cls(
            kind=kind,
            unique=kind.counted and not self_click and is_unique_visit(previous_sighting, clicked_at),
            self_click=self_click,
        )
