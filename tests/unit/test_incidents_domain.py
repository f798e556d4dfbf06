"""The incident's rules, without storage: its statuses, what a resolved incident refuses, what each
action needs, and how the exposure is estimated."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from app.domain.community.incident_refusals import IncidentResolved, IncidentSubjectMissing
from app.domain.community.incident_values import (
    ActionKind,
    Assignee,
    AssigneeRole,
    Exposure,
    IncidentStatus,
    Nature,
    Severity,
)
from app.domain.community.incidents import INCIDENT_EVENTS, FlaggedShare, Incident
from app.domain.errors import ValidationFailed
from app.domain.events import EventType
from app.domain.webhooks.event_patterns import check_patterns, deliverable_types

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)
AUTHOR = "idp|moderator"


def incident(*, ambassador_id: UUID | None = None, share: FlaggedShare | None = None) -> Incident:
    return Incident.report(
        id=uuid4(),
        tenant_id=uuid4(),
        summary="A post speaks for the company.",
        severity=Severity.MINOR,
        nature=Nature.UNDETERMINED,
        share=share,
        ambassador_id=ambassador_id,
        exposure=None,
        assignees=[],
        reported_by=AUTHOR,
        now=NOW,
    )


def exposure(**figures: int | None) -> Exposure:
    values: dict[str, int | None] = {"potential_reach": None, "impressions": None, "clicks": 0, "unique_clicks": 0}
    values |= figures
    return Exposure(estimated_at=NOW, **values)  # type: ignore[arg-type]


def test_a_reported_incident_is_open_and_announced_without_its_summary() -> None:
    reported = incident()
    [event] = reported.drain_events()
    assert (reported.status, reported.version, reported.timeline) == (IncidentStatus.OPEN, 1, [])
    assert event.type is EventType.INCIDENT_REPORTED
    assert "summary" not in event.data


def test_a_flagged_share_names_the_ambassador_and_content() -> None:
    share = FlaggedShare(share_id=uuid4(), ambassador_id=uuid4(), content_id=uuid4())
    flagged = incident(share=share)
    assert (flagged.share_id, flagged.ambassador_id, flagged.content_id) == (
        share.share_id,
        share.ambassador_id,
        share.content_id,
    )


def test_another_ambassador_than_the_share_s_is_refused() -> None:
    share = FlaggedShare(share_id=uuid4(), ambassador_id=uuid4(), content_id=uuid4())
    with pytest.raises(ValidationFailed) as refused:
        incident(share=share, ambassador_id=uuid4())
    assert [error.loc for error in refused.value.errors] == [("ambassador_id",)]


def test_the_first_action_puts_it_in_progress_and_each_adds_an_entry_with_author_and_time() -> None:
    handled = incident(ambassador_id=uuid4())
    handled.assess(
        action_id=uuid4(),
        severity=Severity.MINOR,
        nature=Nature.PERSONAL_EXPRESSION,
        note=None,
        author=AUTHOR,
        now=LATER,
    )
    handled.send_reminder(action_id=uuid4(), message="Say it is your view.", note=None, author=AUTHOR, now=LATER)
    assert handled.status is IncidentStatus.IN_PROGRESS
    assert [(a.kind, a.author, a.at) for a in handled.timeline] == [
        (ActionKind.ASSESSMENT, AUTHOR, LATER),
        (ActionKind.REMINDER, AUTHOR, LATER),
    ]
    assert handled.version == 3
    assert handled.nature is Nature.PERSONAL_EXPRESSION


def test_a_resolved_incident_refuses_every_action_and_a_second_resolution() -> None:
    closed = incident(ambassador_id=uuid4(), share=None)
    closed.resolve(action_id=uuid4(), outcome="Reminder heard.", author=AUTHOR, now=LATER)
    assert closed.status is IncidentStatus.RESOLVED
    assert closed.resolution is not None
    assert closed.resolution.resolved_at == LATER
    version = closed.version
    with pytest.raises(IncidentResolved):
        closed.resolve(action_id=uuid4(), outcome="Again.", author=AUTHOR, now=LATER)
    with pytest.raises(IncidentResolved):
        closed.add_note(action_id=uuid4(), note="Late note.", author=AUTHOR, now=LATER)
    with pytest.raises(IncidentResolved):
        closed.send_reminder(action_id=uuid4(), message="Hi.", note=None, author=AUTHOR, now=LATER)
    with pytest.raises(IncidentResolved):
        closed.refresh_exposure(exposure(), LATER)
    assert (closed.version, len(closed.timeline)) == (version, 1)


def test_a_reminder_or_a_pause_needs_an_ambassador() -> None:
    anonymous = incident()
    with pytest.raises(IncidentSubjectMissing):
        anonymous.send_reminder(action_id=uuid4(), message="Hi.", note=None, author=AUTHOR, now=LATER)
    with pytest.raises(IncidentSubjectMissing):
        anonymous.record_pause(action_id=uuid4(), note=None, author=AUTHOR, now=LATER)
    assert (anonymous.status, anonymous.timeline) == (IncidentStatus.OPEN, [])


def test_an_exposure_needs_a_flagged_share() -> None:
    with pytest.raises(IncidentSubjectMissing):
        incident().refresh_exposure(exposure(), LATER)


def test_a_recall_takes_the_share_s_content_unless_another_is_named() -> None:
    share = FlaggedShare(share_id=uuid4(), ambassador_id=uuid4(), content_id=uuid4())
    flagged, other = incident(share=share), uuid4()
    flagged.record_recall(action_id=uuid4(), content_id=None, note=None, author=AUTHOR, now=LATER)
    flagged.record_recall(action_id=uuid4(), content_id=other, note=None, author=AUTHOR, now=LATER)
    assert [a.content_id for a in flagged.timeline] == [share.content_id, other]
    with pytest.raises(ValidationFailed):
        incident().record_recall(action_id=uuid4(), content_id=None, note=None, author=AUTHOR, now=LATER)


def test_an_escalation_goes_to_hr_or_communications_and_adds_each_assignee_once() -> None:
    escalated, hr = incident(), Assignee(employee_id=uuid4(), role=AssigneeRole.HR)
    escalated.escalate(action_id=uuid4(), assignees=[hr, hr], note=None, author=AUTHOR, now=LATER)
    escalated.escalate(action_id=uuid4(), assignees=[hr], note=None, author=AUTHOR, now=LATER)
    assert escalated.assignees == (hr,)
    moderation = Assignee(employee_id=uuid4(), role=AssigneeRole.MODERATION)
    with pytest.raises(ValidationFailed):
        escalated.escalate(action_id=uuid4(), assignees=[moderation], note=None, author=AUTHOR, now=LATER)
    with pytest.raises(ValidationFailed):
        escalated.escalate(action_id=uuid4(), assignees=[], note=None, author=AUTHOR, now=LATER)


@pytest.mark.parametrize("text", ["", "   ", "bell\x07", "x" * 4001])
def test_an_empty_or_unprintable_or_too_long_note_is_refused(text: str) -> None:
    with pytest.raises(ValidationFailed):
        incident().add_note(action_id=uuid4(), note=text, author=AUTHOR, now=LATER)


@pytest.mark.parametrize(
    ("figures", "reach"),
    [
        ({"impressions": 900, "potential_reach": 600, "unique_clicks": 12}, 900),
        ({"potential_reach": 600, "unique_clicks": 12}, 600),
        ({"unique_clicks": 12, "clicks": 20}, 12),
    ],
)
def test_the_estimated_reach_prefers_impressions_then_the_audience_then_the_people_who_clicked(
    figures: dict[str, int], reach: int
) -> None:
    assert exposure(**figures).estimated_reach == reach


def test_no_webhook_endpoint_may_subscribe_to_incident_events() -> None:
    assert not {event.value for event in INCIDENT_EVENTS} & set(deliverable_types())
    for pattern in ("incident.*", "incident.reported"):
        with pytest.raises(ValidationFailed):
            check_patterns([pattern])
