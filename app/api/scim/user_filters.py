"""A SCIM filter, parsed by scim2-models, read into the user filter storage answers; anything else is
refused as SCIM's ``invalidFilter``."""

from __future__ import annotations

from scim2_models import InvalidFilterException
from scim2_models.path import AttrPath, Comparison, FilterNode, FilterVisitor, LogicalExpr, Not, Present, ValuePath
from scim2_models.path.expressions import LogicalOperator

from app.api.scim.models import RelaisEnterpriseUser, RelaisUser
from app.domain.integrations import scim_filters as f

CORE = str(RelaisUser.__schema__).lower()
ENTERPRISE = str(RelaisEnterpriseUser.__schema__).lower()
# (attribute, sub-attribute), lower case, as SCIM matches names without regard to case.
ATTRIBUTES = {
    ("id", None): f.UserAttribute.ID,
    ("username", None): f.UserAttribute.USER_NAME,
    ("externalid", None): f.UserAttribute.EXTERNAL_ID,
    ("emails", None): f.UserAttribute.EMAIL,
    ("emails", "value"): f.UserAttribute.EMAIL,
    ("active", None): f.UserAttribute.ACTIVE,
    ("name", "givenname"): f.UserAttribute.GIVEN_NAME,
    ("name", "familyname"): f.UserAttribute.FAMILY_NAME,
    ("preferredlanguage", None): f.UserAttribute.LANGUAGE,
    ("employeenumber", None): f.UserAttribute.EMPLOYEE_NUMBER,
    ("department", None): f.UserAttribute.DEPARTMENT,
}
OPERATORS = {op.value: op for op in f.Operator}


def _attribute(path: AttrPath) -> f.UserAttribute:
    found = ATTRIBUTES.get((path.attr.lower(), path.sub_attr.lower() if path.sub_attr else None))
    if found is None or (path.uri and path.uri.lower() not in (CORE, ENTERPRISE)):
        raise InvalidFilterException(detail=f"Relais cannot filter users on {path}.")
    return found


class _Reader(FilterVisitor[f.UserFilter]):
    def visit_comparison(self, node: Comparison) -> f.UserFilter:
        attribute = _attribute(node.attr_path)
        operator = OPERATORS.get(node.op.value)
        if operator is None:
            raise InvalidFilterException(detail=f"Relais compares users with {', '.join(OPERATORS)} and pr only.")
        if attribute is f.UserAttribute.ACTIVE:
            if not isinstance(node.value, bool) or operator not in (f.Operator.EQ, f.Operator.NE):
                raise InvalidFilterException(detail="Compare active with eq or ne and true or false.")
            return f.Compare(attribute, operator, node.value)
        if not isinstance(node.value, str):
            raise InvalidFilterException(detail=f"Compare {node.attr_path} with a string.")
        return f.Compare(attribute, operator, node.value)

    def visit_present(self, node: Present) -> f.UserFilter:
        return f.Present(_attribute(node.attr_path))

    def visit_not(self, node: Not) -> f.UserFilter:
        return f.Negation(self.visit(node.expr))

    def visit_logical_expr(self, node: LogicalExpr) -> f.UserFilter:
        terms = tuple(self.visit(term) for term in node.terms)
        return f.AllOf(terms) if node.op is LogicalOperator.and_ else f.AnyOf(terms)

    def visit_value_path(self, node: ValuePath) -> f.UserFilter:
        # emails[...]: the one address kept is the work one, so the selection reads as its value alone.
        if node.attr_path.attr.lower() != "emails":
            raise InvalidFilterException(detail=f"Relais cannot filter users on {node.attr_path}.")
        return _EmailSelection().visit(node.val_filter)


class _EmailSelection(_Reader):
    def visit_comparison(self, node: Comparison) -> f.UserFilter:
        name = node.attr_path.attr.lower()
        if name == "type":
            return (
                f.Present(f.UserAttribute.EMAIL)
                if str(node.value).lower() == "work"
                else f.Negation(f.Present(f.UserAttribute.EMAIL))
            )
        if name == "primary":
            return f.Present(f.UserAttribute.EMAIL)
        return super().visit_comparison(Comparison(AttrPath(attr="emails", sub_attr="value"), node.op, node.value))


def read_filter(tree: FilterNode | None) -> f.UserFilter | None:
    return _Reader().visit(tree) if tree is not None else None
