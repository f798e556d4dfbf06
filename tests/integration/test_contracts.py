"""The committed contracts are what the running application serves; change them on purpose."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from app.api.graphql.schema import build_schema

CONTRACTS = Path(__file__).resolve().parents[2] / "openapi"
HOW_TO_FIX = "the API changed: run `make openapi`, review the diff and commit it"


async def test_committed_openapi_matches_the_served_document(client: httpx.AsyncClient) -> None:
    served = (await client.get("/openapi.json")).json()
    committed = json.loads((CONTRACTS / "openapi.json").read_text())
    assert served == committed, HOW_TO_FIX


def test_committed_graphql_schema_matches_the_served_schema() -> None:
    committed = (CONTRACTS / "schema.graphql").read_text()
    assert build_schema().as_str() + "\n" == committed, HOW_TO_FIX
