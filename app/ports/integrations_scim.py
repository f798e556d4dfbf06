"""Ports of SCIM provisioning: the links between employees and an identity provider, and the token lookup."""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from app.domain.integrations.integrations import Integration
from app.domain.integrations.scim_filters import UserFilter
from app.domain.integrations.scim_groups import ScimGroup
from app.domain.integrations.scim_users import ScimLink


class ScimLinks(Protocol):
    async def integration_for_token(self, token_digest: str) -> Integration | None:
        """The integration holding a credential of this digest, whatever its tenant (a SCIM request names
        none: its token proves it). Works in a unit of work opened for no tenant."""
        ...

    async def get(self, employee_id: UUID, *, for_update: bool = False) -> ScimLink | None: ...
    async def find_by_user_name(self, user_name: str) -> ScimLink | None:
        """Without regard to case."""
        ...

    async def add(self, link: ScimLink) -> None:
        """Refuses a userName another link of the tenant holds (DuplicateValue)."""
        ...

    async def save(self, link: ScimLink) -> None: ...
    async def remove(self, employee_id: UUID) -> None: ...
    async def search(self, condition: UserFilter | None, offset: int, limit: int) -> tuple[int, list[ScimLink]]:
        """How many links match, and the page of them from ``offset``, in the order they were made."""
        ...


class ScimGroups(Protocol):
    async def get(self, group_id: UUID, *, for_update: bool = False) -> ScimGroup | None: ...
    async def find_by_name(self, display_name: str) -> ScimGroup | None:
        """Without regard to case."""
        ...

    async def add(self, group: ScimGroup) -> None:
        """Refuses a name another group of the tenant holds (DuplicateValue)."""
        ...

    async def save(self, group: ScimGroup) -> None: ...
    async def remove(self, group_id: UUID) -> None: ...
    async def search(
        self, display_name: str | None, external_id: str | None, offset: int, limit: int
    ) -> tuple[int, list[ScimGroup]]:
        """Groups of this name (without regard to case) or provider id when given, in the order made."""
        ...

    async def members(self, display_names: list[str]) -> dict[str, list[UUID]]:
        """For each department named, the provisioned employees in it, in the order they were provisioned."""
        ...
