"""GraphQL entry points of points: one's own and a member's statement, adjustments, reviews of withheld
points, and conversions reported invalid. The same use cases as REST."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.connections import page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.errors import (
    ForbiddenError,
    InvalidTransitionError,
    NotFoundError,
    ValidationError,
)
from app.api.graphql.global_ids import global_id, uuid_of
from app.api.graphql.rewards.errors import InsufficientPointsError
from app.api.graphql.rewards.types import (
    AdjustPointsInput,
    ConversionInvalidated,
    InvalidateConversionInput,
    PointsAdjusted,
    PointsReviewed,
    PointsStatementType,
    ReviewPointsInput,
    entry_node,
    statement_node,
)
from app.domain.errors import NotFound
from app.ports.pagination import DEFAULT_LIMIT
from app.services.rewards.adjust_points import AdjustPointsCommand
from app.services.rewards.invalidate_conversion import InvalidateConversionCommand
from app.services.rewards.review_points import ReviewPointsCommand

Info = strawberry.Info[GraphQLContext, None]

AdjustPointsResult = Annotated[
    PointsAdjusted | ValidationError | InsufficientPointsError | NotFoundError | ForbiddenError,
    strawberry.union("AdjustPointsResult", description="The adjustment stored, or why it was refused."),
]
ReviewPointsResult = Annotated[
    PointsReviewed | InvalidTransitionError | NotFoundError | ForbiddenError,
    strawberry.union("ReviewPointsResult", description="The decision stored, or why it was refused."),
]
InvalidateConversionResult = Annotated[
    ConversionInvalidated | ValidationError | InvalidTransitionError | NotFoundError | ForbiddenError,
    strawberry.union("InvalidateConversionResult", description="The invalidation recorded, or why it was refused."),
]


@strawberry.type
class PointsQuery:
    @described.field(
        "Your balance (never below zero), the points you ever earned and your entries, newest first, each "
        "explaining which rule earned it under which version, from which event, with which multiplier and cap."
    )
    async def my_points(self, info: Info, first: First = DEFAULT_LIMIT, after: After = None) -> PointsStatementType:
        page = page_request(first, after)
        context = info.context
        statement = await context.services.rewards.get_my_points(context.principal, page)
        return statement_node(statement, page)

    @described.field("A member's balance and entries, newest first (admin, manager, moderator, analyst), or null.")
    async def ambassador_points(
        self,
        info: Info,
        ambassador_id: Annotated[strawberry.ID, strawberry.argument(description="The `id` of the membership.")],
        first: First = DEFAULT_LIMIT,
        after: After = None,
    ) -> PointsStatementType | None:
        page = page_request(first, after)
        context = info.context
        uuid = uuid_of(ambassador_id, "Ambassador", ("ambassador_id",))
        try:
            statement = await context.services.rewards.get_ambassador_points(context.principal, uuid, page)
        except NotFound:
            return None
        return statement_node(statement, page)


@strawberry.type
class PointsMutation:
    @described.mutation(
        "Add or take away a member's points (admin), with a reason they see. Taking more than the balance "
        "holds is an `InsufficientPointsError`."
    )
    async def adjust_points(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            AdjustPointsInput, strawberry.argument(description="Whose points, how many, and why.")
        ],
    ) -> AdjustPointsResult:
        context = info.context
        command = AdjustPointsCommand(
            ambassador_id=uuid_of(input.ambassador_id, "Ambassador", ("ambassador_id",)),
            points=input.points,
            reason=input.reason,
        )
        return PointsAdjusted(
            entry=entry_node(await context.services.rewards.adjust_points(context.principal, command))
        )

    @described.mutation(
        "Release or reverse points the velocity guard withheld (admin, moderator), once: an entry already "
        "decided is an `InvalidTransitionError`."
    )
    async def review_points(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            ReviewPointsInput, strawberry.argument(description="The entry and the decision.")
        ],
    ) -> ReviewPointsResult:
        context = info.context
        command = ReviewPointsCommand(entry_id=input.entry_id, decision=input.decision)
        return PointsReviewed(
            entry=entry_node(await context.services.rewards.review_points(context.principal, command))
        )

    @described.mutation(
        "Report a conversion invalid (integrator, admin), with a reason: the points it earned are reversed "
        "within seconds. Reporting it again is an `InvalidTransitionError`."
    )
    async def invalidate_conversion(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            InvalidateConversionInput, strawberry.argument(description="The conversion and why.")
        ],
    ) -> InvalidateConversionResult:
        context = info.context
        command = InvalidateConversionCommand(
            conversion_id=uuid_of(input.conversion_id, "Conversion", ("conversion_id",)), reason=input.reason
        )
        done = await context.services.rewards.invalidate_conversion(context.principal, command)
        return ConversionInvalidated(
            conversion_id=global_id("Conversion", done.conversion_id),
            reason=done.reason,
            invalidated_at=done.invalidated_at,
        )
