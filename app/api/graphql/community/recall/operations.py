"""GraphQL entry points of recall: your take-downs and a content's, recalling a content and confirming a
take-down. The same use cases as REST."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, ExpectedVersion, First
from app.api.graphql.community.recall.errors import ContentAlreadyRecalledError
from app.api.graphql.community.recall.types import (
    ContentTakeDowns,
    TakeDown,
    content_take_downs_node,
    take_down_node,
)
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.content.mappers import content_node
from app.api.graphql.content.types import Content
from app.api.graphql.context import GraphQLContext
from app.api.graphql.errors import (
    ForbiddenError,
    InvalidTransitionError,
    NotAnAmbassadorError,
    NotFoundError,
    NotLinkedError,
    PreconditionFailedError,
    ValidationError,
)
from app.api.graphql.global_ids import uuid_of
from app.domain.community.recall import TakeDownStatus
from app.ports.community_recall import TakeDownFilter
from app.ports.pagination import DEFAULT_LIMIT
from app.services.community.recall.recall_content import RecallContentCommand
from app.services.community.recall.takedowns import ConfirmTakeDownCommand

Info = strawberry.Info[GraphQLContext, None]
StatusArgument = Annotated[TakeDownStatus | None, strawberry.argument(description="Only those of this status.")]

RecallContentResult = Annotated[
    Content
    | ContentAlreadyRecalledError
    | NotFoundError
    | InvalidTransitionError
    | PreconditionFailedError
    | ValidationError
    | ForbiddenError,
    strawberry.union("RecallContentResult", description="The content, recalled, or why it was not."),
]
ConfirmTakedownResult = Annotated[
    TakeDown | NotFoundError | NotLinkedError | NotAnAmbassadorError | ForbiddenError,
    strawberry.union("ConfirmTakedownResult", description="The take-down, confirmed, or why it was not."),
]


@strawberry.type
class RecallQuery:
    @described.field("Your posts of recalled contents to remove (ambassadors), in the order they were asked for.")
    async def my_takedowns(
        self, info: Info, first: First = DEFAULT_LIMIT, after: After = None, status: StatusArgument = None
    ) -> Connection[TakeDown]:
        page = page_request(first, after)
        context = info.context
        found = await context.services.recall.list_my_takedowns(context.principal, TakeDownFilter(status=status), page)
        return connection(found, take_down_node, page)

    @described.field("A recalled content's take-downs and their progress (admin, manager, moderator).")
    async def content_takedowns(
        self,
        info: Info,
        content_id: Annotated[strawberry.ID, strawberry.argument(description="The content's `id`.")],
        first: First = DEFAULT_LIMIT,
        after: After = None,
        status: StatusArgument = None,
    ) -> ContentTakeDowns:
        page = page_request(first, after)
        context = info.context
        uuid = uuid_of(content_id, "Content", ("content_id",))
        listed = await context.services.recall.list_content_takedowns(
            context.principal, uuid, TakeDownFilter(status=status), page
        )
        return content_take_downs_node(listed, page)


@strawberry.type
class RecallMutation:
    @described.mutation(
        "Recall a content that was shared, with a reason (admin, manager): its links stop leading to it and "
        "every ambassador who posted it gets a take-down."
    )
    async def recall_content(
        self,
        info: Info,
        content_id: Annotated[strawberry.ID, strawberry.argument(name="id", description="The content's `id`.")],
        reason: Annotated[str, strawberry.argument(description="Why, for the ambassadors: 1 to 2,000 characters.")],
        expected_version: ExpectedVersion = None,
    ) -> RecallContentResult:
        command = RecallContentCommand(
            content_id=uuid_of(content_id, "Content", ("id",)), reason=reason, expected_version=expected_version
        )
        context = info.context
        content = await context.services.recall.recall_content(context.principal, command)
        return content_node(content, context.services.content.current_time())

    @described.mutation("Say you removed your post (ambassadors); confirming again answers it as it is.")
    async def confirm_takedown(
        self,
        info: Info,
        takedown_id: Annotated[UUID, strawberry.argument(description="The take-down's id.")],
    ) -> ConfirmTakedownResult:
        context = info.context
        confirmed = await context.services.recall.confirm_takedown(
            context.principal, ConfirmTakeDownCommand(take_down_id=takedown_id)
        )
        return take_down_node(confirmed)
