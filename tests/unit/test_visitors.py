"""Which clicks count, unique networks and capped clicks under a daily salt, and an ambassador's own clicks."""

from __future__ import annotations

import hashlib
import ipaddress
import random
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.domain.sharing.visitors import (
    CLICKS_COUNTED_PER_NETWORK,
    AmbassadorVisitor,
    ClickKind,
    ClickVerdict,
    DailySalt,
    VisitorSalts,
    is_capped,
    is_prefetch,
    is_unique_visit,
    network_hash,
    network_of,
    utc_day,
    visitor_hash,
)

SALT = bytes(range(32))
OTHER_SALT = bytes(range(1, 33))
IP = "192.0.2.10"
UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Safari/605.1.15"
DAY = date(2025, 3, 31)
NOON = datetime(2025, 3, 31, 12, 0, tzinfo=UTC)


# The visitor hash


def test_the_hash_is_keyed_blake2b_of_the_address_and_user_agent() -> None:
    expected = hashlib.blake2b(f"{IP}\0{UA}".encode(), key=SALT, digest_size=16, person=b"relais.visitor").hexdigest()
    assert visitor_hash(SALT, IP, UA) == expected
    assert len(expected) == 32


def test_the_hash_keeps_nothing_of_the_address() -> None:
    digest = visitor_hash(SALT, IP, UA)
    assert IP not in digest
    assert set(digest) <= set("0123456789abcdef")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ((SALT, IP, UA), (OTHER_SALT, IP, UA)),
        ((SALT, IP, UA), (SALT, "192.0.2.11", UA)),
        ((SALT, IP, UA), (SALT, IP, UA + " ")),
        ((SALT, "2001:db8::1", UA), (SALT, "2001:db8::2", UA)),
        # the separator keeps (address, agent) pairs from running together
        ((SALT, "a", "bc"), (SALT, "ab", "c")),
    ],
)
def test_a_different_salt_address_or_agent_is_a_different_visitor(
    one: tuple[bytes, str, str], other: tuple[bytes, str, str]
) -> None:
    assert visitor_hash(*one) != visitor_hash(*other)


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("2001:db8:0:0::1", "2001:db8::1"),
        ("::ffff:192.0.2.10", IP),
        ("::FFFF:c000:020a", IP),
        (f"  {IP} ", IP),
    ],
)
def test_spellings_of_one_address_are_one_visitor(spelling: str, canonical: str) -> None:
    assert visitor_hash(SALT, spelling, UA) == visitor_hash(SALT, canonical, UA)


def spellings() -> list[str]:
    """Addresses as clients and proxies write them: canonical or not, IPv4, IPv6 with runs of zeros,
    IPv4-mapped and -compatible forms, scopes and things that are not addresses."""
    draw = random.Random(8)
    found = ["0.0.0.0", "01.2.3.4", "1.2.3", "::", "::1", "1::", "::1.2.3.4", "::ffff:0:0", "fe80::1%eth0"]  # noqa: S104
    for _ in range(3000):
        found.append(str(ipaddress.IPv4Address(draw.getrandbits(32))))
        words = [draw.choice((0, 0, 0, 1, 0xFFFF, draw.getrandbits(16))) for _ in range(8)]
        address = ipaddress.IPv6Address(":".join(f"{word:x}" for word in words))
        found += [str(address), address.exploded, str(address).upper(), ":".join(f"{word:x}" for word in words)]
    return found


def test_every_spelling_hashes_as_the_address_ipaddress_writes_so_digests_stay_the_same_across_releases() -> None:
    def as_written(ip: str) -> str:
        try:
            address = ipaddress.ip_address(ip.strip())
        except ValueError:
            return ip.strip()
        mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
        return str(mapped or address)

    for spelling in spellings():
        expected = f"{as_written(spelling)}\0{UA}".encode()
        digest = hashlib.blake2b(expected, key=SALT, digest_size=16, person=b"relais.visitor").hexdigest()
        assert visitor_hash(SALT, spelling, UA) == digest, spelling


@pytest.mark.parametrize("ip", ["unknown", "", "not-an-ip", "192.0.2.300"])
def test_an_unparseable_address_still_hashes(ip: str) -> None:
    assert len(visitor_hash(SALT, ip, UA)) == 32


@pytest.mark.parametrize("user_agent", ["", "Ünïcödé/1.0", "bad \ud800 surrogate", "x" * 10_000])
def test_any_user_agent_hashes(user_agent: str) -> None:
    assert len(visitor_hash(SALT, IP, user_agent)) == 32


