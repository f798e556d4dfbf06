"""GraphQL reads of the catalogue: rewards, redemptions, associations, donation totals and kudos."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import optional_uuid_of, uuid_of
from app.api.graphql.rewards.catalogue_enums import AssociationStatus, RedemptionStatus, RewardStatus
from app.api.graphql.rewards.catalogue_mappers import (
    association_node,
    donation_total_node,
    kudos_node,
    redemption_node,
    reward_node,
)
from app.api.graphql.rewards.catalogue_types import Association, DonationTotal, Kudos, Redemption, Reward
from app.domain.errors import NotFound
from app.ports.pagination import DEFAULT_LIMIT
from app.ports.rewards_catalogue import RedemptionFilter

Info = strawberry.Info[GraphQLContext, None]
StatusArgument = Annotated[RedemptionStatus | None, strawberry.argument(description="Only those of this status.")]
Id = Annotated[strawberry.ID, strawberry.argument(name="id", description="Its `id`.")]


@strawberry.type
class CatalogueQuery:
    @described.field("Page through rewards: staff (admin, manager) the whole catalogue, ambassadors those offered now.")
    async def rewards(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        status: Annotated[
            RewardStatus | None, strawberry.argument(description="Only those of this status (staff).")
        ] = None,
    ) -> Connection[Reward]:
        page = page_request(first, after)
        catalogue = info.context.services.catalogue
        now = catalogue.current_time()
        found = await catalogue.list_rewards(info.context.principal, status, page)
        return connection(found, lambda item: reward_node(item, now), page)

    @described.field("One reward, or null (ambassadors: only those offered now).")
    async def reward(self, info: Info, reward_id: Id) -> Reward | None:
        catalogue = info.context.services.catalogue
        try:
            found = await catalogue.get_reward(info.context.principal, uuid_of(reward_id, "Reward", ("id",)))
        except NotFound:
            return None
        return reward_node(found, catalogue.current_time())

    @described.field("Page through redemptions (admin, manager); `status: REQUESTED` is the approval queue.")
    async def redemptions(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        status: Annotated[
            RedemptionStatus | None, strawberry.argument(description="Only those of this status.")
        ] = None,
        ambassador_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this ambassador's.")
        ] = None,
        reward_id: Annotated[strawberry.ID | None, strawberry.argument(description="Only this reward's.")] = None,
    ) -> Connection[Redemption]:
        page = page_request(first, after)
        criteria = RedemptionFilter(
            status=status,
            ambassador_id=optional_uuid_of(ambassador_id, "Ambassador", ("ambassador_id",)),
            reward_id=optional_uuid_of(reward_id, "Reward", ("reward_id",)),
        )
        found = await info.context.services.catalogue.list_redemptions(info.context.principal, criteria, page)
        return connection(found, redemption_node, page)

    @described.field("Your own redemptions (ambassadors), oldest first.")
    async def my_redemptions(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        status: Annotated[
            RedemptionStatus | None, strawberry.argument(description="Only those of this status.")
        ] = None,
    ) -> Connection[Redemption]:
        page = page_request(first, after)
        found = await info.context.services.catalogue.list_my_redemptions(
            info.context.principal, RedemptionFilter(status=status), page
        )
        return connection(found, redemption_node, page)

    @described.field("One redemption, or null: staff read any, an ambassador their own.")
    async def redemption(self, info: Info, redemption_id: Id) -> Redemption | None:
        uuid = uuid_of(redemption_id, "Redemption", ("id",))
        try:
            return redemption_node(await info.context.services.catalogue.get_redemption(info.context.principal, uuid))
        except NotFound:
            return None

    @described.field("Page through associations: staff all of them, ambassadors the active ones.")
    async def associations(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        status: Annotated[
            AssociationStatus | None, strawberry.argument(description="Only those of this status (staff).")
        ] = None,
    ) -> Connection[Association]:
        page = page_request(first, after)
        found = await info.context.services.catalogue.list_associations(info.context.principal, status, page)
        return connection(found, association_node, page)

    @described.field("What the programme gave each association (associations that received nothing left out).")
    async def donation_totals(self, info: Info) -> list[DonationTotal]:
        totals = await info.context.services.catalogue.get_donation_totals(info.context.principal)
        return [donation_total_node(total) for total in totals]

    @described.field(
        "The kudos on an ambassador's profile, newest first (staff and ambassadors); null when no such ambassador."
    )
    async def kudos(
        self,
        info: Info,
        ambassador_id: Annotated[strawberry.ID, strawberry.argument(description="The ambassador's `id`.")],
        first: First = DEFAULT_LIMIT,
        after: After = None,
    ) -> Connection[Kudos] | None:
        page = page_request(first, after)
        uuid = uuid_of(ambassador_id, "Ambassador", ("ambassador_id",))
        try:
            found = await info.context.services.catalogue.list_kudos(info.context.principal, uuid, page)
        except NotFound:
            return None
        return connection(found, kudos_node, page)

    @described.field("The kudos on your own profile (ambassadors), newest first.")
    async def my_kudos(self, info: Info, first: First = DEFAULT_LIMIT, after: After = None) -> Connection[Kudos]:
        page = page_request(first, after)
        found = await info.context.services.catalogue.list_my_kudos(info.context.principal, page)
        return connection(found, kudos_node, page)
