"""Per-request DataLoaders: every relation read in one query is batched into one service call.

They are built for one caller and thrown away with the request, so nothing cached here can
leak to another principal or outlive a change.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.attribution.nodes import attribution_nodes
from app.api.graphql.community.incidents.nodes import incident_nodes
from app.api.graphql.community.surveys.nodes import survey_nodes
from app.api.graphql.community.training.nodes import training_nodes
from app.api.graphql.content.loaders import ContentLoaders, build_content_loaders
from app.api.graphql.content.nodes import content_nodes
from app.api.graphql.global_ids import NodeLoader
from app.api.graphql.integrations.import_nodes import roster_import_nodes
from app.api.graphql.integrations.nodes import integration_nodes
from app.api.graphql.metrics.programme_cost_nodes import programme_cost_nodes
from app.api.graphql.programme.nodes import programme_nodes
from app.api.graphql.rewards.catalogue_nodes import catalogue_nodes
from app.api.graphql.roster.mappers import ambassador_node, employee_node
from app.api.graphql.roster.nodes import roster_nodes
from app.api.graphql.roster.types import Ambassador, Employee
from app.api.graphql.sharing.nodes import sharing_nodes
from app.api.graphql.webhooks.nodes import webhook_nodes
from app.api.runtime import Services
from app.domain.roster.identity import Principal


@dataclass(frozen=True, slots=True)
class Loaders:
    employees: DataLoader[UUID, Employee | None]
    ambassadors_by_employee: DataLoader[UUID, Ambassador | None]
    content: ContentLoaders
    # By node type name, for ``node(id:)`` and ``nodes(ids:)``.
    nodes: dict[str, NodeLoader]


def build_loaders(services: Services, principal: Principal) -> Loaders:
    async def load_employees(ids: list[UUID]) -> list[Employee | None]:
        found = await services.roster.load_employees(principal, ids)
        return [employee_node(employee) if employee else None for employee in found]

    async def load_ambassadors(employee_ids: list[UUID]) -> list[Ambassador | None]:
        found = await services.roster.load_ambassadors_by_employee(principal, employee_ids)
        return [ambassador_node(ambassador) if ambassador else None for ambassador in found]

    employees: DataLoader[UUID, Employee | None] = DataLoader(load_employees)
    return Loaders(
        employees=employees,
        ambassadors_by_employee=DataLoader(load_ambassadors),
        content=build_content_loaders(services, principal),
        nodes={
            **roster_nodes(services, principal, employees),
            **programme_nodes(services, principal),
            **content_nodes(services, principal),
            **sharing_nodes(services, principal),
            **attribution_nodes(services, principal),
            **catalogue_nodes(services, principal),
            **programme_cost_nodes(services, principal),
            **integration_nodes(services, principal),
            **webhook_nodes(services, principal),
            # Roster imports
            **roster_import_nodes(services, principal),
            **training_nodes(services, principal),
            # Incidents
            **incident_nodes(services, principal),
            **survey_nodes(services, principal),
        },
    )
