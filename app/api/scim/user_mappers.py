"""SCIM users to and from what the use cases take and give."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from scim2_models import InvalidValueException, Manager, Meta, Resource

from app.api.scim.models import USER_MODEL, Email, Name, RelaisEnterpriseUser, RelaisUser
from app.domain.integrations.scim_users import ScimUser, ScimUserState, read_state

RESOURCE_TYPE = "User"


def version_tag(version: str) -> str:
    return f'W/"{version}"'


def version_of(tag: str | None) -> str | None:
    """The version an ETag names (weak or strong), as the use cases compare it."""
    if tag is None:
        return None
    return tag.removeprefix("W/").strip('"')


def to_resource(user: ScimUser) -> Resource[Any]:
    employee, profile = user.employee, user.employee.profile
    enterprise = RelaisEnterpriseUser(
        employee_number=profile.external_id,
        department=profile.department,
        manager=Manager(value=str(profile.manager_id), ref=f"Users/{profile.manager_id}")
        if profile.manager_id
        else None,
    )
    resource = USER_MODEL(
        id=str(employee.id),
        external_id=user.link.external_id,
        user_name=user.link.user_name,
        name=Name(given_name=profile.given_name, family_name=profile.family_name),
        emails=[Email(value=profile.email, type="work")],
        preferred_language=profile.language,
        active=employee.is_active,
        meta=Meta(
            resource_type=RESOURCE_TYPE,
            created=user.link.created_at,
            last_modified=max(user.link.updated_at, employee.updated_at),
            version=version_tag(user.version),
        ),
    )
    resource[RelaisEnterpriseUser] = enterprise
    # Listed, so that a PATCH of its attributes finds them (scim2-models reads the extensions listed).
    resource.schemas = [str(RelaisUser.__schema__), str(RelaisEnterpriseUser.__schema__)]
    created: Resource[Any] = resource
    return created


def _email(emails: list[Email] | None) -> str | None:
    if not emails:
        return None
    # primary is not a declared attribute (it is not kept) but arrives among the unknown ones.
    primary = next((e for e in emails if (e.unknown_attributes or {}).get("primary") in (True, "true", "True")), None)
    chosen = primary or next((e for e in emails if e.type == "work"), emails[0])
    return chosen.value


def _manager_id(enterprise: RelaisEnterpriseUser | None) -> UUID | None:
    manager = enterprise.manager if enterprise else None
    if manager is None or not manager.value:
        return None
    try:
        return UUID(manager.value)
    except ValueError:
        raise InvalidValueException(detail="manager.value must be the SCIM id of another user.") from None


def to_state(resource: Resource[Any]) -> ScimUserState:
    """The user a POST, a PUT or an applied PATCH describes; an absent attribute clears the field."""
    user: Any = resource
    enterprise: RelaisEnterpriseUser | None = resource[RelaisEnterpriseUser]
    name = user.name or Name()
    fields = {
        "email": _email(user.emails),
        "given_name": name.given_name,
        "family_name": name.family_name,
        "language": user.preferred_language,
        "department": enterprise.department if enterprise else None,
    }
    return read_state(
        user_name=user.user_name or "",
        external_id=user.external_id,
        active=user.active is not False,
        fields=fields,
        employee_number=enterprise.employee_number if enterprise else None,
        manager_id=_manager_id(enterprise),
    )
