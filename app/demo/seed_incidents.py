"""The demo's incident told through the use cases (``app/demo/incidents_story.py``): flagged on
Amelia's share, assessed, a reminder sent to her, resolved."""

from __future__ import annotations

from uuid import UUID

from app.demo.incidents_story import (
    ASSESSED,
    ASSESSMENT_NOTE,
    FLAGGED_POST_URL,
    MODERATOR_EMAIL,
    MODERATOR_SUBJECT,
    OUTCOME,
    REMINDED,
    REMINDER,
    REMINDER_NOTE,
    REPORTED,
    RESOLVED,
    SUMMARY,
)
from app.demo.story_clock import StoryClock
from app.domain.community.incident_values import ActionKind, Nature, Severity
from app.domain.roster.identity import Principal, Role
from app.ports.pagination import MAX_LIMIT, PageRequest
from app.ports.sharing import ShareFilter
from app.services.community.incidents import IncidentsUseCases
from app.services.community.incidents.act_on_incident import IncidentActionCommand
from app.services.community.incidents.report_incident import ReportIncidentCommand
from app.services.sharing import SharingUseCases


async def tell_incidents(
    incidents: IncidentsUseCases, sharing: SharingUseCases, story: StoryClock, tenant_id: UUID, domain: str
) -> None:
    amelia = Principal(
        tenant_id=tenant_id,
        subject="demo|amelia",
        email=f"amelia.clarke@{domain}",
        email_verified=True,
        roles=frozenset({Role.AMBASSADOR}),
    )
    shares = await sharing.list_my_shares(amelia, ShareFilter(), PageRequest(limit=MAX_LIMIT))
    flagged = next(view.share for view in shares.items if view.share.post_url == FLAGGED_POST_URL)
    moderator = Principal(
        tenant_id=tenant_id, subject=MODERATOR_SUBJECT, email=MODERATOR_EMAIL, roles=frozenset({Role.MODERATOR})
    )
    story.go_to(REPORTED)
    report = ReportIncidentCommand(summary=SUMMARY, severity=Severity.MINOR, share_id=flagged.id)
    incident = await incidents.report_incident(moderator, report)
    steps = (
        (
            ASSESSED,
            IncidentActionCommand(
                incident_id=incident.id,
                kind=ActionKind.ASSESSMENT,
                severity=Severity.MINOR,
                nature=Nature.PERSONAL_EXPRESSION,
                note=ASSESSMENT_NOTE,
            ),
        ),
        (
            REMINDED,
            IncidentActionCommand(
                incident_id=incident.id, kind=ActionKind.REMINDER, message=REMINDER, note=REMINDER_NOTE
            ),
        ),
        (RESOLVED, IncidentActionCommand(incident_id=incident.id, kind=ActionKind.RESOLUTION, outcome=OUTCOME)),
    )
    for day, command in steps:
        story.go_to(day)
        await incidents.act_on_incident(moderator, command)
