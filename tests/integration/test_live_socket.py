"""The GraphQL socket in process (Starlette's test client speaks WebSocket): ``connection_init`` is
counted against the caller's budgets as an HTTP request is, and a refused token against the address."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from app.adapters.auth.dev_issuer import DevIssuer
from app.bootstrap.api import build_app
from app.settings import Settings

PROTOCOL = "graphql-transport-ws"


def initialised(client: TestClient, payload: dict[str, str]) -> dict[str, object] | int:
    """The server's answer to ``connection_init``: its acknowledgement, or the code it closed with."""
    with client.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as socket:
        socket.send_json({"type": "connection_init", "payload": payload})
        try:
            answer: dict[str, object] = socket.receive_json()
        except WebSocketDisconnect as closed:
            return closed.code
        return answer


@pytest.fixture
def budgeted(settings: Settings) -> Settings:
    return settings.model_copy(
        update={"rate_limits": True, "rate_limit_caller": "2/minute", "rate_limit_anonymous": "1/minute"}
    )


def test_socket_connections_spend_the_callers_budget_and_refused_tokens_the_addresss(
    budgeted: Settings, issuer: DevIssuer
) -> None:
    token = issuer.mint(tenant_id=uuid4(), subject="idp|ada", roles=["ambassador"], now=datetime.now(UTC))
    with TestClient(build_app(budgeted)) as client:
        answers = [initialised(client, {"Authorization": f"Bearer {token}"}) for _ in range(3)]
        refused = [initialised(client, {"Authorization": "Bearer nonsense"}) for _ in range(2)]
    assert answers == [{"type": "connection_ack"}, {"type": "connection_ack"}, 4403]
    assert refused == [4403, 4403]
