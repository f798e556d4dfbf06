"""The SCIM resources Relais serves, as scim2-models classes: the User attributes it keeps and the
enterprise extension's, so /Schemas publishes exactly what a provider can expect to read back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field
from scim2_models import (
    URN,
    AuthenticationScheme,
    Bulk,
    CaseExact,
    ChangePassword,
    ComplexAttribute,
    ETag,
    Extension,
    Filter,
    Manager,
    Mutability,
    Patch,
    Reference,
    Required,
    Resource,
    ResourceType,
    ScimPolicy,
    ScimProvider,
    ServiceProviderConfig,
    Sort,
    Uniqueness,
)

if TYPE_CHECKING:
    from scim2_models import User

MAX_RESULTS = 100
DOCUMENTATION = "https://github.com/relais-app/relais/blob/main/docs/scim.md"


class Name(ComplexAttribute):
    given_name: Annotated[str | None, Required.true] = None
    family_name: Annotated[str | None, Required.true] = None


class Email(ComplexAttribute):
    """One address: Relais keeps the primary (else the work, else the first) as the employee's e-mail.
    ``primary`` is read but not kept: the one address is the primary one."""

    value: Annotated[str | None, Required.true] = None
    type: str | None = Field(None, examples=["work"])


class RelaisEnterpriseUser(Extension):
    __schema__ = URN("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")

    employee_number: Annotated[str | None, CaseExact.true] = None
    department: str | None = None
    manager: Manager | None = None


class RelaisUser(Resource[Any]):
    __schema__ = URN("urn:ietf:params:scim:schemas:core:2.0:User")

    user_name: Annotated[str | None, Uniqueness.server, Required.true] = None
    # An employee needs both: the roster refuses a user without a name or an address.
    name: Annotated[Name | None, Required.true] = None
    emails: Annotated[list[Email] | None, Required.true] = None
    preferred_language: str | None = Field(None, examples=["en", "fr", "de", "en-GB", "fr-CA"])
    # Always said: inactive ends the employment, so its absence must not be read as either.
    active: Annotated[bool | None, Required.true] = None


class RelaisGroupMember(ComplexAttribute):
    value: Annotated[str | None, Mutability.immutable, CaseExact.true, Required.true] = None
    # The name of the resource type it references, as scim2-models reads it (the class need not exist here).
    ref: Annotated[Reference["User"] | None, Mutability.immutable] = Field(  # type: ignore[type-arg]  # noqa: UP037
        None, serialization_alias="$ref", validation_alias="$ref"
    )
    type: Annotated[str | None, Mutability.immutable] = Field(None, examples=["User"])


class RelaisGroup(Resource[Any]):
    """A department: its members are the users whose department it is."""

    __schema__ = URN("urn:ietf:params:scim:schemas:core:2.0:Group")

    display_name: Annotated[str | None, Required.true] = None
    members: list[RelaisGroupMember] | None = None


GROUP = ResourceType.from_resource(RelaisGroup)
# The resource type binds the extension to the bare resource (scim2-models composes the two).
USER_MODEL: Any = RelaisUser.__class_getitem__(RelaisEnterpriseUser)
USER = ResourceType.from_resource(USER_MODEL)

CONFIG = ServiceProviderConfig(
    documentation_uri=DOCUMENTATION,
    patch=Patch(supported=True),
    bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
    filter=Filter(supported=True, max_results=MAX_RESULTS),
    change_password=ChangePassword(supported=False),
    sort=Sort(supported=False),
    etag=ETag(supported=True),
    authentication_schemes=[
        AuthenticationScheme(
            type="oauthbearertoken",
            name="OAuth Bearer Token",
            description="The token issued when the SCIM integration was registered or rotated.",
            primary=True,
        )
    ],
)

# What identity providers send, read as Relais can use it: attributes it does not keep are dropped (Entra
# ID and Okta send many), a remove with a value removes that value and a path filter that matches nothing
# adds the entry it describes (both as Entra ID sends them).
POLICY = ScimPolicy(
    unknown=ScimPolicy.Unknown.ignore,
    remove_value_as_filter=ScimPolicy.RemoveValue.apply,
    unmatched_path_filter=ScimPolicy.UnmatchedPathFilter.create,
)


def scim_provider() -> ScimProvider:
    models: list[type[Resource[Any]] | type[Extension]] = [RelaisUser, RelaisEnterpriseUser, RelaisGroup]
    return ScimProvider(models=models, resource_types=[USER, GROUP], config=CONFIG, policy=POLICY)
