"""The rules of a redemption's life and of a reward's availability, table-driven: which action each
status allows and for whom, what each leaves behind, and when a reward is offered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from app.domain.errors import InvalidTransition, ValidationFailed
from app.domain.events import EventType
from app.domain.rewards.catalogue import Reward, RewardFields, RewardKind, RewardStatus
from app.domain.rewards.redemptions import Redemption, RedemptionAction, RedemptionStatus
from app.domain.rewards.refusals import RedemptionNotApproved, RewardNotAvailable

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TENANT = UUID("0196a3b1-2c4d-7e8f-9a0b-1c2d3e4f5a6b")

Act = Callable[[Redemption], None]
ACTIONS: dict[RedemptionAction, Act] = {
    RedemptionAction.APPROVE: lambda r: r.approve("manager", NOW),
    RedemptionAction.REJECT: lambda r: r.reject("manager", "The lunch is full.", NOW),
    RedemptionAction.CANCEL: lambda r: r.cancel(NOW),
    RedemptionAction.FULFIL: lambda r: r.fulfil("manager", NOW),
}
# (status, action) -> the status it leads to, or the error it is refused with.
TABLE: dict[tuple[RedemptionStatus, RedemptionAction], RedemptionStatus | type[Exception]] = {
    (RedemptionStatus.REQUESTED, RedemptionAction.APPROVE): RedemptionStatus.APPROVED,
    (RedemptionStatus.REQUESTED, RedemptionAction.REJECT): RedemptionStatus.REJECTED,
    (RedemptionStatus.REQUESTED, RedemptionAction.CANCEL): RedemptionStatus.CANCELLED,
    (RedemptionStatus.REQUESTED, RedemptionAction.FULFIL): RedemptionNotApproved,
    (RedemptionStatus.APPROVED, RedemptionAction.APPROVE): InvalidTransition,
    (RedemptionStatus.APPROVED, RedemptionAction.REJECT): RedemptionStatus.REJECTED,
    (RedemptionStatus.APPROVED, RedemptionAction.CANCEL): InvalidTransition,
    (RedemptionStatus.APPROVED, RedemptionAction.FULFIL): RedemptionStatus.FULFILLED,
    **{
        (done, action): InvalidTransition
        for done in (RedemptionStatus.FULFILLED, RedemptionStatus.REJECTED, RedemptionStatus.CANCELLED)
        for action in RedemptionAction
    },
}


def reward(**fields: object) -> Reward:
    values: dict[str, object] = {"name": "Lunch", "kind": RewardKind.EXPERIENCE, "cost": 500} | fields
    return Reward.create(id=uuid4(), tenant_id=TENANT, fields=RewardFields(**values), author="manager", now=NOW)  # type: ignore[arg-type]


def redemption(status: RedemptionStatus) -> Redemption:
    requested = Redemption.request(
        id=uuid4(), reward=reward(requires_approval=True), ambassador_id=uuid4(), spend_entry_id=uuid4(), now=NOW
    )
    requested.drain_events()
    refund = uuid4() if status in (RedemptionStatus.REJECTED, RedemptionStatus.CANCELLED) else None
    return replace(requested, status=status, refund_entry_id=refund, pending_events=[])


def test_the_table_covers_every_status_and_action() -> None:
    assert set(TABLE) == {(status, action) for status in RedemptionStatus for action in RedemptionAction}


@pytest.mark.parametrize(("status", "action"), list(TABLE), ids=lambda value: str(value))
def test_each_action_from_each_status(status: RedemptionStatus, action: RedemptionAction) -> None:
    subject = redemption(status)
    expected = TABLE[status, action]

    assert (action in subject.allowed_actions()) == isinstance(expected, RedemptionStatus)
    if isinstance(expected, RedemptionStatus):
        ACTIONS[action](subject)
        assert subject.status is expected
        assert subject.version == 2
        assert [event.type for event in subject.drain_events()] == [EventType(f"redemption.{expected.value}")]
        assert subject.refunded == (expected in (RedemptionStatus.REJECTED, RedemptionStatus.CANCELLED))
    else:
        with pytest.raises(expected):
            ACTIONS[action](subject)
        assert (subject.status, subject.version, subject.pending_events) == (status, 1, [])


@pytest.mark.parametrize(
    ("requires_approval", "status", "events"),
    [
        (True, RedemptionStatus.REQUESTED, ["redemption.requested"]),
        (False, RedemptionStatus.APPROVED, ["redemption.requested", "redemption.approved"]),
    ],
)
def test_a_request_is_approved_at_once_unless_the_reward_needs_approval(
    requires_approval: bool, status: RedemptionStatus, events: list[str]
) -> None:
    made = Redemption.request(
        id=uuid4(),
        reward=reward(requires_approval=requires_approval, cost=120),
        ambassador_id=uuid4(),
        spend_entry_id=uuid4(),
        now=NOW,
    )
    assert (made.status, made.points) == (status, 120)
    assert [event.type.value for event in made.drain_events()] == events


@pytest.mark.parametrize("reason", ["", "   ", "\u200b", "bad\x00reason", "x" * 1001])
def test_a_rejection_needs_a_reason_that_says_something(reason: str) -> None:
    subject = redemption(RedemptionStatus.REQUESTED)
    with pytest.raises(ValidationFailed) as refused:
        subject.reject("manager", reason, NOW)
    assert [error.loc for error in refused.value.errors] == [("reason",)]
    assert subject.status is RedemptionStatus.REQUESTED


DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("fields", "archived", "offered"),
    [
        ({}, False, True),
        ({"available_from": NOW - DAY}, False, True),
        ({"available_from": NOW}, False, True),
        ({"available_from": NOW + DAY}, False, False),
        ({"available_until": NOW + DAY}, False, True),
        ({"available_until": NOW}, False, False),
        ({"available_from": NOW - DAY, "available_until": NOW + DAY}, False, True),
        ({}, True, False),
    ],
)
def test_a_reward_is_offered_when_active_and_inside_its_window(
    fields: dict[str, datetime], archived: bool, offered: bool
) -> None:
    subject = reward(**fields)
    if archived:
        subject.archive(NOW)
    assert subject.available_at(NOW) is offered
    if offered:
        subject.require_available(NOW)
    else:
        with pytest.raises(RewardNotAvailable):
            subject.require_available(NOW)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"cost": 0}, "cost"),
        ({"cost": -5}, "cost"),
        ({"stock": -1}, "stock"),
        ({"per_person_limit": 0}, "per_person_limit"),
        ({"name": " "}, "name"),
        ({"available_from": NOW, "available_until": NOW}, "available_until"),
        ({"kind": RewardKind.DONATION}, "association_id"),
        ({"association_id": uuid4()}, "association_id"),
    ],
)
def test_a_reward_that_breaks_a_rule_is_refused_at_its_field(fields: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        reward(**fields)
    assert [error.loc for error in refused.value.errors] == [(field,)]


def test_an_archived_reward_is_frozen_and_a_kind_is_fixed() -> None:
    subject = reward()
    with pytest.raises(ValidationFailed):
        subject.edit({"kind": RewardKind.GIFT}, NOW)
    subject.edit({"cost": 450, "stock": 3}, NOW)
    assert (subject.fields.cost, subject.fields.stock, subject.version) == (450, 3, 2)
    subject.archive(NOW)
    assert subject.status is RewardStatus.ARCHIVED
    with pytest.raises(InvalidTransition):
        subject.edit({"cost": 1}, NOW)
