"""GraphQL entry points of conversions: the list and one conversion with their credits, and reporting one."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.attribution.enums import ConversionType
from app.api.graphql.attribution.types import (
    Conversion,
    RecordConversionInput,
    RecordedConversion,
    conversion_node,
    record_command,
)
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.errors import ConversionConflictError, ForbiddenError, ValidationError
from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.ports.attribution import ConversionFilter
from app.ports.pagination import DEFAULT_LIMIT

Info = strawberry.Info[GraphQLContext, None]
First = Annotated[int, strawberry.argument(description="Items per page, 1 to 100.")]
After = Annotated[str | None, strawberry.argument(description="The endCursor of the previous page.")]
Instant = Annotated[datetime | None, strawberry.argument(description="With its UTC offset.")]

RecordConversionResult = Annotated[
    RecordedConversion | ValidationError | ConversionConflictError | ForbiddenError,
    strawberry.union("RecordConversionResult"),
]


def _aware(**instants: datetime | None) -> None:
    errors = [
        FieldError((name,), "Give a time with its UTC offset.")
        for name, instant in instants.items()
        if instant is not None and instant.utcoffset() is None
    ]
    if errors:
        raise ValidationFailed("A period bound needs its time zone.", errors)


@strawberry.type
class ConversionQuery:
    @described.field(
        "Page through conversions in the order they were recorded (admin, manager, analyst, integrator); "
        "`campaignId` and `ambassadorId` keep those credited to them, the period is `occurredFrom` "
        "(included) to `occurredTo` (excluded)."
    )
    async def conversions(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        type: ConversionType | None = None,  # noqa: A002 - the API's name
        campaign_id: UUID | None = None,
        ambassador_id: UUID | None = None,
        attributed: bool | None = None,
        occurred_from: Instant = None,
        occurred_to: Instant = None,
    ) -> Connection[Conversion]:
        page = page_request(first, after)
        _aware(occurred_from=occurred_from, occurred_to=occurred_to)
        criteria = ConversionFilter(
            type=type,
            campaign_id=campaign_id,
            ambassador_id=ambassador_id,
            attributed=attributed,
            occurred_from=occurred_from,
            occurred_to=occurred_to,
        )
        context = info.context
        found = await context.services.list_conversions(context.principal, criteria, page)
        return connection(found, conversion_node)

    @described.field("One conversion of your organisation with its credits, or null.")
    async def conversion(
        self, info: Info, conversion_id: Annotated[UUID, strawberry.argument(name="id")]
    ) -> Conversion | None:
        context = info.context
        try:
            return conversion_node(await context.services.get_conversion(context.principal, conversion_id))
        except NotFound:
            return None


@strawberry.type
class ConversionMutation:
    @described.mutation(
        "Report a conversion (integrator, admin). It is credited to the shares its click references or link "
        "code lead to, under the organisation's attribution model and window, or kept unattributed with the "
        "reason. The same report again gives the stored conversion (`created: false`); other details under "
        "the same type and externalId are a `ConversionConflictError`."
    )
    async def record_conversion(
        self,
        info: Info,
        input: RecordConversionInput,  # noqa: A002 - the GraphQL convention
    ) -> RecordConversionResult:
        context = info.context
        outcome = await context.services.record_conversion(context.principal, record_command(input))
        return RecordedConversion(conversion=conversion_node(outcome.record), created=outcome.created)
