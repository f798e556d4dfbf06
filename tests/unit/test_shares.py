"""The share aggregate and its pure rules: transitions, events, destinations, captions, days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from app.domain.errors import InvalidTransition, ValidationFailed
from app.domain.events import EventType
from app.domain.networks import Network
from app.domain.sharing.engagement import (
    SELF_REPORTED_FLOOR,
    SELF_REPORTED_REACH,
    EngagementSnapshot,
    EngagementSource,
    Reporter,
    self_reported_ceiling,
)
from app.domain.sharing.rules import utc_day_bounds
from app.domain.sharing.shares import Share, ShareStatus, share_destination, shared_caption
from app.domain.sharing.tracked_links import ShareCode, tracked_destination

NOW = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
CONTENT = UUID("0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f506")


def opened() -> Share:
    return Share.open(
        id=UUID(int=1),
        tenant_id=UUID(int=2),
        code=ShareCode("Ab3dE5gH"),
        ambassador_id=UUID(int=3),
        content_id=CONTENT,
        campaign_id=None,
        network=Network.X,
        language="en",
        caption="Hello",
        destination="https://acme.example/?utm_source=x",
        click_param="rl_click",
        now=NOW,
    )


def test_a_share_opens_as_an_intent_and_says_so() -> None:
    share = opened()

    assert (share.status, share.version, share.updated_at) == (ShareStatus.INTENT, 1, NOW)
    assert share.allowed_actions() == ["confirm", "cancel"]
    [event] = share.drain_events()
    assert event.type is EventType.SHARE_CREATED
    assert event.data["network"] == "x"
    assert event.data["campaign_id"] is None


def test_its_links() -> None:
    intent = opened().intent("https://relais.example/")

    assert intent.link == "https://relais.example/r/Ab3dE5gH"
    assert intent.url == "https://x.com/intent/tweet?text=Hello&url=https%3A%2F%2Frelais.example%2Fr%2FAb3dE5gH"


def test_posting_then_retrying_then_cancelling() -> None:
    share = opened()
    share.drain_events()
    later = NOW + timedelta(minutes=5)

    share.confirm(post_url=None, audience=0, now=later)
    share.confirm(post_url=None, audience=0, now=later)
    share.confirm(post_url=" https://x.com/ada/status/1 ", audience=0, now=later)

    assert (share.status, share.posted_at, share.post_url, share.version) == (
        ShareStatus.POSTED,
        later,
        "https://x.com/ada/status/1",
        3,
    )
    assert [event.type for event in share.drain_events()] == [EventType.SHARE_POSTED]
    assert share.allowed_actions() == []
    with pytest.raises(InvalidTransition):
        share.confirm(post_url="https://x.com/ada/status/2", audience=0, now=later)
    with pytest.raises(InvalidTransition):
        share.cancel(now=later)


def test_cancelling_is_final_and_repeatable() -> None:
    share = opened()
    share.cancel(now=NOW)
    share.cancel(now=NOW)

    assert (share.status, share.version, share.cancelled_at) == (ShareStatus.CANCELLED, 2, NOW)
    with pytest.raises(InvalidTransition):
        share.confirm(post_url=None, audience=0, now=NOW)


@pytest.mark.parametrize("post_url", ["http://x.com/1", "javascript:alert(1)", "//x.com/1", ""])
def test_a_post_url_is_an_https_address(post_url: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        opened().confirm(post_url=post_url, audience=0, now=NOW)
    assert refused.value.errors[0].loc == ("post_url",)


@pytest.mark.parametrize(
    "post_url",
    [
        "https://x.com/ada/status/1",
        "https://twitter.com/ada/status/1",
        "https://mobile.twitter.com/ada/status/1",
        "https://X.COM/ada/status/1",
    ],
)
def test_a_post_on_x_is_on_x_or_twitter(post_url: str) -> None:
    share = opened()
    share.confirm(post_url=post_url, audience=0, now=NOW)
    assert share.status is ShareStatus.POSTED


@pytest.mark.parametrize(
    "post_url",
    [
        "https://evil.example/ada/status/1",
        "https://www.linkedin.com/feed/update/1",
        "https://x.com.evil.example/ada/status/1",
        "https://notx.com/ada/status/1",
    ],
)
def test_a_post_url_elsewhere_than_the_network_is_refused_and_the_share_stays_an_intent(post_url: str) -> None:
    share = opened()
    with pytest.raises(ValidationFailed) as refused:
        share.confirm(post_url=post_url, audience=0, now=NOW)
    [error] = refused.value.errors
    assert error.loc == ("post_url",)
    assert "x.com, twitter.com" in error.message
    assert (share.status, share.post_url) == (ShareStatus.INTENT, None)


@pytest.mark.parametrize(
    "link",
    [
        "https://acme.example/jobs",
        "https://acme.example/jobs?a=1&rl_click=old&utm_source=google#apply",
        "https://acme.example/?",
    ],
)
def test_the_destination_is_the_tracked_destination_without_its_click_reference(link: str) -> None:
    tags: dict[str, Any] = {
        "network": Network.LINKEDIN,
        "utm_medium": "social",
        "campaign_slug": "spring",
        "content_id": CONTENT,
    }

    destination = share_destination(link, click_param="rl_click", **tags)

    assert "rl_click" not in destination
    full = tracked_destination(link, click_ref="R1", click_param="rl_click", **tags)
    address, _, fragment = destination.partition("#")
    assert full == f"{address}&rl_click=R1" + (f"#{fragment}" if fragment else "")


def test_a_caption_naming_the_content_link_gets_the_tracked_link() -> None:
    link, tracked = "https://acme.example/jobs", "https://relais.example/r/Ab3dE5gH"

    assert (
        shared_caption("  See https://acme.example/jobs ", content_link=link, tracked_url=tracked) == f"See {tracked}"
    )
    assert shared_caption("No link", content_link=link, tracked_url=tracked) == "No link"


def test_a_day_is_a_utc_day() -> None:
    evening_in_tokyo = datetime(2026, 3, 3, 8, 30, tzinfo=UTC).astimezone()

    start, end = utc_day_bounds(evening_in_tokyo)

    assert (start, end) == (datetime(2026, 3, 3, tzinfo=UTC), datetime(2026, 3, 4, tzinfo=UTC))


INTEGRATION = Reporter(subject="integrator", source=EngagementSource.INTEGRATION, network=Network.LINKEDIN)


def ambassador(audience: int) -> Reporter:
    return Reporter(
        subject="idp|ada", source=EngagementSource.SELF_REPORTED, network=Network.LINKEDIN, audience=audience
    )


def snapshot(
    number: int,
    observed: datetime,
    recorded: datetime = NOW,
    /,
    reporter: Reporter = INTEGRATION,
    **counts: int,
) -> EngagementSnapshot:
    return EngagementSnapshot.record(
        id=UUID(int=number),
        tenant_id=UUID(int=2),
        share_id=UUID(int=1),
        observed_at=observed,
        counts={"impressions": 1, "reactions": 0, "comments": 0, "reshares": 0} | counts,
        reporter=reporter,
        now=recorded,
    )


def refused_fields(reporter: Reporter, **counts: int) -> list[tuple[str | int, ...]]:
    with pytest.raises(ValidationFailed) as refused:
        snapshot(1, NOW, reporter=reporter, **counts)
    return [error.loc for error in refused.value.errors]


def test_the_latest_observation_is_current_whatever_order_it_arrives_in() -> None:
    newer, older = snapshot(1, NOW), snapshot(2, NOW - timedelta(hours=1), NOW + timedelta(hours=1))

    assert newer.supersedes(None)
    assert newer.supersedes(older)
    assert not older.supersedes(newer)
    assert snapshot(3, NOW, NOW + timedelta(seconds=1)).supersedes(newer)


def test_an_observation_needs_its_offset_and_cannot_be_in_the_future() -> None:
    with pytest.raises(ValidationFailed):
        snapshot(1, NOW.replace(tzinfo=None))
    assert snapshot(1, NOW + timedelta(minutes=4)).observed_at > NOW
    with pytest.raises(ValidationFailed):
        snapshot(1, NOW + timedelta(minutes=6))


def test_the_integrations_figures_win_over_the_ambassadors_whenever_observed() -> None:
    theirs = snapshot(1, NOW - timedelta(days=2))
    later_own = snapshot(2, NOW, reporter=ambassador(500))
    earlier_own = snapshot(3, NOW - timedelta(days=3), reporter=ambassador(500))

    assert (theirs.source, later_own.source) == (EngagementSource.INTEGRATION, EngagementSource.SELF_REPORTED)
    assert theirs.supersedes(later_own)
    assert not later_own.supersedes(theirs)
    assert later_own.supersedes(earlier_own)


def test_an_ambassador_cannot_report_the_largest_counts_the_column_holds() -> None:
    most = 2_147_483_647

    fields = refused_fields(ambassador(1200), impressions=most, reactions=most, comments=0, reshares=0)

    assert fields == [("impressions",)]


def test_fifty_reactions_on_one_impression_are_refused_from_anyone() -> None:
    assert refused_fields(ambassador(1200), impressions=1, reactions=50) == [("reactions",)]
    assert refused_fields(INTEGRATION, impressions=1, reactions=50, comments=2, reshares=3) == [
        ("reactions",),
        ("comments",),
        ("reshares",),
    ]


def test_reactions_without_impressions_are_the_integrations_alone_to_report() -> None:
    """Some networks give an integration no impressions: it sends 0. An ambassador sees them."""
    assert snapshot(1, NOW, impressions=0, reactions=12, comments=1).reactions == 12
    assert refused_fields(ambassador(1200), impressions=0, reactions=12) == [("reactions",)]


@pytest.mark.parametrize(
    ("audience", "most"),
    [(0, SELF_REPORTED_FLOOR), (150, SELF_REPORTED_FLOOR), (1200, 1200 * SELF_REPORTED_REACH)],
)
def test_an_ambassador_reports_impressions_in_proportion_to_their_audience(audience: int, most: int) -> None:
    assert self_reported_ceiling(audience) == most
    assert snapshot(1, NOW, reporter=ambassador(audience), impressions=most, reactions=most).impressions == most
    assert refused_fields(ambassador(audience), impressions=most + 1) == [("impressions",)]
    # The integration reads the network's own figures: no audience bounds them.
    assert snapshot(1, NOW, impressions=most * 1000).impressions == most * 1000


def test_the_refusal_says_what_bound_applies_and_who_can_report_more() -> None:
    with pytest.raises(ValidationFailed) as refused:
        snapshot(1, NOW, reporter=ambassador(1200), impressions=10**9)

    [error] = refused.value.errors
    assert "60000" in error.message
    assert "1200 on linkedin" in error.message
    assert "integration" in error.message
