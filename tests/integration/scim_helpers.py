"""Steps of the SCIM tests: register a SCIM integration, and speak SCIM with its token."""

from __future__ import annotations

from typing import Any

import httpx

SCIM = "application/scim+json"
CORE = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


async def register_scim(client: httpx.AsyncClient, admin: dict[str, str], **fields: Any) -> dict[str, Any]:
    """A new SCIM integration, with its bearer token in ``credential``."""
    response = await client.post("/v1/integrations", json={"kind": "scim", "name": "Entra ID"} | fields, headers=admin)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def bearer(integration: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {integration['credential']}", "Content-Type": SCIM, "Accept": SCIM}


def user(user_name: str, *, given: str = "Ada", family: str = "Lovelace", **extra: Any) -> dict[str, Any]:
    body = {
        "schemas": [CORE, ENTERPRISE],
        "userName": user_name,
        "name": {"givenName": given, "familyName": family},
        "emails": [{"value": user_name, "type": "work", "primary": True}],
        "active": True,
    }
    return body | extra


def patch(*operations: dict[str, Any]) -> dict[str, Any]:
    return {"schemas": [PATCH_OP], "Operations": list(operations)}


async def create(client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/scim/v2/Users", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def assert_scim_error(response: httpx.Response, status: int, scim_type: str | None = None) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(SCIM)
    body = response.json()
    assert body["schemas"] == [ERROR]
    assert str(body["status"]) == str(status)
    if scim_type is not None:
        assert body["scimType"] == scim_type
