"""Introspection and name suggestions: on while developing, off in production unless configured."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import SimpleNamespace
from typing import Any, cast

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI

from app.api.app import create_api
from app.api.graphql.schema import build_schema
from app.api.runtime import ApiConfig, Runtime
from app.settings import Settings

INTROSPECTION = "{ __schema { queryType { name } } }"
# Each misspelling graphql-core answers with a suggestion, in validation and in variable coercion.
MISSPELLED: tuple[tuple[str, dict[str, Any] | None, str], ...] = (
    ("{ employes { edges { cursor } } }", None, "'employees'"),
    ("{ employees(frist: 2) { edges { cursor } } }", None, "'first'"),
    ("{ employees(status: ACTIV) { edges { cursor } } }", None, "'ACTIVE'"),
    ("query ($s: EmployeeStatus) { employees(status: $s) { edges { cursor } } }", {"s": "ACTIV"}, "'ACTIVE'"),
    ("query ($s: EmployeStatus) { employees(status: $s) { edges { cursor } } }", None, "'EmployeeStatus'"),
)


async def messages(config: ApiConfig, query: str, variables: dict[str, Any] | None = None) -> list[str]:
    result = await build_schema(config).execute(query, variable_values=variables)
    return [error.message for error in result.errors or []]


async def test_introspection_is_answered_when_on() -> None:
    result = await build_schema(ApiConfig(graphql_introspection=True)).execute(INTROSPECTION)
    assert result.errors is None
    assert result.data == {"__schema": {"queryType": {"name": "Query"}}}


async def test_introspection_is_refused_before_anything_runs_when_off() -> None:
    schema = build_schema(ApiConfig(graphql_introspection=False))
    for query in (INTROSPECTION, '{ __type(name: "Employee") { fields { name } } }'):
        result = await schema.execute(query)
        assert result.data is None
        assert result.errors
        assert all("introspection has been disabled" in error.message for error in result.errors)
    # Clients still learn which union member they got.
    assert (await schema.execute("{ __typename }")).data == {"__typename": "Query"}


@pytest.mark.parametrize(("query", "variables", "suggested"), MISSPELLED)
async def test_errors_suggest_names_when_on(query: str, variables: dict[str, Any] | None, suggested: str) -> None:
    [message] = await messages(ApiConfig(graphql_field_suggestions=True), query, variables)
    assert "Did you mean" in message
    assert suggested in message


@pytest.mark.parametrize(("query", "variables", "suggested"), MISSPELLED)
async def test_errors_keep_their_reason_but_suggest_nothing_when_off(
    query: str, variables: dict[str, Any] | None, suggested: str
) -> None:
    [message] = await messages(ApiConfig(graphql_field_suggestions=False), query, variables)
    [with_suggestion] = await messages(ApiConfig(graphql_field_suggestions=True), query, variables)
    assert "Did you mean" not in message
    assert suggested not in message
    assert with_suggestion.startswith(message.rstrip("."))


@asynccontextmanager
async def uncounted(_: FastAPI) -> AsyncIterator[dict[str, Runtime]]:
    """Only what a request without a token reaches: the rate limits (off), never the verifier."""
    yield {"runtime": cast(Runtime, SimpleNamespace(rate_limits=None))}


async def open_graphql_in_a_browser(config: ApiConfig) -> httpx.Response:
    app = create_api(config, uncounted)
    async with (
        LifespanManager(app) as manager,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url="http://test") as client,
    ):
        return await client.get("/graphql", headers={"Accept": "text/html"})


async def test_graphiql_is_served_with_introspection() -> None:
    response = await open_graphql_in_a_browser(ApiConfig(graphql_introspection=True))
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_without_introspection_a_browser_gets_the_token_challenge_not_graphiql() -> None:
    response = await open_graphql_in_a_browser(ApiConfig(graphql_introspection=False))
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert "graphiql" not in response.text.lower()


def test_both_switches_are_on_with_the_development_issuer_and_off_with_an_external_one() -> None:
    development = Settings(oidc_issuer=None)
    production = Settings(oidc_issuer="https://idp.acme.example")
    assert (development.graphql_introspection_enabled, development.graphql_field_suggestions_enabled) == (True, True)
    assert (production.graphql_introspection_enabled, production.graphql_field_suggestions_enabled) == (False, False)


def test_either_switch_can_be_set_whatever_the_issuer() -> None:
    opened = Settings(
        oidc_issuer="https://idp.acme.example", graphql_introspection=True, graphql_field_suggestions=True
    )
    closed = Settings(oidc_issuer=None, graphql_introspection=False, graphql_field_suggestions=False)
    assert (opened.graphql_introspection_enabled, opened.graphql_field_suggestions_enabled) == (True, True)
    assert (closed.graphql_introspection_enabled, closed.graphql_field_suggestions_enabled) == (False, False)
