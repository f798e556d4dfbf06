"""Shared steps of the REST integration tests: problem assertions, roster set-up, rows read directly."""

from __future__ import annotations

import itertools
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from uuid import UUID

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer

PROBLEM_JSON = "application/problem+json"
PROBLEM_TYPE = "urn:relais:problem:"
# Tables a failed request must leave untouched.
WRITTEN_TABLES = (
    "employees",
    "ambassadors",
    "social_accounts",
    "outbox",
    "programme_settings",
    "charter_versions",
    "contents",
    "content_history",
    "campaigns",
    "campaign_contents",
    "conversions",
    "conversion_credits",
    "shares",
    "ambassador_visitors",
    "engagement_snapshots",
    "points_entries",
    "points_entry_keys",
    "points_balances",
    "rewards",
    "redemptions",
    "associations",
    "donations",
    "kudos",
    "badges",
    "earned_badges",
    "badge_counters",
    "leaderboard_rollups",
    "challenge_results",
    "integrations",
    "integration_credentials",
    "integration_deliveries",
    "roster_imports",
    "roster_import_rows",
    "scim_links",
    "scim_groups",
    "notifications",
    "notification_devices",
    "notification_preferences",
    "announced_contents",
    "weekly_digests",
    "webhook_endpoints",
    "webhook_endpoint_secrets",
    "webhook_deliveries",
    "invitation_waves",
    "invitation_wave_members",
    "referrals",
    "training_modules",
    "training_progress",
    # Incidents
    "incidents",
    "incident_actions",
    "surveys",
    "survey_respondents",
    "survey_answers",
    "ideas",
    "takedowns",
    "space_posts",
    "space_comments",
    "space_reactions",
)

_numbers = itertools.count(1)


def assert_problem(response: httpx.Response, status: int, problem_type: str | None = None) -> dict[str, Any]:
    """The response is an RFC 9457 problem with this status (and type); returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"].startswith(PROBLEM_TYPE)
    if problem_type is not None:
        assert body["type"] == PROBLEM_TYPE + problem_type
    assert isinstance(body["detail"], str)
    assert body["detail"]
    assert "Traceback" not in response.text
    return body


def etag_version(response: httpx.Response) -> int:
    """The version an ETag names: ``"v3"``, or ``"v3.<digest>"`` for a body that shows more than it."""
    found = re.fullmatch(r'"v(\d+)(?:\.[0-9a-f]+)?"', response.headers["ETag"])
    assert found is not None, response.headers["ETag"]
    return int(found.group(1))


def error_locations(problem: dict[str, Any]) -> list[list[str | int]]:
    """The ``loc`` of every field-level error of a problem."""
    return [error["loc"] for error in problem["errors"]]


def person(given_name: str = "Ada", family_name: str = "Lovelace", **fields: Any) -> dict[str, Any]:
    """A valid employee body with a unique e-mail unless one is given."""
    number = next(_numbers)
    email = f"{given_name}.{family_name}.{number}@example.com".lower()
    return {"email": email, "given_name": given_name, "family_name": family_name, **fields}


async def create_employee(client: httpx.AsyncClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    response = await client.post("/v1/employees", json=person(**fields), headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def join_as_ambassador(
    client: httpx.AsyncClient, mint: Mint, tenant_id: UUID, employee: dict[str, Any], subject: str
) -> dict[str, str]:
    """Sign in as the employee (verified e-mail), opt in, and return their headers."""
    headers = bearer(mint(tenant_id, "ambassador", email=employee["email"], subject=subject))
    joined = await client.post("/v1/me/opt-in", headers=headers)
    assert joined.status_code == 200, joined.text
    return headers


async def row_counts(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as connection:
        return {
            table: (await connection.execute(sa.text(f"SELECT count(*) FROM {table}"))).scalar_one()  # noqa: S608
            for table in WRITTEN_TABLES
        }


@asynccontextmanager
async def nothing_written(engine: AsyncEngine) -> AsyncIterator[None]:
    """The block leaves every written table with as many rows as before."""
    before = await row_counts(engine)
    yield
    assert await row_counts(engine) == before


async def outbox_events(engine: AsyncEngine, tenant_id: UUID) -> list[tuple[str, dict[str, Any]]]:
    """The tenant's events, oldest first, as (type, data)."""
    statement = sa.text("SELECT type, data FROM outbox WHERE tenant_id = :tenant ORDER BY id")
    async with engine.connect() as connection:
        rows = (await connection.execute(statement, {"tenant": tenant_id})).all()
    return [(row.type, row.data) for row in rows]


async def stored_row(engine: AsyncEngine, table: str, row_id: str) -> dict[str, Any]:
    """A row as the database holds it, bypassing the API."""
    statement = sa.text(f"SELECT * FROM {table} WHERE id = :id")  # noqa: S608 - table names come from the tests
    async with engine.connect() as connection:
        row = (await connection.execute(statement, {"id": UUID(row_id)})).mappings().one()
    return dict(row)
