"""/v1/recruiting: prospects and invitation waves, for staff."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.community.recruiting.mappers import counts_out, prospect_out, wave_out
from app.api.rest.community.recruiting.schemas import (
    ProspectCountsOut,
    ProspectOut,
    WaveCreate,
    WaveOut,
)
from app.api.rest.deps import NOT_MODIFIED, ConditionalReadDep, PageDep, PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.texts import SearchText
from app.domain.community.recruiting import ProspectStanding
from app.domain.roster.identity import PROGRAMME_STAFF
from app.ports.community_recruiting import ProspectFilter
from app.services.community.recruiting.waves import LaunchWaveCommand

router = APIRouter(prefix="/v1/recruiting", tags=["recruiting"], route_class=OperationRoute)

StandingQuery = Annotated[
    ProspectStanding | None,
    Query(description="Keep only prospects of this standing: `never_invited`, `invited` or `left`."),
]


@router.get("/prospects", dependencies=[allowed(PROGRAMME_STAFF)], summary="List the prospects")
async def list_prospects(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    department: SearchText | None = None,
    location: SearchText | None = None,
    standing: StandingQuery = None,
) -> ItemPage[ProspectOut]:
    """The active employees who are not members of the programme (admin, manager), in id order: never
    invited, invited without joining yet, or left. `department` and `location` match the roster's values
    exactly."""
    criteria = ProspectFilter(department=department, location=location, standing=standing)
    result = await services.recruiting.list_prospects(principal, criteria, page)
    return ItemPage(items=[prospect_out(p) for p in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/prospects/counts", dependencies=[allowed(PROGRAMME_STAFF)], summary="Count the prospects")
async def count_prospects(
    principal: PrincipalDep,
    services: ServicesDep,
    department: SearchText | None = None,
    location: SearchText | None = None,
    standing: StandingQuery = None,
) -> ProspectCountsOut:
    """How many prospects the filter matches (admin, manager), in all, by department and by location,
    largest first: where to send the next wave."""
    criteria = ProspectFilter(department=department, location=location, standing=standing)
    return counts_out(await services.recruiting.count_prospects(principal, criteria))


@router.post(
    "/waves",
    dependencies=[allowed(PROGRAMME_STAFF)],
    status_code=status.HTTP_201_CREATED,
    summary="Launch an invitation wave",
    response_description="The wave, its invited employees and skipped members, and its funnel.",
    responses=problems(problem.WAVE_EMPLOYEES_REFUSED, problem.WAVE_INVITES_NOBODY),
)
async def launch_wave(body: WaveCreate, principal: PrincipalDep, services: ServicesDep, response: Response) -> WaveOut:
    """Invite a list of employees, or every prospect of a department and/or location (admin, manager),
    each as a single invitation would: an invitation already standing is kept (no second reminder),
    someone who left is invited again, and current members are skipped and listed. Joining stays each
    employee's choice. An unknown or terminated employee refuses the whole wave
    (`wave-employees-refused`), and nobody is invited."""
    command = LaunchWaveCommand(
        name=body.name,
        note=body.note,
        employee_ids=None if body.employee_ids is None else tuple(body.employee_ids),
        department=body.department,
        location=body.location,
    )
    view = await services.recruiting.launch_wave(principal, command)
    response.headers["Location"] = f"/v1/recruiting/waves/{view.wave.id}"
    return wave_out(view)


@router.get("/waves", summary="List the invitation waves")
async def list_waves(principal: PrincipalDep, services: ServicesDep, page: PageDep) -> ItemPage[WaveOut]:
    """The waves, newest first, each with its cohort's funnel as of now (admins, managers, moderators,
    analysts)."""
    result = await services.recruiting.list_waves(principal, page)
    return ItemPage(items=[wave_out(w) for w in result.items], next_cursor=encode_cursor(result.next_after))


@router.get(
    "/waves/{wave_id:uuid}", summary="Read an invitation wave", responses=problems(problem.NOT_FOUND) | NOT_MODIFIED
)
async def get_wave(
    wave_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> WaveOut:
    """A wave with its cohort's funnel as of now (admins, managers, moderators, analysts): invited →
    joined (opted in after the wave) → first share → active after 30 days (still a member at their 30-day
    mark and posted a share in the 30 days after it); those who joined less than 30 days ago are
    `not_yet_measurable`. Its ETag changes with the funnel."""
    view = await services.recruiting.get_wave(principal, wave_id)
    return conditional(wave_out(view), view.wave.version, shows_more=True)
