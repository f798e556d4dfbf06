"""How ``node(id:)`` reads roster imports: through the same use case as ``rosterImport``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.global_ids import NodeLoader, each
from app.api.graphql.integrations.import_types import RosterImport, roster_import_node
from app.api.runtime import Services
from app.domain.roster.identity import Principal


def roster_import_nodes(services: Services, principal: Principal) -> dict[str, NodeLoader]:
    async def imported(import_id: UUID) -> RosterImport:
        return roster_import_node(await services.roster_imports.get_roster_import(principal, import_id))

    return {"RosterImport": DataLoader(each(imported))}
