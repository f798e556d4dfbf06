"""Share codes name their tenant: each tenant's link prefix starts its codes, the redirect finds the
tenant from it in process, and the codes issued before prefixes keep working."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import plain_dsn
from app.adapters.postgres.sharing.link_tenants import UNKNOWN_KEPT_FOR, LinkTenants
from app.domain.sharing.tracked_links import BASE62, ShareCode
from tests.integration.conftest import Mint
from tests.integration.redirect_helpers import BROWSER, Share, clicks, insert_share, live_share
from tests.integration.share_helpers import new_share, sharing_programme


async def prefix_of(engine: AsyncEngine, tenant_id: UUID) -> str:
    async with engine.connect() as connection:
        statement = sa.text("SELECT link_prefix FROM tenants WHERE id = :t")
        return str((await connection.execute(statement, {"t": tenant_id})).scalar_one())


async def unused_prefix(engine: AsyncEngine) -> str:
    """A prefix no tenant has, and (drawn at random) one no earlier test asked for."""
    async with engine.connect() as connection:
        taken = set((await connection.execute(sa.text("SELECT link_prefix FROM tenants"))).scalars())
    while (prefix := "".join(secrets.choice(BASE62) for _ in range(4))) in taken:
        pass
    return prefix


async def give_prefix(engine: AsyncEngine, tenant_id: UUID, prefix: str) -> None:
    async with engine.begin() as connection:
        statement = sa.text("UPDATE tenants SET link_prefix = :prefix WHERE id = :tenant")
        await connection.execute(statement, {"prefix": prefix, "tenant": tenant_id})


async def legacy_share(engine: AsyncEngine, share: Share) -> Share:
    """Another share of the same content with a code of 8 random characters, as the previous release
    issued them; revision 0022's trigger keeps its tenant, as its copy kept the codes already issued."""
    legacy = replace(share, id=uuid4(), code=ShareCode.generate().value)
    await insert_share(engine, legacy)
    return legacy


async def follow(client: httpx.AsyncClient, code: str) -> httpx.Response:
    return await client.get(f"/r/{code}", headers={"user-agent": BROWSER})


async def test_a_new_share_code_is_its_tenants_prefix_then_eight_random_characters(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)

    created = await new_share(client, sharing)
    code = created["tracked_url"].rsplit("/r/", 1)[1]

    assert len(code) == 12
    assert code[:4] == await prefix_of(engine, tenant_a)
    assert (await follow(client, code)).status_code == 302


async def test_two_tenants_never_share_a_link_prefix(engine: AsyncEngine, tenant_factory: Callable[..., Any]) -> None:
    tenants = [await tenant_factory(f"company-{number}") for number in range(6)]
    prefixes = [await prefix_of(engine, tenant) for tenant in tenants]

    assert len(set(prefixes)) == len(tenants)
    with pytest.raises(IntegrityError, match="uq_tenants_link_prefix"):
        await give_prefix(engine, tenants[1], prefixes[0])


async def test_a_code_issued_before_prefixes_still_redirects_and_counts(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    legacy = await legacy_share(engine, await live_share(client, mint, engine, tenant_a, admin_a))

    response = await follow(client, legacy.code)

    assert len(legacy.code) == 8
    assert response.status_code == 302
    assert response.headers["location"].startswith(legacy.destination.partition("#")[0])
    assert [click["kind"] for click in await clicks(engine, legacy.id)] == ["counted"]


async def test_a_code_is_resolved_in_the_tenant_its_prefix_names_and_no_other(
    client: httpx.AsyncClient,
    mint: Mint,
    engine: AsyncEngine,
    tenant_a: UUID,
    admin_a: dict[str, str],
    tenant_b: UUID,
    admin_b: dict[str, str],
) -> None:
    ours = await live_share(client, mint, engine, tenant_a, admin_a)
    theirs = await live_share(client, mint, engine, tenant_b, admin_b)
    # Written past the use case: the other tenant holds a share with our very code.
    copy = replace(theirs, id=uuid4(), code=ours.code)
    await insert_share(engine, copy)

    forged = await follow(client, (await prefix_of(engine, tenant_b)) + ours.code[4:])
    followed = await follow(client, ours.code)

    assert forged.status_code == 404
    assert followed.status_code == 302
    assert f"utm_content={ours.content_id}" in followed.headers["location"]
    assert len(await clicks(engine, ours.id)) == 1
    assert await clicks(engine, copy.id) == []
    assert await clicks(engine, theirs.id) == []


async def test_with_the_tenant_known_a_redirect_is_one_statement_and_an_unknown_prefix_at_most_one(
    client: httpx.AsyncClient,
    count_statements: Callable[[], Any],
    mint: Mint,
    engine: AsyncEngine,
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> None:
    share = await live_share(client, mint, engine, tenant_a, admin_a)
    legacy = await legacy_share(engine, share)
    for code in (share.code, legacy.code):
        assert (await follow(client, code)).status_code == 302  # the tenant is read once, then known
    unknown_prefix = await unused_prefix(engine) + "Zz9Zz9Zz"
    unknown_legacy = ShareCode.generate().value

    with count_statements() as warm:
        assert (await follow(client, share.code)).status_code == 302
        assert (await follow(client, legacy.code)).status_code == 302
    with count_statements() as probing:
        for _ in range(3):
            assert (await follow(client, unknown_prefix)).status_code == 404
            assert (await follow(client, unknown_legacy)).status_code == 404

    assert len(warm.statements) == 2
    assert all("INSERT INTO clicks" in statement for statement in warm.statements)
    assert len(probing.statements) == 2
    assert ["link_prefix" in statement for statement in probing.statements] == [True, False]


async def test_a_tenant_whose_prefix_was_probed_before_it_existed_is_found_once_the_memory_passes(
    database_url: str, engine: AsyncEngine
) -> None:
    prefix = await unused_prefix(engine)
    code = ShareCode(prefix + "Ab3dE5gH")
    now = [1000.0]
    pool = await asyncpg.create_pool(plain_dsn(database_url), min_size=1, max_size=1)
    try:
        tenants = LinkTenants(pool, monotonic=lambda: now[0])
        before = await tenants.look_up(code)
        tenant = uuid4()
        async with engine.begin() as connection:
            statement = sa.text(
                "INSERT INTO tenants (id, slug, name, created_at, link_prefix) VALUES (:t, 'late', 'Late', now(), :p)"
            )
            await connection.execute(statement, {"t": tenant, "p": prefix})
        still_unknown = await tenants.look_up(code)
        now[0] += UNKNOWN_KEPT_FOR + 1
        found = await tenants.look_up(code)
    finally:
        await pool.close()

    assert (before, still_unknown, found) == (None, None, tenant)
    assert tenants.known(code) == tenant
