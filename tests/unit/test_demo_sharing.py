"""The demo's sharing story: who shares what when, who clicks, and which conversions cite which click."""

from __future__ import annotations

import ipaddress

import pytest

from app.adapters.bots import CrawlerDetectBotDetector
from app.demo.programme_story import CHARTER, CONTENTS
from app.demo.seed import DEMO_AMBASSADOR, PEOPLE
from app.demo.sharing_story import CONVERSIONS, CRAWLERS, HUMAN_AGENTS, RELOADER, SHARES, DemoShare
from app.domain.attribution.policy import DEFAULT_WINDOW
from app.domain.sharing.visitors import CLICKS_COUNTED_PER_NETWORK, UNIQUE_VISIT_WINDOW, network_of

DOCUMENTATION = [
    ipaddress.ip_network(block) for block in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")
]
CONTENT = {content.key: content for content in CONTENTS}
CLICKS = {click.key: (share, click) for share in SHARES for click in share.clicks if click.key}


def accepted(slug: str, version_index: int) -> float | None:
    """The day ``slug`` accepted that charter version, if they did."""
    return next((day for day, who in CHARTER[version_index].accepted_by if who == slug), None)


@pytest.mark.parametrize("share", SHARES, ids=lambda share: share.key)
def test_each_share_is_made_by_a_member_under_the_charter_of_its_day_while_the_content_is_live(
    share: DemoShare,
) -> None:
    person = PEOPLE[share.ambassador]
    assert person.journey == "ambassador"
    # The seed shares through the use case, which asks for the charter in force now...
    assert accepted(share.ambassador, -1) is not None
    # ...and, in the story, the one in force on the day of the share was accepted before it.
    in_force = max(index for index, version in enumerate(CHARTER) if version.published <= share.created)
    day = accepted(share.ambassador, in_force)
    assert day is not None
    assert day < share.created
    content = CONTENT[share.content]
    assert content.shareable
    assert content.approved is not None
    assert content.archived is None
    assert content.publish is not None
    assert content.publish < share.created < share.posted
    assert content.expire is None or share.posted < content.expire


def test_camille_leaves_something_to_share_and_hugo_shares_only_once_he_accepted_the_charter() -> None:
    sharers = {share.ambassador for share in SHARES}
    assert DEMO_AMBASSADOR.slug not in sharers
    assert ("hugo" in sharers) == (accepted("hugo", -1) is not None)
    assert sharers >= {"lea", "amelia"}


@pytest.mark.parametrize("share", SHARES, ids=lambda share: share.key)
def test_clicks_follow_the_share_and_a_visitor_returns_within_the_day(share: DemoShare) -> None:
    days = [click.day for click in share.clicks]
    assert days == sorted(days)
    assert share.created <= days[0]
    for click in share.clicks:
        if click.visitor == share.device:
            # The ambassador's own click: on the very instant of the share, so on its UTC day.
            assert click.day == share.created
        elif click.visitor not in CRAWLERS:
            assert click.day >= share.posted
    people = [click for click in share.clicks if click.visitor not in CRAWLERS]
    for index, click in enumerate(people):
        network = network_of(click.visitor.ip)
        earlier = [other.day for other in people[:index] if network_of(other.visitor.ip) == network]
        # A network's repeats are within 24 h, so a repeat is never a new unique visitor.
        assert all(click.day - day < UNIQUE_VISIT_WINDOW.days for day in earlier)


def test_people_are_on_networks_of_their_own_but_the_reloader_and_the_ambassadors_own_click() -> None:
    people = {click.visitor for share in SHARES for click in share.clicks if click.visitor not in CRAWLERS}
    devices = {share.device for share in SHARES}
    others = people - devices - set(RELOADER)
    assert len({network_of(visitor.ip) for visitor in others}) == len(others)
    assert not {network_of(visitor.ip) for visitor in others} & {network_of(visitor.ip) for visitor in RELOADER}
    assert any(":" in visitor.ip for visitor in others)
    assert any("." in visitor.ip for visitor in others)


def test_the_reloader_makes_more_requests_than_two_days_of_the_cap_so_some_are_capped_whenever_seeded() -> None:
    reloads = [click for share in SHARES for click in share.clicks if click.visitor in RELOADER]
    assert len({network_of(click.visitor.ip) for click in reloads}) == 1
    assert len({click.visitor.user_agent for click in reloads}) == len(RELOADER) > 1
    # However the reloads straddle a UTC midnight, one day holds more than the cap.
    assert len(reloads) > 2 * CLICKS_COUNTED_PER_NETWORK
    assert max(click.day for click in reloads) - min(click.day for click in reloads) < 1 / 24


def test_visitors_are_documentation_addresses_and_the_crawler_detector_tells_them_apart() -> None:
    detector = CrawlerDetectBotDetector()
    visitors = {click.visitor for share in SHARES for click in share.clicks} | {share.device for share in SHARES}
    for visitor in visitors:
        assert any(ipaddress.ip_address(visitor.ip) in block for block in DOCUMENTATION), visitor
        assert detector.is_bot(visitor.user_agent) == (visitor in CRAWLERS), visitor
    assert all(not detector.is_bot(agent) for agent in HUMAN_AGENTS)
    for crawler in ("LinkedInBot", "Twitterbot", "Googlebot"):
        assert any(crawler in visitor.user_agent for visitor in CRAWLERS), crawler


def test_conversions_cite_clicks_made_before_them_within_the_window() -> None:
    days = [conversion.day for conversion in CONVERSIONS]
    assert days == sorted(days)
    assert len({(conversion.type, conversion.external_id) for conversion in CONVERSIONS}) == len(CONVERSIONS)
    for conversion in CONVERSIONS:
        assert (conversion.click is None) != (conversion.unknown_ref is None)
        if conversion.click is None:
            continue
        _, click = CLICKS[conversion.click]
        assert click.day < conversion.day
        assert conversion.day - click.day < DEFAULT_WINDOW.days
    cited = [CLICKS[conversion.click] for conversion in CONVERSIONS if conversion.click]
    assert any(click.visitor in CRAWLERS for _, click in cited)
    assert sum(click.visitor not in CRAWLERS for _, click in cited) >= 3
    assert any(conversion.unknown_ref and conversion.unknown_ref not in CLICKS for conversion in CONVERSIONS)
