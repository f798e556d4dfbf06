"""The registry of problem types: each domain error, and each refusal of the HTTP exchange itself,
with its status, meaning, fix, REST members and GraphQL form.

REST's handlers and OpenAPI responses, GraphQL's error unions and docs/problems.md are derived
from ``REGISTRY``. Adding a domain error is its class plus one entry (in ``rules``, for a rule of a
capability); a test fails when a domain error with its own ``code`` has none.
"""

from __future__ import annotations

from typing import Any

from app.api.problem_types.exchange import (
    BAD_REQUEST,
    CONFLICT,
    DOMAIN_ERROR,
    FORBIDDEN,
    GONE,
    HEADERS_TOO_LARGE,
    INTERNAL_ERROR,
    MALFORMED_JSON,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    NOT_FOUND,
    NOT_READY,
    PAYLOAD_TOO_LARGE,
    PRECONDITION_FAILED,
    RATE_LIMITED,
    UNAUTHENTICATED,
    UNAVAILABLE,
    UNSUPPORTED_MEDIA_TYPE,
    VALIDATION_FAILED,
)
from app.api.problem_types.incidents import INCIDENT_RESOLVED, INCIDENT_SUBJECT_MISSING
from app.api.problem_types.integrations import DELIVERY_REFUSED, UNVERIFIED_DELIVERY
from app.api.problem_types.problem_type import TYPE_PREFIX, ProblemType, Sample
from app.api.problem_types.recall import CONTENT_ALREADY_RECALLED, CONTENT_RECALLED, TRACKED_LINK_RECALLED
from app.api.problem_types.recruiting import REFERRAL_LIMIT_REACHED, WAVE_EMPLOYEES_REFUSED, WAVE_INVITES_NOBODY
from app.api.problem_types.reward_rules import (
    ASSOCIATION_NOT_AVAILABLE,
    INSUFFICIENT_POINTS,
    OUT_OF_STOCK,
    REDEMPTION_LIMIT_REACHED,
    REDEMPTION_NOT_APPROVED,
    REWARD_NOT_AVAILABLE,
    RULES_ALREADY_SCHEDULED,
)

# Roster imports
from app.api.problem_types.roster_imports import (
    IMPORT_ALREADY_APPLIED,
    MASS_TERMINATION,
    ROSTER_CHANGED,
    ROSTER_FILE_TOO_LARGE,
    ROSTER_FILE_UNREADABLE,
)
from app.api.problem_types.rules import (
    ALREADY_AMBASSADOR,
    CADENCE_EXCEEDED,
    CAPTION_NOT_COMPLIANT,
    CHARTER_ACCEPTANCE_REQUIRED,
    CHARTER_NOT_PUBLISHED,
    CHARTER_VERSION_NOT_CURRENT,
    CONTENT_NOT_PUBLISHED,
    CONTENT_NOT_SHAREABLE,
    CONTENT_NOT_TARGETED,
    CONTENT_WITHOUT_LINK,
    CONVERSION_CONFLICT,
    DUPLICATE_VALUE,
    EMPLOYEE_NOT_LINKED,
    EMPLOYEE_TERMINATED,
    INVALID_TRANSITION,
    NETWORK_NOT_CONNECTED,
    NETWORK_NOT_ENABLED,
    NOT_AN_AMBASSADOR,
    SELF_APPROVAL,
    SHARE_LIMIT_REACHED,
    SHARE_NOT_POSTED,
    TRACKED_LINK_GONE,
    TRACKED_LINK_NOT_FOUND,
)
from app.api.problem_types.space import ALREADY_MODERATED, NOT_A_QUESTION, NOT_THE_AUTHOR, POST_NOT_COMPLIANT
from app.api.problem_types.surveys import (
    IDEA_ALREADY_DECIDED,
    SURVEY_ALREADY_ANSWERED,
    SURVEY_NOT_OPEN,
    SURVEY_NOT_TARGETED,
)
from app.api.problem_types.training import TRAINING_REQUIRED, TRAINING_WITHOUT_QUIZ
from app.api.problem_types.webhooks import WEBHOOK_URL_REFUSED
from app.domain.errors import DomainError