@pytest.mark.parametrize("size", [0, 8, 15, 65, 128])
def test_a_salt_is_sixteen_to_sixty_four_bytes(size: int) -> None:
    with pytest.raises(ValueError, match="16-64 bytes"):
        visitor_hash(bytes(size), IP, UA)
    with pytest.raises(ValueError, match="16-64 bytes"):
        DailySalt(day=DAY, value=bytes(size))


@pytest.mark.parametrize("size", [16, 32, 64])
def test_salts_of_allowed_sizes_hash(size: int) -> None:
    assert len(DailySalt(day=DAY, value=bytes(size)).visitor_hash(IP, UA)) == 32


# Daily salts


def test_a_generated_salt_is_32_random_bytes_for_its_day() -> None:
    first, second = DailySalt.generate(DAY), DailySalt.generate(DAY)
    assert len(first.value) == 32
    assert first.day == DAY
    assert first.value != second.value
    assert first.visitor_hash(IP, UA) != second.visitor_hash(IP, UA)


def test_a_salt_never_shows_in_its_repr() -> None:
    salt = DailySalt(day=DAY, value=SALT)
    assert SALT.hex() not in repr(salt)
    assert repr(SALT) not in repr(salt)


@pytest.mark.parametrize(
    ("instant", "applies"),
    [
        (datetime(2025, 3, 31, 0, 0, tzinfo=UTC), True),
        (datetime(2025, 3, 31, 23, 59, 59, 999_999, tzinfo=UTC), True),
        (datetime(2025, 4, 1, 0, 0, tzinfo=UTC), False),
        (datetime(2025, 3, 30, 23, 59, 59, 999_999, tzinfo=UTC), False),
        # the day is the UTC day, whatever offset the time is given in
        (datetime(2025, 3, 31, 23, 30, tzinfo=timezone(timedelta(hours=-1))), False),
        (datetime(2025, 4, 1, 0, 30, tzinfo=timezone(timedelta(hours=1))), True),
    ],
)
def test_a_salt_applies_for_its_utc_day_only(instant: datetime, applies: bool) -> None:
    assert DailySalt(day=DAY, value=SALT).applies_at(instant) is applies


def test_a_time_without_offset_has_no_utc_day() -> None:
    with pytest.raises(ValueError, match="UTC offset"):
        utc_day(datetime(2025, 3, 31, 12, 0))  # noqa: DTZ001


def test_the_salts_hash_with_todays_and_look_networks_up_under_yesterdays_too() -> None:
    today, yesterday = DailySalt(day=DAY, value=SALT), DailySalt(day=DAY - timedelta(days=1), value=OTHER_SALT)
    salts = VisitorSalts(current=today, previous=yesterday)
    assert salts.visitor_hash(IP, UA) == today.visitor_hash(IP, UA)
    assert salts.network_hashes(IP) == (today.network_hash(IP), yesterday.network_hash(IP))
    assert VisitorSalts(current=today).network_hashes(IP) == (today.network_hash(IP),)


@pytest.mark.parametrize("previous", [False, True], ids=["today only", "with yesterday"])
def test_both_digests_at_once_are_the_visitors_and_the_networks_for_every_spelling(previous: bool) -> None:
    today = DailySalt(day=DAY, value=SALT)
    salts = VisitorSalts(
        current=today, previous=DailySalt(day=DAY - timedelta(days=1), value=OTHER_SALT) if previous else None
    )
    for spelling in [*spellings()[:2000], "unknown", "", " 192.0.2.10 ", "::ffff:192.0.2.10"]:
        assert salts.digests(spelling, UA) == (salts.visitor_hash(spelling, UA), salts.network_hashes(spelling)), (
            spelling
        )


@pytest.mark.parametrize("offset", [0, 2, -1])
def test_the_previous_salt_is_the_one_of_the_day_before(offset: int) -> None:
    with pytest.raises(ValueError, match="day before"):
        VisitorSalts(
            current=DailySalt(day=DAY, value=SALT),
            previous=DailySalt(day=DAY - timedelta(days=offset), value=OTHER_SALT),
        )


def test_a_network_seen_just_before_midnight_is_recognised_just_after_it() -> None:
    monday, tuesday = DailySalt(day=DAY, value=SALT), DailySalt(day=DAY + timedelta(days=1), value=OTHER_SALT)
    stored = {VisitorSalts(current=monday).network_hashes(IP)[0]: datetime(2025, 3, 31, 23, 50, tzinfo=UTC)}
    after_midnight = datetime(2025, 4, 1, 0, 10, tzinfo=UTC)
    salts = VisitorSalts(current=tuesday, previous=monday)
    assert salts.network_hashes(IP)[0] not in stored
    previous = max(stored[h] for h in salts.network_hashes(IP) if h in stored)
    assert not is_unique_visit(previous, after_midnight)


# The visitor's network


