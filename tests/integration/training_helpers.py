"""Shared steps of the training tests: a module written and published by staff."""

from __future__ import annotations

from typing import Any

import httpx

MODULE: dict[str, Any] = {
    "title": "Writing posts that engage",
    "summary": "Profile, posts, comments and network.",
    "lessons": [
        {"title": "Optimise your profile", "body": "A clear photo.", "links": ["https://acme.example/guide"]},
        {"title": "Answer comments", "body": "Within a day.", "video_url": "https://videos.acme.example/c.mp4"},
    ],
    "quiz": {
        "pass_mark": 50,
        "questions": [
            {"prompt": "What engages?", "choices": ["A personal angle", "A bare link"], "correct": [0]},
            {"prompt": "When to answer comments?", "choices": ["Within a day", "Never"], "correct": [0]},
        ],
    },
}
RIGHT = [[0], [0]]
WRONG = [[1], [1]]


async def create_module(client: httpx.AsyncClient, staff: dict[str, str], **changes: Any) -> dict[str, Any]:
    response = await client.post("/v1/training-modules", json=MODULE | changes, headers=staff)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def published_module(client: httpx.AsyncClient, staff: dict[str, str], **changes: Any) -> dict[str, Any]:
    module = await create_module(client, staff, **changes)
    response = await client.post(f"/v1/training-modules/{module['id']}/publish", headers=staff)
    assert response.status_code == 200, response.text
    done: dict[str, Any] = response.json()
    return done


async def pass_quiz(client: httpx.AsyncClient, member: dict[str, str], module_id: str) -> dict[str, Any]:
    response = await client.post(
        f"/v1/training-modules/{module_id}/quiz-attempts", json={"answers": RIGHT}, headers=member
    )
    assert response.status_code == 200, response.text
    passed: dict[str, Any] = response.json()
    return passed