__all__ = [
    "ALREADY_AMBASSADOR",
    "ALREADY_MODERATED",
    "ASSOCIATION_NOT_AVAILABLE",
    "BAD_REQUEST",
    "CADENCE_EXCEEDED",
    "CAPTION_NOT_COMPLIANT",
    "CHARTER_ACCEPTANCE_REQUIRED",
    "CHARTER_NOT_PUBLISHED",
    "CHARTER_VERSION_NOT_CURRENT",
    "CONFLICT",
    "CONTENT_ALREADY_RECALLED",
    "CONTENT_NOT_PUBLISHED",
    "CONTENT_NOT_SHAREABLE",
    "CONTENT_NOT_TARGETED",
    "CONTENT_RECALLED",
    "CONTENT_WITHOUT_LINK",
    "CONVERSION_CONFLICT",
    "DELIVERY_REFUSED",
    "DOMAIN_ERROR",
    "DUPLICATE_VALUE",
    "EMPLOYEE_NOT_LINKED",
    "EMPLOYEE_TERMINATED",
    "FORBIDDEN",
    "GONE",
    "HEADERS_TOO_LARGE",
    "IDEA_ALREADY_DECIDED",
    "IMPORT_ALREADY_APPLIED",
    "INCIDENT_RESOLVED",
    "INCIDENT_SUBJECT_MISSING",
    "INSUFFICIENT_POINTS",
    "INTERNAL_ERROR",
    "INVALID_TRANSITION",
    "MALFORMED_JSON",
    "MASS_TERMINATION",
    "METHOD_NOT_ALLOWED",
    "NETWORK_NOT_CONNECTED",
    "NETWORK_NOT_ENABLED",
    "NOT_ACCEPTABLE",
    "NOT_AN_AMBASSADOR",
    "NOT_A_QUESTION",
    "NOT_FOUND",
    "NOT_READY",
    "NOT_THE_AUTHOR",
    "OUT_OF_STOCK",
    "PAYLOAD_TOO_LARGE",
    "POST_NOT_COMPLIANT",
    "PRECONDITION_FAILED",
    "RATE_LIMITED",
    "REDEMPTION_LIMIT_REACHED",
    "REDEMPTION_NOT_APPROVED",
    "REFERRAL_LIMIT_REACHED",
    "REGISTRY",
    "REWARD_NOT_AVAILABLE",
    "ROSTER_CHANGED",
    "ROSTER_FILE_TOO_LARGE",
    "ROSTER_FILE_UNREADABLE",
    "RULES_ALREADY_SCHEDULED",
    "SELF_APPROVAL",
    "SHARE_LIMIT_REACHED",
    "SHARE_NOT_POSTED",
    "SURVEY_ALREADY_ANSWERED",
    "SURVEY_NOT_OPEN",
    "SURVEY_NOT_TARGETED",
    "TRACKED_LINK_GONE",
    "TRACKED_LINK_NOT_FOUND",
    "TRACKED_LINK_RECALLED",
    "TRAINING_REQUIRED",
    "TRAINING_WITHOUT_QUIZ",
    "TYPE_PREFIX",
    "UNAUTHENTICATED",
    "UNAVAILABLE",
    "UNSUPPORTED_MEDIA_TYPE",
    "UNVERIFIED_DELIVERY",
    "VALIDATION_FAILED",
    "WAVE_EMPLOYEES_REFUSED",
    "WAVE_INVITES_NOBODY",
    "WEBHOOK_URL_REFUSED",
    "ProblemType",
    "Sample",
    "problem_type_for_status",
    "problem_type_of",
    "registered",
]

