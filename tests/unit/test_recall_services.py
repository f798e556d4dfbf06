"""Recalling a content and its take-downs on the in-memory fakes: who may, what is written, what the
worker writes once however often the event comes, and what ambassadors are told."""

from __future__ import annotations

from uuid import UUID

import pytest

from app.domain.community.recall import ContentAlreadyRecalled, TakeDownStatus
from app.domain.community.recall_refusals import ContentRecalled, TrackedLinkRecalled
from app.domain.content.contents import Content
from app.domain.errors import Forbidden, NotFound, PreconditionFailed
from app.domain.events import EventType, RecordedEvent
from app.domain.networks import Network
from app.domain.notifications.notices import NotificationKind
from app.domain.roster.identity import Principal, Role
from app.domain.sharing.shares import ShareStatus
from app.domain.sharing.tracked_links import TrackedLinkGone
from app.ports.community_recall import TakeDownFilter
from app.ports.pagination import PageRequest
from app.services.community.recall.handlers import RequestTakeDowns
from app.services.community.recall.recall_content import RecallContentCommand
from app.services.community.recall.takedowns import ConfirmTakeDownCommand
from app.services.notifications.handlers import NotifyMembers
from app.services.sharing.follow_tracked_link import LinkVisit
from app.services.sharing.share_transitions import ConfirmShareCommand
from tests.fake_notifications import FakeNotificationStore
from tests.fake_redirect import FakeLink
from tests.unit.share_world import ShareWorld, share_world

REASON = "The offer was withdrawn."


@pytest.fixture
async def sharing() -> ShareWorld:
    return await share_world()


async def posted(sharing: ShareWorld, content: Content, member: Principal, post: str) -> UUID:
    share = (await sharing.share(content, principal=member)).view.share
    command = ConfirmShareCommand(share_id=share.id, post_url=f"https://www.linkedin.com/feed/update/{post}")
    await sharing.shares.confirm_share(member, command)
    return share.id


def recalled_event(sharing: ShareWorld) -> RecordedEvent:
    [record] = [r for r in sharing.world.uow.outbox if r.type is EventType.CONTENT_RECALLED]
    return RecordedEvent(
        id=record.id,
        type=record.type.value,
        tenant_id=record.tenant_id,
        occurred_at=record.occurred_at,
        data=record.data,
    )


async def recall(sharing: ShareWorld, content: Content, by: Principal | None = None) -> Content:
    command = RecallContentCommand(content_id=content.id, reason=REASON)
    return await sharing.world.recall.recall_content(by or sharing.manager, command)


async def test_a_manager_recalls_shared_content_and_the_content_recalled_event_is_recorded(
    sharing: ShareWorld,
) -> None:
    content = await sharing.content()

    recalled = await recall(sharing, content)

    assert recalled.recalled is not None
    assert recalled.recalled.recalled_by == sharing.manager.subject
    stored = sharing.world.uow.database.contents[(recalled.tenant_id, recalled.id)]
    assert stored.recalled == recalled.recalled
    assert recalled_event(sharing).data["reason"] == REASON


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.ANALYST, Role.AMBASSADOR])
async def test_only_admins_and_managers_recall_and_a_refusal_writes_nothing(sharing: ShareWorld, role: Role) -> None:
    content = await sharing.content()
    before = sharing.world.events()

    with pytest.raises(Forbidden):
        await recall(sharing, content, sharing.world.staff(role))

    assert sharing.world.events() == before
    assert sharing.world.uow.database.contents[(content.tenant_id, content.id)].recalled is None


async def test_recalling_twice_or_from_a_stale_version_writes_nothing(sharing: ShareWorld) -> None:
    content = await sharing.content()
    stale = RecallContentCommand(content_id=content.id, reason=REASON, expected_version=content.version - 1)
    with pytest.raises(PreconditionFailed):
        await sharing.world.recall.recall_content(sharing.manager, stale)
    await recall(sharing, content)
    before = sharing.world.events()

    with pytest.raises(ContentAlreadyRecalled):
        await recall(sharing, content, sharing.world.admin)

    assert sharing.world.events() == before


async def test_a_recalled_content_cannot_be_shared(sharing: ShareWorld) -> None:
    content = await sharing.content()
    await recall(sharing, content)
    before = (len(sharing.world.uow.database.shares), sharing.world.events())

    with pytest.raises(ContentRecalled):
        await sharing.share(content)

    assert (len(sharing.world.uow.database.shares), sharing.world.events()) == before


async def test_the_worker_writes_one_take_down_per_posted_share_once_however_often_the_event_comes(
    sharing: ShareWorld,
) -> None:
    content = await sharing.content()
    grace, grace_member = await sharing.joined("Grace")
    first = await posted(sharing, content, sharing.member, "1")
    second = await posted(sharing, content, grace, "2")
    await sharing.connect(grace, Network.X)
    await sharing.share(content, Network.X, principal=grace)  # an intent, never posted
    await recall(sharing, content)
    world = sharing.world
    handler = RequestTakeDowns(world.uow, world.clock, world.ids)

    await handler(recalled_event(sharing))
    await handler(recalled_event(sharing))

    take_downs = sorted(world.uow.database.takedowns.values(), key=lambda t: t.created_at)
    assert sorted((t.share_id, t.ambassador_id) for t in take_downs) == sorted(
        [(first, sharing.ambassador.id), (second, grace_member.id)]
    )
    assert {t.status for t in take_downs} == {TakeDownStatus.PENDING}
    assert {t.reason for t in take_downs} == {REASON}
    assert {t.post_url for t in take_downs} == {
        "https://www.linkedin.com/feed/update/1",
        "https://www.linkedin.com/feed/update/2",
    }
    assert world.events().count(EventType.TAKEDOWN_REQUESTED.value) == 2


