"""The development sign-in's code store, on the fake and on PostgreSQL: each code is taken once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.roster.sign_in_codes import PostgresSignInCodeStore
from app.domain.roster.identity import Role
from app.domain.roster.sign_in import SignInIdentity
from app.ports.roster import SignInCode, SignInCodeStore
from tests.fake_sign_in import FakeSignInCodeStore

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
CODE = SignInCode(
    client_id="relais-dev",
    redirect_uri="http://localhost:5173/callback",
    scope="openid profile email",
    nonce="n-0S6_WzA2Mj",
    code_challenge="E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    code_challenge_method="S256",
    identity=SignInIdentity(
        tenant_id=UUID("01960000-0000-7000-8000-000000000001"),
        subject="demo|camille",
        email="camille.martin@demo.example",
        given_name="Camille",
        family_name="Martin",
        roles=(Role.AMBASSADOR,),
    ),
    auth_time=NOW,
    expires_at=NOW + timedelta(minutes=2),
)


@pytest.fixture
async def store(database: AsyncEngine | None) -> AsyncIterator[SignInCodeStore]:
    if database is None:
        yield FakeSignInCodeStore()
        return
    pool = await create_pool(database.url.render_as_string(hide_password=False), size=4)
    try:
        yield PostgresSignInCodeStore(pool)
    finally:
        await pool.close()
        async with database.begin() as connection:
            await connection.execute(sa.text("DELETE FROM sign_in_codes"))


async def test_a_saved_code_gives_back_what_it_stood_for_once(store: SignInCodeStore) -> None:
    await store.save("code-1", CODE)

    assert await store.take("code-1", NOW) == CODE
    assert await store.take("code-1", NOW) is None


async def test_an_unknown_code_gives_nothing(store: SignInCodeStore) -> None:
    await store.save("code-1", CODE)

    assert await store.take("code-2", NOW) is None


async def test_an_expired_code_gives_nothing_and_is_gone(store: SignInCodeStore) -> None:
    await store.save("code-1", CODE)

    assert await store.take("code-1", CODE.expires_at) is None
    assert await store.take("code-1", NOW) is None


async def test_concurrent_exchanges_of_one_code_let_exactly_one_through(store: SignInCodeStore) -> None:
    await store.save("code-1", CODE)

    taken = await asyncio.gather(*(store.take("code-1", NOW) for _ in range(8)))

    assert [value for value in taken if value is not None] == [CODE]


async def test_saving_a_code_clears_the_expired_ones(store: SignInCodeStore) -> None:
    await store.save("old", CODE)
    later = CODE.expires_at + timedelta(seconds=1)
    await store.save("new", replace(CODE, auth_time=later, expires_at=later + timedelta(minutes=2)))

    assert await store.take("old", NOW) is None, "an expired code was cleared, whatever the clock says"
    assert await store.take("new", later) is not None