# In the order of the catalogue: by status, the generic type of each status first.
REGISTRY: tuple[ProblemType[Any], ...] = (
    MALFORMED_JSON,
    BAD_REQUEST,
    DOMAIN_ERROR,
    UNAUTHENTICATED,
    UNVERIFIED_DELIVERY,
    FORBIDDEN,
    EMPLOYEE_NOT_LINKED,
    SELF_APPROVAL,
    CONTENT_NOT_TARGETED,
    SURVEY_NOT_TARGETED,
    NOT_THE_AUTHOR,
    NOT_FOUND,
    CHARTER_NOT_PUBLISHED,
    TRACKED_LINK_NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    CONFLICT,
    DUPLICATE_VALUE,
    INVALID_TRANSITION,
    EMPLOYEE_TERMINATED,
    ALREADY_AMBASSADOR,
    NOT_AN_AMBASSADOR,
    CADENCE_EXCEEDED,
    CONVERSION_CONFLICT,
    CHARTER_VERSION_NOT_CURRENT,
    CHARTER_ACCEPTANCE_REQUIRED,
    CONTENT_NOT_PUBLISHED,
    CONTENT_NOT_SHAREABLE,
    CONTENT_WITHOUT_LINK,
    SHARE_LIMIT_REACHED,
    SHARE_NOT_POSTED,
    INSUFFICIENT_POINTS,
    OUT_OF_STOCK,
    REDEMPTION_LIMIT_REACHED,
    REWARD_NOT_AVAILABLE,
    REDEMPTION_NOT_APPROVED,
    ASSOCIATION_NOT_AVAILABLE,
    RULES_ALREADY_SCHEDULED,
    DELIVERY_REFUSED,
    SURVEY_NOT_OPEN,
    SURVEY_ALREADY_ANSWERED,
    IDEA_ALREADY_DECIDED,
    NOT_A_QUESTION,
    ALREADY_MODERATED,
    # Roster imports
    ROSTER_CHANGED,
    MASS_TERMINATION,
    IMPORT_ALREADY_APPLIED,
    WAVE_EMPLOYEES_REFUSED,
    WAVE_INVITES_NOBODY,
    REFERRAL_LIMIT_REACHED,
    TRAINING_REQUIRED,
    TRAINING_WITHOUT_QUIZ,
    # Incidents
    INCIDENT_RESOLVED,
    INCIDENT_SUBJECT_MISSING,
    CONTENT_ALREADY_RECALLED,
    CONTENT_RECALLED,
    GONE,
    TRACKED_LINK_GONE,
    TRACKED_LINK_RECALLED,
    PRECONDITION_FAILED,
    PAYLOAD_TOO_LARGE,
    ROSTER_FILE_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    VALIDATION_FAILED,
    ROSTER_FILE_UNREADABLE,
    WEBHOOK_URL_REFUSED,
    POST_NOT_COMPLIANT,
    NETWORK_NOT_ENABLED,
    NETWORK_NOT_CONNECTED,
    CAPTION_NOT_COMPLIANT,
    RATE_LIMITED,
    HEADERS_TOO_LARGE,
    INTERNAL_ERROR,
    NOT_READY,
    UNAVAILABLE,
)

_BY_ERROR: dict[type[DomainError], ProblemType[Any]] = {kind.error: kind for kind in REGISTRY if kind.error is not None}
# What a status the HTTP layer answers by itself (an unknown path, a refused method) stands for.
_BY_STATUS: dict[int, ProblemType[Any]] = {
    kind.status: kind
    for kind in (
        BAD_REQUEST,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        METHOD_NOT_ALLOWED,
        NOT_ACCEPTABLE,
        CONFLICT,
        GONE,
        PRECONDITION_FAILED,
        PAYLOAD_TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE,
        VALIDATION_FAILED,
        RATE_LIMITED,
        INTERNAL_ERROR,
        NOT_READY,
    )
}


def problem_type_of(error: DomainError) -> ProblemType[Any]:
    """The type of the most specific registered class ``error`` is an instance of."""
    return next(_BY_ERROR[kind] for kind in type(error).__mro__ if kind in _BY_ERROR)


def problem_type_for_status(status: int) -> ProblemType[Any]:
    """The generic type of an HTTP status; server errors read as internal, other refusals as bad requests."""
    return _BY_STATUS.get(status) or (INTERNAL_ERROR if status >= 500 else BAD_REQUEST)


_BY_SLUG: dict[str, ProblemType[Any]] = {kind.slug: kind for kind in REGISTRY}


def registered(slug: str) -> ProblemType[Any]:
    """The type with this slug; a KeyError names a slug nobody registered."""
    return _BY_SLUG[slug]
