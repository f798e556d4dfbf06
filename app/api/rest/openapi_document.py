"""The OpenAPI document Relais serves: FastAPI's, completed with every problem type each operation
answers, the paths served outside FastAPI's routing and the schemas they refer to."""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from pydantic.json_schema import models_json_schema

from app.api.rest.openapi import add_schemas, complete_operation, problem_schemas
from app.api.rest.openapi_paths import EXTRA_PATHS, SCHEMA_MODELS

# The only schemas FastAPI adds for its own 422 answers, which the document replaces by problems.
FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")


def _extra_schemas() -> dict[str, Any]:
    _, top = models_json_schema(
        [(model, "serialization") for model in SCHEMA_MODELS], ref_template="#/components/schemas/{model}"
    )
    definitions: dict[str, Any] = top["$defs"]
    return definitions


class _NoExample(Exception):
    """A schema with no example of its own, nor parts to build one from."""


def example_of(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """A schema's example: its own, else its referenced schema's, else built from its parts' examples
    (a page from an example item); models carry the examples, wrappers borrow them."""
    if "$ref" in schema:
        return example_of(components[schema["$ref"].rsplit("/", 1)[1]], components)
    if schema.get("examples"):
        return schema["examples"][0]
    if "anyOf" in schema:
        return example_of(next(part for part in schema["anyOf"] if part != {"type": "null"}), components)
    if schema.get("type") == "array":
        return [example_of(schema["items"], components)]
    if "properties" in schema:
        return {name: example_of(part, components) for name, part in schema["properties"].items()}
    raise _NoExample


def _illustrate(operation: dict[str, Any], components: dict[str, Any]) -> None:
    """Give each JSON request body and success answer an example, when its schema leads to one."""
    contents = [operation.get("requestBody", {}).get("content", {})]
    contents += [answer.get("content", {}) for status, answer in operation["responses"].items() if status[0] == "2"]
    for content in contents:
        for media_type, media in content.items():
            if media_type.endswith("json") and "schema" in media and not {"example", "examples"} & set(media):
                try:
                    media["example"] = example_of(media["schema"], components)
                except _NoExample:
                    continue


def complete_document(document: dict[str, Any]) -> dict[str, Any]:
    components = document["components"]["schemas"]
    for path, item in document["paths"].items():
        for method, operation in item.items():
            complete_operation(path, method, operation)
            _illustrate(operation, components)
    document["paths"] = dict(sorted((document["paths"] | copy.deepcopy(EXTRA_PATHS)).items()))
    for name in FASTAPI_VALIDATION_SCHEMAS:
        components.pop(name, None)
    add_schemas(components, problem_schemas())
    add_schemas(components, _extra_schemas())
    document["components"]["schemas"] = dict(sorted(components.items()))
    return document


def install_openapi(app: FastAPI) -> None:
    """Serve the completed document at ``/openapi.json`` (and to ``relais openapi export``)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = complete_document(FastAPI.openapi(app))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
