"""/v1/conversions: conversions integrators report, and the shares they are credited to."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.attribution.schemas import ConversionCreate, ConversionCreditOut, ConversionOut
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import NOT_MODIFIED, ConditionalReadDep, PageDep, PrincipalDep, ServicesDep, etag
from app.api.rest.instants import Instant
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.attribution.conversion_records import ConversionRecord, weight_text
from app.domain.attribution.conversions import ConversionType
from app.ports.attribution import ConversionFilter
from app.services.attribution.record_conversion import CONVERSION_REPORTERS, RecordConversionCommand

router = APIRouter(prefix="/v1/conversions", tags=["conversions"], route_class=OperationRoute)
REPLAYED: dict[int | str, dict[str, Any]] = {
    200: {"model": ConversionOut, "description": "The same report again: the conversion as it was stored."}
}


def conversion_out(record: ConversionRecord) -> ConversionOut:
    conversion, attribution = record.conversion, record.attribution
    return ConversionOut(
        id=record.id,
        type=conversion.type,
        external_id=conversion.external_id,
        occurred_at=conversion.occurred_at,
        value_minor=conversion.value_minor,
        currency=conversion.currency,
        metadata=dict(conversion.metadata),
        click_refs=list(conversion.click_refs),
        link_code=conversion.link_code,
        attributed=record.attributed,
        unattributed_reason=attribution.reason,
        attribution_model=attribution.model,
        attribution_window_days=record.window_days,
        credits=[
            ConversionCreditOut(
                share_id=credit.share_id,
                ambassador_id=credit.ambassador_id,
                content_id=credit.content_id,
                campaign_id=credit.campaign_id,
                weight=weight_text(credit.weight),
            )
            for credit in record.credits
        ],
        recorded_at=record.recorded_at,
    )


@router.post(
    "",
    dependencies=[allowed(CONVERSION_REPORTERS)],
    status_code=status.HTTP_201_CREATED,
    summary="Report a conversion",
    response_description="The conversion recorded, with the shares credited; `Location` is its address.",
    responses=REPLAYED | problems(problem.CONVERSION_CONFLICT),
)
async def record_conversion(
    body: ConversionCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> ConversionOut:
    """Report a conversion (integrator, admin). It is credited to the shares its click references (or
    link code) lead to, under the organisation's attribution model and window; without a usable
    reference it is kept unattributed, with the reason. The same (type, external_id) with the same
    details again answers 200 with the stored conversion; with other details, 409 `conversion-conflict`."""
    command = RecordConversionCommand(
        type=body.type,
        external_id=body.external_id,
        occurred_at=body.occurred_at,
        click_ref=body.click_ref,
        click_refs=body.click_refs,
        link_code=body.link_code,
        value_minor=body.value_minor,
        currency=body.currency,
        metadata=body.metadata,
    )
    outcome = await services.attribution.record_conversion(principal, command)
    response.headers["Location"] = f"/v1/conversions/{outcome.record.id}"
    if not outcome.created:
        response.status_code = status.HTTP_200_OK
    answer = conversion_out(outcome.record)
    response.headers["ETag"] = etag(None, answer)
    return answer


@router.get("", summary="List conversions")
async def list_conversions(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    type: ConversionType | None = None,  # noqa: A002 - the API's name
    campaign_id: UUID | None = None,
    ambassador_id: UUID | None = None,
    attributed: bool | None = None,
    occurred_from: Instant | None = None,
    occurred_to: Instant | None = None,
) -> ItemPage[ConversionOut]:
    """Admins, managers, analysts and integrators, in the order they were recorded. `campaign_id` and
    `ambassador_id` keep the conversions credited to them; the period is `occurred_from` (included)
    to `occurred_to` (excluded)."""
    criteria = ConversionFilter(
        type=type,
        campaign_id=campaign_id,
        ambassador_id=ambassador_id,
        attributed=attributed,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )
    result = await services.attribution.list_conversions(principal, criteria, page)
    return ItemPage(items=[conversion_out(item) for item in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/{conversion_id}", summary="Read a conversion", responses=problems(problem.NOT_FOUND) | NOT_MODIFIED)
async def get_conversion(
    conversion_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> ConversionOut:
    """One conversion with its credits (admin, manager, analyst, integrator). Its ETag is a digest
    of the answer."""
    return conditional(conversion_out(await services.attribution.get_conversion(principal, conversion_id)))
