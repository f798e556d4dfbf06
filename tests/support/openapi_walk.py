"""Walks of the OpenAPI document: every operation, the fields of its JSON body and its query parameters,
so that a test over "every field" covers a field added tomorrow without being edited."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

WRITE_METHODS = ("post", "put", "patch", "delete")
# Intakes proven by a signature, not a token: they check it before anything of the request, so a walk
# that sends made-up bodies gets 401 there (test_hris_webhooks_api.py holds them to their own rules).
SIGNED_INTAKES = frozenset({"POST /v1/integrations/{integration_id}/events"})
Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Operation:
    method: str
    path: str
    spec: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def body_schema(self) -> dict[str, Any] | None:
        content = self.spec.get("requestBody", {}).get("content", {})
        schema: dict[str, Any] | None = content.get("application/json", {}).get("schema")
        return schema

    def url(self, identifier: str = "0196a3c2-5b7e-7d41-9a0e-3f2b8c1d4e5f") -> str:
        """The path with every parameter given ``identifier`` (path parameters here are all ids)."""
        url = self.path
        for parameter in self.spec.get("parameters", []):
            if parameter["in"] == "path":
                url = url.replace("{" + parameter["name"] + "}", identifier)
        return url


@dataclass(frozen=True, slots=True)
class Field:
    """A field of a body (``path`` into it: names, 0 for an item of a list, a sample key of a map), or
    a query parameter (``path`` is its name), with its schema, references resolved at the top."""

    operation: Operation
    location: str
    path: Path
    schema: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.operation.name} {self.location}.{'.'.join(str(part) for part in self.path)}"


def operations(document: dict[str, Any], methods: tuple[str, ...] | None = None) -> Iterator[Operation]:
    """The REST operations (``/v1/``), in document order."""
    for path, items in document["paths"].items():
        if not path.startswith("/v1/"):
            continue
        for method, spec in items.items():
            if isinstance(spec, dict) and "responses" in spec and (methods is None or method in methods):
                yield Operation(method, path, spec)


def resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The schema a ``$ref`` names, else the schema; a nullable ``anyOf`` is read as its other branch."""
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    branches = [branch for branch in schema.get("anyOf", []) if branch != {"type": "null"}]
    if len(branches) == 1:
        return {key: value for key, value in schema.items() if key != "anyOf"} | resolve(document, branches[0])
    return schema


def body_fields(document: dict[str, Any], operation: Operation) -> Iterator[Field]:
    """Every field of the operation's JSON body, nested objects, list items and map values included."""
    if operation.body_schema is not None:
        yield from _fields(document, operation, resolve(document, operation.body_schema), (), set())


def _fields(
    document: dict[str, Any], operation: Operation, schema: dict[str, Any], at: Path, seen: set[str]
) -> Iterator[Field]:
    for name, declared in schema.get("properties", {}).items():
        field = resolve(document, declared)
        yield Field(operation, "body", (*at, name), field)
        yield from _inside(document, operation, field, (*at, name), seen)


def _inside(
    document: dict[str, Any], operation: Operation, field: dict[str, Any], at: Path, seen: set[str]
) -> Iterator[Field]:
    if field.get("type") == "object" or "properties" in field:
        title = field.get("title", "")
        if title in seen:
            return
        yield from _fields(document, operation, field, at, seen | {title})
        values = field.get("additionalProperties")
        if not isinstance(values, dict) or not values:
            values = next(iter(field.get("patternProperties", {}).values()), None)
        if values:
            key = _sample_key(document, field)
            inner = resolve(document, values)
            yield Field(operation, "body", (*at, key), inner)
            yield from _inside(document, operation, inner, (*at, key), seen)
    elif field.get("type") == "array" and isinstance(field.get("items"), dict):
        inner = resolve(document, field["items"])
        yield Field(operation, "body", (*at, 0), inner)
        yield from _inside(document, operation, inner, (*at, 0), seen)


def _sample_key(document: dict[str, Any], schema: dict[str, Any]) -> str:
    """A key the map takes: that of its example, else its first allowed name, else a language tag."""
    examples = [key for example in schema.get("examples", []) if isinstance(example, dict) for key in example]
    allowed = examples or resolve(document, schema.get("propertyNames", {})).get("enum", [])
    return str(allowed[0]) if allowed else "fr"


def query_parameters(operation: Operation) -> Iterator[Field]:
    for parameter in operation.spec.get("parameters", []):
        if parameter["in"] == "query":
            yield Field(operation, "query", (parameter["name"],), parameter.get("schema", {}))


def with_value(path: Path, value: Any) -> Any:
    """The smallest body holding ``value`` at ``path``: ``("a", 0, "b")`` gives ``{"a": [{"b": value}]}``."""
    if not path:
        return value
    head, *rest = path
    inner = with_value(tuple(rest), value)
    return [inner] if isinstance(head, int) else {head: inner}


def formats(document: dict[str, Any], schema: dict[str, Any]) -> set[str]:
    """The string formats a field takes, through its alternatives."""
    schema = resolve(document, schema)
    found = {schema["format"]} if "format" in schema else set()
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
        found |= formats(document, branch)
    return found
