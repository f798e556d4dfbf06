"""SCIM groups (departments) to and from what the use cases take and give, and the group filters answered."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from scim2_models import InvalidFilterException, InvalidValueException, Meta, Resource
from scim2_models.path import Comparison, FilterNode

from app.api.scim.models import RelaisGroup, RelaisGroupMember
from app.domain.integrations.scim_groups import ScimGroupState, ScimGroupView, read_group

FILTERED = {"displayname": "display_name", "externalid": "external_id"}


def group_resource(view: ScimGroupView) -> Resource[Any]:
    group = view.group
    return RelaisGroup(
        id=str(group.id),
        external_id=group.external_id,
        display_name=group.display_name,
        members=[RelaisGroupMember(value=str(member), ref=f"Users/{member}", type="User") for member in view.member_ids]
        or None,
        meta=Meta(
            resource_type="Group",
            created=group.created_at,
            last_modified=group.updated_at,
            version=f'W/"{group.version}"',
        ),
    )


def group_state(resource: Resource[Any]) -> ScimGroupState:
    group: Any = resource
    members: set[UUID] = set()
    for member in group.members or []:
        try:
            members.add(UUID(str(member.value)))
        except ValueError:
            raise InvalidValueException(detail=f"members: {member.value} is not the SCIM id of a user.") from None
    return read_group(display_name=group.display_name, external_id=group.external_id, member_ids=frozenset(members))


def group_filter(tree: FilterNode | None) -> dict[str, str]:
    """``displayName eq "..."`` or ``externalId eq "..."`` (as Entra ID and Okta look a group up), nothing else."""
    if tree is None:
        return {}
    if isinstance(tree, Comparison) and tree.op.value == "eq" and isinstance(tree.value, str):
        name = FILTERED.get(tree.attr_path.attr.lower())
        if name is not None and tree.attr_path.sub_attr is None:
            return {name: tree.value}
    raise InvalidFilterException(detail="Relais finds groups by displayName eq or externalId eq only.")
