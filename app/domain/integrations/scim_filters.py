"""The SCIM user filters Relais answers, as a tree of conditions on the attributes it stores; the SCIM
transport reads the filter text (with the scim2 library's parser) into this tree, storage turns it into a query."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class UserAttribute(StrEnum):
    ID = "id"
    USER_NAME = "userName"
    EXTERNAL_ID = "externalId"
    EMAIL = "emails.value"
    ACTIVE = "active"
    GIVEN_NAME = "name.givenName"
    FAMILY_NAME = "name.familyName"
    LANGUAGE = "preferredLanguage"
    EMPLOYEE_NUMBER = "employeeNumber"
    DEPARTMENT = "department"


# Compared as SCIM says for each: ids and the provider's own ids exactly, names and addresses without regard to case.
CASE_EXACT = frozenset({UserAttribute.ID, UserAttribute.EXTERNAL_ID, UserAttribute.EMPLOYEE_NUMBER})


class Operator(StrEnum):
    EQ = "eq"
    NE = "ne"
    CO = "co"
    SW = "sw"
    EW = "ew"


@dataclass(frozen=True, slots=True)
class Compare:
    attribute: UserAttribute
    operator: Operator
    value: str | bool


@dataclass(frozen=True, slots=True)
class Present:
    attribute: UserAttribute


@dataclass(frozen=True, slots=True)
class AllOf:
    terms: tuple[UserFilter, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    terms: tuple[UserFilter, ...]


@dataclass(frozen=True, slots=True)
class Negation:
    term: UserFilter


UserFilter = Compare | Present | AllOf | AnyOf | Negation
