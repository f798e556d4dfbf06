"""GraphQL entry points of shares: the lists, one share with its figures, and every share mutation."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, ExpectedVersion, First
from app.api.graphql.community.training.errors import TrainingRequiredError
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.errors import (
    CaptionNotCompliantError,
    CharterAcceptanceRequiredError,
    ContentNotShareableError,
    ForbiddenError,
    InvalidTransitionError,
    NotAnAmbassadorError,
    NotFoundError,
    NotLinkedError,
    PreconditionFailedError,
    ShareLimitReachedError,
    ShareNotPostedError,
    ValidationError,
)
from app.api.graphql.global_ids import optional_uuid_of, uuid_of
from app.api.graphql.roster.enums import Network
from app.api.graphql.sharing.enums import ShareStatus
from app.api.graphql.sharing.types import (
    CreatedShare,
    CreateShareInput,
    EngagementInput,
    RecordedEngagement,
    Share,
    create_command,
    engagement_counts,
    engagement_node,
    share_node,
)
from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.ports.pagination import DEFAULT_LIMIT
from app.ports.sharing import ShareFilter
from app.services.sharing.record_engagement import RecordEngagementCommand
from app.services.sharing.share_transitions import CancelShareCommand, ConfirmShareCommand

Info = strawberry.Info[GraphQLContext, None]
Id = Annotated[strawberry.ID, strawberry.argument(name="id", description="The share's `id`.")]
ContentId = Annotated[strawberry.ID | None, strawberry.argument(description="Only shares of the content of this `id`.")]
OnNetwork = Annotated[Network | None, strawberry.argument(description="Only shares on this network.")]
OfStatus = Annotated[ShareStatus | None, strawberry.argument(description="Only shares of this status.")]
CreatedFrom = Annotated[
    datetime | None, strawberry.argument(description="Only shares created at or after this instant (with its offset).")
]
CreatedTo = Annotated[
    datetime | None, strawberry.argument(description="Only shares created before this instant (with its offset).")
]
MAX_USER_AGENT = 512

CreateShareResult = Annotated[
    CreatedShare
    | CaptionNotCompliantError
    | CharterAcceptanceRequiredError
    | ContentNotShareableError
    | ShareLimitReachedError
    | NotAnAmbassadorError
    | NotLinkedError
    | NotFoundError
    | ValidationError
    | ForbiddenError
    | TrainingRequiredError,
    strawberry.union("CreateShareResult", description="The share to post, or why the content cannot be shared."),
]
ShareTransitionResult = Annotated[
    Share
    | NotFoundError
    | InvalidTransitionError
    | ContentNotShareableError
    | PreconditionFailedError
    | ValidationError
    | ForbiddenError,
    strawberry.union("ShareTransitionResult", description="The share after the change, or why it was refused."),
]
RecordEngagementResult = Annotated[
    RecordedEngagement | ShareNotPostedError | NotFoundError | ValidationError | ForbiddenError,
    strawberry.union("RecordEngagementResult", description="The snapshot recorded, or why it was refused."),
]


def _criteria(
    *,
    content_id: str | None = None,
    campaign_id: str | None = None,
    ambassador_id: str | None = None,
    network: Network | None = None,
    status: ShareStatus | None = None,
    created_from: datetime | None = None,
    created_to: datetime | None = None,
) -> ShareFilter:
    naive = [
        FieldError((name,), "Give a time with its UTC offset.")
        for name, instant in (("created_from", created_from), ("created_to", created_to))
        if instant is not None and instant.utcoffset() is None
    ]
    if naive:
        raise ValidationFailed("A period bound needs its time zone.", naive)
    return ShareFilter(
        content_id=optional_uuid_of(content_id, "Content", ("content_id",)),
        campaign_id=optional_uuid_of(campaign_id, "Campaign", ("campaign_id",)),
        ambassador_id=optional_uuid_of(ambassador_id, "Ambassador", ("ambassador_id",)),
        network=network,
        status=status,
        created_from=created_from,
        created_to=created_to,
    )


@strawberry.type
class ShareQuery:
    @described.field(
        "Page through every share of your organisation, oldest first, with its figures (admin, manager, "
        "moderator, analyst, integrator); the period is `createdFrom` (included) to `createdTo` (excluded)."
    )
    async def shares(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        content_id: ContentId = None,
        campaign_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only shares credited to the campaign of this `id`.")
        ] = None,
        ambassador_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only shares of the member of this `id`.")
        ] = None,
        network: OnNetwork = None,
        status: OfStatus = None,
        created_from: CreatedFrom = None,
        created_to: CreatedTo = None,
    ) -> Connection[Share]:
        page = page_request(first, after)
        criteria = _criteria(
            content_id=content_id,
            campaign_id=campaign_id,
            ambassador_id=ambassador_id,
            network=network,
            status=status,
            created_from=created_from,
            created_to=created_to,
        )
        context = info.context
        return connection(
            await context.services.sharing.list_shares(context.principal, criteria, page), share_node, page
        )

    @described.field("Your own shares, oldest first, with their figures.")
    async def my_shares(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        content_id: ContentId = None,
        network: OnNetwork = None,
        status: OfStatus = None,
        created_from: CreatedFrom = None,
        created_to: CreatedTo = None,
    ) -> Connection[Share]:
        page = page_request(first, after)
        criteria = _criteria(
            content_id=content_id, network=network, status=status, created_from=created_from, created_to=created_to
        )
        context = info.context
        return connection(
            await context.services.sharing.list_my_shares(context.principal, criteria, page), share_node, page
        )

    @described.field("One share with its figures (ambassadors: their own), or null.")
    async def share(self, info: Info, share_id: Id) -> Share | None:
        context = info.context
        uuid = uuid_of(share_id, "Share", ("id",))
        try:
            return share_node(await context.services.sharing.get_share(context.principal, uuid))
        except NotFound:
            return None


@strawberry.type
class ShareMutation:
    @described.mutation(
        "Start sharing a published content on a network you connected (members who accepted the charter in "
        "force): the tracked link to post, the network's share address and the text to paste. While an intent "
        "for the content and network is open, it is given again (`created: false`)."
    )
    async def create_share(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            CreateShareInput, strawberry.argument(description="What to share, and where.")
        ],
    ) -> CreateShareResult:
        context = info.context
        request = context.request
        client = request.client if request is not None else None
        user_agent = request.headers.get("user-agent", "")[:MAX_USER_AGENT] if request is not None else None
        command = create_command(input, client.host if client else None, user_agent)
        outcome = await context.services.sharing.create_share(context.principal, command)
        return CreatedShare(share=share_node(outcome.view), created=outcome.created)

    @described.mutation(
        "You posted it: the share becomes POSTED (again: nothing changes, or the post's address is added)."
    )
    async def confirm_share(
        self,
        info: Info,
        share_id: Id,
        post_url: Annotated[
            str | None,
            strawberry.argument(
                description="The https address of your post, on the network shared on (linkedin.com, x.com or "
                "twitter.com, facebook.com, instagram.com...)."
            ),
        ] = None,
        expected_version: ExpectedVersion = None,
    ) -> ShareTransitionResult:
        command = ConfirmShareCommand(
            share_id=uuid_of(share_id, "Share", ("id",)), post_url=post_url, expected_version=expected_version
        )
        context = info.context
        return share_node(await context.services.sharing.confirm_share(context.principal, command))

    @described.mutation("Give up an intent; its tracked link then leads nowhere.")
    async def cancel_share(
        self, info: Info, share_id: Id, expected_version: ExpectedVersion = None
    ) -> ShareTransitionResult:
        command = CancelShareCommand(share_id=uuid_of(share_id, "Share", ("id",)), expected_version=expected_version)
        context = info.context
        return share_node(await context.services.sharing.cancel_share(context.principal, command))

    @described.mutation(
        "Counts observed on the network for a posted share (integrators, or the share's ambassador, whose "
        "snapshots are marked SELF_REPORTED). Every snapshot is kept; the current one is the integration's observed "
        "last, else the ambassador's."
    )
    async def record_engagement(
        self,
        info: Info,
        share_id: Annotated[strawberry.ID, strawberry.argument(description="The share's `id`.")],
        input: Annotated[  # noqa: A002 - the GraphQL convention
            EngagementInput, strawberry.argument(description="The counts observed, and when.")
        ],
    ) -> RecordEngagementResult:
        command = RecordEngagementCommand(
            share_id=uuid_of(share_id, "Share", ("share_id",)),
            observed_at=input.observed_at,
            counts=engagement_counts(input),
        )
        context = info.context
        recorded = await context.services.sharing.record_engagement(context.principal, command)
        return RecordedEngagement(snapshot=engagement_node(recorded.snapshot), latest=engagement_node(recorded.latest))
