"""GraphQL entry points of contents: the list, one content, and every review transition."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, ExpectedVersion, First
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.content import inputs
from app.api.graphql.content.enums import ContentFormat, ContentStatus, Objective
from app.api.graphql.content.mappers import content_node
from app.api.graphql.content.results import (
    ApproveContentResult,
    ContentTransitionResult,
    CreateContentResult,
    RejectContentResult,
    UpdateContentResult,
)
from app.api.graphql.content.types import Content
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import optional_uuid_of, uuid_of
from app.domain.content import contents
from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.ports.content import ContentFilter
from app.ports.pagination import DEFAULT_LIMIT
from app.services.content.approve_content import ApproveContentCommand
from app.services.content.create_content import CreateContentCommand
from app.services.content.reject_content import RejectContentCommand
from app.services.content.submit_content import ContentTransitionCommand
from app.services.content.update_content import UpdateContentCommand

Info = strawberry.Info[GraphQLContext, None]
Id = Annotated[strawberry.ID, strawberry.argument(name="id", description="The content's `id`.")]


def _bounded(name: str, value: str | None, most: int) -> str | None:
    """The same bounds as REST's query parameters."""
    if value is not None and len(value) > most:
        raise ValidationFailed(f"The {name} filter is too long.", [FieldError((name,), f"At most {most} characters.")])
    return value


def _node(info: Info, content: contents.Content) -> Content:
    return content_node(content, info.context.services.content.current_time())


@strawberry.type
class ContentQuery:
    @described.field("Page through contents: staff and analysts see all, an ambassador their own proposals.")
    async def contents(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        status: Annotated[
            ContentStatus | None, strawberry.argument(description="Only those of this status, as read now.")
        ] = None,
        format: Annotated[  # noqa: A002 - the field's name
            ContentFormat | None, strawberry.argument(description="Only those of this format.")
        ] = None,
        topic: Annotated[str | None, strawberry.argument(description="Only those with this topic.")] = None,
        campaign_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only those in the campaign of this `id`.")
        ] = None,
        language: Annotated[
            str | None, strawberry.argument(description="Only those with a version in this language.")
        ] = None,
        objective: Annotated[
            Objective | None, strawberry.argument(description="Only those with this objective.")
        ] = None,
    ) -> Connection[Content]:
        page = page_request(first, after)
        criteria = ContentFilter(
            status=status,
            format=format,
            topic=_bounded("topic", topic, 64),
            campaign_id=optional_uuid_of(campaign_id, "Campaign", ("campaign_id",)),
            language=_bounded("language", language, 35),
            objective=objective,
        )
        context = info.context
        now = context.services.content.current_time()
        found = await context.services.content.list_contents(context.principal, criteria, page)
        return connection(found, lambda item: content_node(item, now), page)

    @described.field("One content you may read, or null.")
    async def content(self, info: Info, content_id: Id) -> Content | None:
        context = info.context
        uuid = uuid_of(content_id, "Content", ("id",))
        try:
            return _node(info, await context.services.content.get_content(context.principal, uuid))
        except NotFound:
            return None


@strawberry.type
class ContentMutation:
    @described.mutation("Write a draft (admin, manager), or propose content as a member: it starts as SUBMITTED.")
    async def create_content(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            inputs.ContentInput, strawberry.argument(description="The new content.")
        ],
    ) -> CreateContentResult:
        values, language = inputs.content_values(input)
        context = info.context
        content = await context.services.content.create_content(
            context.principal, CreateContentCommand(values=values, language=language)
        )
        return _node(info, content)

    @described.mutation("Change the fields sent (admin, manager); approved content may go back to review.")
    async def update_content(
        self,
        info: Info,
        content_id: Id,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            inputs.ContentChangesInput, strawberry.argument(description="The fields to change.")
        ],
        expected_version: ExpectedVersion = None,
    ) -> UpdateContentResult:
        command = UpdateContentCommand(
            content_id=uuid_of(content_id, "Content", ("id",)),
            changes=inputs.content_changes(input),
            expected_version=expected_version,
        )
        context = info.context
        return _node(info, await context.services.content.update_content(context.principal, command))

    @described.mutation("Send a draft to review, or take a proposal into review (admin, manager).")
    async def submit_content(
        self, info: Info, content_id: Id, expected_version: ExpectedVersion = None
    ) -> ContentTransitionResult:
        command = ContentTransitionCommand(
            content_id=uuid_of(content_id, "Content", ("id",)), expected_version=expected_version
        )
        context = info.context
        return _node(info, await context.services.content.submit_content(context.principal, command))

    @described.mutation("Approve within the weekly content budget (admin, manager, moderator).")
    async def approve_content(
        self,
        info: Info,
        content_id: Id,
        expected_version: ExpectedVersion = None,
        override_cadence: Annotated[
            bool, strawberry.argument(description="Approve beyond the weekly budget (admins); the history keeps it.")
        ] = False,
    ) -> ApproveContentResult:
        command = ApproveContentCommand(
            content_id=uuid_of(content_id, "Content", ("id",)),
            expected_version=expected_version,
            override_cadence=override_cadence,
        )
        context = info.context
        return _node(info, await context.services.content.approve_content(context.principal, command))

    @described.mutation("Reject with a reason (admin, manager, moderator).")
    async def reject_content(
        self,
        info: Info,
        content_id: Id,
        reason: Annotated[str, strawberry.argument(description="Why, for its author: 1 to 2,000 characters.")],
        expected_version: ExpectedVersion = None,
    ) -> RejectContentResult:
        command = RejectContentCommand(
            content_id=uuid_of(content_id, "Content", ("id",)), reason=reason, expected_version=expected_version
        )
        context = info.context
        return _node(info, await context.services.content.reject_content(context.principal, command))

    @described.mutation("Withdraw a content for good (admin, manager, moderator).")
    async def archive_content(
        self, info: Info, content_id: Id, expected_version: ExpectedVersion = None
    ) -> ContentTransitionResult:
        command = ContentTransitionCommand(
            content_id=uuid_of(content_id, "Content", ("id",)), expected_version=expected_version
        )
        context = info.context
        return _node(info, await context.services.content.archive_content(context.principal, command))
