"""PostgreSQL store of SCIM groups (departments), scoped to the unit of work's tenant."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.integrations.repositories import employees
from app.adapters.postgres.integrations.scim_repositories import links
from app.adapters.postgres.integrations.scim_tables import ScimGroupRow
from app.adapters.postgres.repository import _Repository
from app.domain.integrations.scim_groups import ScimGroup

groups: sa.Table = ScimGroupRow.__table__  # type: ignore[attr-defined]
COLUMNS = ("tenant_id", "id", "display_name", "external_id", "version", "created_at", "updated_at")


def _group(row: Any) -> ScimGroup:
    return ScimGroup(**{name: getattr(row, name) for name in COLUMNS})


class PostgresScimGroups(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(groups).where(groups.c.tenant_id == self._tenant_id)

    async def get(self, group_id: UUID, *, for_update: bool = False) -> ScimGroup | None:
        statement = self._select().where(groups.c.id == group_id)
        return await self._one(statement.with_for_update() if for_update else statement, _group)

    async def find_by_name(self, display_name: str) -> ScimGroup | None:
        statement = self._select().where(sa.func.lower(groups.c.display_name) == display_name.lower())
        return await self._one(statement, _group)

    async def add(self, group: ScimGroup) -> None:
        self._require_own(group.tenant_id)
        await self._write(sa.insert(groups).values({name: getattr(group, name) for name in COLUMNS}))

    async def save(self, group: ScimGroup) -> None:
        self._require_own(group.tenant_id)
        changed = {name: getattr(group, name) for name in ("display_name", "external_id", "version", "updated_at")}
        statement = (
            sa.update(groups).where(groups.c.tenant_id == self._tenant_id, groups.c.id == group.id).values(changed)
        )
        await self._write(statement)

    async def remove(self, group_id: UUID) -> None:
        await self._write(sa.delete(groups).where(groups.c.tenant_id == self._tenant_id, groups.c.id == group_id))

    async def search(
        self, display_name: str | None, external_id: str | None, offset: int, limit: int
    ) -> tuple[int, list[ScimGroup]]:
        g = groups.c
        where = [g.tenant_id == self._tenant_id]
        if display_name is not None:
            where.append(sa.func.lower(g.display_name) == display_name.lower())
        if external_id is not None:
            where.append(g.external_id == external_id)
        total = int((await self._session.execute(sa.select(sa.func.count()).where(*where))).scalar_one())
        statement = sa.select(groups).where(*where).order_by(g.created_at, g.id).offset(offset).limit(limit)
        return total, await self._all(statement, _group)

    async def members(self, display_names: list[str]) -> dict[str, list[UUID]]:
        if not display_names:
            return {}
        s, e = links.c, employees.c
        statement = (
            sa.select(e.department, s.employee_id)
            .select_from(links.join(employees, sa.and_(e.tenant_id == s.tenant_id, e.id == s.employee_id)))
            .where(s.tenant_id == self._tenant_id, e.department.in_(display_names))
            .order_by(s.created_at, s.employee_id)
        )
        found: dict[str, list[UUID]] = {}
        for department, employee_id in (await self._session.execute(statement)).all():
            found.setdefault(department, []).append(employee_id)
        return found
