"""GraphQL entry points of recognition: boards, badges and campaign progress."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.connections import page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import optional_uuid_of, uuid_of
from app.api.graphql.rewards.recognition_types import (
    Badge,
    CampaignProgress,
    HeldBadge,
    Leaderboard,
    LeaderboardScope,
    PeriodKind,
    badge_node,
    held_node,
    leaderboard_node,
    progress_node,
)
from app.api.pagination import decode_board_cursor
from app.domain.errors import NotFound
from app.ports.pagination import DEFAULT_LIMIT
from app.services.rewards.leaderboards import LeaderboardRequest

Info = strawberry.Info[GraphQLContext, None]
CURSOR_HINT = "Pass back the endCursor of a previous page, unchanged."


@strawberry.type
class RecognitionQuery:
    @described.field(
        "A page of a leaderboard (staff and ambassadors): points over the period, most first; only members who "
        "chose to appear are named, equal points share a rank (1, 1, 3), and `me` is the caller's own standing."
    )
    async def leaderboard(
        self,
        info: Info,
        period: Annotated[PeriodKind, strawberry.argument(description="The period summed.")] = PeriodKind.MONTH,
        scope: Annotated[
            LeaderboardScope, strawberry.argument(description="Who is ranked.")
        ] = LeaderboardScope.PROGRAMME,
        campaign_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="The campaign, for campaign boards.")
        ] = None,
        department: Annotated[str | None, strawberry.argument(description="The department ranked.")] = None,
        location: Annotated[str | None, strawberry.argument(description="The location ranked.")] = None,
        first: First = DEFAULT_LIMIT,
        after: After = None,
    ) -> Leaderboard:
        limit = page_request(first, None).limit
        request = LeaderboardRequest(
            period=period,
            scope=scope,
            campaign_id=optional_uuid_of(campaign_id, "Campaign", ("campaign_id",)),
            department=department,
            location=location,
            limit=limit,
            after=decode_board_cursor(after, ("after",), CURSOR_HINT) if after else None,
        )
        context = info.context
        page = await context.services.recognition.read_leaderboard(context.principal, request)
        return leaderboard_node(page, after is not None)

    @described.field("The organisation's badge catalogue: the defaults and its own.")
    async def badges(self, info: Info) -> list[Badge]:
        context = info.context
        return [badge_node(badge) for badge in await context.services.recognition.list_badges(context.principal)]

    @described.field("The badges you hold, oldest first.")
    async def my_badges(self, info: Info) -> list[HeldBadge]:
        context = info.context
        return [held_node(held) for held in await context.services.recognition.list_my_badges(context.principal)]

    @described.field(
        "A member's badges as others see them, oldest first: staff see anyone's; an ambassador their own, and "
        "another member's only when that member is active and shown on boards (else null, as for no member)."
    )
    async def ambassador_badges(
        self,
        info: Info,
        ambassador_id: Annotated[strawberry.ID, strawberry.argument(description="The member's `id`.")],
    ) -> list[HeldBadge] | None:
        context = info.context
        uuid = uuid_of(ambassador_id, "Ambassador", ("ambassador_id",))
        try:
            held = await context.services.recognition.list_ambassador_badges(context.principal, uuid)
        except NotFound:
            return None
        return [held_node(badge) for badge in held]

    @described.field("A campaign's progress against its goals (staff), or null when there is no such campaign.")
    async def campaign_progress(
        self,
        info: Info,
        campaign_id: Annotated[strawberry.ID, strawberry.argument(name="id", description="The campaign's `id`.")],
    ) -> CampaignProgress | None:
        context = info.context
        uuid = uuid_of(campaign_id, "Campaign", ("id",))
        try:
            return progress_node(await context.services.recognition.campaign_progress(context.principal, uuid))
        except NotFound:
            return None
