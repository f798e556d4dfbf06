"""/v1/metrics/cohorts: the invitation waves as cohorts, each with its funnel and conversions."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.community.recruiting.mappers import funnel_out
from app.api.rest.community.recruiting.schemas import FunnelOut
from app.api.rest.deps import PageDep, PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.metrics.cohorts import Cohort
from app.services.metrics.read_checks import METRIC_READERS

router = APIRouter(prefix="/v1/metrics", tags=["metrics"], route_class=OperationRoute)

_CONVERSIONS: dict[str, Any] = {"joined": 0.6, "first_share": 0.6667, "active_after_30_days": 0.5}
_COHORT: dict[str, Any] = {
    "wave_id": "0190a1b2-0000-7000-8000-00000000c0a1",
    "name": "Sales, spring",
    "launched_at": "2025-03-03T09:00:00Z",
    "funnel": {"invited": 10, "joined": 6, "first_share": 4, "active_after_30_days": 2, "not_yet_measurable": 2},
    "conversions": _CONVERSIONS,
}


class ConversionsOut(BaseModel):
    """Each stage of the funnel over the one before (null when the one before is empty)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_CONVERSIONS]})

    joined: float | None = Field(description="Joined / invited.")
    first_share: float | None = Field(description="First share / joined.")
    active_after_30_days: float | None = Field(
        description="Active after 30 days / those who joined at least 30 days ago (joined - not yet measurable)."
    )


class CohortOut(BaseModel):
    """An invitation wave followed as a cohort: its funnel as of now and its conversions."""

    model_config = ConfigDict(json_schema_extra={"examples": [_COHORT]})

    wave_id: UUID = Field(description="The wave's id (`/v1/recruiting/waves/{id}`).")
    name: str = Field(description="What staff call the wave.")
    launched_at: datetime = Field(description="When the wave was launched: its invitations' time.")
    funnel: FunnelOut = Field(description="The cohort's funnel as of now, as the wave resource answers it.")
    conversions: ConversionsOut = Field(description="The conversion from each stage to the next.")


def cohort_out(cohort: Cohort) -> CohortOut:
    conversions = cohort.conversions
    return CohortOut(
        wave_id=cohort.wave_id,
        name=cohort.name,
        launched_at=cohort.launched_at,
        funnel=funnel_out(cohort.funnel),
        conversions=ConversionsOut(
            joined=conversions.joined,
            first_share=conversions.first_share,
            active_after_30_days=conversions.active_after_30_days,
        ),
    )


@router.get(
    "/cohorts",
    dependencies=[allowed(METRIC_READERS)],
    summary="Read the invitation waves as cohorts",
    responses=problems(problem.FORBIDDEN),
)
async def read_cohorts(principal: PrincipalDep, services: ServicesDep, page: PageDep) -> ItemPage[CohortOut]:
    """The invitation waves, newest first, each with its funnel as of now (invited → joined → first share
    → active after 30 days) and the conversion from each stage to the next (admins, managers, analysts).
    A page costs the same few statements whatever its size."""
    result = await services.metrics.read_cohorts(principal, page)
    return ItemPage(items=[cohort_out(c) for c in result.items], next_cursor=encode_cursor(result.next_after))
