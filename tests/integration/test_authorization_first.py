"""A caller is told they may not call an operation before anything about their request: an ambassador
sending a staff write a malformed body, a wrong-typed one or a stale precondition gets 403, and a caller
without a token 401. Every write operation of the contract is walked, so a new one is held too.

An ambassador used to learn what was wrong with their body (422, or 400 for JSON that does not parse)
before being told they may not change the settings at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem
from tests.support.openapi_walk import SIGNED_INTAKES, WRITE_METHODS, operations

DOCUMENT = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())
WRITES = [operation for operation in operations(DOCUMENT, WRITE_METHODS) if operation.name not in SIGNED_INTAKES]
# What an ambassador may do: their own membership, preferences, accounts (and their audience) and shares,
# proposing content, redeeming rewards (and cancelling their own redemptions), donating points, and their
# notifications, devices and notification preferences, following training, and the programme's life.
AMBASSADOR_WRITES = {
    "POST /v1/me/opt-in",
    "POST /v1/me/opt-out",
    "PUT /v1/me/preferences",
    "POST /v1/me/social-accounts",
    "PATCH /v1/me/social-accounts/{account_id}",
    "DELETE /v1/me/social-accounts/{account_id}",
    "POST /v1/me/charter-acceptance",
    "POST /v1/compliance/check",
    "POST /v1/contents",
    "POST /v1/shares",
    "POST /v1/shares/{share_id}/confirm",
    "POST /v1/shares/{share_id}/cancel",
    "POST /v1/shares/{share_id}/engagement",
    "POST /v1/redemptions",
    "POST /v1/redemptions/{redemption_id}/cancel",
    "POST /v1/donations",
    "POST /v1/me/notifications/{notification_id}/read",
    "POST /v1/me/notifications/read",
    "POST /v1/me/devices",
    "DELETE /v1/me/devices/{device_id}",
    "PUT /v1/me/notification-preferences",
    "POST /v1/me/referrals",
    "POST /v1/training-modules/{module_id}/lessons/{position}/done",
    "POST /v1/training-modules/{module_id}/quiz-attempts",
    # Answering surveys, suggesting ideas, and confirming the take-downs a recall asked of them.
    "POST /v1/surveys/{survey_id}/answers",
    "POST /v1/ideas",
    "POST /v1/me/takedowns/{takedown_id}/confirm",
    # The community space: posting, commenting, reacting, accepting an answer (moderation is staff's).
    "POST /v1/space/posts",
    "PUT /v1/space/posts/{post_id}",
    "DELETE /v1/space/posts/{post_id}",
    "PUT /v1/space/posts/{post_id}/reactions/{reaction}",
    "DELETE /v1/space/posts/{post_id}/reactions/{reaction}",
    "POST /v1/space/posts/{post_id}/comments",
    "PUT /v1/space/posts/{post_id}/comments/{comment_id}",
    "DELETE /v1/space/posts/{post_id}/comments/{comment_id}",
    "POST /v1/space/posts/{post_id}/comments/{comment_id}/accept",
}
STAFF_WRITES = [operation for operation in WRITES if operation.name not in AMBASSADOR_WRITES]
JSON = {"Content-Type": "application/json"}
# Each says something about the request that only a caller allowed to make it should hear.
REQUESTS: dict[str, dict[str, Any]] = {
    "malformed JSON": {"content": b'{"name": ', "headers": JSON},
    "a body that does not parse as UTF-8": {"content": b'{"name": "\xff"}', "headers": JSON},
    "wrong-typed fields": {"json": {"name": 1, "status": True, "employee_id": 0.5, "unknown": "field"}},
    "a stale or malformed precondition": {
        "json": {},
        "headers": {"If-Match": '"v999"', "If-None-Match": "*"},
    },
    "a body nested too deeply": {"content": b"[" * 10_000 + b"]" * 10_000, "headers": JSON},
}


def test_the_walk_finds_the_staff_writes_and_every_ambassador_write_exists() -> None:
    names = {operation.name for operation in WRITES}
    assert names >= AMBASSADOR_WRITES
    assert {"PATCH /v1/settings", "POST /v1/charter/versions", "POST /v1/tenants"} <= {
        operation.name for operation in STAFF_WRITES
    }
    assert len(STAFF_WRITES) >= 20


@pytest.fixture
def ambassador(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return bearer(mint(tenant_a, "ambassador", email="ada@acme.example", subject="ada"))


async def test_an_ambassador_is_refused_every_staff_write_before_anything_about_the_request(
    client: httpx.AsyncClient, ambassador: dict[str, str]
) -> None:
    answered = {}
    for operation in STAFF_WRITES:
        for what, sent in REQUESTS.items():
            headers = ambassador | sent.get("headers", {})
            arguments = {key: value for key, value in sent.items() if key != "headers"}
            response = await client.request(operation.method, operation.url(), headers=headers, **arguments)
            answered[operation.name, what] = (response.status_code, response.json().get("type"))
            if answered[operation.name, what] == (403, "urn:relais:problem:forbidden"):
                problem = assert_problem(response, 403, "forbidden")
                assert problem["detail"].startswith("This action needs one of the roles: "), (operation.name, what)
                assert "ambassador" not in problem["detail"], (operation.name, what)
    refused = (403, "urn:relais:problem:forbidden")
    assert {key: answer for key, answer in answered.items() if answer != refused} == {}


async def test_a_caller_without_a_token_is_refused_every_write_before_anything_about_the_request(
    client: httpx.AsyncClient,
) -> None:
    answered = {}
    for operation in WRITES:
        for what, sent in REQUESTS.items():
            response = await client.request(operation.method, operation.url(), **sent)
            answered[operation.name, what] = (response.status_code, response.headers.get("WWW-Authenticate"))
    assert {key: answer for key, answer in answered.items() if answer != (401, "Bearer")} == {}
