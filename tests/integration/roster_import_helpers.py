"""Shared steps of the roster import tests: a roster to import against, files sent as raw bodies."""

from __future__ import annotations

from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.helpers import create_employee, person

CSV = "text/csv"
NDJSON = "application/x-ndjson"
HEADER = "external_id,email,given_name,family_name,department,manager_external_id"


def csv_row(number: int, department: str = "R&D", manager: str = "") -> str:
    return f"HR-{number},p{number}@acme.example,Person,No{number},{department},{manager}"


def csv_file(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


async def send_file(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    body: str | bytes,
    *,
    mode: str = "full",
    content_type: str = CSV,
) -> httpx.Response:
    content = body.encode() if isinstance(body, str) else body
    return await client.post(
        "/v1/roster-imports", params={"mode": mode}, content=content, headers=headers | {"Content-Type": content_type}
    )


async def preview(client: httpx.AsyncClient, headers: dict[str, str], body: str | bytes, **options: Any) -> Any:
    answer = await send_file(client, headers, body, **options)
    assert answer.status_code == 201, answer.text
    return answer.json()


async def hire(client: httpx.AsyncClient, headers: dict[str, str], *numbers: int) -> dict[int, dict[str, Any]]:
    """Employees HR-<n> as the files of these tests describe them, department R&D."""
    hired = {}
    for number in numbers:
        fields = person("Person", f"No{number}", email=f"p{number}@acme.example", external_id=f"HR-{number}")
        hired[number] = await create_employee(client, headers, **fields, department="R&D")
    return hired


async def roster(engine: AsyncEngine, tenant_id: object) -> dict[str, dict[str, Any]]:
    """The tenant's employees by external id, as stored."""
    statement = sa.text("SELECT * FROM employees WHERE tenant_id = :tenant AND external_id IS NOT NULL")
    async with engine.connect() as connection:
        rows = (await connection.execute(statement, {"tenant": tenant_id})).mappings().all()
    return {row["external_id"]: dict(row) for row in rows}


def problems(answer: dict[str, Any]) -> list[tuple[int, str | None]]:
    return [(error["line"], error["column"]) for error in answer["errors"]]
