"""A validly signed token for an organisation nobody created here: every write is refused as forbidden,
saying so, and writes nothing. Settings and charter versions failed on their key to the tenant (a 500)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, nothing_written

GHOST = UUID("01960000-0000-7000-8000-00000000dead")
NOT_HERE = "The organisation your access token names does not exist here; ask a platform operator to create it."
CHARTER = {"title": "Charte", "body": "Soyez honnête."}


@pytest.fixture
def ghost_admin(mint: Mint) -> dict[str, str]:
    return bearer(mint(GHOST, "admin", email="admin@ghost.example"))


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PATCH", "/v1/settings", {"four_eyes_review": True}),
        ("POST", "/v1/charter/versions", CHARTER),
        ("POST", "/v1/employees", {"email": "ada@ghost.example", "given_name": "Ada", "family_name": "Lovelace"}),
        ("POST", "/v1/campaigns", {"name": "Spring", "slug": "spring"}),
    ],
)
async def test_a_write_for_an_organisation_that_does_not_exist_is_forbidden(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    ghost_admin: dict[str, str],
    method: str,
    path: str,
    body: dict[str, Any],
) -> None:
    async with nothing_written(engine):
        response = await client.request(method, path, json=body, headers=ghost_admin)
    problem = assert_problem(response, 403, "forbidden")
    assert problem["detail"] == NOT_HERE


@pytest.mark.parametrize(
    ("mutation", "variables"),
    [
        (
            "mutation ($input: SettingsChangesInput!) { updateSettings(input: $input) {"
            " __typename ... on Error { code message } } }",
            {"input": {"fourEyesReview": True}},
        ),
        (
            "mutation ($input: CharterVersionInput!) { publishCharterVersion(input: $input) {"
            " __typename ... on Error { code message } } }",
            {"input": CHARTER},
        ),
    ],
)
async def test_graphql_refuses_the_same_writes_as_forbidden(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    ghost_admin: dict[str, str],
    mutation: str,
    variables: dict[str, Any],
) -> None:
    async with nothing_written(engine):
        response = await client.post("/graphql", json={"query": mutation, "variables": variables}, headers=ghost_admin)
    assert "errors" not in response.json(), response.text
    [answer] = response.json()["data"].values()
    assert answer == {"__typename": "ForbiddenError", "code": "forbidden", "message": NOT_HERE}
