"""The committed GraphQL schema holds for every query and mutation under generated documents, sent by an
admin who is also an ambassador of a seeded tenant: every schemathesis check, no failure."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from schemathesis.python.asgi import shutdown_lifespans
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.auth.dev_issuer import DevIssuer
from app.bootstrap.api import build_app
from app.settings import Settings
from tests.integration.fuzz_graphql_support import bind_graphql_to_seed
from tests.integration.fuzz_support import CONTRACTS, SeededTenant, fuzz_config, seed, truncate_all

schema = schemathesis.graphql.from_path(
    CONTRACTS / "schema.graphql", config=fuzz_config(base_url="http://testserver/graphql")
)


@pytest.fixture(autouse=True)
def clean_database() -> None:
    """Every operation of a run works on the same seeded tenants; the module cleans up once, at its end."""


@pytest.fixture(scope="module")
async def fuzzed_app(settings: Settings, engine: AsyncEngine) -> AsyncIterator[FastAPI]:
    application = build_app(settings.model_copy(update={"max_body_bytes": Settings().max_body_bytes}))
    yield application
    shutdown_lifespans()
    await truncate_all(engine)


@pytest.fixture(scope="module")
def seeded(fuzzed_app: FastAPI, issuer: DevIssuer) -> dict[str, SeededTenant]:
    return seed(fuzzed_app, issuer, graph="graph")


def _run(case: Any, app: FastAPI, tenant: SeededTenant, role: str) -> None:
    bind_graphql_to_seed(case, tenant)
    case.operation.schema.app = app
    # A case that leaves out or spoils the credentials on purpose is sent as generated.
    negated = case.operation.schema.is_security_param_negated(case)
    case.call_and_validate(app=app, headers=None if negated else {"Authorization": f"Bearer {tenant.token(role)}"})


@schema.parametrize()
def test_every_graphql_field_honours_the_schema_for_an_admin_who_is_also_an_ambassador(
    case: Any, fuzzed_app: FastAPI, seeded: dict[str, SeededTenant]
) -> None:
    """Every field is asked for by someone it is meant for: refusals by role are REST's to fuzz (the same
    use cases), and GraphQL reports them as errors that schemathesis cannot tell from server faults."""
    _run(case, fuzzed_app, seeded["graph"], "admin+ambassador")
