"""/v1/conversions/{id}/invalidate: a conversion reported invalid gives back the points it earned."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from app.api import problem_types as problem
from app.api.rest import examples as ex
from app.api.rest.bodies import RequestBody
from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.texts import MULTI_LINE_NOT_BLANK
from app.services.rewards.adjust_points import MAX_REASON
from app.services.rewards.invalidate_conversion import INVALIDATORS, InvalidateConversionCommand

router = APIRouter(prefix="/v1/conversions", tags=["conversions"], route_class=OperationRoute)


class InvalidationCreate(RequestBody):
    """Why the conversion does not count."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "The lead was spam."}]})

    reason: Annotated[str, Field(min_length=1, max_length=MAX_REASON), MULTI_LINE_NOT_BLANK] = Field(
        description="Why it is invalid (a spam lead, a withdrawn application)."
    )


class InvalidationOut(BaseModel):
    """A conversion reported invalid."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "conversion_id": ex.CONVERSION_ID,
                    "reason": "The lead was spam.",
                    "invalidated_at": ex.CONVERTED,
                    "invalidated_by": "crm-sync",
                }
            ]
        }
    )

    conversion_id: UUID = Field(description="The conversion.")
    reason: str = Field(description="Why it is invalid.")
    invalidated_at: datetime = Field(description="When it was reported invalid.")
    invalidated_by: str = Field(description="Who reported it (their token's subject).")


@router.post(
    "/{conversion_id}/invalidate",
    dependencies=[allowed(INVALIDATORS)],
    summary="Report a conversion invalid",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def invalidate_conversion(
    conversion_id: UUID, body: InvalidationCreate, principal: PrincipalDep, services: ServicesDep
) -> InvalidationOut:
    """Integrators and admins, with a reason. The points the conversion's credits earned are reversed
    within seconds (new reversal entries), and it earns no more; `conversion.invalidated` is emitted.
    Reporting it again is refused with 409 `invalid-transition`."""
    command = InvalidateConversionCommand(conversion_id=conversion_id, reason=body.reason)
    done = await services.rewards.invalidate_conversion(principal, command)
    return InvalidationOut(
        conversion_id=done.conversion_id,
        reason=done.reason,
        invalidated_at=done.invalidated_at,
        invalidated_by=done.invalidated_by,
    )
