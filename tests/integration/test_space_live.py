"""The community space live, end to end on PostgreSQL: a GraphQL subscriber of ``spaceSignals`` hears of a
post published over REST, through the server's one LISTEN connection."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import pytest
from starlette.testclient import TestClient

from app.adapters.auth.dev_issuer import DevIssuer
from app.bootstrap.api import build_app
from app.settings import Settings
from tests.integration.helpers import person
from tests.integration.test_operations import samples

PROTOCOL = "graphql-transport-ws"
SIGNALS = "subscription { spaceSignals { kind postUuid } }"
SUBSCRIPTIONS = ("relais_live_subscriptions", ())


def test_a_graphql_subscriber_of_the_space_hears_of_a_post_published_over_rest(
    settings: Settings, issuer: DevIssuer
) -> None:
    def token(tenant: UUID | None, role: str, subject: str, email: str | None = None) -> dict[str, str]:
        minted = issuer.mint(tenant_id=tenant, subject=subject, roles=[role], email=email, now=datetime.now(UTC))
        return {"Authorization": f"Bearer {minted}"}

    with TestClient(build_app(settings)) as client:
        operator = token(None, "operator", "platform-operator")
        created = client.post("/v1/tenants", json={"slug": "acme", "name": "Acme"}, headers=operator)
        tenant = UUID(created.json()["id"])
        admin = token(tenant, "admin", "admin", "admin@acme.example")
        employee = client.post("/v1/employees", json=person("Ada"), headers=admin).json()
        ada = token(tenant, "ambassador", "idp|ada", employee["email"])
        assert client.post("/v1/me/opt-in", headers=ada).status_code == 200

        with client.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as socket:
            socket.send_json({"type": "connection_init", "payload": ada})
            assert socket.receive_json() == {"type": "connection_ack"}
            socket.send_json({"id": "1", "type": "subscribe", "payload": {"query": SIGNALS}})
            for _ in range(1000):  # the subscription is registered by the server's own task
                if samples(client.get("/metrics", headers=operator).text)[SUBSCRIPTIONS] == 1:
                    break
            else:
                pytest.fail("The subscription never started.")
            post = client.post("/v1/space/posts", json={"kind": "success", "body": "A lead!"}, headers=ada).json()
            message = socket.receive_json()

    assert message == {
        "id": "1",
        "type": "next",
        "payload": {"data": {"spaceSignals": {"kind": "POST", "postUuid": post["id"]}}},
    }
