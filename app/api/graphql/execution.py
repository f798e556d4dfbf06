"""Plain values read straight from their objects, without graphql-core's per-field machinery.

graphql-core executes every field alike: it builds the resolver's ``info``, asks the middleware
for the resolver, calls Strawberry's wrapper, checks whether the result is awaitable and walks
``complete_value``, list item by list item. A page of twenty contents selects some fifteen
hundred fields (texts, flags, instants, enums, captions, locales), so that machinery cost more
than reading the page from the database. Most of those fields need none of it: a *plain* field
has no arguments and no resolver, or one that takes only the object; its value is a scalar, an
enum, an object whose selected fields are plain too, or a list of those.

An object whose selection is plain all the way down is completed here in one pass; in an
object that is not, plain leaf fields are still read directly. Anything out of the ordinary (a
null where the schema says non-null, a value its scalar refuses, an object of another type,
``@defer``, ``@stream`` or any directive, a field middleware) goes back to graphql-core, which
completes that object itself and words the error exactly as it would have.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import partial
from operator import attrgetter
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry import relay
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import CustomGraphQLEnumType, GraphQLCoreConverter
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField

PLAIN = "relais.plain"
TYPENAME = "__typename"
Reader = Callable[[Any], Any]
GroupedFieldSet = Mapping[str, FieldDetailsList]
# What a list value may be; graphql-core judges any other iterable itself.
SEQUENCES = (list, tuple)


@dataclass(frozen=True, slots=True)
class PlainField:
    """How to read a plain field: ``read(object)``, then complete it as ``type`` (a leaf, which
    ``coerce`` serialises, or an object type); ``listed`` for a list of non-null items."""

    read: Reader
    type: GraphQLLeafType | GraphQLObjectType
    nullable: bool
    listed: bool
    coerce: Callable[[Any], Any] | None = None


def mark_plain_fields(schema: GraphQLSchema) -> None:
    """Mark every plain field of ``schema``, once, when the schema is built."""
    for named in schema.type_map.values():
        if isinstance(named, GraphQLObjectType) and not named.name.startswith("__"):
            for field in named.fields.values():
                plain = _plain_field(named, field)
                if plain is not None:
                    field.extensions[PLAIN] = plain


def _plain_field(owner: GraphQLObjectType, field: GraphQLField) -> PlainField | None:
    read = _reader(owner, field)
    if read is None:
        return None
    type_: GraphQLOutputType = field.type
    nullable = not isinstance(type_, GraphQLNonNull)
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    listed = isinstance(type_, GraphQLList)
    if isinstance(type_, GraphQLList):
        if not isinstance(type_.of_type, GraphQLNonNull):
            return None
        type_ = type_.of_type.of_type
    if is_leaf_type(type_):
        return PlainField(read, type_, nullable, listed, _coercion(type_))
    if isinstance(type_, GraphQLObjectType) and _checks_its_own_type(type_) is False:
        return PlainField(read, type_, nullable, listed)
    return None


def _coercion(leaf: GraphQLLeafType) -> Callable[[Any], Any]:
    """``leaf.coerce_output_value``; for Strawberry's enums, a lookup of the member's name first,
    since Strawberry compares the value with each member's in turn."""
    coerce = leaf.coerce_output_value
    enum = getattr(leaf, "wrapped_cls", None)
    if not isinstance(leaf, CustomGraphQLEnumType) or not isinstance(enum, type) or not issubclass(enum, Enum):
        return coerce
    names: dict[Any, str] = {}
    try:
        for name, value in leaf.values.items():
            names.setdefault(enum(value.value), name)  # the first name of a value, as Strawberry answers
    except ValueError:
        return coerce

    def named(value: Any) -> Any:
        if type(value) is enum:
            return names[value]
        return coerce(value)

    return named


def _resolved_by(resolve: Callable[[Any, str], Any], name: str, source: Any) -> Any:
    return resolve(source, name)


def _reader(owner: GraphQLObjectType, field: GraphQLField) -> Reader | None:
    """Reads the field's value from its object, or None when the field needs more than its object."""
    definition = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(definition, StrawberryField) or field.args or definition.extensions:
        return None
    if getattr(field.resolve, "_is_default", False):  # Strawberry's mark of a field without a resolver
        if definition.default_resolver is getattr:
            return attrgetter(definition.python_name)
        return partial(_resolved_by, definition.default_resolver, definition.python_name)
    resolver = definition.base_resolver
    if resolver is None or resolver.is_async:
        return None
    if getattr(resolver.wrapped_func, "__func__", None) is _RELAY_ID:
        return _relay_id(owner)
    if resolver.self_parameter is None or len(resolver.signature.parameters) != 1:
        return None  # it needs more than the object: arguments, info, ...
    return resolver


# Strawberry's resolver of a Relay node's ``id``; it asks ``info`` for the type's name only.
_RELAY_ID = relay.Node.__dict__["_id"].__func__