@pytest.mark.parametrize(
    ("ip", "network"),
    [
        ("192.0.2.10", "192.0.2.0/24"),
        ("192.0.2.255", "192.0.2.0/24"),
        ("::ffff:192.0.2.10", "192.0.2.0/24"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1::/48"),
        ("2001:DB8:1:ffff::1", "2001:db8:1::/48"),
        ("", ""),
        ("not an address", "not an address"),
    ],
)
def test_a_network_is_the_addresss_24_or_48_prefix(ip: str, network: str) -> None:
    assert network_of(ip) == network


@pytest.mark.parametrize("ip", ["0.1.2.3", "10.1.2.3", "192.0.2.1", "255.255.255.255", " 198.51.100.7 "])
def test_an_ipv4_network_read_off_the_text_is_the_one_ipaddress_gives(ip: str) -> None:
    address = ipaddress.ip_address(ip.strip())
    assert network_of(ip) == str(ipaddress.ip_network((address, 24), strict=False))


def test_a_networks_digest_is_keyed_by_the_days_salt_and_never_a_visitors() -> None:
    expected = hashlib.blake2b(b"192.0.2.0/24", key=SALT, digest_size=16, person=b"relais.network").hexdigest()
    assert network_hash(SALT, IP) == network_hash(SALT, "192.0.2.200") == expected
    assert network_hash(SALT, IP) != network_hash(OTHER_SALT, IP)
    assert network_hash(SALT, IP) != network_hash(SALT, "192.0.3.10")
    assert IP not in expected
    # Even for a visitor whose "address" is their network's text, the two digests differ.
    assert network_hash(SALT, "a") != visitor_hash(SALT, "a", "")


# Which requests count


@pytest.mark.parametrize(
    ("headers", "prefetch"),
    [
        ({}, False),
        ({"Sec-Purpose": "prefetch"}, True),
        ({"sec-purpose": "prefetch"}, True),
        ({"SEC-PURPOSE": "PREFETCH"}, True),
        ({"Sec-Purpose": "prefetch;prerender"}, True),
        ({"Sec-Purpose": "prefetch; anonymous-client-ip"}, True),
        ({"Purpose": "prefetch"}, True),
        ({"purpose": "Prefetch"}, True),
        ({"X-Purpose": "preview"}, True),
        ({"X-Moz": "prefetch"}, True),
        ({"Sec-Purpose": "prefetchy"}, False),
        ({"Purpose": "navigate"}, False),
        ({"Accept": "prefetch"}, False),
        ({"X-Prefetch": "1"}, False),
        ({"Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}, False),
    ],
)
def test_speculative_loads_are_recognised_by_their_purpose_header(headers: dict[str, str], prefetch: bool) -> None:
    assert is_prefetch(headers) is prefetch


PREFETCH = {"Sec-Purpose": "prefetch"}


@pytest.mark.parametrize(
    ("method", "headers", "is_bot", "kind"),
    [
        ("GET", {}, False, ClickKind.COUNTED),
        ("get", {}, False, ClickKind.COUNTED),
        ("GET", {}, True, ClickKind.BOT),
        ("GET", PREFETCH, False, ClickKind.PREFETCH),
        ("GET", PREFETCH, True, ClickKind.PREFETCH),
        ("HEAD", {}, False, ClickKind.HEAD),
        ("head", {}, False, ClickKind.HEAD),
        ("HEAD", PREFETCH, True, ClickKind.HEAD),
        ("HEAD", {}, True, ClickKind.HEAD),
    ],
)
def test_only_a_plain_get_by_a_person_is_counted(
    method: str, headers: dict[str, str], is_bot: bool, kind: ClickKind
) -> None:
    classified = ClickKind.classify(method=method, headers=headers, is_bot=is_bot)
    assert classified is kind
    assert classified.counted is (kind is ClickKind.COUNTED)


def test_the_reasons_a_click_is_not_counted_are_head_prefetch_bot_and_the_cap() -> None:
    assert [kind.value for kind in ClickKind if not kind.counted] == ["head", "prefetch", "bot", "capped"]
    assert [kind.value for kind in ClickKind if kind.by_person] == ["counted", "capped"]


@pytest.mark.parametrize(("counted_today", "capped"), [(0, False), (4, False), (5, True), (9, True)])
def test_a_networks_clicks_beyond_the_cap_are_capped(counted_today: int, capped: bool) -> None:
    assert is_capped(counted_today, CLICKS_COUNTED_PER_NETWORK) is capped


@pytest.mark.parametrize(
    ("since", "unique"),
    [
        (None, True),
        (timedelta(hours=24), True),
        (timedelta(days=3), True),
        (timedelta(hours=24) - timedelta(microseconds=1), False),
        (timedelta(hours=23), False),
        (timedelta(seconds=1), False),
        (timedelta(0), False),
        (-timedelta(minutes=5), False),
    ],
)
def test_a_visitor_is_unique_on_a_link_once_per_24_hours(since: timedelta | None, unique: bool) -> None:
    previous = NOON - since if since is not None else None
    assert is_unique_visit(previous, NOON) is unique


# An ambassador's own clicks

OWN_HASH = visitor_hash(SALT, IP, UA)
STRANGER_HASH = visitor_hash(SALT, "198.51.100.7", UA)


@pytest.mark.parametrize(
    ("visitor", "clicked_at", "is_self"),
    [
        (OWN_HASH, NOON, True),
        (OWN_HASH, datetime(2025, 3, 31, 23, 59, 59, tzinfo=UTC), True),
        (OWN_HASH, datetime(2025, 4, 1, 0, 0, tzinfo=UTC), False),
        (OWN_HASH, datetime(2025, 3, 31, 23, 30, tzinfo=timezone(timedelta(hours=-2))), False),
        (STRANGER_HASH, NOON, False),
    ],
)
def test_the_ambassadors_own_hash_flags_their_clicks_that_day(
    visitor: str, clicked_at: datetime, is_self: bool
) -> None:
    ambassador = AmbassadorVisitor.seen(OWN_HASH, datetime(2025, 3, 31, 9, 0, tzinfo=UTC))
    assert ambassador.day == DAY
    assert ambassador.is_self(visitor, clicked_at) is is_self


# Verdicts on whole requests


def judge(
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    is_bot: bool = False,
    visitor: str = STRANGER_HASH,
    previous: datetime | None = None,
    counted_today: int = 0,
    cap: int = CLICKS_COUNTED_PER_NETWORK,
    ambassador: AmbassadorVisitor | None = None,
) -> ClickVerdict:
    return ClickVerdict.judge(
        method=method,
        headers=headers or {},
        is_bot=is_bot,
        visitor_hash=visitor,
        clicked_at=NOON,
        previous_sighting=previous,
        counted_today=counted_today,
        cap=cap,
        ambassador=ambassador,
    )


OWN = AmbassadorVisitor(visitor_hash=OWN_HASH, day=DAY)


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        (judge(), (ClickKind.COUNTED, True, False)),
        (judge(previous=NOON - timedelta(hours=2)), (ClickKind.COUNTED, False, False)),
        (judge(previous=NOON - timedelta(hours=25)), (ClickKind.COUNTED, True, False)),
        (judge(is_bot=True), (ClickKind.BOT, False, False)),
        (judge(method="HEAD"), (ClickKind.HEAD, False, False)),
        (judge(headers=PREFETCH), (ClickKind.PREFETCH, False, False)),
        (judge(visitor=OWN_HASH, ambassador=OWN), (ClickKind.COUNTED, False, True)),
        (judge(visitor=OWN_HASH, ambassador=OWN, previous=NOON - timedelta(hours=1)), (ClickKind.COUNTED, False, True)),
        (judge(visitor=OWN_HASH, ambassador=OWN, method="HEAD"), (ClickKind.HEAD, False, True)),
        (judge(visitor=STRANGER_HASH, ambassador=OWN), (ClickKind.COUNTED, True, False)),
        (judge(visitor=OWN_HASH, ambassador=None), (ClickKind.COUNTED, True, False)),
        (judge(counted_today=4), (ClickKind.COUNTED, True, False)),
        (judge(counted_today=5, previous=NOON - timedelta(hours=1)), (ClickKind.CAPPED, False, False)),
        (judge(counted_today=5, cap=6, previous=NOON - timedelta(hours=1)), (ClickKind.COUNTED, False, False)),
        (judge(counted_today=5, visitor=OWN_HASH, ambassador=OWN), (ClickKind.COUNTED, False, True)),
        (judge(counted_today=5, is_bot=True), (ClickKind.BOT, False, False)),
    ],
)
def test_a_verdict_says_if_a_click_counts_is_unique_and_is_the_ambassadors_own(
    verdict: ClickVerdict, expected: tuple[ClickKind, bool, bool]
) -> None:
    assert (verdict.kind, verdict.unique, verdict.self_click) == expected
    assert verdict.counted is (expected[0] is ClickKind.COUNTED)


def test_a_bots_click_is_not_counted_a_repeat_is_not_unique_and_the_ambassadors_own_is_flagged() -> None:
    bot = judge(is_bot=True)
    repeat = judge(previous=NOON - timedelta(minutes=3))
    own = judge(visitor=OWN_HASH, ambassador=OWN)
    assert not bot.counted
    assert repeat.counted
    assert not repeat.unique
    assert own.self_click
