"""How ``node(id:)`` reads the roster's nodes: employees, memberships and the caller's social accounts."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from app.api.graphql.global_ids import NodeLoader, each
from app.api.graphql.roster.mappers import ambassador_node, social_account_node
from app.api.graphql.roster.types import Ambassador, Employee, SocialAccount
from app.api.runtime import Services
from app.domain.errors import EmployeeNotLinked, NotAnAmbassador
from app.domain.roster.identity import Principal


def roster_nodes(
    services: Services, principal: Principal, employees: DataLoader[UUID, Employee | None]
) -> dict[str, NodeLoader]:
    async def ambassador(ambassador_id: UUID) -> Ambassador:
        return ambassador_node(await services.roster.get_ambassador(principal, ambassador_id))

    async def social_accounts(account_ids: list[UUID]) -> list[SocialAccount | None]:
        """Only the caller's own accounts are readable: anyone else's reads as missing."""
        try:
            mine = {account.id: account for account in await services.roster.list_social_accounts(principal)}
        except (EmployeeNotLinked, NotAnAmbassador):
            mine = {}
        return [social_account_node(mine[uuid]) if uuid in mine else None for uuid in account_ids]

    return {
        "Employee": employees,
        "Ambassador": DataLoader(each(ambassador)),
        "SocialAccount": DataLoader(social_accounts),
    }
