"""The recall transition of a content, and a take-down's confirmation: the rules, on the domain alone."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import pytest

from app.domain.community.recall import ContentAlreadyRecalled, TakeDown, TakeDownStatus
from app.domain.content.content_fields import ContentFields, ContentFormat
from app.domain.content.contents import Content
from app.domain.content.locales import ContentLocale
from app.domain.content.review_status import ContentAction, ContentStatus, PublicStatus, allowed_actions
from app.domain.errors import InvalidTransition, ValidationFailed
from app.domain.events import EventType
from app.domain.networks import Network
from app.domain.programme.settings import ProgrammeSettings
from tests.unit.world import NOW

RULES = ProgrammeSettings().apply({"link_domains": [{"domain": "acme.example"}], "weekly_content_budget": 50})
REASON = "The offer was withdrawn."


def content(status: ContentStatus) -> Content:
    fields = ContentFields(
        language="en",
        locales=(ContentLocale(language="en", title="We are hiring", body="Join us."),),
        format=ContentFormat.JOB_OFFER,
        link_url="https://acme.example/jobs",
    )
    made = Content.create(
        id=uuid4(), tenant_id=uuid4(), fields=fields, author="staff|a", proposed=False, rules=RULES, now=NOW
    )
    if status is not ContentStatus.DRAFT:
        made.submit(actor="staff|a", now=NOW)
    if status in (ContentStatus.APPROVED, ContentStatus.ARCHIVED):
        made.approve(reviewer="staff|b", rules=RULES, scheduled=[], now=NOW)
    if status is ContentStatus.REJECTED:
        made.reject(reviewer="staff|b", reason="No.", now=NOW)
    if status is ContentStatus.ARCHIVED:
        made.archive(actor="staff|b", now=NOW)
    made.drain_events()
    made.drain_history()
    return made


@pytest.mark.parametrize("status", [ContentStatus.APPROVED, ContentStatus.ARCHIVED])
def test_shared_or_archived_content_is_recalled_with_who_when_and_why_in_its_history(status: ContentStatus) -> None:
    recalled = content(status)
    later = NOW + timedelta(days=3)

    recalled.recall(actor="staff|m", reason=f"  {REASON}  ", now=later)

    assert recalled.status is ContentStatus.RECALLED
    assert recalled.public_status(later) is PublicStatus.RECALLED
    assert recalled.recalled is not None
    assert (recalled.recalled.reason, recalled.recalled.recalled_by, recalled.recalled.recalled_at) == (
        REASON,
        "staff|m",
        later,
    )
    assert recalled.approved_at is None
    assert recalled.live_from is None
    [line] = recalled.drain_history()
    assert (line.action, line.from_status, line.to_status, line.reason, line.actor) == (
        ContentAction.RECALL,
        status,
        ContentStatus.RECALLED,
        REASON,
        "staff|m",
    )
    [event] = recalled.drain_events()
    assert event.type is EventType.CONTENT_RECALLED
    assert event.data["reason"] == REASON
    assert event.data["id"] == str(recalled.id)


@pytest.mark.parametrize("status", [ContentStatus.DRAFT, ContentStatus.IN_REVIEW, ContentStatus.REJECTED])
def test_content_never_shared_cannot_be_recalled(status: ContentStatus) -> None:
    unshared = content(status)

    with pytest.raises(InvalidTransition) as raised:
        unshared.recall(actor="staff|m", reason=REASON, now=NOW)

    assert unshared.status is status
    assert unshared.recalled is None
    assert "recall" not in raised.value.allowed
    assert unshared.drain_events() == []


def test_recalling_twice_is_refused_and_keeps_the_first_recall() -> None:
    recalled = content(ContentStatus.APPROVED)
    recalled.recall(actor="staff|m", reason=REASON, now=NOW)
    version = recalled.version
    recalled.drain_events()

    with pytest.raises(ContentAlreadyRecalled) as raised:
        recalled.recall(actor="staff|other", reason="Again", now=NOW + timedelta(hours=1))

    assert raised.value.recalled_at == NOW
    assert recalled.recalled is not None
    assert recalled.recalled.recalled_by == "staff|m"
    assert recalled.version == version
    assert recalled.drain_events() == []


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001, "bad\x00reason"])
def test_a_recall_needs_a_reason(reason: str) -> None:
    approved = content(ContentStatus.APPROVED)

    with pytest.raises(ValidationFailed) as raised:
        approved.recall(actor="staff|m", reason=reason, now=NOW)

    assert [error.loc for error in raised.value.errors] == [("reason",)]
    assert approved.status is ContentStatus.APPROVED


def test_recalled_content_is_final_neither_edited_nor_archived() -> None:
    recalled = content(ContentStatus.APPROVED)
    recalled.recall(actor="staff|m", reason=REASON, now=NOW)

    assert allowed_actions(ContentStatus.RECALLED) == []
    with pytest.raises(InvalidTransition):
        recalled.archive(actor="staff|m", now=NOW)
    with pytest.raises(InvalidTransition):
        recalled.edit({"title": "Changed"}, editor="staff|m", rules=RULES, now=NOW)
    assert recalled.status is ContentStatus.RECALLED


def test_approved_and_archived_content_offer_the_recall() -> None:
    assert "recall" in allowed_actions(ContentStatus.APPROVED)
    assert allowed_actions(ContentStatus.ARCHIVED) == ["recall"]


def take_down() -> TakeDown:
    return TakeDown.request(
        id=uuid4(),
        tenant_id=uuid4(),
        content_id=uuid4(),
        share_id=uuid4(),
        ambassador_id=uuid4(),
        network=Network.LINKEDIN,
        post_url="https://www.linkedin.com/feed/update/1",
        reason=REASON,
        now=NOW,
    )


def test_a_take_down_is_requested_pending_and_announced() -> None:
    requested = take_down()

    assert requested.status is TakeDownStatus.PENDING
    assert requested.confirmed_at is None
    [event] = requested.drain_events()
    assert event.type is EventType.TAKEDOWN_REQUESTED
    assert event.data["post_url"] == "https://www.linkedin.com/feed/update/1"
    assert event.data["ambassador_id"] == str(requested.ambassador_id)


def test_a_take_down_is_confirmed_once_and_confirming_again_changes_nothing() -> None:
    pending = take_down()
    pending.drain_events()
    later = NOW + timedelta(hours=2)

    assert pending.confirm(later)
    version = pending.version
    assert not pending.confirm(later + timedelta(hours=1))

    assert (pending.status, pending.confirmed_at, pending.version) == (TakeDownStatus.CONFIRMED, later, version)
    assert [event.type for event in pending.drain_events()] == [EventType.TAKEDOWN_CONFIRMED]
