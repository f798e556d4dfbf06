"""The incidents' repository on the fakes and on PostgreSQL: an incident read back as it was written,
its timeline appended once per entry and in order, lists filtered, and every read scoped to its tenant."""

from __future__ import annotations

from uuid import UUID

from app.domain.community.incident_values import (
    ActionKind,
    Assignee,
    AssigneeRole,
    Exposure,
    IncidentStatus,
    Nature,
    Severity,
)
from app.domain.community.incidents import Incident
from app.domain.roster.ambassadors import Ambassador
from app.ports.community_incidents import IncidentFilter
from app.ports.pagination import PageRequest
from tests.contract.conftest import Backend
from tests.contract.helpers import LATER, NOW, add_tenant, enrol, hire

AUTHOR = "idp|moderator"


async def member(backend: Backend, slug: str = "acme") -> Ambassador:
    tenant = await add_tenant(backend, slug)
    return await enrol(backend, tenant, await hire(backend, tenant))


async def reported(backend: Backend, ambassador: Ambassador, severity: Severity = Severity.MINOR) -> Incident:
    incident = Incident.report(
        id=backend.ids.new_id(),
        tenant_id=ambassador.tenant_id,
        summary="Speaks for the company.\nTwice.",
        severity=severity,
        nature=Nature.UNDETERMINED,
        share=None,
        ambassador_id=ambassador.id,
        exposure=Exposure(potential_reach=620, impressions=None, clicks=14, unique_clicks=11, estimated_at=NOW),
        assignees=[Assignee(employee_id=ambassador.employee_id, role=AssigneeRole.MODERATION)],
        reported_by=AUTHOR,
        now=NOW,
    )
    async with backend.uow(ambassador.tenant_id) as uow:
        await uow.incidents.add(incident)
        await uow.commit()
    return incident


async def handled(backend: Backend, ambassador: Ambassador, incident_id: UUID) -> Incident:
    async with backend.uow(ambassador.tenant_id) as uow:
        incident = await uow.incidents.get(incident_id, for_update=True)
        assert incident is not None
        incident.assess(
            action_id=backend.ids.new_id(),
            severity=Severity.MODERATE,
            nature=Nature.COMPANY_MATTER,
            note=None,
            author=AUTHOR,
            now=LATER,
        )
        incident.send_reminder(
            action_id=backend.ids.new_id(), message="Please edit.", note="First.", author=AUTHOR, now=LATER
        )
        hr = Assignee(employee_id=ambassador.employee_id, role=AssigneeRole.HR)
        incident.escalate(action_id=backend.ids.new_id(), assignees=[hr], note=None, author=AUTHOR, now=LATER)
        await uow.incidents.save(incident)
        await uow.commit()
    async with backend.uow(ambassador.tenant_id) as uow:
        incident = await uow.incidents.get(incident_id, for_update=True)
        assert incident is not None
        incident.resolve(action_id=backend.ids.new_id(), outcome="Edited.", author=AUTHOR, now=LATER)
        await uow.incidents.save(incident)
        await uow.commit()
    return incident


async def test_an_incident_reads_back_as_written_with_its_timeline_in_order(backend: Backend) -> None:
    ambassador = await member(backend)
    incident = await handled(backend, ambassador, (await reported(backend, ambassador)).id)
    async with backend.uow(ambassador.tenant_id) as uow:
        stored = await uow.incidents.get(incident.id)
    assert stored == incident
    assert stored.status is IncidentStatus.RESOLVED
    assert [action.kind for action in stored.timeline] == [
        ActionKind.ASSESSMENT,
        ActionKind.REMINDER,
        ActionKind.ESCALATION,
        ActionKind.RESOLUTION,
    ]
    assert stored.timeline[1].message == "Please edit."
    assert stored.timeline[1].ambassador_id == ambassador.id
    assert stored.exposure is not None
    assert stored.exposure.estimated_reach == 620
    assert {assignee.role for assignee in stored.assignees} == {AssigneeRole.MODERATION, AssigneeRole.HR}
    types = [event.type for event in await backend.outbox()]
    assert [t for t in types if t.startswith("incident.")] == [
        "incident.reported",
        "incident.assessed",
        "incident.reminder_sent",
        "incident.escalated",
        "incident.resolved",
    ]


async def test_lists_filter_by_status_and_severity_and_never_cross_tenants(backend: Backend) -> None:
    ambassador = await member(backend)
    minor = await reported(backend, ambassador)
    serious = await reported(backend, ambassador, Severity.SERIOUS)
    await handled(backend, ambassador, serious.id)
    other = await member(backend, "globex")
    async with backend.uow(ambassador.tenant_id) as uow:
        everything = await uow.incidents.list(IncidentFilter(), PageRequest())
        first = await uow.incidents.list(IncidentFilter(), PageRequest(limit=1))
        open_ones = await uow.incidents.list(IncidentFilter(status=IncidentStatus.OPEN), PageRequest())
        moderate = await uow.incidents.list(IncidentFilter(severity=Severity.MODERATE), PageRequest())
    async with backend.uow(other.tenant_id) as uow:
        theirs = await uow.incidents.list(IncidentFilter(), PageRequest())
        reached = await uow.incidents.get(minor.id)
    assert [i.id for i in everything.items] == [minor.id, serious.id]
    assert ([i.id for i in first.items], first.next_after) == ([minor.id], minor.id)
    assert [i.id for i in open_ones.items] == [minor.id]
    assert [i.id for i in moderate.items] == [serious.id]
    assert len(moderate.items[0].timeline) == 4
    assert (theirs.items, reached) == ([], None)
