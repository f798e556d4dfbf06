"""Seed the demo tenant on a database, with the adapters the composition root builds."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from app.bootstrap import core_ports, redirect_ports
from app.demo.seed import DemoTenant, SeedDemo
from app.demo.seed_sharing import DemoSharingPorts


async def seed_demo(engine: AsyncEngine, public_base_url: str) -> DemoTenant:
    """Seed the demo tenant (``relais dev``). Its clicks go through the redirect's own adapters."""
    uow, clock, ids = core_ports(engine)
    async with redirect_ports(engine) as redirect:
        sharing = DemoSharingPorts(
            public_base_url=public_base_url, salts=redirect.salts, bots=redirect.bots, clicks=redirect.clicks
        )
        return await SeedDemo(uow, clock, ids, sharing)()
