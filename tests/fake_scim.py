"""SCIM links on the in-memory database, refusing what PostgreSQL's constraints refuse."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from app.domain.errors import DuplicateValue
from app.domain.integrations.integrations import Integration
from app.domain.integrations.scim_filters import (
    CASE_EXACT,
    AllOf,
    AnyOf,
    Compare,
    Negation,
    Operator,
    Present,
    UserAttribute,
    UserFilter,
)
from app.domain.integrations.scim_groups import ScimGroup
from app.domain.integrations.scim_users import ScimLink
from app.domain.roster.employees import Employee
from tests.fake_storage import _Repository, _stored


def _value(attribute: UserAttribute, link: ScimLink, employee: Employee) -> str | None:
    profile = employee.profile
    values = {
        UserAttribute.ID: str(employee.id),
        UserAttribute.USER_NAME: link.user_name,
        UserAttribute.EXTERNAL_ID: link.external_id,
        UserAttribute.EMAIL: profile.email,
        UserAttribute.GIVEN_NAME: profile.given_name,
        UserAttribute.FAMILY_NAME: profile.family_name,
        UserAttribute.LANGUAGE: profile.language,
        UserAttribute.EMPLOYEE_NUMBER: profile.external_id,
        UserAttribute.DEPARTMENT: profile.department,
    }
    return values[attribute]


def matches(tree: UserFilter, link: ScimLink, employee: Employee) -> bool:
    match tree:
        case AllOf(terms):
            return all(matches(term, link, employee) for term in terms)
        case AnyOf(terms):
            return any(matches(term, link, employee) for term in terms)
        case Negation(term):
            return not matches(term, link, employee)
        case Present(attribute):
            return attribute is UserAttribute.ACTIVE or bool(_value(attribute, link, employee))
        case Compare(UserAttribute.ACTIVE, operator, wanted):
            return (employee.is_active == (wanted is True)) == (operator is Operator.EQ)
        case Compare(attribute, operator, wanted):
            value = _value(attribute, link, employee)
            text = str(wanted)
            if attribute not in CASE_EXACT and value is not None:
                value, text = value.lower(), text.lower()
            if operator is Operator.NE:
                return value != text
            if value is None:
                return False
            tests = {
                Operator.EQ: value == text,
                Operator.CO: text in value,
                Operator.SW: value.startswith(text),
                Operator.EW: value.endswith(text),
            }
            return tests[operator]


class FakeScimLinks(_Repository):
    def _rows(self) -> list[ScimLink]:
        rows = [row for row in self._tx.scim_links.rows() if row.tenant_id == self._tenant_id]
        return sorted(rows, key=lambda row: (row.created_at, row.employee_id))

    async def integration_for_token(self, token_digest: str) -> Integration | None:
        for integration in self._tx.integrations.rows():
            if any(c.token_digest == token_digest for c in integration.credentials):
                return _stored(integration)
        return None

    async def get(self, employee_id: UUID, *, for_update: bool = False) -> ScimLink | None:
        found = self._tx.scim_links.get((self._tenant_id, employee_id))
        return replace(found) if found is not None else None

    async def find_by_user_name(self, user_name: str) -> ScimLink | None:
        return next((replace(row) for row in self._rows() if row.user_name.lower() == user_name.lower()), None)

    async def add(self, link: ScimLink) -> None:
        self._require_own(link.tenant_id)
        if await self.find_by_user_name(link.user_name) is not None:
            raise DuplicateValue("userName", "Another user already has this userName.")
        self._tx.scim_links.put((link.tenant_id, link.employee_id), replace(link))

    async def save(self, link: ScimLink) -> None:
        self._require_own(link.tenant_id)
        holder = await self.find_by_user_name(link.user_name)
        if holder is not None and holder.employee_id != link.employee_id:
            raise DuplicateValue("userName", "Another user already has this userName.")
        self._tx.scim_links.put((link.tenant_id, link.employee_id), replace(link))

    async def remove(self, employee_id: UUID) -> None:
        self._tx.scim_links.delete((self._tenant_id, employee_id))

    async def search(self, condition: UserFilter | None, offset: int, limit: int) -> tuple[int, list[ScimLink]]:
        found = []
        for link in self._rows():
            employee = self._tx.employees.get((self._tenant_id, link.employee_id))
            if employee is not None and (condition is None or matches(condition, link, employee)):
                found.append(replace(link))
        return len(found), found[offset : offset + limit]


class FakeScimGroups(_Repository):
    def _rows(self) -> list[ScimGroup]:
        rows = [row for row in self._tx.scim_groups.rows() if row.tenant_id == self._tenant_id]
        return sorted(rows, key=lambda row: (row.created_at, row.id))

    async def get(self, group_id: UUID, *, for_update: bool = False) -> ScimGroup | None:
        found = self._tx.scim_groups.get((self._tenant_id, group_id))
        return replace(found) if found is not None else None

    async def find_by_name(self, display_name: str) -> ScimGroup | None:
        wanted = display_name.lower()
        return next((replace(row) for row in self._rows() if row.display_name.lower() == wanted), None)

    async def add(self, group: ScimGroup) -> None:
        self._require_own(group.tenant_id)
        if await self.find_by_name(group.display_name) is not None:
            raise DuplicateValue("displayName", "Another group already has this displayName.")
        self._tx.scim_groups.put((group.tenant_id, group.id), replace(group))

    async def save(self, group: ScimGroup) -> None:
        self._require_own(group.tenant_id)
        self._tx.scim_groups.put((group.tenant_id, group.id), replace(group))

    async def remove(self, group_id: UUID) -> None:
        self._tx.scim_groups.delete((self._tenant_id, group_id))

    async def search(
        self, display_name: str | None, external_id: str | None, offset: int, limit: int
    ) -> tuple[int, list[ScimGroup]]:
        found = [
            replace(row)
            for row in self._rows()
            if (display_name is None or row.display_name.lower() == display_name.lower())
            and (external_id is None or row.external_id == external_id)
        ]
        return len(found), found[offset : offset + limit]

    async def members(self, display_names: list[str]) -> dict[str, list[UUID]]:
        found: dict[str, list[UUID]] = {}
        for link in FakeScimLinks._rows(self):  # type: ignore[arg-type]
            employee = self._tx.employees.get((self._tenant_id, link.employee_id))
            department = employee.profile.department if employee else None
            if department is not None and department in display_names:
                found.setdefault(department, []).append(link.employee_id)
        return found
