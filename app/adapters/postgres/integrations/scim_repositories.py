"""PostgreSQL store of SCIM links, scoped to the unit of work's tenant but for the token lookup."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.integrations.mappers import integration_from_row
from app.adapters.postgres.integrations.repositories import _credentials_column as credentials_column
from app.adapters.postgres.integrations.repositories import credentials, employees, integrations
from app.adapters.postgres.integrations.scim_filters import condition
from app.adapters.postgres.integrations.scim_tables import ScimLinkRow
from app.adapters.postgres.repository import _Repository
from app.domain.integrations.integrations import Integration
from app.domain.integrations.scim_filters import UserFilter
from app.domain.integrations.scim_users import ScimLink

links: sa.Table = ScimLinkRow.__table__  # type: ignore[attr-defined]
COLUMNS = ("tenant_id", "employee_id", "user_name", "external_id", "version", "created_at", "updated_at")


def _link(row: Any) -> ScimLink:
    return ScimLink(**{name: getattr(row, name) for name in COLUMNS})


def _values(link: ScimLink) -> dict[str, Any]:
    return {name: getattr(link, name) for name in COLUMNS}


class PostgresScimLinks(_Repository):
    async def integration_for_token(self, token_digest: str) -> Integration | None:
        k = credentials.c
        holder = sa.select(k.integration_id).where(k.token_digest == token_digest).scalar_subquery()
        statement = sa.select(integrations, credentials_column()).where(integrations.c.id == holder)
        return await self._one(statement, integration_from_row)

    def _select(self) -> sa.Select[Any]:
        return sa.select(links).where(links.c.tenant_id == self._tenant_id)

    async def get(self, employee_id: UUID, *, for_update: bool = False) -> ScimLink | None:
        statement = self._select().where(links.c.employee_id == employee_id)
        return await self._one(statement.with_for_update() if for_update else statement, _link)

    async def find_by_user_name(self, user_name: str) -> ScimLink | None:
        statement = self._select().where(sa.func.lower(links.c.user_name) == user_name.lower())
        return await self._one(statement, _link)

    async def add(self, link: ScimLink) -> None:
        self._require_own(link.tenant_id)
        await self._write(sa.insert(links).values(_values(link)))

    async def save(self, link: ScimLink) -> None:
        self._require_own(link.tenant_id)
        values = _values(link)
        statement = (
            sa.update(links)
            .where(links.c.tenant_id == self._tenant_id, links.c.employee_id == link.employee_id)
            .values({name: values[name] for name in ("user_name", "external_id", "version", "updated_at")})
        )
        await self._write(statement)

    async def remove(self, employee_id: UUID) -> None:
        s = links.c
        await self._write(sa.delete(links).where(s.tenant_id == self._tenant_id, s.employee_id == employee_id))

    async def search(self, tree: UserFilter | None, offset: int, limit: int) -> tuple[int, list[ScimLink]]:
        """One statement: the page, each row carrying the count of every match."""
        s, e = links.c, employees.c
        joined = links.join(employees, sa.and_(e.tenant_id == s.tenant_id, e.id == s.employee_id))
        where = [s.tenant_id == self._tenant_id]
        if tree is not None:
            where.append(condition(tree, links, employees))
        total = sa.func.count().over().label("total")
        statement = (
            sa.select(links, total)
            .select_from(joined)
            .where(*where)
            .order_by(s.created_at, s.employee_id)
            .offset(offset)
            .limit(limit)
        )
        rows = (await self._session.execute(statement)).all()
        if rows:
            return int(rows[0].total), [_link(row) for row in rows]
        # Past the last match (or asked for none): the count alone.
        counted = sa.select(sa.func.count()).select_from(joined).where(*where)
        return int((await self._session.execute(counted)).scalar_one()), []
