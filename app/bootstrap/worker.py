"""The worker process: every capability's event handlers, the delivery settings, and its run."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta

from prometheus_client import CollectorRegistry
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool, create_sessions
from app.adapters.postgres.events.delivery_queue import PostgresDeliveryQueue
from app.adapters.postgres.events.parked_events import PostgresParkedEvents
from app.adapters.postgres.health import PostgresReadinessProbe
from app.adapters.postgres.integrations.retention import PostgresDeliveryRetention
from app.adapters.postgres.metrics.rollups import PostgresMetricRollups
from app.adapters.postgres.notifications.digests import PostgresDigestStore
from app.adapters.postgres.notifications.inbox import PostgresNotificationStore
from app.adapters.postgres.pool_metrics import pool_metrics
from app.adapters.postgres.rewards.challenge_schedule import PostgresChallengeSchedule
from app.adapters.postgres.storage.partitions import PostgresPartitions
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.postgres.webhooks.deliveries import PostgresWebhookDeliveries
from app.adapters.system import SystemClock, Uuid7Generator
from app.adapters.webhooks.outgoing import HttpxWebhookSender, StandardWebhookSigner, SystemResolver
from app.adapters.webhooks.secret_box import secret_box
from app.bootstrap.databases import core_ports, database, require_current_schema
from app.domain.deliveries import RetryPolicy
from app.domain.storage.months import PartitionedTable
from app.domain.storage.retention import Retention
from app.domain.webhooks.deliveries import RetrySchedule
from app.ports.events import EventHandler
from app.ports.metrics import MetricRollups
from app.ports.notifications import NotificationStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.ports.webhooks import WebhookDeliveries
from app.services.community.incidents.handlers import register_incidents_handlers
from app.services.community.recall import register_recall_handlers
from app.services.community.recruiting import register_recruiting_handlers
from app.services.community.space import register_space_handlers
from app.services.events import EventsUseCases, build_events
from app.services.events.deliver_events import DeliverEvents, DeliveryLimits
from app.services.events.handlers import EventHandlers
from app.services.integrations.prune_deliveries import PruneDeliveries
from app.services.metrics import register_metrics_handlers
from app.services.metrics.rollups import ClickRollupLimits, RollUpClicks
from app.services.notifications import register_notification_handlers
from app.services.notifications.digests import PrepareWeeklyDigests
from app.services.notifications.live_contents import AnnounceLiveContents
from app.services.rewards import register_rewards_handlers
from app.services.rewards.recognition import register_recognition_handlers, settle_challenges
from app.services.storage.maintain_partitions import MaintainPartitions
from app.services.webhooks.deliver_webhooks import DeliverWebhooks, WebhookLimits
from app.services.webhooks.fan_out import FanOutToWebhooks
from app.settings import Settings
from app.worker import Worker, WorkerMetrics, serve_worker

ExtraHandlers = Callable[[UnitOfWorkFactory, Clock, IdGenerator], Iterable[EventHandler]]


def build_event_handlers(
    uow: UnitOfWorkFactory,
    clock: Clock,
    ids: IdGenerator,
    rollups: MetricRollups,
    notifications: NotificationStore,
    webhooks: WebhookDeliveries | None = None,
) -> EventHandlers:
    """Every capability's event handlers, each registered by a line here (outgoing webhooks' when
    their store is given)."""
    handlers = EventHandlers()
    register_rewards_handlers(handlers, uow, clock, ids)
    register_recognition_handlers(handlers, uow, clock, ids)
    register_metrics_handlers(handlers, rollups)
    register_notification_handlers(handlers, notifications, clock)
    register_recruiting_handlers(handlers, uow, clock, ids)
    register_incidents_handlers(handlers, notifications, clock)
    register_recall_handlers(handlers, uow, clock, ids)
    register_space_handlers(handlers, uow, clock, ids)
    if webhooks is not None:
        handlers.register(FanOutToWebhooks(webhooks, clock))
    return handlers


def webhook_limits(settings: Settings) -> WebhookLimits:
    return WebhookLimits(
        batch_size=settings.worker_batch_size,
        concurrency=settings.webhook_concurrency,
        per_endpoint=settings.webhook_endpoint_concurrency,
        lease=timedelta(seconds=settings.worker_lease_seconds),
        disable_after=timedelta(hours=settings.webhook_disable_after_hours),
        grace=timedelta(seconds=settings.worker_shutdown_seconds),
    )


def webhook_delivery(settings: Settings, deliveries: WebhookDeliveries, clock: Clock) -> DeliverWebhooks:
    """The worker's webhook sender: checked connections, Standard Webhooks signatures, the standard schedule."""
    sender = HttpxWebhookSender(
        SystemResolver(),
        settings.webhook_allowed_hosts,
        # A request ends well within the lease its delivery is held under, whatever the two settings say.
        timeout=min(settings.webhook_timeout_seconds, settings.worker_lease_seconds / 2),
        max_connections=settings.webhook_concurrency,
    )
    return DeliverWebhooks(
        deliveries,
        sender,
        StandardWebhookSigner(),
        secret_box(settings.secrets_key_list, settings.data_dir),
        clock,
        schedule=RetrySchedule(),
        limits=webhook_limits(settings),
        allowed_hosts=settings.webhook_allowed_hosts,
    )


