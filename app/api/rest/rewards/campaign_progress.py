"""/v1/campaigns/{id}/progress: a campaign's progress against its goals."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from app.api import problem_types as problem
from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute
from app.api.rest.rewards.recognition_mappers import campaign_progress_out
from app.api.rest.rewards.recognition_schemas import CampaignProgressOut

router = APIRouter(prefix="/v1/campaigns", tags=["campaigns"], route_class=OperationRoute)


@router.get("/{campaign_id:uuid}/progress", summary="Read a campaign's progress", responses=problems(problem.NOT_FOUND))
async def campaign_progress(campaign_id: UUID, principal: PrincipalDep, services: ServicesDep) -> CampaignProgressOut:
    """Posted shares, counted clicks (never bots, repeats nor the ambassadors' own) and credited
    conversions by type, each beside the campaign's goal (admins, managers, moderators, analysts)."""
    return campaign_progress_out(await services.recognition.campaign_progress(principal, campaign_id))
