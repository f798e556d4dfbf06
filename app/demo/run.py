"""Seed the demo tenant on a database, with the adapters the composition root builds."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from app.bootstrap import core_ports, hot_path_ports, integration_ports
from app.demo.seed import DemoTenant, SeedDemo
from app.demo.use_cases import DemoPorts
from app.settings import Settings


async def seed_demo(engine: AsyncEngine, public_base_url: str, settings: Settings | None = None) -> DemoTenant:
    """Seed the demo tenant (``relais dev``). Its clicks go through the redirect's own adapters; its
    integration's secret is sealed with the server's keys (``settings``; a throwaway key without them)."""
    uow, clock, ids = core_ports(engine)
    credentials, box = integration_ports(settings)
    async with hot_path_ports(engine) as hot:
        ports = DemoPorts(public_base_url=public_base_url, hot=hot, credentials=credentials, box=box)
        return await SeedDemo(uow, clock, ids, ports)()