def _relay_id(owner: GraphQLObjectType) -> Reader | None:
    """The global id of a node whose class keeps Strawberry's own ``resolve_id`` and ``resolve_typename``."""
    definition = owner.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    origin = definition.origin if isinstance(definition, StrawberryObjectDefinition) else None
    if not (isinstance(origin, type) and issubclass(origin, relay.Node)):
        return None
    if not all(_inherited(origin, name) for name in ("resolve_id", "resolve_typename")):
        return None
    attribute, typename = origin.resolve_id_attr(), owner.name

    def global_id(node: Any) -> relay.GlobalID:
        node_id = getattr(node, attribute) if type(node) is origin else None
        if node_id is None:
            raise NotPlain
        return relay.GlobalID(type_name=typename, node_id=str(node_id))

    return global_id


def _inherited(origin: type, name: str) -> bool:
    """Whether ``origin`` keeps ``relay.Node``'s own class method ``name``."""
    return getattr(getattr(origin, name), "__func__", None) is getattr(getattr(relay.Node, name), "__func__", origin)


def _checks_its_own_type(type_: GraphQLObjectType) -> bool | None:
    """Whether the type has a user-written ``is_type_of`` (which may want ``info``); None when the
    type is not Strawberry's. Strawberry's own check, for types with interfaces, looks at the object only."""
    definition = type_.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(definition, StrawberryObjectDefinition):
        return None
    return definition.is_type_of is not None


class NotPlain(Exception):
    """A value that graphql-core must complete and judge itself."""


class Plan:
    """The plain completion of one selection on one object type."""

    __slots__ = ("steps", "typename")

    def __init__(self, typename: str, steps: list[tuple[str, PlainField | None, Plan | None]]) -> None:
        self.typename = typename
        self.steps = steps

    def complete(self, source: Any) -> Any:
        """The selection's values, or ``Undefined`` for graphql-core to complete the object itself."""
        try:
            return self.values(source)
        except Exception:  # graphql-core completes the object again, and reports what failed where
            return Undefined

    def values(self, source: Any) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, field, plan in self.steps:
            if field is None:
                result[name] = self.typename
                continue
            value = field.read(source)
            if value is None:
                if not field.nullable:
                    raise NotPlain
                result[name] = None
            elif field.listed:
                if not isinstance(value, SEQUENCES):
                    raise NotPlain
                result[name] = [completed(field, plan, item) for item in value]
            else:
                result[name] = completed(field, plan, value)
        return result


def completed(field: PlainField, plan: Plan | None, value: Any) -> Any:
    """One non-null value of ``field`` (an item of it, for a list), completed."""
    if value is None:
        raise NotPlain
    if plan is None:
        coerced = field.coerce(value)  # type: ignore[misc]
        if coerced is None or coerced is Undefined:
            raise NotPlain
        return coerced
    is_type_of = field.type.is_type_of  # type: ignore[union-attr]
    # Strawberry's own check (the only kind a plain field's type has) does not read ``info``.
    if is_type_of is not None and not is_type_of(value, None):  # type: ignore[arg-type]
        raise NotPlain
    return plan.values(value)


class PlainValueExecutor(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context, completing plain selections and reading plain leaves directly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A field middleware must see every field: with one installed, graphql-core runs them all.
        self._direct = self.middleware_manager is None or not self.middleware_manager.middlewares
        # By the identity of graphql-core's memoised field sets, kept alive with them (as it does).
        self._plans: dict[int, tuple[GroupedFieldSet, Plan | None]] = {}

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        if self._direct and position_context is None:
            plan = self._plan(parent_type, grouped_field_set)
            if plan is not None:
                completed = plan.complete(source_value)
                if completed is not Undefined:
                    return completed
        return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)  # type: ignore[arg-type]

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        if self._direct and len(field_details_list) == 1:
            node = field_details_list[0].node
            field = parent_type.fields.get(node.name.value)
            plain: PlainField | None = field.extensions.get(PLAIN) if field is not None else None
            if plain is not None and not node.directives and is_leaf_type(plain.type):
                try:
                    value = plain.read(source)
                    if value is None and plain.nullable:
                        return None
                    if not plain.listed:
                        return completed(plain, None, value)
                    if isinstance(value, SEQUENCES):
                        return [completed(plain, None, item) for item in value]
                except Exception:  # noqa: S110 - graphql-core reads it again, and reports what failed where
                    pass
        return super().execute_field(parent_type, source, field_details_list, path, position_context)

    def _plan(self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet) -> Plan | None:
        cached = self._plans.get(id(grouped_field_set))
        if cached is not None and cached[0] is grouped_field_set:
            return cached[1]
        plan = self._compile(parent_type, grouped_field_set)
        self._plans[id(grouped_field_set)] = (grouped_field_set, plan)
        return plan

    def _compile(self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet) -> Plan | None:
        steps: list[tuple[str, PlainField | None, Plan | None]] = []
        for name, details in grouped_field_set.items():
            if any(detail.node.directives for detail in details):
                return None
            field_name = details[0].node.name.value
            if field_name == TYPENAME:
                steps.append((name, None, None))
                continue
            field = parent_type.fields.get(field_name)
            plain: PlainField | None = field.extensions.get(PLAIN) if field is not None else None
            if plain is None:
                return None
            if isinstance(plain.type, GraphQLObjectType):
                selection, deferred, _ = self.collect_subfields(plain.type, details)
                sub = None if deferred else self._plan(plain.type, selection)
                if sub is None:
                    return None
                steps.append((name, plain, sub))
            else:
                steps.append((name, plain, None))
        return Plan(parent_type.name, steps)
