"""Every field of every request body takes only the JSON type the contract gives it: `"2"` is not a number,
`1` is not a boolean, `0.5` is not a date-time, and each is refused at its own field rather than guessed
at. The fields are walked from the OpenAPI document, nested ones included, so a field added tomorrow is
held too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest

from tests.integration.conftest import Mint, bearer
from tests.support.openapi_walk import SIGNED_INTAKES, Field, body_fields, operations, resolve, with_value

DOCUMENT = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())
EVERY_ROLE = ("admin", "manager", "moderator", "analyst", "ambassador", "integrator", "operator")
# One value of each JSON type (and a fraction, which no integer field takes).
WRONG_VALUES: list[Any] = ["2", 1, 0.5, True, ["x"], {"x": 1}]


def json_types(schema: dict[str, Any]) -> set[str]:
    """The JSON types a field's schema admits; empty when it admits any value."""
    schema = resolve(DOCUMENT, schema)
    declared = schema.get("type")
    types = set(declared if isinstance(declared, list) else [declared] if declared else [])
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
        branch_types = json_types(branch)
        if not branch_types:
            return set()
        types |= branch_types
    return types


def json_type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "integer" if value.is_integer() else "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def is_wrong(value: Any, admitted: set[str]) -> bool:
    kind = json_type_of(value)
    return kind not in admitted and not (kind == "integer" and "number" in admitted)


def _typed_fields() -> list[Field]:
    return [
        field
        for operation in operations(DOCUMENT)
        if operation.name not in SIGNED_INTAKES
        for field in body_fields(DOCUMENT, operation)
    ]


FIELDS = _typed_fields()


def test_the_walk_reaches_nested_fields_and_every_kind_of_type() -> None:
    names = {field.name for field in FIELDS}
    assert {
        "PATCH /v1/settings body.link_domains.0.include_subdomains",
        "POST /v1/campaigns body.goals.conversions.job_application",
        "POST /v1/contents body.locales.0.captions.linkedin",
        "POST /v1/shares/{share_id}/engagement body.impressions",
        "POST /v1/conversions body.occurred_at",
    } <= names
    kinds = {kind for field in FIELDS for kind in json_types(field.schema)}
    assert kinds >= {"string", "integer", "number", "boolean", "array", "object"}
    assert len(FIELDS) >= 150


@pytest.fixture
def anyone(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    """A caller every operation admits, so that only the body is judged."""
    return bearer(mint(tenant_a, *EVERY_ROLE, email="all@acme.example"))


async def test_a_value_of_the_wrong_json_type_is_refused_at_its_field_in_every_body(
    client: httpx.AsyncClient, anyone: dict[str, str]
) -> None:
    tried = 0
    not_refused_there: dict[str, Any] = {}
    for field in FIELDS:
        admitted = json_types(field.schema)
        if not admitted:
            continue
        for value in [value for value in WRONG_VALUES if is_wrong(value, admitted)]:
            tried += 1
            body = with_value(field.path, value)
            response = await client.request(field.operation.method, field.operation.url(), json=body, headers=anyone)
            where = ["body", *field.path]
            answer = response.json()
            located = [error["loc"][: len(where)] for error in answer.get("errors", [])]
            if response.status_code != 422 or where not in located:
                not_refused_there[f"{field.name} = {value!r}"] = (response.status_code, located or answer)
    assert tried >= 600
    assert not_refused_there == {}, "\n".join(f"{case}: {answer}" for case, answer in not_refused_there.items())
