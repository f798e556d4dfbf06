"""Every body that does not parse as strict JSON gets the one malformed-json problem, on every operation
that takes a body, saying what to fix; and If-None-Match: * on a change is a failed precondition.

Invalid UTF-8, a document nested 10,000 deep and a 5,000-digit number were answered by a generic
bad-request (or, nested a few hundred deep, a 500); NaN was taken as a number; If-None-Match: * was
ignored on PATCH.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest

from tests.integration.catalogue_helpers import create_association, create_reward
from tests.integration.conftest import Mint, bearer
from tests.integration.content_helpers import create_campaign, create_content
from tests.integration.helpers import assert_problem, create_employee, etag_version
from tests.integration.integration_helpers import register_hris
from tests.integration.surveys_helpers import create_survey
from tests.integration.training_helpers import create_module
from tests.integration.webhook_helpers import register as register_endpoint
from tests.support.openapi_walk import SIGNED_INTAKES

DOCUMENT = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())
EVERY_ROLE = ("admin", "manager", "moderator", "analyst", "ambassador", "integrator", "operator")
JSON = {"Content-Type": "application/json"}
NOT_PARSED = {
    b'{"name": "\xff\xfe"}': "The request body is not valid JSON: send it encoded in UTF-8.",
    '{"name": "Ada"}'.encode("utf-16"): "The request body is not valid JSON: send it encoded in UTF-8.",
    b"[" * 10_000 + b"]" * 10_000: "The request body nests deeper than 32 levels.",
    b'{"a": ' * 10_000 + b"1" + b"}" * 10_000: "The request body nests deeper than 32 levels.",
    b'{"a": ' * 400 + b"1" + b"}" * 400: "The request body nests deeper than 32 levels.",
    b'{"limit": ' + b"9" * 5_000 + b"}": "The request body holds a number longer than 100 characters.",
    b'{"limit": 1.' + b"5" * 5_000 + b"}": "The request body holds a number longer than 100 characters.",
    b'{"limit": 1e400}': "The request body holds a number too large to be read.",
    b'{"limit": NaN}': "The request body holds NaN, which JSON does not have: send a number or null.",
    b'{"limit": -Infinity}': "The request body holds -Infinity, which JSON does not have: send a number or null.",
    b'{"name": ["\\udc00"]}': "The request body holds a lone UTF-16 surrogate escape, which is no character.",
    b'{"name": ': "The request body is not valid JSON.",
    b'\xef\xbb\xbf{"name": "Ada"}': "The request body is not valid JSON.",
    b'{"name": "Ada", "name": "Grace"}': "The request body names the member name twice in one object: send it once.",
}


@pytest.fixture
def anyone(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    """A caller every operation admits, so that only the body is judged."""
    return bearer(mint(tenant_a, *EVERY_ROLE, email="all@acme.example"))


async def test_every_body_that_does_not_parse_gets_the_malformed_json_problem_on_every_operation(
    client: httpx.AsyncClient, anyone: dict[str, str]
) -> None:
    with_bodies = [
        (operation["method"], path)
        for path, items in DOCUMENT["paths"].items()
        if path.startswith("/v1/")
        for operation in ({"method": method, **spec} for method, spec in items.items() if isinstance(spec, dict))
        # A file sent as the raw body (a roster import) is not JSON: its own tests cover what it refuses.
        if "application/json" in operation.get("requestBody", {}).get("content", {})
        and f"{operation['method'].upper()} {path}" not in SIGNED_INTAKES
    ]
    assert len(with_bodies) >= 20
    answered = {}
    for method, path in with_bodies:
        url = path
        for name in ("employee_id", "ambassador_id", "content_id", "campaign_id", "share_id"):
            url = url.replace("{" + name + "}", "0196a3c2-5b7e-7d41-9a0e-3f2b8c1d4e5f")
        for body, detail in NOT_PARSED.items():
            response = await client.request(method, url, content=body, headers=anyone | JSON)
            problem = response.json()
            answered[method, path, body[:20]] = (response.status_code, problem.get("type"), problem.get("detail"))
            if answered[method, path, body[:20]] == (400, "urn:relais:problem:malformed-json", detail):
                del answered[method, path, body[:20]]
    assert answered == {}


async def test_a_malformed_body_is_explained_in_french_when_asked(
    client: httpx.AsyncClient, anyone: dict[str, str]
) -> None:
    body = b'{"share_daily_limit": ' + b"9" * 5_000 + b"}"
    headers = anyone | JSON | {"Accept-Language": "fr"}
    problem = assert_problem(await client.patch("/v1/settings", content=body, headers=headers), 400, "malformed-json")
    assert problem["detail"] == "Le corps de la requête contient un nombre de plus de 100 caractères."


async def test_bodies_within_the_limits_are_read(client: httpx.AsyncClient, anyone: dict[str, str]) -> None:
    metadata: Any = "deep"
    for _ in range(30):
        metadata = {"level": metadata}
    report = {
        "type": "job_application",
        "external_id": "ats-1",
        "occurred_at": "2025-03-01T09:00:00Z",
        "value_minor": 1_000_000_000_000_000,
        "currency": "EUR",
        "metadata": metadata,
    }
    recorded = await client.post("/v1/conversions", json=report, headers=anyone)
    assert recorded.status_code == 201, recorded.text
    assert recorded.json()["metadata"] == metadata
    # A character beyond the first plane, escaped as its two surrogates, is one character.
    body = b'{"banned_terms": ["\\ud83d\\ude80 launch"], "weekly_content_budget": 4.0}'
    changed = await client.patch("/v1/settings", content=body, headers=anyone | JSON)
    assert changed.status_code == 200, changed.text
    assert changed.json()["banned_terms"] == ["\U0001f680 launch"]


async def _settings(client: httpx.AsyncClient, admin: dict[str, str]) -> str:
    return "/v1/settings"


async def _employee(client: httpx.AsyncClient, admin: dict[str, str]) -> str:
    return f"/v1/employees/{(await create_employee(client, admin))['id']}"


async def _ambassador(client: httpx.AsyncClient, admin: dict[str, str]) -> str:
    employee = await create_employee(client, admin)
    invited = await client.post("/v1/ambassadors/invitations", json={"employee_id": employee["id"]}, headers=admin)
    assert invited.status_code == 201, invited.text
    return f"/v1/ambassadors/{invited.json()['id']}"


async def _content(client: httpx.AsyncClient, admin: dict[str, str]) -> str:
    return f"/v1/contents/{(await create_content(client, admin))['id']}"


async def _campaign(client: httpx.AsyncClient, admin: dict[str, str]) -> str:
    return f"/v1/campaigns/{(await create_campaign(client, admin, 'spring'))['id']}"


async def _reward(client: httpx.AsyncClient, admin: dict[str, str]) -> str:
    return f"/v1/rewards/{(await create_reward(client, admin))['id']}"


async def _association(client: httpx.AsyncClient, admin: dict[str, str]) -> str:
    return f"/v1/associations/{(await create_association(client, admin, 'Restos du Cœur'))['id']}"


async def _cost(client: httpx.AsyncClient, admin: dict[str, str]) -> str:
    cost = {"budget_line": "platform", "incurred_on": "2026-03-01", "amount_minor": 120_000, "currency": "EUR"}
    recorded = await client.post("/v1/programme-costs", json=cost, headers=admin)
    assert recorded.status_code == 201, recorded.text
    return f"/v1/programme-costs/{recorded.json()['id']}"


async def _integration(client: httpx.AsyncClient, admin: dict[str, str]) -> str:
    return f"/v1/integrations/{(await register_hris(client, admin))['id']}"


async def _webhook_endpoint(client: httpx.AsyncClient, admin: dict[str, str]) -> str:
    return f"/v1/webhook-endpoints/{(await register_endpoint(client, admin, 'http://localhost:9/hooks'))['id']}"


async def _training_module(client: httpx.AsyncClient, admin: dict[str, str]) -> str:
    return f"/v1/training-modules/{(await create_module(client, admin))['id']}"


async def _survey(client: httpx.AsyncClient, admin: dict[str, str]) -> str:
    return f"/v1/surveys/{(await create_survey(client, admin))['id']}"


# Each PATCH of the contract, with a resource to aim it at and a change it would otherwise make.
PATCHES = {
    "/v1/settings": (_settings, {"four_eyes_review": True}),
    "/v1/employees/{employee_id}": (_employee, {"department": "Platform"}),
    "/v1/ambassadors/{ambassador_id}": (_ambassador, {"notes": "Back in June."}),
    "/v1/contents/{content_id}": (_content, {"title": "Nous recrutons encore"}),
    "/v1/campaigns/{campaign_id}": (_campaign, {"name": "Printemps"}),
    "/v1/rewards/{reward_id}": (_reward, {"cost": 90}),
    "/v1/associations/{association_id}": (_association, {"name": "Les Restos"}),
    "/v1/programme-costs/{cost_id}": (_cost, {"description": "Licence"}),
    "/v1/integrations/{integration_id}": (_integration, {"name": "Workday EU"}),
    "/v1/webhook-endpoints/{endpoint_id}": (_webhook_endpoint, {"description": "CRM EU"}),
    "/v1/training-modules/{module_id}": (_training_module, {"title": "Engaging posts"}),
    "/v1/surveys/{survey_id}": (_survey, {"title": "Autumn pulse"}),
}
# Changed by its ambassador alone, not by the admin these cases act as.
OWNERS_ONLY = {"/v1/me/social-accounts/{account_id}"}


def test_every_patch_of_the_contract_is_held_below() -> None:
    patched = {path for path, items in DOCUMENT["paths"].items() if "patch" in items}
    assert patched == set(PATCHES) | OWNERS_ONLY


@pytest.mark.parametrize("path", PATCHES)
async def test_if_none_match_any_on_a_change_fails_the_precondition_and_changes_nothing(
    client: httpx.AsyncClient, admin_a: dict[str, str], path: str
) -> None:
    aim, change = PATCHES[path]
    url = await aim(client, admin_a)
    before = await client.get(url, headers=admin_a)

    response = await client.patch(url, json=change, headers=admin_a | {"If-None-Match": "*"})

    problem = assert_problem(response, 412, "precondition-failed")
    assert problem["detail"].startswith("This resource already exists (at version ")
    after = await client.get(url, headers=admin_a)
    assert (etag_version(after), after.json()) == (etag_version(before), before.json())
