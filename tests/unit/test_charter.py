"""The charter: numbered versions, and each member's acceptance of the one in force."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest

from app.domain.errors import NotAnAmbassador, ValidationFailed
from app.domain.events import EventType
from app.domain.programme.charter import CharterStatus, CharterVersion, CharterVersionNotCurrent, charter_status
from app.domain.roster.ambassadors import MembershipStatus
from tests.unit.test_ambassadors import ACTIVE, INVITED, LEFT, PAUSED, T0, T1, TENANT, member

VERSION_ID = UUID("0190a000-0000-7000-8000-00000000d001")


def publish(previous: int | None = None, **overrides: str | None) -> CharterVersion:
    fields: dict[str, str | None] = {"title": "Charte", "body": "# Règles\n\n- Soyez vous-même.", "summary": None}
    fields.update(overrides)
    return CharterVersion.publish(
        id=VERSION_ID,
        tenant_id=TENANT,
        previous=previous,
        title=fields["title"] or "",
        body=fields["body"] or "",
        summary=fields["summary"],
        published_by="admin|1",
        now=T0,
    )


def test_the_first_version_is_number_one_and_each_next_one_follows() -> None:
    assert publish().number == 1
    assert publish(previous=4).number == 5


def test_publishing_records_an_event() -> None:
    version = publish(previous=1, summary="Added a rule on confidential news.")

    (event,) = version.drain_events()
    assert event.type is EventType.CHARTER_PUBLISHED
    assert event.data == {"id": str(VERSION_ID), "number": 2, "title": "Charte"}


def test_a_version_keeps_its_markdown_as_written_and_trims_the_title() -> None:
    version = publish(title="  Charte 2026  ", body="Line 1\n\tindented\r\n", summary="  ")

    assert version.title == "Charte 2026"
    assert version.body == "Line 1\n\tindented\r\n"
    assert version.summary is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("title", "a\nb"),
        ("title", "x" * 201),
        ("body", "   "),
        ("body", "a\u0000b"),
        ("summary", "x" * 2001),
    ],
)
def test_an_invalid_version_is_refused_at_its_field(field: str, value: str) -> None:
    overrides: dict[str, Any] = {field: value}
    with pytest.raises(ValidationFailed) as caught:
        publish(**overrides)

    assert [error.loc for error in caught.value.errors] == [(field,)]


@pytest.mark.parametrize(
    ("accepted", "current", "status"),
    [
        (None, None, CharterStatus.ACCEPTED),
        (None, 1, CharterStatus.NEEDS_ACCEPTANCE),
        (1, 1, CharterStatus.ACCEPTED),
        (1, 2, CharterStatus.NEEDS_ACCEPTANCE),
    ],
)
def test_a_member_needs_to_accept_only_when_the_version_in_force_is_not_theirs(
    accepted: int | None, current: int | None, status: CharterStatus
) -> None:
    assert charter_status(accepted, current) is status


@pytest.mark.parametrize("status", [ACTIVE, PAUSED, INVITED])
def test_a_member_accepts_the_current_version(status: MembershipStatus) -> None:
    ambassador = member(status)

    ambassador.accept_charter(2, current=2, now=T1)

    assert (ambassador.charter_version, ambassador.charter_accepted_at) == (2, T1)
    assert ambassador.version == 2
    assert ambassador.has_accepted(2)
    assert not ambassador.has_accepted(3)
    (event,) = ambassador.drain_events()
    assert event.type is EventType.CHARTER_ACCEPTED
    assert event.data["version"] == 2
    assert event.data["id"] == str(ambassador.id)


def test_accepting_again_changes_nothing() -> None:
    ambassador = member(ACTIVE)
    ambassador.accept_charter(1, current=1, now=T1)
    ambassador.drain_events()

    ambassador.accept_charter(1, current=1, now=T1 + timedelta(hours=1))

    assert (ambassador.charter_accepted_at, ambassador.version) == (T1, 2)
    assert ambassador.drain_events() == []


@pytest.mark.parametrize(("version", "current"), [(1, 2), (3, 2), (1, None)])
def test_only_the_current_version_can_be_accepted(version: int, current: int | None) -> None:
    ambassador = member(ACTIVE)

    with pytest.raises(CharterVersionNotCurrent):
        ambassador.accept_charter(version, current=current, now=T1)

    assert ambassador.charter_version is None
    assert ambassador.drain_events() == []


def test_a_member_who_left_cannot_accept() -> None:
    with pytest.raises(NotAnAmbassador):
        member(LEFT).accept_charter(1, current=1, now=T1)


def test_with_no_charter_published_every_member_has_accepted() -> None:
    assert member(ACTIVE).has_accepted(None)
    assert member(ACTIVE).charter_status(None) is CharterStatus.ACCEPTED
    assert member(ACTIVE).charter_status(1) is CharterStatus.NEEDS_ACCEPTANCE
