"""A SCIM group is a department: its members are the provisioned employees whose department is its name.
Adding a user to the group sets their department, removing them clears it, renaming the group renames
the department of every member."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.domain.integrations.roster_records import MAX_LENGTH
from app.domain.messages import Message
from app.domain.values import has_control_characters, is_blank


@dataclass(slots=True, kw_only=True)
class ScimGroup:
    tenant_id: UUID
    id: UUID
    display_name: str
    external_id: str | None
    created_at: datetime
    updated_at: datetime
    version: int = 1

    def change(self, *, display_name: str, external_id: str | None, now: datetime) -> None:
        """A new name or id; a membership change is a change of the group too (``touch``)."""
        if (display_name, external_id) != (self.display_name, self.external_id):
            self.display_name, self.external_id = display_name, external_id
        self.touch(now)

    def touch(self, now: datetime) -> None:
        self.updated_at = now
        self.version += 1


@dataclass(frozen=True, slots=True)
class ScimGroupView:
    """A group and the ids of its members (employees the provider manages, in its department)."""

    group: ScimGroup
    member_ids: tuple[UUID, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ScimGroupState:
    display_name: str
    external_id: str | None
    member_ids: frozenset[UUID]


def read_group(*, display_name: str | None, external_id: str | None, member_ids: frozenset[UUID]) -> ScimGroupState:
    """A department's name is read as the roster's department field is (one line, at most 320 characters)."""
    name = display_name or ""
    if is_blank(name) or has_control_characters(name) or len(name) > MAX_LENGTH:
        raise ValidationFailed(
            "The group is not valid.",
            [
                FieldError(
                    ("displayName",),
                    Message("Give the department's name: 1 to {limit} characters on one line.", limit=MAX_LENGTH),
                )
            ],
        )
    return ScimGroupState(display_name=name.strip(), external_id=external_id or None, member_ids=member_ids)
