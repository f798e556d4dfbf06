"""What the surveys' integration tests share: a survey written and opened over REST, and members."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx

from tests.integration.conftest import Mint
from tests.integration.helpers import create_employee, join_as_ambassador

QUESTIONS: list[dict[str, Any]] = [
    {"kind": "satisfaction", "prompt": "How satisfied are you with the programme?"},
    {"kind": "nps", "prompt": "How likely are you to recommend it?"},
    {"kind": "multiple_choice", "prompt": "Where do you share?", "options": ["LinkedIn", "X"], "multiple": True},
    {"kind": "free_text", "prompt": "What would help?"},
]


def at(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


def replies(satisfaction: int = 4, nps: int = 9, text: str | None = None) -> dict[str, Any]:
    sent: list[dict[str, Any]] = [
        {"question": 0, "score": satisfaction},
        {"question": 1, "score": nps},
        {"question": 2, "choices": ["LinkedIn"]},
    ]
    if text is not None:
        sent.append({"question": 3, "text": text})
    return {"replies": sent}


async def create_survey(client: httpx.AsyncClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    sent = {"title": "Spring pulse", "questions": QUESTIONS, "opens_at": at(-0.01), "closes_at": at(7)} | fields
    created = await client.post("/v1/surveys", json=sent, headers=headers)
    assert created.status_code == 201, created.text
    body: dict[str, Any] = created.json()
    return body


async def open_survey(client: httpx.AsyncClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    survey = await create_survey(client, headers, **fields)
    opened = await client.post(f"/v1/surveys/{survey['id']}/open", headers=headers)
    assert opened.status_code == 200, opened.text
    body: dict[str, Any] = opened.json()
    return body


async def member(
    client: httpx.AsyncClient, mint: Mint, tenant: UUID, admin: dict[str, str], name: str, **profile: Any
) -> dict[str, str]:
    employee = await create_employee(client, admin, given_name=name, **profile)
    return await join_as_ambassador(client, mint, tenant, employee, subject=f"idp|{name.lower()}")


async def seed_surveys(client: httpx.AsyncClient, manager: dict[str, str], member: dict[str, str]) -> dict[str, str]:
    """A draft survey, an open one and a pending idea, for the tenancy cases."""
    one = {"questions": [QUESTIONS[0]]}
    draft = await create_survey(client, manager, **one)
    opened = await open_survey(client, manager, **one)
    idea = await client.post("/v1/ideas", json={"title": "Lab tour", "body": "A video."}, headers=member)
    assert idea.status_code == 201, idea.text
    return {"surveys": draft["id"], "open_surveys": opened["id"], "ideas": idea.json()["id"]}
