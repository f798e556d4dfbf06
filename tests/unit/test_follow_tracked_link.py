"""Following a tracked link on the fakes: how each request is judged and where it is sent."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import pytest

from app.adapters.bots import CrawlerDetectBotDetector
from app.domain.errors import Gone, NotFound
from app.domain.sharing.tracked_links import TrackedLinkGone, TrackedLinkNotFound
from app.domain.sharing.visitors import CLICKS_COUNTED_PER_NETWORK, ClickKind, VisitorSalts, utc_day
from app.services.sharing import build_sharing
from app.services.sharing.daily_salts import DailySaltCache
from app.services.sharing.follow_tracked_link import LinkFollowed, LinkVisit
from tests.fake_redirect import FakeClickRecorder, FakeLink
from tests.fake_sharing import FakeShareFiguresReader, FakeVisitorSaltStore
from tests.fakes import FakeUnitOfWorkFactory, FixedClock, SequentialIds

CODE = "Ab3dEf7h"
DESTINATION = "https://jobs.acme.example/lyon?ref=feed&utm_source=linkedin&utm_content=c1#apply"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
LINKEDIN_PREVIEW = "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"


class World:
    def __init__(self, daily_click_cap: int = CLICKS_COUNTED_PER_NETWORK) -> None:
        self.clock = FixedClock()
        self.ids = SequentialIds()
        self.store = FakeVisitorSaltStore()
        self.salts = DailySaltCache(self.store)
        self.clicks = FakeClickRecorder()
        self.link = self.clicks.links[CODE] = FakeLink(destination=DESTINATION)
        uow = FakeUnitOfWorkFactory(self.ids)
        self.follow = build_sharing(
            uow,
            self.clock,
            self.ids,
            salts=self.salts,
            bots=CrawlerDetectBotDetector(),
            clicks=self.clicks,
            figures=FakeShareFiguresReader(uow.database),
            public_base_url="https://relais.example",
            daily_click_cap=daily_click_cap,
        ).follow_tracked_link

    async def visit(
        self,
        code: str = CODE,
        *,
        method: str = "GET",
        ip: str = "198.51.100.7",
        user_agent: str = BROWSER,
        **headers: str,
    ) -> LinkFollowed:
        return await self.follow(
            LinkVisit(code=code, method=method, headers=headers, client_ip=ip, user_agent=user_agent)
        )


@pytest.fixture
def world() -> World:
    return World()


async def test_a_click_is_sent_on_with_its_id_as_the_click_reference_before_the_fragment(world: World) -> None:
    followed = await world.visit()

    assert followed.location == (
        f"https://jobs.acme.example/lyon?ref=feed&utm_source=linkedin&utm_content=c1&rl_click={followed.click_id}#apply"
    )
    [recorded] = world.clicks.clicks
    assert recorded.click.id == followed.click_id
    assert (followed.verdict.kind, followed.verdict.unique, followed.verdict.self_click) == (
        ClickKind.COUNTED,
        True,
        False,
    )


async def test_the_click_parameter_is_the_one_the_share_was_made_with(world: World) -> None:
    world.link.click_param = "ref_click"

    followed = await world.visit()

    assert f"&ref_click={followed.click_id}#apply" in followed.location


@pytest.mark.parametrize("code", ["", "short", "has-dash9", "x" * 17, "éééééééé", "Ab3dEf7h/"])
async def test_a_malformed_code_is_not_found_without_any_lookup(world: World, code: str) -> None:
    with pytest.raises(TrackedLinkNotFound) as raised:
        await world.visit(code)

    assert isinstance(raised.value, NotFound)
    assert (world.clicks.calls, world.store.calls) == (0, 0)


async def test_an_unknown_code_is_not_found(world: World) -> None:
    with pytest.raises(TrackedLinkNotFound):
        await world.visit("Zz9Zz9Zz9")


async def test_a_withdrawn_link_is_gone_and_nothing_is_recorded(world: World) -> None:
    world.link.live = False

    with pytest.raises(TrackedLinkGone) as raised:
        await world.visit()

    assert isinstance(raised.value, Gone)
    assert world.clicks.clicks == []


@pytest.mark.parametrize(
    ("method", "headers", "user_agent", "kind"),
    [
        ("HEAD", {}, BROWSER, ClickKind.HEAD),
        ("GET", {"Sec-Purpose": "prefetch"}, BROWSER, ClickKind.PREFETCH),
        ("GET", {"Purpose": "prefetch"}, BROWSER, ClickKind.PREFETCH),
        (
            "GET",
            {},
            "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
            ClickKind.BOT,
        ),
        ("GET", {}, "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", ClickKind.BOT),
        ("GET", {}, "WhatsApp/2.23.20.0", ClickKind.BOT),
        ("GET", {}, "", ClickKind.BOT),
        ("HEAD", {}, "Twitterbot/1.0", ClickKind.HEAD),
    ],
    ids=[
        "head",
        "sec-purpose",
        "purpose",
        "linkedin-preview",
        "slack-preview",
        "whatsapp-preview",
        "no-agent",
        "head-bot",
    ],
)
async def test_requests_that_are_not_clicks_are_redirected_and_recorded_but_not_counted(
    world: World, method: str, headers: dict[str, str], user_agent: str, kind: ClickKind
) -> None:
    followed = await world.visit(method=method, user_agent=user_agent, **headers)

    assert "rl_click=" in followed.location
    assert followed.verdict.kind is kind
    assert not followed.verdict.counted
    assert followed.verdict.unique is False
    assert [recorded.click.kind for recorded in world.clicks.clicks] == [kind]


async def test_the_same_visitor_within_24_hours_of_their_last_click_is_not_a_new_unique_visitor(world: World) -> None:
    first = await world.visit()
    world.clock.advance(timedelta(hours=23, minutes=59))
    again = await world.visit()
    world.clock.advance(timedelta(hours=23, minutes=59))
    still = await world.visit()
    world.clock.advance(timedelta(hours=24))
    a_day_later = await world.visit()

    assert [c.verdict.unique for c in (first, again, still, a_day_later)] == [True, False, False, True]


async def test_requests_that_are_not_clicks_do_not_make_the_next_click_a_repeat(world: World) -> None:
    await world.visit(method="HEAD")
    await world.visit(**{"Sec-Purpose": "prefetch"})

    assert (await world.visit()).verdict.unique


async def test_a_visitor_seen_before_midnight_is_recognised_after_it_under_the_new_salt(world: World) -> None:
    world.clock.current = world.clock.current.replace(hour=23, minute=50)
    before = await world.visit()
    world.clock.advance(timedelta(minutes=20))
    after = await world.visit()

    assert utc_day(world.clock.now()) != world.clicks.clicks[0].click.day
    assert world.clicks.clicks[0].click.visitor_hash != world.clicks.clicks[1].click.visitor_hash
    assert (before.verdict.unique, after.verdict.unique) == (True, False)


async def test_a_visitor_from_another_network_is_a_new_unique_visitor_another_agent_is_not(world: World) -> None:
    await world.visit(ip="198.51.100.7")
    other_agent = await world.visit(ip="198.51.100.7", user_agent=BROWSER + " Edge")
    same_network = await world.visit(ip="198.51.100.200")
    other_network = await world.visit(ip="198.51.101.7")

    assert (other_agent.verdict.unique, same_network.verdict.unique) == (False, False)
    assert other_network.verdict.unique
    assert world.clicks.clicks[0].click.visitor_hash != world.clicks.clicks[1].click.visitor_hash
    assert world.clicks.clicks[0].click.network_hash == world.clicks.clicks[2].click.network_hash


async def test_fifteen_user_agents_from_one_address_are_one_visitor_and_five_counted_clicks(world: World) -> None:
    """An address cycling through user agents made 15 unique visitors before."""
    followed = [await world.visit(ip="203.0.113.50", user_agent=f"{BROWSER} build/{n}") for n in range(15)]

    assert len({recorded.click.visitor_hash for recorded in world.clicks.clicks}) == 15
    assert [f.verdict.unique for f in followed] == [True] + [False] * 14
    assert [f.verdict.kind for f in followed] == [ClickKind.COUNTED] * 5 + [ClickKind.CAPPED] * 10
    # Every request is still redirected with its own click reference, and recorded.
    assert len({f.click_id for f in followed}) == 15
    assert all(f"rl_click={f.click_id}" in f.location for f in followed)
    assert [recorded.kind for recorded in world.clicks.clicks][-1] is ClickKind.CAPPED


@pytest.mark.parametrize(
    ("first", "second", "same_network"),
    [
        ("2001:db8:1:2::1", "2001:db8:1:ffff::2", True),
        ("2001:db8:1::1", "2001:db8:2::1", False),
        ("192.0.2.1", "::ffff:192.0.2.99", True),
        ("192.0.2.1", "192.0.3.1", False),
    ],
)
async def test_a_network_is_an_ipv4_24_or_an_ipv6_48(world: World, first: str, second: str, same_network: bool) -> None:
    await world.visit(ip=first)
    again = await world.visit(ip=second)

    assert again.verdict.unique is not same_network


async def test_the_cap_is_per_network_link_and_utc_day(world: World) -> None:
    world.clock.current = world.clock.current.replace(hour=23, minute=0)
    today = [await world.visit() for _ in range(6)]
    elsewhere = await world.visit(ip="192.0.2.1")
    other_link = world.clicks.links["Zz9Zz9Zz"] = FakeLink(destination=DESTINATION)
    on_other_link = await world.visit("Zz9Zz9Zz")
    world.clock.advance(timedelta(hours=1, minutes=30))
    next_day = await world.visit()

    assert [f.verdict.kind for f in today][-2:] == [ClickKind.COUNTED, ClickKind.CAPPED]
    assert elsewhere.verdict.kind is on_other_link.verdict.kind is ClickKind.COUNTED
    assert other_link.share_id != world.link.share_id
    # A new UTC day counts again; the visit is still within 24 hours of the last, so not unique.
    assert (next_day.verdict.kind, next_day.verdict.unique) == (ClickKind.COUNTED, False)


async def test_the_cap_is_configurable() -> None:
    world = World(daily_click_cap=2)

    kinds = [(await world.visit(user_agent=f"{BROWSER} {n}")).verdict.kind for n in range(3)]

    assert kinds == [ClickKind.COUNTED, ClickKind.COUNTED, ClickKind.CAPPED]
    with pytest.raises(ValueError, match="At least one"):
        World(daily_click_cap=0)


async def test_the_ambassadors_own_clicks_are_never_capped_and_take_nobodys_place(world: World) -> None:
    salts = await world.salts.salts(utc_day(world.clock.now()))
    world.clicks.remember(world.link.ambassador_id, salts.visitor_hash("203.0.113.9", BROWSER), salts.current.day)

    own = [await world.visit(ip="203.0.113.9") for _ in range(7)]
    household = [await world.visit(ip="203.0.113.9", user_agent=f"{BROWSER} {n}") for n in range(6)]

    assert {(f.verdict.kind, f.verdict.self_click, f.verdict.unique) for f in own} == {(ClickKind.COUNTED, True, False)}
    assert household[0].verdict.unique
    assert [f.verdict.kind for f in household] == [ClickKind.COUNTED] * 5 + [ClickKind.CAPPED]


async def test_the_ambassadors_own_click_is_flagged_that_day_only(world: World) -> None:
    salts = await world.salts.salts(utc_day(world.clock.now()))
    world.clicks.remember(world.link.ambassador_id, salts.visitor_hash("203.0.113.9", BROWSER), salts.current.day)

    own = await world.visit(ip="203.0.113.9")
    someone = await world.visit(ip="203.0.113.10")
    world.clock.advance(timedelta(days=1))
    next_day = await world.visit(ip="203.0.113.9")

    assert (own.verdict.self_click, someone.verdict.self_click, next_day.verdict.self_click) == (True, False, False)
    assert own.verdict.counted


async def test_the_days_salts_are_read_once_per_day(world: World) -> None:
    for _ in range(5):
        await world.visit()
    world.clock.advance(timedelta(days=1))
    await world.visit()
    await world.visit()

    assert world.store.calls == 2


async def test_no_address_and_no_agent_reach_the_recorder(world: World) -> None:
    await world.visit(ip="198.51.100.99")

    [recorded] = world.clicks.clicks
    stored = repr(recorded.click)
    assert "198.51.100.99" not in stored
    assert "Firefox" not in stored


async def test_concurrent_first_requests_of_a_day_read_the_salts_once() -> None:
    store = FakeVisitorSaltStore()

    class SlowStore:
        async def salts(self, today: date) -> VisitorSalts:
            await asyncio.sleep(0.01)  # every request arrives while the first read is under way
            return await store.salts(today)

    cache = DailySaltCache(SlowStore())
    results = await asyncio.gather(*(cache.salts(date(2026, 3, 2)) for _ in range(10)))

    assert store.calls == 1
    assert len({salts.current.value for salts in results}) == 1
