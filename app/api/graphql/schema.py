"""The schema and its FastAPI router, mounted at /graphql."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import strawberry
from strawberry.extensions import DisableIntrospection, SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from app.api.graphql.attribution.conversions import ConversionMutation, ConversionQuery
from app.api.graphql.community.incidents.operations import IncidentMutation, IncidentQuery
from app.api.graphql.community.recall.operations import RecallMutation, RecallQuery
from app.api.graphql.community.recruiting.operations import RecruitingMutation, RecruitingQuery
from app.api.graphql.community.space.operations import SpaceMutation, SpaceQuery
from app.api.graphql.community.space.subscriptions import SpaceSubscription
from app.api.graphql.community.surveys.mutations import SurveyMutation
from app.api.graphql.community.surveys.queries import SurveyQuery
from app.api.graphql.community.training.operations import TrainingMutation, TrainingQuery
from app.api.graphql.content.campaigns import CampaignMutation, CampaignQuery
from app.api.graphql.content.contents import ContentMutation, ContentQuery
from app.api.graphql.content.feed import FeedQuery
from app.api.graphql.context import context_getter
from app.api.graphql.documents import DOCUMENT_CACHES
from app.api.graphql.error_handlers import error_handlers
from app.api.graphql.execution import PlainValueExecutor, mark_plain_fields
from app.api.graphql.integrations.import_queries import RosterImportQuery
from app.api.graphql.integrations.queries import IntegrationQuery
from app.api.graphql.limits import limit_extensions
from app.api.graphql.live_updates.socket import SubscriptionsOnlyOnSockets
from app.api.graphql.live_updates.subscriptions import LiveSubscription
from app.api.graphql.metrics.programme_costs import ProgrammeCostMutation, ProgrammeCostQuery
from app.api.graphql.metrics.queries import MetricQuery
from app.api.graphql.nodes import NodeQuery
from app.api.graphql.notifications.operations import NotificationMutation, NotificationQuery
from app.api.graphql.programme.operations import ProgrammeMutation, ProgrammeQuery
from app.api.graphql.reporting import ErrorCodes, RelaisSchema
from app.api.graphql.rewards.badge_mutations import BadgeMutation
from app.api.graphql.rewards.catalogue_mutations import CatalogueMutation
from app.api.graphql.rewards.catalogue_queries import CatalogueQuery
from app.api.graphql.rewards.points import PointsMutation, PointsQuery
from app.api.graphql.rewards.recognition import RecognitionQuery
from app.api.graphql.rewards.rules import RewardRulesMutation, RewardRulesQuery
from app.api.graphql.roster.mutations import RosterMutation
from app.api.graphql.roster.queries import RosterQuery
from app.api.graphql.scalars import SCALARS
from app.api.graphql.sharing.shares import ShareMutation, ShareQuery
from app.api.graphql.transport import RelaisGraphQLRouter
from app.api.graphql.webhooks.operations import WebhookMutation, WebhookQuery
from app.api.runtime import ApiConfig

# Each capability contributes its own root types; add yours to these tuples.
QUERIES: tuple[type, ...] = (
    NodeQuery,
    RosterQuery,
    ProgrammeQuery,
    ContentQuery,
    CampaignQuery,
    FeedQuery,
    ConversionQuery,
    ShareQuery,
    PointsQuery,
    RewardRulesQuery,
    CatalogueQuery,
    RecognitionQuery,
    MetricQuery,
    ProgrammeCostQuery,
    IntegrationQuery,
    # Roster imports
    RosterImportQuery,
    NotificationQuery,
    # Outgoing webhooks
    WebhookQuery,
    RecruitingQuery,
    TrainingQuery,
    # Incidents
    IncidentQuery,
    SurveyQuery,
    RecallQuery,
    SpaceQuery,
)
MUTATIONS: tuple[type, ...] = (
    RosterMutation,
    ProgrammeMutation,
    ContentMutation,
    CampaignMutation,
    ConversionMutation,
    ShareMutation,
    PointsMutation,
    RewardRulesMutation,
    CatalogueMutation,
    BadgeMutation,
    ProgrammeCostMutation,
    NotificationMutation,
    # Outgoing webhooks
    WebhookMutation,
    RecruitingMutation,
    TrainingMutation,
    # Incidents
    IncidentMutation,
    SurveyMutation,
    RecallMutation,
    SpaceMutation,
)
SUBSCRIPTIONS: tuple[type, ...] = (LiveSubscription, SpaceSubscription)


def root(name: str, parts: tuple[type, ...], description: str) -> type:
    """One root type holding every capability's fields (as Strawberry's ``merge_types``, described)."""
    merged: type = strawberry.type(type(name, parts, {}), description=description)
    return merged


def build_schema(config: ApiConfig | None = None) -> strawberry.Schema:
    """Pure (no runtime, no I/O), so the command line can export the SDL with ``as_str()``.

    Limits and the introspection and suggestion switches come from ``config``; they change
    validation and error messages, never the SDL.
    """
    config = config or ApiConfig()
    extensions: list[Callable[[], SchemaExtension]] = [
        *limit_extensions(config),
        *DOCUMENT_CACHES,
        SubscriptionsOnlyOnSockets,
        partial(ErrorCodes, suggestions=config.graphql_field_suggestions),
    ]
    if not config.graphql_introspection:
        extensions.append(DisableIntrospection)
    schema = RelaisSchema(
        query=root("Query", QUERIES, "What you may read: records by `id` (`node`), lists as connections."),
        mutation=root("Mutation", MUTATIONS, "What you may change: each answers its result or a typed failure."),
        subscription=root(
            "Subscription", SUBSCRIPTIONS, "What you may follow as it changes, over graphql-transport-ws at /graphql."
        ),
        extensions=extensions,
        exception_handlers=error_handlers(),
        config=StrawberryConfig(scalar_map=SCALARS),
        execution_context_class=PlainValueExecutor,
    )
    mark_plain_fields(schema._schema)
    return schema


def graphql_router(config: ApiConfig) -> RelaisGraphQLRouter:
    """GraphQL over HTTP, and subscriptions over a socket speaking graphql-transport-ws (the protocol of
    the ``graphql-ws`` client; the older ``subscriptions-transport-ws`` is not offered). Kept out of the
    REST OpenAPI document, whose GraphQL counterpart is the exported SDL. GraphiQL is served only with
    introspection, which it needs to be of any use. Pages of the CORS origins may open the socket."""
    return RelaisGraphQLRouter(
        build_schema(config),
        path="/graphql",
        graphql_ide="graphiql" if config.graphql_introspection else None,
        context_getter=context_getter(ide=config.graphql_introspection),
        subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        allowed_origins=config.cors_origins,
        include_in_schema=False,
        tags=["graphql"],
    )
