"""GraphQL entry points of roster imports, for admins and integrators: read them (files are sent and
applied over REST)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import uuid_of
from app.api.graphql.integrations.import_types import RosterImport, RosterImportRowError, roster_import_node
from app.domain.errors import NotFound
from app.ports.pagination import DEFAULT_LIMIT

Info = strawberry.Info[GraphQLContext, None]
ImportId = Annotated[strawberry.ID, strawberry.argument(name="id", description="The import's `id`.")]
# The problems a query shows; the rest are paged over REST (`/v1/roster-imports/{id}/errors`).
SHOWN_ERRORS = 100


@strawberry.type
class RosterImportQuery:
    @described.field("Page through the organisation's roster imports, newest first (admin, integrator).")
    async def roster_imports(
        self, info: Info, first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[RosterImport]:
        page = page_request(first, after)
        found = await info.context.services.roster_imports.list_roster_imports(info.context.principal, page)
        return connection(found, roster_import_node, page)

    @described.field("One roster import, or null (admin, integrator).")
    async def roster_import(self, info: Info, import_id: ImportId) -> RosterImport | None:
        imports = info.context.services.roster_imports
        try:
            found = await imports.get_roster_import(info.context.principal, uuid_of(import_id, "RosterImport", ("id",)))
        except NotFound:
            return None
        return roster_import_node(found)

    @described.field(
        "The first 100 problems of a roster import's bad rows, by line (admin, integrator); `errorCount` on the "
        "import is the total. Null where no such import exists."
    )
    async def roster_import_errors(self, info: Info, import_id: ImportId) -> list[RosterImportRowError] | None:
        imports = info.context.services.roster_imports
        try:
            page = await imports.list_row_errors(
                info.context.principal, uuid_of(import_id, "RosterImport", ("id",)), 0, SHOWN_ERRORS
            )
        except NotFound:
            return None
        return [
            RosterImportRowError(line=error.line, column=error.column, message=error.message) for error in page.items
        ]
