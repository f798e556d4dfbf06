"""Fifty redemptions at once on PostgreSQL, through the use case: against a balance that pays for only
some of them, and against a stock of a few. Neither the balance nor the stock ever goes below zero, and
exactly as many redemptions succeed as the points or the units allowed."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from uuid import UUID

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_engine, create_sessions
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import SystemClock, Uuid7Generator
from app.domain.errors import DomainError
from app.domain.rewards.catalogue import RewardFields, RewardKind
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.employees import Employee, EmployeeProfile
from app.domain.roster.identity import PROGRAMME_STAFF, Principal, Role
from app.domain.roster.tenants import Tenant
from app.services.rewards.catalogue_use_cases import CatalogueUseCases, build_catalogue
from tests.integration.catalogue_helpers import credit

AT_ONCE = 50
ids = Uuid7Generator()


@pytest.fixture
async def wide(engine: AsyncEngine) -> AsyncIterator[CatalogueUseCases]:
    """The use cases on an engine of their own, so each of the fifty holds its own connection at once."""
    pool = create_engine(engine.url.render_as_string(hide_password=False), pool_size=AT_ONCE, max_overflow=0)
    try:
        yield build_catalogue(PostgresUnitOfWorkFactory(create_sessions(pool), ids), SystemClock(), ids)
    finally:
        await pool.dispose()


async def programme(engine: AsyncEngine, members: int) -> tuple[UUID, list[Principal]]:
    """A tenant with ``members`` active ambassadors, each signed in by their identity-provider subject."""
    now = datetime.now(UTC)
    tenant = Tenant.create(id=ids.new_id(), slug=f"t{ids.new_id().hex[:12]}", name="Acme", now=now)
    uow = PostgresUnitOfWorkFactory(create_sessions(engine), ids)
    principals = []
    async with uow(tenant.id) as unit:
        await unit.tenants.add(tenant)
        for number in range(members):
            profile = EmployeeProfile(
                email=f"m{number}@acme.example", given_name="M", family_name=str(number), idp_subject=f"idp|{number}"
            )
            employee = Employee.hire(id=ids.new_id(), tenant_id=tenant.id, profile=profile, now=now)
            await unit.employees.add(employee)
            await unit.ambassadors.add(Ambassador.volunteer(id=ids.new_id(), employee=employee, now=now))
            principals.append(
                Principal(tenant_id=tenant.id, subject=f"idp|{number}", roles=frozenset({Role.AMBASSADOR}))
            )
        await unit.commit()
    return tenant.id, principals


async def figures(engine: AsyncEngine, tenant_id: UUID) -> tuple[list[int], int | None, int, int]:
    """(every balance, the reward's stock, redemptions stored, redemption entries stored)."""
    async with engine.connect() as connection:
        balances = (
            await connection.execute(
                sa.text("SELECT balance FROM points_balances WHERE tenant_id = :t"), {"t": tenant_id}
            )
        ).scalars()
        stock = (
            await connection.execute(sa.text("SELECT stock FROM rewards WHERE tenant_id = :t"), {"t": tenant_id})
        ).scalar_one()
        stored = (
            await connection.execute(sa.text("SELECT count(*) FROM redemptions WHERE tenant_id = :t"), {"t": tenant_id})
        ).scalar_one()
        spent = (
            await connection.execute(
                sa.text("SELECT count(*) FROM points_entries WHERE tenant_id = :t AND kind = 'redemption'"),
                {"t": tenant_id},
            )
        ).scalar_one()
    return sorted(balances), stock, stored, spent


async def ambassador_ids(engine: AsyncEngine, tenant_id: UUID) -> list[UUID]:
    async with engine.connect() as connection:
        rows = await connection.execute(sa.text("SELECT id FROM ambassadors WHERE tenant_id = :t"), {"t": tenant_id})
        return list(rows.scalars())


async def redeem_all(cases: CatalogueUseCases, principals: list[Principal], reward_id: UUID) -> Counter[str]:
    async def one(principal: Principal) -> str:
        try:
            await cases.redeem_reward(principal, reward_id)
        except DomainError as refusal:
            return refusal.code
        return "redeemed"

    return Counter(await asyncio.gather(*(one(principal) for principal in principals)))


async def add_reward(cases: CatalogueUseCases, tenant_id: UUID, cost: int, stock: int | None) -> UUID:
    staff = Principal(tenant_id=tenant_id, subject="manager", roles=PROGRAMME_STAFF)
    fields = RewardFields(name="Mug", kind=RewardKind.GIFT, cost=cost, stock=stock)
    return (await cases.create_reward(staff, fields)).id


async def test_fifty_redemptions_at_once_never_spend_more_than_the_balance(
    engine: AsyncEngine, wide: CatalogueUseCases
) -> None:
    tenant_id, [ada] = await programme(engine, 1)
    [ambassador] = await ambassador_ids(engine, tenant_id)
    await credit(engine, tenant_id, ambassador, 120)
    reward_id = await add_reward(wide, tenant_id, cost=10, stock=None)

    outcomes = await redeem_all(wide, [ada] * AT_ONCE, reward_id)

    assert outcomes == Counter({"redeemed": 12, "insufficient-points": 38})
    assert await figures(engine, tenant_id) == ([0], None, 12, 12)


async def test_fifty_ambassadors_at_once_never_take_more_units_than_the_stock(
    engine: AsyncEngine, wide: CatalogueUseCases
) -> None:
    tenant_id, members = await programme(engine, AT_ONCE)
    for ambassador in await ambassador_ids(engine, tenant_id):
        await credit(engine, tenant_id, ambassador, 100)
    reward_id = await add_reward(wide, tenant_id, cost=60, stock=3)

    outcomes = await redeem_all(wide, members, reward_id)

    assert outcomes == Counter({"redeemed": 3, "out-of-stock": 47})
    balances, stock, stored, spent = await figures(engine, tenant_id)
    assert (stock, stored, spent) == (0, 3, 3)
    assert balances == [40] * 3 + [100] * 47
