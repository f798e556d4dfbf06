"""Integration fixtures: the real application over real PostgreSQL, called through ASGI."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.auth.dev_issuer import DevIssuer
from app.bootstrap import dev_issuer
from app.bootstrap.api import Overrides, build_app
from app.settings import Settings
from tests.support.empty_tables import empty_every_table

TOKEN_ISSUED_AT = datetime.now(UTC)


@pytest.fixture(scope="session")
def settings(database_url: str, data_dir: Path) -> Settings:
    # Rate limits off: tests make many requests from one address and one token in a second; the
    # rate-limit tests build their own applications with the budgets they exercise.
    # Webhooks may reach receivers the tests run on this machine under the name localhost (and no other
    # local name or address).
    return Settings(
        database_url=database_url,
        data_dir=data_dir,
        max_body_bytes=64 * 1024,
        rate_limits=False,
        webhook_allowed_hosts=["localhost"],
    )


class RawStatements:
    """Statements sent through the raw asyncpg pool of the hot paths, seen by asyncpg's query
    logger (engine events only see the ORM's)."""

    def __init__(self) -> None:
        self.listeners: list[Callable[[str], None]] = []

    def __call__(self, record: Any) -> None:
        for listener in self.listeners:
            listener(record.query)


@pytest.fixture(scope="session")
def raw_statements() -> RawStatements:
    return RawStatements()


@pytest.fixture(scope="session")
async def app(settings: Settings, raw_statements: RawStatements) -> AsyncIterator[FastAPI]:
    application = build_app(settings, Overrides(query_logger=raw_statements))
    async with LifespanManager(application) as manager:
        yield manager.app  # type: ignore[misc]


@pytest.fixture(scope="session")
def issuer(settings: Settings) -> DevIssuer:
    """The same signing key the application trusts (both read it from the data directory)."""
    return dev_issuer(settings)


@pytest.fixture(autouse=True)
async def clean_database(engine: AsyncEngine) -> AsyncIterator[None]:
    yield
    await empty_every_table(engine)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
        yield client


Mint = Callable[..., str]


@pytest.fixture
def mint(issuer: DevIssuer) -> Mint:
    """mint(tenant_id, role, email=None, subject=None) -> a bearer token."""

    def make(tenant_id: UUID | None, *roles: str, email: str | None = None, subject: str | None = None) -> str:
        return issuer.mint(
            tenant_id=tenant_id,
            subject=subject or f"{roles[0]}-{email or 'user'}",
            roles=list(roles),
            email=email,
            now=datetime.now(UTC),
        )

    return make


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def operator_headers(mint: Mint) -> dict[str, str]:
    return bearer(mint(None, "operator", subject="platform-operator"))


@pytest.fixture
async def tenant_factory(client: httpx.AsyncClient, operator_headers: dict[str, str]) -> Callable[..., Any]:
    async def create(slug: str) -> UUID:
        response = await client.post("/v1/tenants", json={"slug": slug, "name": slug.title()}, headers=operator_headers)
        assert response.status_code == 201, response.text
        return UUID(response.json()["id"])

    return create


@pytest.fixture
async def tenant_a(tenant_factory: Callable[..., Any]) -> UUID:
    tenant_id: UUID = await tenant_factory("acme")
    return tenant_id


@pytest.fixture
async def tenant_b(tenant_factory: Callable[..., Any]) -> UUID:
    tenant_id: UUID = await tenant_factory("globex")
    return tenant_id


@pytest.fixture
def admin_a(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return bearer(mint(tenant_a, "admin", email="admin@acme.example"))


@pytest.fixture
def admin_b(mint: Mint, tenant_b: UUID) -> dict[str, str]:
    return bearer(mint(tenant_b, "admin", email="admin@globex.example"))


class StatementCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_statements(engine: AsyncEngine, app: FastAPI, raw_statements: RawStatements) -> Callable[[], Any]:
    """Count SQL statements sent inside a ``with`` block, by the application's engine and by its
    raw asyncpg pool."""

    @contextmanager
    def counting() -> Iterator[StatementCounter]:
        counter = StatementCounter()

        def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            counter.statements.append(statement)

        event.listen(sa.engine.Engine, "before_cursor_execute", record)
        raw_statements.listeners.append(counter.statements.append)
        try:
            yield counter
        finally:
            event.remove(sa.engine.Engine, "before_cursor_execute", record)
            raw_statements.listeners.remove(counter.statements.append)

    return counting
