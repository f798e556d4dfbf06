"""Where the database is, and what every process checks and builds on it first: the schema current, the
ports of the unit of work and of the hot paths."""

from __future__ import annotations

import typing
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.bots import CrawlerDetectBotDetector
from app.adapters.postgres.content.feed import PostgresFeedReader
from app.adapters.postgres.database import create_engine, create_pool, create_sessions
from app.adapters.postgres.embedded import EmbeddedPostgres
from app.adapters.postgres.integrations.import_store import PostgresRosterImportStore
from app.adapters.postgres.metrics.exports import PostgresMetricExports
from app.adapters.postgres.metrics.reader import PostgresMetricsReader
from app.adapters.postgres.migrations import current_revision, head_revision
from app.adapters.postgres.notifications.devices import PostgresDeviceRegistry
from app.adapters.postgres.notifications.inbox import PostgresNotificationStore
from app.adapters.postgres.notifications.preferences import PostgresNotificationPreferencesStore
from app.adapters.postgres.rewards.campaign_progress import PostgresCampaignProgressReader
from app.adapters.postgres.rewards.leaderboards import PostgresLeaderboardReader
from app.adapters.postgres.sharing.figures import PostgresShareFiguresReader
from app.adapters.postgres.sharing.redirect import PostgresClickRecorder
from app.adapters.postgres.sharing.visitor_salts import PostgresVisitorSaltStore
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.postgres.webhooks.deliveries import PostgresWebhookDeliveries
from app.adapters.postgres.webhooks.endpoints import PostgresWebhookEndpoints
from app.adapters.system import SystemClock, Uuid7Generator
from app.adapters.webhooks.outgoing import StandardWebhookSigner, SystemResolver
from app.ports.content import FeedReader
from app.ports.integrations import RosterImportStore
from app.ports.metrics import MetricExports, MetricsReader
from app.ports.notifications import DeviceRegistry, NotificationPreferencesStore, NotificationStore
from app.ports.recognition import CampaignProgressReader, LeaderboardReader
from app.ports.sharing import BotDetector, ClickRecorder, ShareFiguresReader, VisitorSaltStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.ports.webhooks import HostResolver, WebhookDeliveries, WebhookEndpoints, WebhookSigner
from app.services.sharing.daily_salts import DailySaltCache
from app.settings import Settings


class SchemaBehind(RuntimeError):
    """The database schema is older than the code; serving would fail on the first query."""


class NoEmbeddedDatabase(RuntimeError):
    """No database URL is configured and the data directory holds no embedded PostgreSQL yet."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(f"No database in {data_dir} (RELAIS_DATA_DIR) and no RELAIS_DATABASE_URL.")
        self.data_dir = data_dir


@contextmanager
def resolved_database(settings: Settings, *, create: bool = False) -> Iterator[Settings]:
    """Settings with a database URL: the configured one, or the embedded server's, started here.

    Only ``create`` may initialise an embedded cluster: a command pointed at the wrong data
    directory must say so rather than quietly work on a new, empty database.
    """
    if not settings.embedded:
        yield settings
        return
    embedded = EmbeddedPostgres(settings.data_dir)
    if not create and not embedded.exists:
        raise NoEmbeddedDatabase(settings.data_dir)
    try:
        yield settings.model_copy(update={"database_url": embedded.start()})
    finally:
        embedded.stop()


@asynccontextmanager
async def database(settings: Settings) -> AsyncIterator[AsyncEngine]:
    """An engine on the configured PostgreSQL, or on the embedded one started for the occasion."""
    with resolved_database(settings) as resolved:
        url = typing.cast(str, resolved.database_url)
        engine = create_engine(url, pool_size=settings.db_pool_size, max_overflow=settings.db_pool_overflow)
        try:
            yield engine
        finally:
            await engine.dispose()


def core_ports(engine: AsyncEngine) -> tuple[UnitOfWorkFactory, Clock, IdGenerator]:
    """The three ports every use case takes, on a real database (for the command line)."""
    ids = Uuid7Generator()
    return PostgresUnitOfWorkFactory(create_sessions(engine), ids), SystemClock(), ids


@dataclass(frozen=True, slots=True)
class HotPathPorts:
    """The adapters of the hot paths (the feed and the redirect) and of the other raw-pool reads, for a
    process that builds use cases outside a server (the demo, the benchmarks' seeds)."""

    feed: FeedReader
    salts: VisitorSaltStore
    bots: BotDetector
    clicks: ClickRecorder
    figures: ShareFiguresReader
    boards: LeaderboardReader
    progress: CampaignProgressReader
    metrics: MetricsReader
    exports: MetricExports
    roster_imports: RosterImportStore
    notifications: NotificationStore
    devices: DeviceRegistry
    notification_preferences: NotificationPreferencesStore
    webhook_endpoints: WebhookEndpoints
    webhook_deliveries: WebhookDeliveries
    webhook_signer: WebhookSigner
    webhook_resolver: HostResolver


@asynccontextmanager
async def hot_path_ports(engine: AsyncEngine) -> AsyncIterator[HotPathPorts]:
    """The hot paths' adapters on a small raw pool of the same database, closed on exit."""
    pool = await create_pool(engine.url.render_as_string(hide_password=False), size=2)
    try:
        yield HotPathPorts(
            feed=PostgresFeedReader(pool),
            salts=DailySaltCache(PostgresVisitorSaltStore(pool)),
            bots=CrawlerDetectBotDetector(),
            clicks=PostgresClickRecorder(pool),
            figures=PostgresShareFiguresReader(pool),
            boards=PostgresLeaderboardReader(pool),
            progress=PostgresCampaignProgressReader(pool),
            metrics=PostgresMetricsReader(pool),
            exports=PostgresMetricExports(pool),
            roster_imports=PostgresRosterImportStore(pool),
            notifications=PostgresNotificationStore(pool),
            devices=PostgresDeviceRegistry(pool),
            notification_preferences=PostgresNotificationPreferencesStore(pool),
            webhook_endpoints=PostgresWebhookEndpoints(pool),
            webhook_deliveries=PostgresWebhookDeliveries(pool, Uuid7Generator()),
            webhook_signer=StandardWebhookSigner(),
            webhook_resolver=SystemResolver(),
        )
    finally:
        await pool.close()


async def require_current_schema(engine: AsyncEngine) -> None:
    current, head = await current_revision(engine), head_revision()
    if current != head:
        raise SchemaBehind(
            f"The database schema is at revision {current or 'none'} but this version of Relais needs {head}. "
            "Run `relais db upgrade` (or `make run`, which migrates for you), then try again."
        )
