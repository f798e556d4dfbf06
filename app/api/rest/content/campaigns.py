"""/v1/campaigns: contents grouped under an objective, a period, an audience and goals."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.content.campaign_mappers import campaign_changes, campaign_out
from app.api.rest.content.campaign_schemas import CampaignCreate, CampaignOut, CampaignUpdate
from app.api.rest.deps import (
    NOT_MODIFIED,
    ConditionalReadDep,
    ExpectedVersionDep,
    PageDep,
    PrincipalDep,
    ServicesDep,
    set_etag,
)
from app.api.rest.instants import Instant
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.content.campaigns import Campaign, CampaignFields, CampaignPhase
from app.domain.content.content_fields import Objective
from app.ports.campaigns import CampaignFilter
from app.services.content.campaign_access import CAMPAIGN_EDITORS
from app.services.content.campaign_contents import CampaignContentCommand
from app.services.content.launch_campaign import CampaignTransitionCommand
from app.services.content.update_campaign import UpdateCampaignCommand

router = APIRouter(prefix="/v1/campaigns", tags=["campaigns"], route_class=OperationRoute)


def _answer(campaign: Campaign, response: Response, services: ServicesDep) -> CampaignOut:
    body = campaign_out(campaign, services.content.current_time())
    set_etag(response, campaign.version, body)
    return body


@router.post(
    "",
    dependencies=[allowed(CAMPAIGN_EDITORS)],
    status_code=status.HTTP_201_CREATED,
    summary="Start a campaign",
    response_description="The campaign created as a draft; `Location` is its address.",
    responses=problems(problem.DUPLICATE_VALUE),
)
async def create_campaign(
    body: CampaignCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> CampaignOut:
    """Start a campaign as a draft (admin, manager). Its slug is unique in the organisation."""
    campaign = await services.content.create_campaign(principal, CampaignFields(**campaign_changes(body)))
    response.headers["Location"] = f"/v1/campaigns/{campaign.id}"
    return _answer(campaign, response, services)


@router.get("", summary="List campaigns")
async def list_campaigns(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    status: CampaignPhase | None = None,
    objective: Objective | None = None,
    active_at: Instant | None = None,
) -> ItemPage[CampaignOut]:
    """Every campaign (staff and analysts), filtered by status, objective or period. `status` is read
    now; `active_at` keeps the campaigns running at that instant."""
    criteria = CampaignFilter(status=status, objective=objective, active_at=active_at)
    result = await services.content.list_campaigns(principal, criteria, page)
    now = services.content.current_time()
    return ItemPage(items=[campaign_out(c, now) for c in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/{campaign_id}", summary="Read a campaign", responses=problems(problem.NOT_FOUND) | NOT_MODIFIED)
async def get_campaign(
    campaign_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> CampaignOut:
    """One campaign, its status read now (staff and analysts). Its `ETag` is the version for `If-Match`;
    it also changes with the status as read now (scheduled, active, ended)."""
    campaign = await services.content.get_campaign(principal, campaign_id)
    return conditional(campaign_out(campaign, services.content.current_time()), campaign.version, shows_more=True)


@router.patch(
    "/{campaign_id}",
    dependencies=[allowed(CAMPAIGN_EDITORS)],
    summary="Change a campaign",
    responses=problems(problem.NOT_FOUND, problem.DUPLICATE_VALUE, problem.INVALID_TRANSITION),
)
async def update_campaign(
    campaign_id: UUID,
    body: CampaignUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> CampaignOut:
    """Change the fields sent (admin, manager). Honours If-Match. A launched campaign keeps its slug."""
    command = UpdateCampaignCommand(
        campaign_id=campaign_id, changes=campaign_changes(body), expected_version=expected_version
    )
    return _answer(await services.content.update_campaign(principal, command), response, services)


@router.post(
    "/{campaign_id}/launch",
    dependencies=[allowed(CAMPAIGN_EDITORS)],
    summary="Launch a campaign",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def launch_campaign(
    campaign_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> CampaignOut:
    """Launch a draft (admin, manager); it needs `starts_at`. Its dates then make it scheduled, active
    or ended. Honours If-Match."""
    command = CampaignTransitionCommand(campaign_id=campaign_id, expected_version=expected_version)
    return _answer(await services.content.launch_campaign(principal, command), response, services)


@router.post(
    "/{campaign_id}/archive",
    dependencies=[allowed(CAMPAIGN_EDITORS)],
    summary="Archive a campaign",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def archive_campaign(
    campaign_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> CampaignOut:
    """Archive it (admin, manager); it can no longer change. Honours If-Match."""
    command = CampaignTransitionCommand(campaign_id=campaign_id, expected_version=expected_version)
    return _answer(await services.content.archive_campaign(principal, command), response, services)


@router.put(
    "/{campaign_id}/contents/{content_id}",
    dependencies=[allowed(CAMPAIGN_EDITORS)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Put a content in a campaign",
    response_description="The content is in the campaign.",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def add_campaign_content(
    campaign_id: UUID, content_id: UUID, principal: PrincipalDep, services: ServicesDep
) -> None:
    """Put a content in the campaign (admin, manager); putting it again changes nothing. A content
    may be in several campaigns; archived contents and campaigns take no part."""
    await services.content.add_content_to_campaign(
        principal, CampaignContentCommand(campaign_id=campaign_id, content_id=content_id)
    )


@router.delete(
    "/{campaign_id}/contents/{content_id}",
    dependencies=[allowed(CAMPAIGN_EDITORS)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Take a content out of a campaign",
    response_description="The content is not in the campaign.",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def remove_campaign_content(
    campaign_id: UUID, content_id: UUID, principal: PrincipalDep, services: ServicesDep
) -> None:
    """Take a content out of the campaign (admin, manager); taking out one that is not in it changes nothing."""
    command = CampaignContentCommand(campaign_id=campaign_id, content_id=content_id)
    await services.content.remove_content_from_campaign(principal, command)
