"""A SCIM user: an employee an identity provider provisions, with the names the provider knows them by
(its ``userName`` and its own id, ``externalId``), and what one of its writes says of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from types import MappingProxyType
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.domain.integrations.roster_records import RosterRecord, read_record
from app.domain.messages import Message
from app.domain.roster.employees import Employee
from app.domain.values import has_control_characters, is_blank

MAX_USER_NAME_LENGTH = 320
# read_record names every record by its key; a SCIM user may come without an employee number, so a stand-in
# key lets the other fields be read by the same rules, and is dropped again.
_NO_KEY = "-"


@dataclass(slots=True, kw_only=True)
class ScimLink:
    """What ties an employee to the identity provider: present while the provider manages them."""

    tenant_id: UUID
    employee_id: UUID
    user_name: str
    external_id: str | None
    created_at: datetime
    updated_at: datetime
    version: int = 1

    def change(self, *, user_name: str, external_id: str | None, now: datetime) -> None:
        if (user_name, external_id) == (self.user_name, self.external_id):
            return
        self.user_name, self.external_id = user_name, external_id
        self.updated_at = now
        self.version += 1


@dataclass(frozen=True, slots=True)
class ScimUser:
    """An employee as SCIM shows them; its version changes with the employee and with the link."""

    link: ScimLink
    employee: Employee

    @property
    def version(self) -> str:
        return f"{self.employee.version}.{self.link.version}"


@dataclass(frozen=True, slots=True, kw_only=True)
class ScimUserState:
    """The whole user as a write describes it (a POST or a PUT; a PATCH arrives applied to what was read).
    ``record`` holds the roster fields, ``employee_number`` included as ``external_id`` when given."""

    user_name: str
    external_id: str | None
    active: bool
    record: RosterRecord
    gives_employee_number: bool
    manager_id: UUID | None
    owns_manager: bool = True


def check_user_name(user_name: str) -> str:
    if is_blank(user_name) or has_control_characters(user_name) or len(user_name) > MAX_USER_NAME_LENGTH:
        raise ValidationFailed(
            "The user is not valid.",
            [
                FieldError(
                    ("userName",),
                    Message("Give a userName of 1 to {limit} characters on one line.", limit=MAX_USER_NAME_LENGTH),
                )
            ],
        )
    return user_name.strip()


def read_state(
    *,
    user_name: str,
    external_id: str | None,
    active: bool,
    fields: Mapping[str, object],
    employee_number: str | None,
    manager_id: UUID | None,
) -> ScimUserState:
    """The state a write describes, each field read as every roster source's are. An address is required:
    the user's e-mail, else their userName when it is one. No employee number clears it (SCIM replaces)."""
    name = check_user_name(user_name)
    data = dict(fields)
    if data.get("email") in (None, "") and "@" in name:
        data["email"] = name
    record = read_record(data | {"external_id": employee_number or _NO_KEY})
    values = dict(record.values)
    if not employee_number:
        values["external_id"] = None
    return ScimUserState(
        user_name=name,
        external_id=external_id or None,
        active=active,
        record=RosterRecord(employee_number or "", MappingProxyType(values)),
        gives_employee_number=bool(employee_number),
        manager_id=manager_id,
    )


def keeping_employee_number(state: ScimUserState) -> ScimUserState:
    """The state without its clearing of the employee number: an adopted employee keeps the HRIS's key."""
    if state.gives_employee_number:
        return state
    values = {k: v for k, v in state.record.values.items() if k != "external_id"}
    return replace(state, record=RosterRecord(state.record.external_id, MappingProxyType(values)))


def owned_state(state: ScimUserState, owned: frozenset[str]) -> ScimUserState:
    """The state narrowed to what the integration owns (the manager goes with ``manager_external_id``)."""
    return replace(state, record=state.record.owned(owned), owns_manager="manager_external_id" in owned)
