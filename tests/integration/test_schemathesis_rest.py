"""The committed OpenAPI contract holds for every operation under generated requests, valid and not,
sent by an admin and by an ambassador of a seeded tenant: every schemathesis check, no failure."""

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
from tests.integration.fuzz_support import CONTRACTS, SeededTenant, bind_to_seed, fuzz_config, seed, truncate_all

# /graphql is left out: it takes any GraphQL document, and one that reads nothing private (``__typename``,
# introspection) is rightly answered without a token, since GraphQL refuses field by field; so the
# "ignored auth" check cannot judge it from the REST contract. test_schemathesis_graphql.py fuzzes it.
# A roster file's upload is left out of the admin's run: to the contract the file is any text, which its
# own tests read in every messy form (test_roster_import_files.py), and the coverage phase reports its
# valid `mode` as drawn outside the enum. The ambassador's run still checks it is refused.
# The event streams (/v1/me/events, /v1/space/events) never end, and the in-process transport reads an
# answer whole before checking it; real servers check it (tests/e2e/test_live_updates.py), and its
# answer whole before checking it; real servers check it (tests/e2e/test_live_updates.py), and their
# refusals are walked with the other operations (test_authorization_first.py).
# Registering a webhook endpoint is left out of the admin's run too: whether a URL is taken depends on
# what its host resolves to when it is sent, which no schema can say (test_webhook_endpoints_api.py sends
# the accepted and the refused ones).
as_admin = (
    schemathesis.openapi.from_path(CONTRACTS / "openapi.json", config=fuzz_config())
    .exclude(path="/graphql")
    .exclude(path="/v1/me/events")
    .exclude(path="/v1/space/events")
    .exclude(method="POST", path="/v1/roster-imports")
    .exclude(method="POST", path="/v1/webhook-endpoints")
    # An incident action's kind says which fields it takes, which its flat body cannot state: test_incidents_api.py.
    .exclude(method="POST", path="/v1/incidents/{incident_id}/actions")
)
as_ambassador = (
    schemathesis.openapi.from_path(CONTRACTS / "openapi.json", config=fuzz_config(coverage=False))
    .exclude(path="/graphql")
    .exclude(path="/v1/me/events")
    .exclude(path="/v1/space/events")
)


@pytest.fixture(autouse=True)
def clean_database() -> None:
    """Every operation of a run works on the same seeded tenants; the module cleans up once, at its end."""


@pytest.fixture(scope="module")
async def fuzzed_app(settings: Settings, engine: AsyncEngine) -> AsyncIterator[FastAPI]:
    # The production limit on bodies, so that a body the contract allows is never refused for its size.
    application = build_app(settings.model_copy(update={"max_body_bytes": Settings().max_body_bytes}))
    yield application
    shutdown_lifespans()
    await truncate_all(engine)


@pytest.fixture(scope="module")
def seeded(fuzzed_app: FastAPI, issuer: DevIssuer) -> dict[str, SeededTenant]:
    """One tenant per caller, so that what the admin's requests change never narrows the ambassador's."""
    return seed(fuzzed_app, issuer, admin="fuzz-admin", ambassador="fuzz-member")


def _run(case: Any, app: FastAPI, tenant: SeededTenant, role: str) -> None:
    bind_to_seed(case, tenant)
    # Loaded from the committed file, the schema learns here which application answers its requests.
    case.operation.schema.app = app
    # A case that leaves out or spoils the credentials on purpose is sent as generated.
    negated = case.operation.schema.is_security_param_negated(case)
    case.call_and_validate(app=app, headers=None if negated else {"Authorization": f"Bearer {tenant.token(role)}"})


@as_admin.parametrize()
def test_every_rest_operation_honours_its_contract_for_an_admin(
    case: Any, fuzzed_app: FastAPI, seeded: dict[str, SeededTenant]
) -> None:
    _run(case, fuzzed_app, seeded["admin"], "admin")


@as_ambassador.parametrize()
def test_every_rest_operation_honours_its_contract_for_an_ambassador(
    case: Any, fuzzed_app: FastAPI, seeded: dict[str, SeededTenant]
) -> None:
    _run(case, fuzzed_app, seeded["ambassador"], "ambassador")
