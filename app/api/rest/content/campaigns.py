"""/v1/campaigns: contents grouped under an objective, a period, an audience and goals."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.content.campaign_schemas import CampaignCreate, CampaignOut, CampaignUpdate
from app.api.rest.content.mappers import campaign_changes, campaign_out
from app.api.rest.deps import ExpectedVersionDep, PageDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.instants import Instant
from app.api.rest.openapi import problems
from app.domain.content.campaigns import Campaign, CampaignFields, CampaignPhase
from app.domain.content.content_fields import Objective
from app.ports.content import CampaignFilter
from app.services.content.campaign_contents import CampaignContentCommand
from app.services.content.launch_campaign import CampaignTransitionCommand
from app.services.content.update_campaign import UpdateCampaignCommand

router = APIRouter(prefix="/v1/campaigns", tags=["campaigns"])


def _answer(campaign: Campaign, response: Response, services: ServicesDep) -> CampaignOut:
    set_etag(response, campaign.version)
    return campaign_out(campaign, services.current_time())


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems(409, 413, 415))
async def create_campaign(
    body: CampaignCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> CampaignOut:
    """Start a campaign as a draft (admin, manager). Its slug is unique in the organisation."""
    campaign = await services.create_campaign(principal, CampaignFields(**campaign_changes(body)))
    response.headers["Location"] = f"/v1/campaigns/{campaign.id}"
    return _answer(campaign, response, services)


@router.get("", responses=problems())
async def list_campaigns(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    status: CampaignPhase | None = None,
    objective: Objective | None = None,
    active_at: Instant | None = None,
) -> ItemPage[CampaignOut]:
    """Staff and analysts. `status` is read now; `active_at` keeps the campaigns running at that instant."""
    criteria = CampaignFilter(status=status, objective=objective, active_at=active_at)
    result = await services.list_campaigns(principal, criteria, page)
    now = services.current_time()
    return ItemPage(items=[campaign_out(c, now) for c in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/{campaign_id}", responses=problems(404))
async def get_campaign(
    campaign_id: UUID, principal: PrincipalDep, services: ServicesDep, response: Response
) -> CampaignOut:
    return _answer(await services.get_campaign(principal, campaign_id), response, services)


@router.patch("/{campaign_id}", responses=problems(404, 409, 412, 413, 415))
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
    return _answer(await services.update_campaign(principal, command), response, services)


@router.post("/{campaign_id}/launch", responses=problems(404, 409, 412))
async def launch_campaign(
    campaign_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> CampaignOut:
    """Launch a draft (admin, manager); it needs `starts_at`. Its dates then make it scheduled, active or ended."""
    command = CampaignTransitionCommand(campaign_id=campaign_id, expected_version=expected_version)
    return _answer(await services.launch_campaign(principal, command), response, services)


@router.post("/{campaign_id}/archive", responses=problems(404, 409, 412))
async def archive_campaign(
    campaign_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> CampaignOut:
    """Archive it (admin, manager); it can no longer change."""
    command = CampaignTransitionCommand(campaign_id=campaign_id, expected_version=expected_version)
    return _answer(await services.archive_campaign(principal, command), response, services)


@router.put(
    "/{campaign_id}/contents/{content_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404, 409)
)
async def add_campaign_content(
    campaign_id: UUID, content_id: UUID, principal: PrincipalDep, services: ServicesDep
) -> None:
    """Put a content in the campaign (admin, manager); putting it again changes nothing. A content
    may be in several campaigns; archived contents and campaigns take no part."""
    await services.add_content_to_campaign(
        principal, CampaignContentCommand(campaign_id=campaign_id, content_id=content_id)
    )


@router.delete(
    "/{campaign_id}/contents/{content_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problems(404, 409)
)
async def remove_campaign_content(
    campaign_id: UUID, content_id: UUID, principal: PrincipalDep, services: ServicesDep
) -> None:
    """Take a content out of the campaign (admin, manager); taking out one that is not in it changes nothing."""
    command = CampaignContentCommand(campaign_id=campaign_id, content_id=content_id)
    await services.remove_content_from_campaign(principal, command)
