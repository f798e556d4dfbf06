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


def complete_document(document: dict[str, Any]) -> dict[str, Any]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            complete_operation(path, method, operation)
    document["paths"] = dict(sorted((document["paths"] | copy.deepcopy(EXTRA_PATHS)).items()))
    components = document["components"]["schemas"]
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
