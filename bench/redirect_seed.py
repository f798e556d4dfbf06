"""A small tenant for the redirect benchmark: a few ambassadors, contents and their shares.

The tenant, its roster and its contents go through the use cases; the shares are written
straight to their table (the share use case needs the charter and connected networks, which
the redirect does not care about), with destinations built by the domain as the use case does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

import asyncpg

from app.domain.networks import Network
from app.domain.roster.identity import Principal, Role
from app.domain.sharing.shares import share_destination
from app.domain.sharing.tracked_links import DEFAULT_CLICK_PARAM, ShareCode
from app.ports.content import FeedReader
from app.ports.system import IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.content import build_content
from app.services.content.approve_content import ApproveContentCommand
from app.services.content.create_content import CreateContentCommand
from app.services.content.submit_content import ContentTransitionCommand
from app.services.programme import build_programme
from app.services.programme.update_settings import UpdateSettingsCommand
from app.services.roster import build_roster
from app.services.roster.create_tenant import CreateTenantCommand
from bench.feed_seed import SeedClock, content_values, member, person

AMBASSADORS, CONTENTS = 5, 4
NETWORKS = (Network.LINKEDIN, Network.X, Network.FACEBOOK)
SHARE_COLUMNS = (
    *("tenant_id", "id", "code", "ambassador_id", "content_id", "network", "language", "caption", "status"),
    *("destination", "click_param", "created_at", "posted_at", "version"),
)


@dataclass(frozen=True, slots=True)
class SeededShares:
    tenant_id: UUID
    codes: tuple[str, ...]


class RedirectSeed:
    def __init__(self, uow: UnitOfWorkFactory, ids: IdGenerator, feed: FeedReader) -> None:
        self._clock = SeedClock(datetime.now(UTC) - timedelta(days=7))
        self._roster = build_roster(uow, self._clock, ids)
        self._programme = build_programme(uow, self._clock, ids)
        self._contents = build_content(uow, self._clock, ids, feed)
        self._ids = ids

    async def __call__(self, dsn: str) -> SeededShares:
        operator = Principal(tenant_id=None, subject="bench", roles=frozenset({Role.OPERATOR}))
        tenant = await self._roster.create_tenant(operator, CreateTenantCommand(slug="bench", name="Acme"))
        admin = Principal(tenant_id=tenant.id, subject="bench|admin", roles=frozenset({Role.ADMIN}))
        moderator = Principal(tenant_id=tenant.id, subject="bench|moderator", roles=frozenset({Role.MODERATOR}))
        changes = {"link_domains": [{"domain": "acme.example", "include_subdomains": True}], "default_language": "fr"}
        await self._programme.update_settings(admin, UpdateSettingsCommand(changes=changes))
        ambassadors = []
        for number in range(AMBASSADORS):
            profile = person(number)
            await self._roster.create_employee(admin, profile)
            ambassadors.append((await self._roster.opt_in(member(tenant.id, profile))).id)
        contents = []
        for number in range(CONTENTS):
            self._clock.instant += timedelta(hours=10)
            values = dict(content_values(number, self._clock.now()))
            values["link_url"] = f"https://acme.example/news/{number}?from=relais#story"
            created = await self._contents.create_content(admin, CreateContentCommand(values=values, language="fr"))
            await self._contents.submit_content(admin, ContentTransitionCommand(content_id=created.id))
            await self._contents.approve_content(moderator, ApproveContentCommand(content_id=created.id))
            contents.append((created.id, values["link_url"]))
        rows: list[tuple[object, ...]] = []
        codes: list[str] = []
        now = datetime.now(UTC)
        connection = await asyncpg.connect(dsn)
        try:
            prefix = await connection.fetchval("SELECT link_prefix FROM tenants WHERE id = $1", tenant.id)
        finally:
            await connection.close()
        for index, ambassador_id in enumerate(ambassadors):
            for content_id, link_url in contents:
                network = NETWORKS[index % len(NETWORKS)]
                destination = share_destination(
                    link_url,
                    network=network,
                    utm_medium="employee_advocacy",
                    campaign_slug=None,
                    content_id=content_id,
                    click_param=DEFAULT_CLICK_PARAM,
                )
                code = ShareCode.issue(prefix).value
                codes.append(code)
                rows.append((tenant.id, self._ids.new_id(), code, ambassador_id, content_id, network.value, "fr"))
                rows[-1] += ("Partagez #employee", "posted", destination, DEFAULT_CLICK_PARAM, now, now, 1)
        connection = await asyncpg.connect(dsn)
        try:
            await connection.copy_records_to_table("shares", records=rows, columns=SHARE_COLUMNS)
        finally:
            await connection.close()
        return SeededShares(tenant.id, tuple(codes))
