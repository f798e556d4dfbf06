"""GraphQL entry points of integrations (admins): the list, one integration, and its deliveries."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import uuid_of
from app.api.graphql.integrations.types import Integration, IntegrationDelivery, delivery_node, integration_node
from app.domain.errors import NotFound
from app.ports.pagination import DEFAULT_LIMIT

Info = strawberry.Info[GraphQLContext, None]
IntegrationId = Annotated[strawberry.ID, strawberry.argument(name="id", description="The integration's `id`.")]


@strawberry.type
class IntegrationQuery:
    @described.field("Page through the organisation's integrations in the order registered (admin); no secret.")
    async def integrations(
        self, info: Info, first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[Integration]:
        page = page_request(first, after)
        context = info.context
        found = await context.services.integrations.list_integrations(context.principal, page)
        return connection(found, integration_node, page)

    @described.field("One integration of your organisation (admin), or null.")
    async def integration(self, info: Info, integration_id: IntegrationId) -> Integration | None:
        context = info.context
        uuid = uuid_of(integration_id, "Integration", ("id",))
        try:
            return integration_node(await context.services.integrations.get_integration(context.principal, uuid))
        except NotFound:
            return None

    @described.field(
        "What each verified delivery to an integration did (admin), newest first; kept 30 days. "
        "Unverified deliveries are never logged."
    )
    async def integration_deliveries(
        self, info: Info, integration_id: IntegrationId, first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[IntegrationDelivery]:
        page = page_request(first, after)
        context = info.context
        uuid = uuid_of(integration_id, "Integration", ("id",))
        found = await context.services.integrations.list_deliveries(context.principal, uuid, page)
        return connection(found, delivery_node, page)
