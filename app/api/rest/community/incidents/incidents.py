"""/v1/incidents: slips of ambassadors, reported by staff or flagged on a share, handled along a
timeline and resolved (moderators and admins only)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.community.incidents.mappers import action_command, incident_out, report_command
from app.api.rest.community.incidents.schemas import IncidentActionIn, IncidentCreate, IncidentOut
from app.api.rest.deps import (
    NOT_MODIFIED,
    ConditionalReadDep,
    ExpectedVersionDep,
    PageDep,
    PrincipalDep,
    ServicesDep,
    set_etag,
)
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.community.incident_values import IncidentStatus, Severity
from app.domain.community.incidents import Incident
from app.ports.community_incidents import IncidentFilter
from app.services.community.incidents.access import INCIDENT_STAFF

router = APIRouter(prefix="/v1/incidents", tags=["incidents"], route_class=OperationRoute)
STAFF = [allowed(INCIDENT_STAFF)]


def _answer(incident: Incident, response: Response) -> IncidentOut:
    body = incident_out(incident)
    set_etag(response, incident.version, body)
    return body


@router.post(
    "",
    dependencies=STAFF,
    status_code=status.HTTP_201_CREATED,
    summary="Report an incident",
    response_description="The incident, open; `Location` is its address.",
    responses=problems(problem.NOT_FOUND),
)
async def report_incident(
    body: IncidentCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> IncidentOut:
    """Report an incident (moderator, admin). Flagged on a share, its ambassador and content are the share's
    and its exposure is estimated from the share's reach now. A share, an ambassador or an assignee of no
    employee of your organisation is refused, and nothing is written."""
    incident = await services.incidents.report_incident(principal, report_command(body))
    response.headers["Location"] = f"/v1/incidents/{incident.id}"
    return _answer(incident, response)


@router.get("", dependencies=STAFF, summary="List incidents")
async def list_incidents(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    status: IncidentStatus | None = None,
    severity: Severity | None = None,
) -> ItemPage[IncidentOut]:
    """The organisation's incidents (moderator, admin), in the order reported, each with its timeline."""
    result = await services.incidents.list_incidents(principal, IncidentFilter(status=status, severity=severity), page)
    return ItemPage(items=[incident_out(item) for item in result.items], next_cursor=encode_cursor(result.next_after))


@router.get(
    "/{incident_id}",
    dependencies=STAFF,
    summary="Read an incident",
    responses=problems(problem.NOT_FOUND) | NOT_MODIFIED,
)
async def get_incident(
    incident_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> IncidentOut:
    """One incident's file with its timeline (moderator, admin). Its `ETag` is the version for `If-Match`."""
    incident = await services.incidents.get_incident(principal, incident_id)
    return conditional(incident_out(incident), incident.version)


@router.post(
    "/{incident_id}/actions",
    dependencies=STAFF,
    summary="Act on an incident",
    response_description="The incident with the action at the end of its timeline.",
    responses=problems(
        problem.NOT_FOUND,
        problem.INCIDENT_RESOLVED,
        problem.INCIDENT_SUBJECT_MISSING,
        problem.INVALID_TRANSITION,
    ),
)
async def act_on_incident(
    incident_id: UUID,
    body: IncidentActionIn,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> IncidentOut:
    """Add an action to the timeline (moderator, admin): an assessment, a note, a private reminder to the
    ambassador (it reaches their notifications, the message alone), a paused membership (paused at once), a
    recalled content, an escalation to HR or communications, or the resolution. A resolved incident takes no
    more action. Honours If-Match."""
    command = action_command(incident_id, body, expected_version)
    return _answer(await services.incidents.act_on_incident(principal, command), response)


@router.post(
    "/{incident_id}/exposure",
    dependencies=STAFF,
    summary="Estimate an incident's exposure again",
    responses=problems(problem.NOT_FOUND, problem.INCIDENT_RESOLVED, problem.INCIDENT_SUBJECT_MISSING),
)
async def refresh_incident_exposure(
    incident_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> IncidentOut:
    """Estimate again how far the flagged share went, from its figures now (moderator, admin). Honours If-Match."""
    incident = await services.incidents.refresh_incident_exposure(principal, incident_id, expected_version)
    return _answer(incident, response)
