"""Body values have the JSON type the contract gives them: a number sent as text, a flag sent as 1 or a
day sent as a number is refused at its field rather than guessed at."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.integration.helpers import assert_problem, error_locations


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"weekly_content_budget": "5"}, "weekly_content_budget"),
        ({"four_eyes_review": 1}, "four_eyes_review"),
        ({"share_daily_limit": 2.5}, "share_daily_limit"),
        ({"attribution_window_days": True}, "attribution_window_days"),
    ],
)
async def test_a_setting_of_the_wrong_json_type_is_refused_at_its_field(
    client: httpx.AsyncClient, admin_a: dict[str, str], body: dict[str, Any], field: str
) -> None:
    response = await client.patch("/v1/settings", json=body, headers=admin_a)
    problem = assert_problem(response, 422, "validation-failed")
    assert error_locations(problem) == [["body", field]]


@pytest.mark.parametrize("hired_on", [1735689600, "1735689600", "2025-03-01T00:00:00Z"])
async def test_a_day_that_is_not_an_rfc_3339_date_is_refused(
    client: httpx.AsyncClient, admin_a: dict[str, str], hired_on: Any
) -> None:
    body = {"email": "ada@acme.example", "given_name": "Ada", "family_name": "Lovelace", "hired_on": hired_on}
    problem = assert_problem(await client.post("/v1/employees", json=body, headers=admin_a), 422, "validation-failed")
    assert error_locations(problem) == [["body", "hired_on"]]


async def test_values_of_the_right_json_type_are_taken(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    response = await client.patch(
        "/v1/settings", json={"weekly_content_budget": 5, "four_eyes_review": True}, headers=admin_a
    )
    assert response.status_code == 200, response.text
    assert (response.json()["weekly_content_budget"], response.json()["four_eyes_review"]) == (5, True)
