"""How ``node(id:)`` reads incidents: through the same use case as ``incident``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.community.incidents.types import Incident, incident_node
from app.api.graphql.global_ids import NodeLoader, each
from app.api.runtime import Services
from app.domain.roster.identity import Principal


def incident_nodes(services: Services, principal: Principal) -> dict[str, NodeLoader]:
    async def incident(incident_id: UUID) -> Incident:
        return incident_node(await services.incidents.get_incident(principal, incident_id))

    return {"Incident": DataLoader(each(incident))}
