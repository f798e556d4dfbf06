"""Campaigns: fields, launch and archive, and the phase read from the dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest

from app.domain.content.campaigns import Campaign, CampaignFields, CampaignPhase, CampaignStatus, Goals
from app.domain.errors import InvalidTransition, ValidationFailed
from app.domain.events import EventType

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
START, END = NOW + timedelta(days=7), NOW + timedelta(days=37)


def campaign(**changes: Any) -> Campaign:
    values: dict[str, Any] = {"name": "Spring hiring", "slug": "spring-hiring", "starts_at": START, "ends_at": END}
    return Campaign.create(
        id=UUID(int=1), tenant_id=UUID(int=2), fields=CampaignFields(**(values | changes)), author="manager|1", now=NOW
    )


def locs(error: pytest.ExceptionInfo[ValidationFailed]) -> list[tuple[str | int, ...]]:
    return [item.loc for item in error.value.errors]


def test_a_new_campaign_is_a_draft_until_launched_and_then_follows_its_dates() -> None:
    spring = campaign()
    assert spring.phase(NOW) is CampaignPhase.DRAFT
    spring.launch(NOW)
    assert spring.status is CampaignStatus.LAUNCHED
    assert [event.type for event in spring.drain_events()] == [EventType.CAMPAIGN_LAUNCHED]
    assert spring.phase(NOW) is CampaignPhase.SCHEDULED
    assert spring.phase(START) is CampaignPhase.ACTIVE
    assert spring.phase(END - timedelta(microseconds=1)) is CampaignPhase.ACTIVE
    assert spring.phase(END) is CampaignPhase.ENDED


def test_a_campaign_without_an_end_stays_active() -> None:
    open_ended = campaign(ends_at=None)
    open_ended.launch(NOW)
    assert open_ended.phase(START + timedelta(days=3650)) is CampaignPhase.ACTIVE


def test_launching_needs_a_start_and_happens_once() -> None:
    undated = campaign(starts_at=None, ends_at=None)
    with pytest.raises(ValidationFailed) as refused:
        undated.launch(NOW)
    assert locs(refused) == [("starts_at",)]
    dated = campaign()
    dated.launch(NOW)
    with pytest.raises(InvalidTransition) as again:
        dated.launch(NOW)
    assert again.value.allowed == ("archive",)


def test_archiving_ends_everything() -> None:
    spring = campaign()
    spring.archive(NOW)
    assert spring.phase(START) is CampaignPhase.ARCHIVED
    with pytest.raises(InvalidTransition):
        spring.archive(NOW)
    with pytest.raises(InvalidTransition):
        spring.launch(NOW)
    with pytest.raises(InvalidTransition):
        spring.require_open()
    with pytest.raises(InvalidTransition):
        spring.edit({"name": "Again"}, NOW)


def test_every_invalid_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationFailed) as refused:
        campaign(
            name="",
            slug="Spring Hiring",
            ends_at=START,
            goals=Goals(shares=0, conversions={"lead": 10, "Bad Type": 3, "hire": 0}),
            points_multiplier=Decimal("0.5"),
        )
    assert locs(refused) == [
        ("name",),
        ("slug",),
        ("ends_at",),
        ("goals", "shares"),
        ("goals", "conversions", "Bad Type"),
        ("goals", "conversions", "hire"),
        ("points_multiplier",),
    ]


@pytest.mark.parametrize(
    ("multiplier", "valid"), [("1", True), ("1.25", True), ("10", True), ("1.255", False), ("10.01", False)]
)
def test_the_points_multiplier_is_at_least_one_with_two_decimals(multiplier: str, valid: bool) -> None:
    if valid:
        assert campaign(points_multiplier=Decimal(multiplier)).fields.points_multiplier == Decimal(multiplier)
    else:
        with pytest.raises(ValidationFailed):
            campaign(points_multiplier=Decimal(multiplier))


def test_the_slug_is_fixed_once_launched_but_other_fields_change() -> None:
    spring = campaign()
    spring.edit({"slug": "spring-2026"}, NOW)
    assert spring.fields.slug == "spring-2026"
    spring.launch(NOW)
    spring.edit({"name": "Spring hiring 2026", "ends_at": END + timedelta(days=7)}, NOW)
    assert spring.fields.name == "Spring hiring 2026"
    with pytest.raises(ValidationFailed) as refused:
        spring.edit({"slug": "other"}, NOW)
    assert locs(refused) == [("slug",)]
    with pytest.raises(ValidationFailed):
        spring.edit({"starts_at": None}, NOW)


def test_an_edit_that_changes_nothing_keeps_the_version() -> None:
    spring = campaign()
    spring.edit({"name": " Spring hiring "}, NOW)
    assert spring.version == 1
