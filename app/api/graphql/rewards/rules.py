"""GraphQL entry points of reward rules and of the points awaiting review: the same use cases as REST's
``/v1/reward-rules`` and ``/v1/points/withheld``."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.errors import ForbiddenError, ValidationError
from app.api.graphql.rewards.errors import RulesAlreadyScheduledError
from app.api.graphql.rewards.rule_types import ReplaceRewardRulesInput, RewardRulesType, replace_command, rules_node
from app.api.graphql.rewards.types import PointEntryType, entry_node
from app.ports.pagination import DEFAULT_LIMIT

Info = strawberry.Info[GraphQLContext, None]

ReplaceRewardRulesResult = Annotated[
    RewardRulesType | ValidationError | RulesAlreadyScheduledError | ForbiddenError,
    strawberry.union("ReplaceRewardRulesResult", description="The rules with the new version, or why it was refused."),
]


@strawberry.type
class RewardRulesQuery:
    @described.field(
        "What earns points (admin, manager, analyst, ambassador): the version in force (0, the default, until an "
        "admin sets others) and the one scheduled to follow, if any."
    )
    async def reward_rules(self, info: Info) -> RewardRulesType:
        context = info.context
        return rules_node(await context.services.rewards.get_reward_rules(context.principal))

    @described.field(
        "Points the velocity guard withheld (many clicks on one share from few visitors in a short time), awaiting "
        "a decision (admin, moderator), oldest first: decide with `reviewPoints`."
    )
    async def withheld_points(
        self, info: Info, first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[PointEntryType]:
        context = info.context
        request = page_request(first, after)
        page = await context.services.rewards.list_withheld_points(context.principal, request)
        return connection(page, entry_node, request)


@strawberry.type
class RewardRulesMutation:
    @described.mutation(
        "Replace the reward rules (admin): they become the next version, applying to events that occur from "
        "`effectiveFrom` (now when null, never in the past); points already earned are never judged again. "
        "Invalid rules are a `ValidationError` listing each; a start before a scheduled version's is a "
        "`RulesAlreadyScheduledError`."
    )
    async def replace_reward_rules(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            ReplaceRewardRulesInput, strawberry.argument(description="The whole new rule set and its start.")
        ],
    ) -> ReplaceRewardRulesResult:
        context = info.context
        return rules_node(
            await context.services.rewards.replace_reward_rules(context.principal, replace_command(input))
        )
