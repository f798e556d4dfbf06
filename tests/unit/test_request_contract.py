"""What the published request schemas promise matches what the request models accept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from app.api.rest.content.campaign_schemas import CampaignUpdate
from app.api.rest.content.content_schemas import ContentUpdate
from app.api.rest.programme.schemas import SettingsUpdate
from app.api.rest.roster.schemas import EmployeeUpdate


def _allows_null(prop: dict[str, Any]) -> bool:
    return prop.get("type") == "null" or any(_allows_null(choice) for choice in prop.get("anyOf", []))


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (SettingsUpdate, "networks"),
        (EmployeeUpdate, "given_name"),
        (ContentUpdate, "title"),
        (CampaignUpdate, "goals"),
    ],
)
def test_a_field_that_refuses_null_is_optional_but_never_nullable_in_the_contract(
    model: type[BaseModel], field: str
) -> None:
    schema = model.model_json_schema()
    assert field not in schema.get("required", [])
    assert not _allows_null(schema["properties"][field])
    with pytest.raises(ValidationError):
        model.model_validate({field: None})


def test_a_field_that_may_be_cleared_stays_nullable_in_the_contract() -> None:
    assert _allows_null(ContentUpdate.model_json_schema()["properties"]["expire_at"])
    assert ContentUpdate.model_validate({"expire_at": None}).expire_at is None


def test_every_documented_error_is_a_problem_document_under_its_own_media_type() -> None:
    contract = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())
    errors = [
        response
        for operations in contract["paths"].values()
        for operation in operations.values()
        for status, response in operation["responses"].items()
        if status.startswith(("4", "5"))
    ]
    assert errors
    for response in errors:
        assert list(response["content"]) == ["application/problem+json"]
        assert response["content"]["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
