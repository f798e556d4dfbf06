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
        ports = DemoPorts(
            public_base_url=public_base_url,
            feed=hot.feed,
            salts=hot.salts,
            bots=hot.bots,
            clicks=hot.clicks,
            figures=hot.figures,
            metrics=hot.metrics,
            boards=hot.boards,
            exports=hot.exports,
            credentials=credentials,
            box=box,
            roster_imports=hot.roster_imports,
            notifications=hot.notifications,
            devices=hot.devices,
            notification_preferences=hot.notification_preferences,
            webhook_endpoints=hot.webhook_endpoints,
            webhook_deliveries=hot.webhook_deliveries,
            webhook_signer=hot.webhook_signer,
            webhook_resolver=hot.webhook_resolver,
        )
        return await SeedDemo(uow, clock, ids, ports)()
