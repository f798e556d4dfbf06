"""After the intent, on the fakes: confirm, cancel, read with figures, list, and engagement."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction
from typing import Any
from uuid import UUID

import pytest

from app.domain.attribution.conversion_records import ConversionRecord
from app.domain.attribution.conversions import Conversion, ConversionType
from app.domain.attribution.policy import Attribution, AttributionModel, Credit, ShareOrigin
from app.domain.errors import Forbidden, InvalidTransition, NotFound, PreconditionFailed, ValidationFailed
from app.domain.networks import Network
from app.domain.roster.identity import Principal, Role
from app.domain.sharing.engagement import MAX_COUNT, SELF_REPORTED_FLOOR, SELF_REPORTED_REACH, EngagementSource
from app.domain.sharing.refusals import ShareNotPosted
from app.domain.sharing.shares import Share, ShareStatus
from app.domain.sharing.visitors import ClickKind
from app.ports.pagination import PageRequest
from app.ports.sharing import ConversionTally, ShareFilter
from app.services.roster.manage_social_accounts import ConnectSocialAccountCommand
from app.services.sharing.record_engagement import RecordEngagementCommand
from app.services.sharing.share_access import ShareView
from app.services.sharing.share_transitions import CancelShareCommand, ConfirmShareCommand
from tests.fake_sharing import StoredClick, add_click
from tests.unit.share_world import ShareWorld, share_world
from tests.unit.world import NOW

COUNTS = {"impressions": 120, "reactions": 8, "comments": 2, "reshares": 1}


@pytest.fixture
async def sharing() -> ShareWorld:
    return await share_world()


async def intent(sharing: ShareWorld, **extra: Any) -> Share:
    return (await sharing.share(await sharing.content(), **extra)).view.share


async def posted(sharing: ShareWorld) -> Share:
    share = await intent(sharing)
    command = ConfirmShareCommand(share_id=share.id, post_url="https://www.linkedin.com/feed/update/1")
    view: ShareView = await sharing.shares.confirm_share(sharing.member, command)
    return view.share


# --- confirm and cancel ---------------------------------------------------------------------


async def test_confirming_posts_the_share_once(sharing: ShareWorld) -> None:
    share = await intent(sharing)
    confirm = sharing.shares.confirm_share

    view = await confirm(sharing.member, ConfirmShareCommand(share_id=share.id, expected_version=1))

    assert view.share.status is ShareStatus.POSTED
    assert view.share.posted_at == NOW
    assert view.share.version == 2
    assert sharing.world.events()[-1] == "share.posted"
    events = len(sharing.world.events())
    first_url = "https://www.linkedin.com/feed/update/urn:li:activity:1/"
    added = await confirm(sharing.member, ConfirmShareCommand(share_id=share.id, post_url=first_url))
    assert added.share.post_url == first_url
    again = await confirm(sharing.member, ConfirmShareCommand(share_id=share.id))
    assert again.share.version == 3
    assert len(sharing.world.events()) == events
    with pytest.raises(InvalidTransition):
        await confirm(
            sharing.member,
            ConfirmShareCommand(share_id=share.id, post_url="https://www.linkedin.com/feed/update/urn:li:activity:2/"),
        )
    with pytest.raises(InvalidTransition):
        await sharing.shares.cancel_share(sharing.member, CancelShareCommand(share_id=share.id))


async def test_a_post_url_must_be_https(sharing: ShareWorld) -> None:
    share = await intent(sharing)
    with pytest.raises(ValidationFailed) as refused:
        await sharing.shares.confirm_share(
            sharing.member, ConfirmShareCommand(share_id=share.id, post_url="javascript:x")
        )
    assert refused.value.errors[0].loc == ("post_url",)
    assert (await sharing.shares.get_share(sharing.member, share.id)).share.status is ShareStatus.INTENT


@pytest.mark.parametrize(
    "post_url",
    ["https://attacker.example/feed/update/1", "https://x.com/ada/status/1", "https://linkedin.com.evil.example/1"],
)
async def test_a_post_url_must_be_on_the_network_shared_on(sharing: ShareWorld, post_url: str) -> None:
    share = await intent(sharing)
    with pytest.raises(ValidationFailed) as refused:
        await sharing.shares.confirm_share(sharing.member, ConfirmShareCommand(share_id=share.id, post_url=post_url))

    [error] = refused.value.errors
    assert error.loc == ("post_url",)
    assert "linkedin.com" in error.message
    assert (await sharing.shares.get_share(sharing.member, share.id)).share.status is ShareStatus.INTENT


async def test_a_stale_version_is_refused(sharing: ShareWorld) -> None:
    share = await intent(sharing)
    with pytest.raises(PreconditionFailed):
        await sharing.shares.confirm_share(sharing.member, ConfirmShareCommand(share_id=share.id, expected_version=7))


async def test_cancelling_an_intent_lets_the_member_start_again(sharing: ShareWorld) -> None:
    content = await sharing.content()
    share = (await sharing.share(content)).view.share
    cancel = sharing.shares.cancel_share

    view = await cancel(sharing.member, CancelShareCommand(share_id=share.id))

    assert view.share.status is ShareStatus.CANCELLED
    assert view.share.cancelled_at == NOW
    assert sharing.world.events()[-1] == "share.cancelled"
    assert (await cancel(sharing.member, CancelShareCommand(share_id=share.id))).share.version == 2
    with pytest.raises(InvalidTransition):
        await sharing.shares.confirm_share(sharing.member, ConfirmShareCommand(share_id=share.id))
    fresh = await sharing.share(content)
    assert fresh.created
    assert fresh.view.share.id != share.id


async def test_only_the_shares_ambassador_confirms_or_cancels_it(sharing: ShareWorld) -> None:
    share = await intent(sharing)
    bob, _ = await sharing.joined("Bob")
    confirm, cancel = ConfirmShareCommand(share_id=share.id), CancelShareCommand(share_id=share.id)
    refusals: tuple[tuple[Principal, type[Exception]], ...] = ((bob, NotFound), (sharing.world.admin, Forbidden))
    for caller, refusal in refusals:
        with pytest.raises(refusal):
            await sharing.shares.confirm_share(caller, confirm)
        with pytest.raises(refusal):
            await sharing.shares.cancel_share(caller, cancel)
    assert (await sharing.shares.get_share(sharing.member, share.id)).share.status is ShareStatus.INTENT


# --- reading --------------------------------------------------------------------------------


def click(share: Share, visitor: str, kind: ClickKind = ClickKind.COUNTED, **flags: bool) -> StoredClick:
    return StoredClick(
        tenant_id=share.tenant_id,
        id=UUID(int=hash((share.id, visitor, kind, tuple(flags.items()))) % (1 << 120)),
        share_id=share.id,
        clicked_at=NOW,
        visitor_hash=visitor,
        network_hash=visitor,
        kind=kind,
        is_unique=flags.get("unique", False),
        is_self=flags.get("self", False),
    )


def conversion(share: Share, kind: ConversionType, weight: Fraction, number: int) -> ConversionRecord:
    origin = ShareOrigin(
        share_id=share.id, ambassador_id=share.ambassador_id, content_id=share.content_id, campaign_id=None
    )
    parts: tuple[Credit, ...] = (Credit(share=origin, weight=weight),)
    if weight != 1:  # the rest of the credit goes to another share
        other = ShareOrigin(share_id=UUID(int=0), ambassador_id=share.ambassador_id, content_id=share.content_id)
        parts = (*parts, Credit(share=other, weight=1 - weight))
    return ConversionRecord(
        id=UUID(int=number),
        tenant_id=share.tenant_id,
        conversion=Conversion.create(type=kind, external_id=f"ext-{number}", occurred_at=NOW, link_code="abcdefgh"),
        fingerprint="f",
        attribution=Attribution(model=AttributionModel.LINEAR, credits=parts),
        window_days=30,
        recorded_at=NOW,
    )


async def test_a_share_reads_with_its_counted_clicks_conversions_and_latest_engagement(sharing: ShareWorld) -> None:
    share = await posted(sharing)
    database = sharing.world.uow.database
    for stored in (
        click(share, "a", unique=True),
        click(share, "a"),
        click(share, "b", unique=True),
        click(share, "bot", ClickKind.BOT),
        click(share, "head", ClickKind.HEAD),
        click(share, "me", unique=True, self=True),
    ):
        add_click(database, stored)
    for number, (kind, weight) in enumerate(
        ((ConversionType.LEAD, Fraction(1)), (ConversionType.LEAD, Fraction(1, 2)), (ConversionType.HIRE, Fraction(1))),
        start=1,
    ):
        record = conversion(share, kind, weight, number)
        database.conversions[(record.tenant_id, record.id)] = record
    engagement = RecordEngagementCommand(share_id=share.id, observed_at=NOW, counts=COUNTS)
    await sharing.shares.record_engagement(sharing.member, engagement)

    view = await sharing.shares.get_share(sharing.world.staff(Role.ANALYST), share.id)

    assert view.stats is not None
    assert (view.stats.clicks, view.stats.unique_clicks) == (3, 2)
    assert view.stats.conversions == {
        ConversionType.LEAD: ConversionTally(count=2, credit=Fraction(3, 2)),
        ConversionType.HIRE: ConversionTally(count=1, credit=Fraction(1)),
    }
    assert view.stats.engagement is not None
    assert view.stats.engagement.impressions == 120


async def test_who_reads_a_share(sharing: ShareWorld) -> None:
    share = await intent(sharing)
    bob, _ = await sharing.joined("Bob")
    get = sharing.shares.get_share

    for role in (Role.ADMIN, Role.MANAGER, Role.MODERATOR, Role.ANALYST, Role.INTEGRATOR):
        assert (await get(sharing.world.staff(role), share.id)).share.id == share.id
    assert (await get(sharing.member, share.id)).stats is not None
    with pytest.raises(NotFound):
        await get(bob, share.id)
    with pytest.raises(NotFound):
        await get(sharing.world.staff(Role.ADMIN, tenant=sharing.world.globex), share.id)


async def test_staff_list_shares_by_every_filter(sharing: ShareWorld) -> None:
    await sharing.connect(sharing.member, Network.X)
    content = await sharing.content()
    first = (await sharing.share(content)).view.share
    sharing.world.clock.advance(timedelta(hours=1))
    second = (await sharing.share(content, Network.X)).view.share
    bob, bob_membership = await sharing.joined("Bob")
    third = (await sharing.share(await sharing.content(), principal=bob)).view.share
    await sharing.shares.cancel_share(bob, CancelShareCommand(share_id=third.id))
    list_shares = sharing.shares.list_shares

    async def listed(**criteria: Any) -> list[UUID]:
        page = await list_shares(sharing.world.staff(Role.ANALYST), ShareFilter(**criteria), PageRequest())
        return [view.share.id for view in page.items]

    assert await listed() == [first.id, second.id, third.id]
    assert await listed(content_id=content.id) == [first.id, second.id]
    assert await listed(ambassador_id=bob_membership.id) == [third.id]
    assert await listed(network=Network.X) == [second.id]
    assert await listed(status=ShareStatus.CANCELLED) == [third.id]
    assert await listed(created_from=NOW + timedelta(minutes=30)) == [second.id, third.id]
    assert await listed(created_to=NOW + timedelta(minutes=30)) == [first.id]
    assert await listed(campaign_id=sharing.world.ids.new_id()) == []
    page = await list_shares(sharing.world.staff(Role.ANALYST), ShareFilter(), PageRequest(limit=2))
    assert page.next_after == second.id
    with pytest.raises(ValidationFailed):
        await listed(created_from=NOW, created_to=NOW)
    with pytest.raises(Forbidden):
        await list_shares(sharing.member, ShareFilter(), PageRequest())


async def test_a_member_lists_their_own_shares(sharing: ShareWorld) -> None:
    mine = await intent(sharing)
    bob, _ = await sharing.joined("Bob")
    await sharing.share(await sharing.content(), principal=bob)
    list_mine = sharing.shares.list_my_shares

    page = await list_mine(sharing.member, ShareFilter(), PageRequest())

    assert [view.share.id for view in page.items] == [mine.id]
    assert page.items[0].tracked_url.endswith(mine.code.value)
    assert (await list_mine(sharing.member, ShareFilter(status=ShareStatus.POSTED), PageRequest())).items == []
    with pytest.raises(Forbidden):
        await list_mine(sharing.manager, ShareFilter(), PageRequest())


# --- engagement -----------------------------------------------------------------------------


async def test_an_older_snapshot_is_kept_but_the_latest_stays(sharing: ShareWorld) -> None:
    share = await posted(sharing)
    record = sharing.shares.record_engagement
    integrator = sharing.world.staff(Role.INTEGRATOR)

    newer = await record(integrator, RecordEngagementCommand(share_id=share.id, observed_at=NOW, counts=COUNTS))
    older_counts = COUNTS | {"impressions": 50}
    older = await record(
        sharing.member,
        RecordEngagementCommand(share_id=share.id, observed_at=NOW - timedelta(hours=2), counts=older_counts),
    )

    assert newer.latest == newer.snapshot
    assert older.latest == newer.snapshot
    assert older.snapshot.recorded_by == sharing.member.subject
    assert len(sharing.world.uow.database.engagement_snapshots) == 2
    view = await sharing.shares.get_share(integrator, share.id)
    assert view.stats is not None
    assert view.stats.engagement == newer.snapshot


@pytest.mark.parametrize(
    ("counts", "observed_at", "locations"),
    [
        (COUNTS | {"impressions": -1}, NOW, [("impressions",)]),
        (COUNTS | {"reshares": True}, NOW, [("reshares",)]),
        ({"impressions": 1}, NOW, [("reactions",), ("comments",), ("reshares",)]),
        (COUNTS, NOW + timedelta(hours=1), [("observed_at",)]),
        # What an ambassador reported and was accepted before: the column's largest counts, and
        # fifty reactions on one impression.
        ({"impressions": MAX_COUNT, "reactions": MAX_COUNT, "comments": 0, "reshares": 0}, NOW, [("impressions",)]),
        (COUNTS | {"impressions": 1, "reactions": 50, "comments": 0, "reshares": 0}, NOW, [("reactions",)]),
    ],
)
async def test_bad_engagement_is_refused_and_writes_nothing(
    sharing: ShareWorld, counts: dict[str, Any], observed_at: Any, locations: list[tuple[str]]
) -> None:
    share = await posted(sharing)
    with pytest.raises(ValidationFailed) as refused:
        await sharing.shares.record_engagement(
            sharing.member, RecordEngagementCommand(share_id=share.id, observed_at=observed_at, counts=counts)
        )
    assert [error.loc for error in refused.value.errors] == locations
    assert sharing.world.uow.database.engagement_snapshots == {}


async def test_engagement_needs_a_posted_share_and_a_reporter_allowed_for_it(sharing: ShareWorld) -> None:
    share = await intent(sharing)
    record = sharing.shares.record_engagement
    command = RecordEngagementCommand(share_id=share.id, observed_at=NOW, counts=COUNTS)
    with pytest.raises(ShareNotPosted):
        await record(sharing.member, command)
    bob, _ = await sharing.joined("Bob")
    with pytest.raises(NotFound):
        await record(bob, command)
    with pytest.raises(Forbidden):
        await record(sharing.world.staff(Role.ANALYST), command)
    with pytest.raises(NotFound):
        await record(sharing.world.staff(Role.INTEGRATOR, tenant=sharing.world.globex), command)
    assert sharing.world.uow.database.engagement_snapshots == {}


async def test_an_ambassadors_own_report_is_marked_and_bounded_by_their_audience_on_the_network(
    sharing: ShareWorld,
) -> None:
    share = await posted(sharing)
    record = sharing.shares.record_engagement

    def reported(impressions: int) -> RecordEngagementCommand:
        return RecordEngagementCommand(share_id=share.id, observed_at=NOW, counts=COUNTS | {"impressions": impressions})

    connect = sharing.world.roster.connect_social_account
    # A large audience elsewhere does not make a LinkedIn post travel further.
    await connect(sharing.member, ConnectSocialAccountCommand(network=Network.X, handle="@ada", audience_size=90_000))
    with pytest.raises(ValidationFailed) as refused:
        await record(sharing.member, reported(SELF_REPORTED_FLOOR + 1))
    assert [error.loc for error in refused.value.errors] == [("impressions",)]
    await connect(
        sharing.member, ConnectSocialAccountCommand(network=Network.LINKEDIN, handle="ada-pro", audience_size=1000)
    )

    accepted = await record(sharing.member, reported(1000 * SELF_REPORTED_REACH))

    assert accepted.snapshot.source is EngagementSource.SELF_REPORTED
    assert accepted.snapshot.impressions == 50_000
    integration = await record(sharing.world.staff(Role.INTEGRATOR), reported(10**9))
    assert integration.snapshot.source is EngagementSource.INTEGRATION


async def test_the_integrations_figures_win_over_a_later_self_reported_snapshot(sharing: ShareWorld) -> None:
    share = await posted(sharing)
    record = sharing.shares.record_engagement
    integrator = sharing.world.staff(Role.INTEGRATOR)

    own = await record(sharing.member, RecordEngagementCommand(share_id=share.id, observed_at=NOW, counts=COUNTS))
    theirs = await record(
        integrator,
        RecordEngagementCommand(share_id=share.id, observed_at=NOW - timedelta(days=1), counts=COUNTS),
    )
    later_own = await record(
        sharing.member,
        RecordEngagementCommand(share_id=share.id, observed_at=NOW + timedelta(minutes=1), counts=COUNTS),
    )

    assert own.latest == own.snapshot
    assert theirs.latest == theirs.snapshot
    assert later_own.latest == theirs.snapshot
    view = await sharing.shares.get_share(sharing.member, share.id)
    assert view.stats is not None
    assert view.stats.engagement == theirs.snapshot
