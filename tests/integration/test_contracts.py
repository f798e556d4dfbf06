"""The committed contracts are what the running application serves (and, for the webhooks' events, what
the code sends); change them on purpose."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import yaml

from app.api.asyncapi import asyncapi_yaml
from app.api.graphql.schema import build_schema
from app.domain.community.incidents import INCIDENT_EVENTS
from app.domain.events import EventType

CONTRACTS = Path(__file__).resolve().parents[2] / "openapi"
HOW_TO_FIX = "the API changed: run `make openapi`, review the diff and commit it"


async def test_committed_openapi_matches_the_served_document(client: httpx.AsyncClient) -> None:
    served = (await client.get("/openapi.json")).json()
    committed = json.loads((CONTRACTS / "openapi.json").read_text())
    assert served == committed, HOW_TO_FIX


def test_committed_graphql_schema_matches_the_served_schema() -> None:
    committed = (CONTRACTS / "schema.graphql").read_text()
    assert build_schema().as_str() + "\n" == committed, HOW_TO_FIX


def test_committed_asyncapi_matches_the_event_catalogue() -> None:
    committed = (CONTRACTS / "asyncapi.yaml").read_text()
    assert committed == asyncapi_yaml(), HOW_TO_FIX
    document = yaml.safe_load(committed)
    messages = document["components"]["messages"]
    # Every event type of app/domain/events.py but clicks, which never leave the worker, and incidents' private ones.
    kept_inside = {EventType.CLICK_RECORDED.value} | {event_type.value for event_type in INCIDENT_EVENTS}
    assert set(messages) == {event_type.value for event_type in EventType} - kept_inside
    assert set(document["channels"]["webhookEndpoint"]["messages"]) == set(messages)
    assert all(message["summary"] for message in messages.values())
    assert document["asyncapi"].startswith("3.")
