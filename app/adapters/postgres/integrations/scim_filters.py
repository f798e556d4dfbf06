"""A SCIM user filter as a SQL condition on the links joined to their employees."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa

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


def condition(tree: UserFilter, links: sa.Table, employees: sa.Table) -> sa.ColumnElement[bool]:
    match tree:
        case AllOf(terms):
            return sa.and_(*(condition(term, links, employees) for term in terms))
        case AnyOf(terms):
            return sa.or_(*(condition(term, links, employees) for term in terms))
        case Negation(term):
            return sa.not_(sa.func.coalesce(condition(term, links, employees), sa.false()))
        case Present(attribute):
            if attribute is UserAttribute.ACTIVE:
                return sa.true()
            column = _column(attribute, links, employees)
            return sa.and_(column.is_not(None), sa.cast(column, sa.Text) != "")
        case Compare(attribute, operator, value):
            return _compare(attribute, operator, value, links, employees)


def _column(attribute: UserAttribute, links: sa.Table, employees: sa.Table) -> sa.ColumnElement[Any]:
    s, e = links.c, employees.c
    columns: dict[UserAttribute, sa.ColumnElement[Any]] = {
        UserAttribute.ID: e.id,
        UserAttribute.USER_NAME: s.user_name,
        UserAttribute.EXTERNAL_ID: s.external_id,
        UserAttribute.EMAIL: e.email,
        UserAttribute.GIVEN_NAME: e.given_name,
        UserAttribute.FAMILY_NAME: e.family_name,
        UserAttribute.LANGUAGE: e.language,
        UserAttribute.EMPLOYEE_NUMBER: e.external_id,
        UserAttribute.DEPARTMENT: e.department,
    }
    return columns[attribute]


def _compare(
    attribute: UserAttribute, operator: Operator, value: str | bool, links: sa.Table, employees: sa.Table
) -> sa.ColumnElement[bool]:
    if attribute is UserAttribute.ACTIVE:
        active = employees.c.status == "active"
        wanted = value is True
        return active if (operator is Operator.EQ) == wanted else sa.not_(active)
    if attribute is UserAttribute.ID:
        try:
            identifier = UUID(str(value))
        except ValueError:
            return sa.false() if operator is not Operator.NE else sa.true()
        return employees.c.id == identifier if operator is not Operator.NE else employees.c.id != identifier
    text = str(value)
    column = _column(attribute, links, employees)
    if attribute not in CASE_EXACT:
        column, text = sa.func.lower(column), text.lower()
    match operator:
        case Operator.EQ:
            return column == text
        case Operator.NE:
            return column.is_distinct_from(text)
        case Operator.CO:
            return column.contains(text, autoescape=True)
        case Operator.SW:
            return column.startswith(text, autoescape=True)
        case Operator.EW:
            return column.endswith(text, autoescape=True)
