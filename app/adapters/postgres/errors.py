"""The one place where database constraint names become domain errors."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy.exc import IntegrityError

from app.domain.community.surveys import SurveyAlreadyAnswered
from app.domain.errors import AlreadyAmbassador, DomainError, DuplicateValue, FieldError, Forbidden, ValidationFailed

CONSTRAINT_ERRORS: dict[str, Callable[[], DomainError]] = {
    "uq_tenants_slug": lambda: DuplicateValue("slug", "A tenant with this slug already exists."),
    "uq_employees_tenant_id_email": lambda: DuplicateValue("email", "Another employee already has this e-mail."),
    "uq_scim_groups_tenant_id_display_name": lambda: DuplicateValue(
        "displayName", "Another group already has this displayName."
    ),
    "uq_scim_links_tenant_id_user_name": lambda: DuplicateValue("userName", "Another user already has this userName."),
    "uq_employees_tenant_id_external_id": lambda: DuplicateValue(
        "external_id", "Another employee already has this external_id."
    ),
    "uq_employees_tenant_id_idp_subject": lambda: DuplicateValue(
        "idp_subject", "Another employee is already linked to this identity-provider subject."
    ),
    "fk_employees_tenant_id_manager_id_employees": lambda: ValidationFailed(
        "The manager does not exist.", [FieldError(("manager_id",), "No employee with this id exists.")]
    ),
    "uq_ambassadors_tenant_id_employee_id": lambda: AlreadyAmbassador(
        "This employee already has a membership of the programme."
    ),
    "uq_social_accounts_tenant_id_ambassador_id_network_handle": lambda: DuplicateValue(
        "handle", "This account is already connected for this network."
    ),
    "uq_charter_versions_tenant_id_number": lambda: DuplicateValue(
        "number", "Another charter version was published at the same moment; publish again."
    ),
    "uq_campaigns_tenant_id_slug": lambda: DuplicateValue("slug", "Another campaign already has this slug."),
    "pk_survey_respondents": SurveyAlreadyAnswered,
}


# Every table's own key to its tenant, as the naming convention spells it ("fk_<table>_tenant_id_tenants").
_TENANT_KEY = re.compile(r"fk_[a-z0-9_]+_tenant_id_tenants")


def unknown_tenant() -> DomainError:
    """The issuer vouches for the tenant in a token, but nobody may have created that tenant here yet: any
    write it makes, in whichever table, breaks that table's key to its tenant."""
    return Forbidden(
        "The organisation your access token names does not exist here; ask a platform operator to create it."
    )


def error_for_constraint(constraint: str) -> DomainError | None:
    """The domain error a violation of ``constraint`` stands for, or None when it stands for none."""
    if _TENANT_KEY.fullmatch(constraint):
        return unknown_tenant()
    factory = CONSTRAINT_ERRORS.get(constraint)
    return factory() if factory else None


def translate_integrity_error(error: IntegrityError) -> DomainError | None:
    """Return the domain error for a known constraint, or None to let the error surface."""
    constraint = getattr(error.orig, "constraint_name", None) or getattr(
        getattr(error.orig, "__cause__", None), "constraint_name", None
    )
    return error_for_constraint(constraint) if constraint else None
