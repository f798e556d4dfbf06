"""Who signs in through the development sign-in page, and with which role.

The development OpenID provider lets a front-end developer be any active employee of a tenant,
so that an application can be tried as each of the people it serves.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.domain.roster.employees import Employee
from app.domain.roster.identity import Role

# Roles a tenant's people may hold; an operator belongs to no tenant, so nobody signs in as one here.
SIGN_IN_ROLES = tuple(role for role in Role if role is not Role.OPERATOR)
DEFAULT_SIGN_IN_ROLE = Role.AMBASSADOR


@dataclass(frozen=True, slots=True, kw_only=True)
class SignInIdentity:
    tenant_id: UUID
    subject: str
    email: str
    given_name: str
    family_name: str
    roles: tuple[Role, ...]

    @classmethod
    def of(cls, employee: Employee, role: Role) -> SignInIdentity:
        """The subject is the employee's ``idp_subject``, so the token links to them at once; an
        employee with none gets the subject ``relais token --email`` would give, and is linked on
        first use by the verified e-mail, as a real identity provider's user would be."""
        if role not in SIGN_IN_ROLES:
            raise _not_a_sign_in_role(role)
        profile = employee.profile
        return cls(
            tenant_id=employee.tenant_id,
            subject=profile.idp_subject or f"dev|{profile.email}",
            email=profile.email,
            given_name=profile.given_name,
            family_name=profile.family_name,
            roles=(role,),
        )

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"


def parse_sign_in_role(value: str) -> Role:
    """The role chosen on the sign-in page, or ``ValidationFailed`` naming the roles allowed."""
    role = next((role for role in SIGN_IN_ROLES if role.value == value), None)
    if role is None:
        raise _not_a_sign_in_role(value)
    return role


def _not_a_sign_in_role(value: str) -> ValidationFailed:
    allowed = ", ".join(SIGN_IN_ROLES)
    return ValidationFailed(
        f"{value!r} is not a role to sign in with.", [FieldError(("role",), f"Choose one of: {allowed}.")]
    )
