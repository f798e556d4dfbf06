"""What the published request schemas promise matches what the request models accept."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from app.api.rest.content.campaign_schemas import CampaignUpdate
from app.api.rest.content.content_schemas import ContentUpdate
from app.api.rest.instants import KEPT_YEAR
from app.api.rest.programme.schemas import SettingsUpdate
from app.api.rest.roster.schemas import EmployeeUpdate
from app.domain.values import FIRST_YEAR, LAST_YEAR


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
    assert _allows_null(ContentUpdate.model_json_schema()["properties"]["expires_at"])
    assert ContentUpdate.model_validate({"expires_at": None}).expires_at is None


def test_every_documented_rest_error_is_a_problem_document_under_its_own_media_type() -> None:
    contract = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())
    errors = [
        response
        for path, operations in contract["paths"].items()
        if path != "/graphql"  # GraphQL answers its own errors in the GraphQL response format
        for operation in operations.values()
        for status, response in operation["responses"].items()
        if status.startswith(("4", "5"))
    ]
    assert errors
    for response in errors:
        assert list(response["content"]) == ["application/problem+json"]
        assert response["content"]["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}


@pytest.mark.parametrize(
    ("sent", "read"), [(1.1300000000000001, Decimal("1.13")), (2, Decimal(2)), (1.5, Decimal("1.5"))]
)
def test_a_multiplier_is_read_to_the_hundredth_as_a_binary_double_carries_it(sent: float, read: Decimal) -> None:
    assert CampaignUpdate.model_validate({"points_multiplier": sent}).points_multiplier == read


@pytest.mark.parametrize("sent", ["1.5", True, 1.234, 1.7976931348623157e308])
def test_a_multiplier_that_is_not_a_number_to_the_hundredth_is_refused(sent: object) -> None:
    with pytest.raises(ValidationError):
        CampaignUpdate.model_validate({"points_multiplier": sent})


def test_a_whole_number_sent_as_a_json_float_is_the_integer_json_schema_says_it_is() -> None:
    assert SettingsUpdate.model_validate({"weekly_content_budget": 40.0}).weekly_content_budget == 40
    with pytest.raises(ValidationError):
        SettingsUpdate.model_validate({"weekly_content_budget": "40"})


@pytest.mark.parametrize(("model", "field"), [(SettingsUpdate, "weekly_content_budget"), (CampaignUpdate, "goals")])
def test_bounds_and_key_rules_are_published_in_the_contract(model: type[BaseModel], field: str) -> None:
    published = json.dumps(model.model_json_schema())
    assert '"ge"' not in published
    assert '"minimum"' in published


def test_the_published_year_pattern_states_exactly_the_kept_years() -> None:
    [(_, year_pattern)] = [keyword for keyword in KEPT_YEAR.keywords if keyword[0] == "pattern"]
    published = {year for year in range(1, 10000) if re.match(year_pattern, f"{year:04d}-01-01")}
    assert published == set(range(FIRST_YEAR, LAST_YEAR + 1))
