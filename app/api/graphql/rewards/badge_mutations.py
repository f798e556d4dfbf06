"""GraphQL changes of the badge catalogue: the same use case as REST's ``POST /v1/badges``."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.context import GraphQLContext
from app.api.graphql.enums import domain_enum
from app.api.graphql.errors import ForbiddenError, ValidationError
from app.api.graphql.rewards.recognition_types import Badge, badge_node
from app.domain.rewards.badges import Metric, Window
from app.services.rewards.badges import BadgeChange

Info = strawberry.Info[GraphQLContext, None]

domain_enum(
    Metric,
    "What a badge's counter or streak counts.",
    {
        Metric.SHARES: "Shares posted.",
        Metric.LEADS: "Leads credited to the member's shares.",
        Metric.HIRES: "Hires credited to the member's shares.",
        Metric.UNIQUE_VISITORS: "Counted clicks by unique visitors, not the member's own.",
        Metric.CO_AUTHORED: "Contents the member proposed that were approved.",
        Metric.CHALLENGE_WINS: "Challenges the member won.",
    },
    name="BadgeMetric",
)
domain_enum(
    Window,
    "The period a badge's counter counts over.",
    {Window.EVER: "The member's whole history.", Window.WEEK: "The current week."},
    name="BadgeWindow",
)


@strawberry.input(description="What earns a badge: a counter (`atLeast`, maybe over a `window`) or a streak (`weeks`).")
class BadgeCriterionInput:
    metric: Metric = strawberry.field(description="What is counted.")
    at_least: int | None = strawberry.field(default=None, description="A counter's threshold.")
    window: Window = strawberry.field(default=Window.EVER, description="A counter's window.")
    weeks: int | None = strawberry.field(default=None, description="A streak's length in weeks (instead of `atLeast`).")
    per_week: int = strawberry.field(default=1, description="A streak's weekly threshold.")


@strawberry.input(
    description="A badge of the organisation's own, or (for a default badge's key) whether it can be earned."
)
class SaveBadgeInput:
    key: str = strawberry.field(description="The badge's stable key (`recruiter`): lowercase letters, digits, dashes.")
    name: str = strawberry.field(description="The badge's name.")
    description: str = strawberry.field(description="What it is for.")
    criterion: BadgeCriterionInput = strawberry.field(description="What earns it.")
    enabled: bool = strawberry.field(default=True, description="Whether it can be earned (badges held stay held).")


SaveBadgeResult = Annotated[
    Badge | ValidationError | ForbiddenError,
    strawberry.union("SaveBadgeResult", description="The badge as saved, or why it was refused."),
]


def _criterion(criterion: BadgeCriterionInput) -> dict[str, object]:
    if criterion.weeks is not None:
        return {
            "kind": "streak",
            "metric": criterion.metric.value,
            "weeks": criterion.weeks,
            "per_week": criterion.per_week,
        }
    return {
        "kind": "counter",
        "metric": criterion.metric.value,
        "at_least": criterion.at_least,
        "window": criterion.window.value,
    }


@strawberry.type
class BadgeMutation:
    @described.mutation(
        "Add a badge of the organisation's own, or change it (admin). For a default badge's key only `enabled` "
        "counts: a default can be disabled, not redefined. Badges already earned stay earned."
    )
    async def save_badge(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            SaveBadgeInput, strawberry.argument(description="The badge.")
        ],
    ) -> SaveBadgeResult:
        context = info.context
        change = BadgeChange(
            key=input.key,
            name=input.name,
            description=input.description,
            criterion=_criterion(input.criterion),
            enabled=input.enabled,
        )
        return badge_node(await context.services.recognition.save_badge(context.principal, change))
