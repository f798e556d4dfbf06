"""/v1/me/impact: an ambassador's own figures over this period, beside the period before."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.metrics.impact_schemas import ImpactOut
from app.api.rest.metrics.mappers import impact_out
from app.api.rest.openapi import AS_MEMBER, problems
from app.api.rest.operations import OperationRoute
from app.domain.metrics.impact import ImpactPeriod

router = APIRouter(prefix="/v1/me", tags=["me"], route_class=OperationRoute)


@router.get(
    "/impact",
    summary="Read your impact",
    responses=problems(*AS_MEMBER),
)
async def read_my_impact(
    principal: PrincipalDep,
    services: ServicesDep,
    period: Annotated[
        ImpactPeriod,
        Query(
            description="`week` (from Monday), `month`, `quarter` or `year`: the current one, in the programme's "
            "time zone."
        ),
    ] = ImpactPeriod.MONTH,
) -> ImpactOut:
    """Your own figures over the current period, each beside the whole period before (ambassadors who
    joined; a paused or former member still reads theirs): the potential reach, impressions and
    engagement of the shares you posted, the clicks and unique visitors your links brought, the leads,
    job applications and hires credited to your shares, the points awarded to you, your rank on the
    programme's board of the period, the badges you earned and how much your connected accounts'
    audience grew."""
    return impact_out(await services.metrics.read_impact(principal, period))
