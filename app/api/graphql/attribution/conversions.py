"""GraphQL entry points of conversions: the list and one conversion with their credits, and reporting one."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
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
from app.api.graphql.global_ids import optional_uuid_of, uuid_of
from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.ports.attribution import ConversionFilter
from app.ports.pagination import DEFAULT_LIMIT

Info = strawberry.Info[GraphQLContext, None]

RecordConversionResult = Annotated[
    RecordedConversion | ValidationError | ConversionConflictError | ForbiddenError,
    strawberry.union("RecordConversionResult", description="The conversion stored, or why the report was refused."),
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
        type: Annotated[  # noqa: A002 - the API's name
            ConversionType | None, strawberry.argument(description="Only conversions of this type.")
        ] = None,
        campaign_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only those credited to the campaign of this `id`.")
        ] = None,
        ambassador_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only those credited to the member of this `id`.")
        ] = None,
        attributed: Annotated[
            bool | None, strawberry.argument(description="Only those credited to a share (true) or to none (false).")
        ] = None,
        occurred_from: Annotated[
            datetime | None, strawberry.argument(description="Only those that occurred at or after this instant.")
        ] = None,
        occurred_to: Annotated[
            datetime | None, strawberry.argument(description="Only those that occurred before this instant.")
        ] = None,
    ) -> Connection[Conversion]:
        page = page_request(first, after)
        _aware(occurred_from=occurred_from, occurred_to=occurred_to)
        criteria = ConversionFilter(
            type=type,
            campaign_id=optional_uuid_of(campaign_id, "Campaign", ("campaign_id",)),
            ambassador_id=optional_uuid_of(ambassador_id, "Ambassador", ("ambassador_id",)),
            attributed=attributed,
            occurred_from=occurred_from,
            occurred_to=occurred_to,
        )
        context = info.context
        found = await context.services.attribution.list_conversions(context.principal, criteria, page)
        return connection(found, conversion_node, page)

    @described.field("One conversion of your organisation with its credits, or null.")
    async def conversion(
        self,
        info: Info,
        conversion_id: Annotated[strawberry.ID, strawberry.argument(name="id", description="The conversion's `id`.")],
    ) -> Conversion | None:
        context = info.context
        uuid = uuid_of(conversion_id, "Conversion", ("id",))
        try:
            return conversion_node(await context.services.attribution.get_conversion(context.principal, uuid))
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
        input: Annotated[  # noqa: A002 - the GraphQL convention
            RecordConversionInput, strawberry.argument(description="The conversion, as your systems saw it.")
        ],
    ) -> RecordConversionResult:
        context = info.context
        outcome = await context.services.attribution.record_conversion(context.principal, record_command(input))
        return RecordedConversion(conversion=conversion_node(outcome.record), created=outcome.created)
