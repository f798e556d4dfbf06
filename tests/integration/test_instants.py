"""Instants are RFC 3339 text with an offset: a number of seconds is refused, never read as Unix time."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from tests.integration.helpers import assert_problem, error_locations


@pytest.mark.parametrize("value", ["0.5", "1735689600", "2025-03-01T09:00:00"])
async def test_a_query_instant_that_is_not_rfc_3339_with_an_offset_is_refused(
    client: httpx.AsyncClient, admin_a: dict[str, str], value: str
) -> None:
    response = await client.get("/v1/campaigns", params={"active_at": value}, headers=admin_a)
    problem = assert_problem(response, 422, "validation-failed")
    assert error_locations(problem) == [["query", "active_at"]]


async def test_a_body_instant_sent_as_a_number_is_refused(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    body = {"name": "Spring", "slug": "spring", "starts_at": 1735689600}
    response = await client.post("/v1/campaigns", json=body, headers=admin_a)
    problem = assert_problem(response, 422, "validation-failed")
    assert error_locations(problem) == [["body", "starts_at"]]


async def test_an_rfc_3339_instant_is_read_as_written(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    starts = datetime(2025, 3, 1, 9, tzinfo=UTC)
    body = {"name": "Spring", "slug": "spring", "starts_at": "2025-03-01T10:00:00+01:00"}
    response = await client.post("/v1/campaigns", json=body, headers=admin_a)
    assert response.status_code == 201, response.text
    assert datetime.fromisoformat(response.json()["starts_at"]) == starts