async def requested(sharing: ShareWorld) -> list[UUID]:
    """Recall a content posted once by the member, run the worker; the take-downs' ids."""
    content = await sharing.content()
    await posted(sharing, content, sharing.member, "1")
    await recall(sharing, content)
    world = sharing.world
    await RequestTakeDowns(world.uow, world.clock, world.ids)(recalled_event(sharing))
    return [key[1] for key in world.uow.database.takedowns]


async def test_the_ambassador_is_told_of_the_recall_with_their_post(sharing: ShareWorld) -> None:
    [take_down_id] = await requested(sharing)
    world = sharing.world
    [record] = [r for r in world.uow.outbox if r.type is EventType.TAKEDOWN_REQUESTED]
    event = RecordedEvent(
        id=record.id,
        type=record.type.value,
        tenant_id=record.tenant_id,
        occurred_at=record.occurred_at,
        data=record.data,
    )
    notify = NotifyMembers(FakeNotificationStore(world.uow.database, world.ids, world.notices), world.clock)

    await notify(event)
    await notify(event)

    [notification] = world.notices.notifications.values()
    assert notification.kind is NotificationKind.CONTENT_RECALLED
    assert notification.ambassador_id == sharing.ambassador.id
    assert notification.data["takedown_id"] == str(take_down_id)
    assert notification.data["post_url"] == "https://www.linkedin.com/feed/update/1"
    assert notification.data["reason"] == REASON


async def test_the_ambassador_lists_and_confirms_their_take_down_and_staff_follow_progress(
    sharing: ShareWorld,
) -> None:
    [take_down_id] = await requested(sharing)
    recall_cases = sharing.world.recall

    mine = await recall_cases.list_my_takedowns(sharing.member, TakeDownFilter(), PageRequest())
    confirmed = await recall_cases.confirm_takedown(sharing.member, ConfirmTakeDownCommand(take_down_id=take_down_id))
    again = await recall_cases.confirm_takedown(sharing.member, ConfirmTakeDownCommand(take_down_id=take_down_id))

    assert [t.id for t in mine.items] == [take_down_id]
    assert confirmed.status is TakeDownStatus.CONFIRMED
    assert (again.confirmed_at, again.version) == (confirmed.confirmed_at, confirmed.version)
    assert sharing.world.events().count(EventType.TAKEDOWN_CONFIRMED.value) == 1
    content_id = confirmed.content_id
    followed = await recall_cases.list_content_takedowns(
        sharing.world.staff(Role.MODERATOR), content_id, TakeDownFilter(), PageRequest()
    )
    assert (followed.progress.pending, followed.progress.confirmed) == (0, 1)
    assert [t.id for t in followed.page.items] == [take_down_id]
    pending = await recall_cases.list_my_takedowns(
        sharing.member, TakeDownFilter(status=TakeDownStatus.PENDING), PageRequest()
    )
    assert pending.items == []


async def test_another_ambassadors_take_down_reads_as_not_found_and_stays_pending(sharing: ShareWorld) -> None:
    [take_down_id] = await requested(sharing)
    grace, _ = await sharing.joined("Grace")

    with pytest.raises(NotFound):
        await sharing.world.recall.confirm_takedown(grace, ConfirmTakeDownCommand(take_down_id=take_down_id))

    others = await sharing.world.recall.list_my_takedowns(grace, TakeDownFilter(), PageRequest())
    assert others.items == []
    stored = sharing.world.uow.database.takedowns[(sharing.ambassador.tenant_id, take_down_id)]
    assert stored.status is TakeDownStatus.PENDING


async def test_another_organisations_staff_cannot_follow_the_take_downs(sharing: ShareWorld) -> None:
    [take_down_id] = await requested(sharing)
    content_id = sharing.world.uow.database.takedowns[(sharing.ambassador.tenant_id, take_down_id)].content_id
    globex_manager = sharing.world.staff(Role.MANAGER, tenant=sharing.world.globex)

    with pytest.raises(NotFound):
        await sharing.world.recall.list_content_takedowns(globex_manager, content_id, TakeDownFilter(), PageRequest())
    with pytest.raises(NotFound):
        await sharing.world.recall.recall_content(
            globex_manager, RecallContentCommand(content_id=content_id, reason=REASON)
        )


@pytest.mark.parametrize("notice_url", [None, "https://acme.example/withdrawn"])
async def test_a_recalled_contents_link_is_recalled_with_the_notice_page_and_records_nothing(
    sharing: ShareWorld, notice_url: str | None
) -> None:
    world = sharing.world
    world.clicks.links["Ab3dEf7h"] = FakeLink(
        destination="https://acme.example/jobs", recalled=True, notice_url=notice_url
    )
    visit = LinkVisit(code="Ab3dEf7h", method="GET", headers={}, client_ip="203.0.113.7", user_agent="Firefox")

    with pytest.raises(TrackedLinkRecalled) as raised:
        await world.sharing.follow_tracked_link(visit)

    assert raised.value.notice_url == notice_url
    assert isinstance(raised.value, TrackedLinkGone)
    assert world.clicks.clicks == []


async def test_an_intent_opened_before_the_recall_cannot_be_posted_after_it(sharing: ShareWorld) -> None:
    content = await sharing.content()
    intent = (await sharing.share(content)).view.share
    await recall(sharing, content)
    before = sharing.world.events()

    with pytest.raises(ContentRecalled):
        await sharing.shares.confirm_share(sharing.member, ConfirmShareCommand(share_id=intent.id))

    assert sharing.world.events() == before
    stored = sharing.world.uow.database.shares[(intent.tenant_id, intent.id)]
    assert stored.status is ShareStatus.INTENT