def click_rollup_limits(settings: Settings) -> ClickRollupLimits:
    return ClickRollupLimits(
        settle=timedelta(seconds=settings.worker_click_settle_seconds),
        lease=timedelta(seconds=settings.worker_lease_seconds),
    )


def retention(settings: Settings) -> Retention:
    """Months kept per partitioned table: those the settings name."""
    months = {
        PartitionedTable.CLICKS: settings.retention_clicks_months,
        PartitionedTable.OUTBOX: settings.retention_outbox_months,
        PartitionedTable.WEBHOOK_DELIVERIES: settings.retention_webhook_deliveries_months,
    }
    return Retention({table: kept for table, kept in months.items() if kept is not None})


def retry_policy(settings: Settings) -> RetryPolicy:
    return RetryPolicy(
        max_attempts=settings.worker_max_attempts,
        first_delay=timedelta(seconds=settings.worker_retry_delay_seconds),
        max_delay=timedelta(seconds=settings.worker_retry_max_delay_seconds),
    )


def delivery_limits(settings: Settings) -> DeliveryLimits:
    return DeliveryLimits(
        batch_size=settings.worker_batch_size,
        lease=timedelta(seconds=settings.worker_lease_seconds),
        handler_timeout=timedelta(seconds=settings.worker_handler_timeout_seconds),
        click_settle=timedelta(seconds=settings.worker_click_settle_seconds),
    )


async def run_worker(settings: Settings, extra_handlers: ExtraHandlers | None = None) -> None:
    """``relais worker`` on a database that answers at the current schema: the registry's handlers
    (and, for tests, ``extra_handlers``) fed from the outbox and the clicks until SIGTERM."""
    async with AsyncExitStack() as stack:
        engine = await stack.enter_async_context(database(settings))
        await require_current_schema(engine)
        clock, ids = SystemClock(), Uuid7Generator()
        uow = PostgresUnitOfWorkFactory(create_sessions(engine), ids)
        pool = await create_pool(engine.url.render_as_string(hide_password=False), size=settings.db_pool_size)
        stack.push_async_callback(pool.close)
        rollups = PostgresMetricRollups(pool)
        webhooks = PostgresWebhookDeliveries(pool, ids)
        handlers = build_event_handlers(uow, clock, ids, rollups, PostgresNotificationStore(pool), webhooks)
        for handler in extra_handlers(uow, clock, ids) if extra_handlers else ():
            handlers.register(handler)
        deliver_webhooks = webhook_delivery(settings, webhooks, clock)
        stack.push_async_callback(deliver_webhooks.close)
        rounds = DeliverEvents(
            PostgresDeliveryQueue(pool), handlers, clock, ids, retry_policy(settings), delivery_limits(settings)
        )
        registry = CollectorRegistry()
        stack.enter_context(pool_metrics(registry, engine))
        worker = Worker(
            rounds,
            clock,
            WorkerMetrics(registry),
            poll=timedelta(seconds=settings.worker_poll_seconds),
            stalled_after=timedelta(seconds=settings.worker_handler_timeout_seconds + settings.worker_lease_seconds),
            periodic=[
                settle_challenges(uow, clock, ids, PostgresChallengeSchedule(pool)),
                PruneDeliveries(PostgresDeliveryRetention(pool), clock),
                AnnounceLiveContents(PostgresNotificationStore(pool), clock),
                PrepareWeeklyDigests(PostgresDigestStore(pool), clock),
                MaintainPartitions(PostgresPartitions(pool), clock, retention(settings)),
            ],
            alongside=[RollUpClicks(rollups, clock, click_rollup_limits(settings)), deliver_webhooks],
        )
        await serve_worker(
            worker,
            PostgresReadinessProbe(engine),
            registry,
            host=settings.host,
            port=settings.worker_port,
            grace=timedelta(seconds=settings.worker_shutdown_seconds),
        )


@asynccontextmanager
async def operator_events(engine: AsyncEngine) -> AsyncIterator[EventsUseCases]:
    """The parked events' use cases on a small raw pool of the same database (for the command line)."""
    pool = await create_pool(engine.url.render_as_string(hide_password=False), size=1)
    try:
        yield build_events(*core_ports(engine), parked=PostgresParkedEvents(pool))
    finally:
        await pool.close()
