"""The API process: its use cases, its adapters and the FastAPI application they make."""

from __future__ import annotations

import gc
import typing
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

import asyncpg
import httpx
import structlog
from fastapi import FastAPI

from app.adapters.auth.dev_openid_provider import DevOpenIDProvider, load_id_token_key
from app.adapters.auth.keys import HttpJwksSource
from app.adapters.auth.redirect_uris import RedirectUriPolicy
from app.adapters.auth.verifier import JoserfcTokenVerifier
from app.adapters.bots import CrawlerDetectBotDetector
from app.adapters.postgres.content.feed import PostgresFeedReader
from app.adapters.postgres.database import create_pool, create_sessions, plain_dsn
from app.adapters.postgres.events.parked_events import PostgresParkedEvents
from app.adapters.postgres.health import PostgresReadinessProbe
from app.adapters.postgres.integrations.import_store import PostgresRosterImportStore
from app.adapters.postgres.live_updates.listener import PostgresLiveListener
from app.adapters.postgres.live_updates.metrics import listener_metrics
from app.adapters.postgres.metrics.exports import PostgresMetricExports
from app.adapters.postgres.metrics.reader import PostgresMetricsReader
from app.adapters.postgres.notifications.devices import PostgresDeviceRegistry
from app.adapters.postgres.notifications.inbox import PostgresNotificationStore
from app.adapters.postgres.notifications.preferences import PostgresNotificationPreferencesStore
from app.adapters.postgres.pool_metrics import pool_metrics
from app.adapters.postgres.rewards.campaign_progress import PostgresCampaignProgressReader
from app.adapters.postgres.rewards.leaderboards import PostgresLeaderboardReader
from app.adapters.postgres.roster.sign_in_codes import PostgresSignInCodeStore
from app.adapters.postgres.sharing.figures import PostgresShareFiguresReader
from app.adapters.postgres.sharing.redirect import PostgresClickRecorder
from app.adapters.postgres.sharing.visitor_salts import PostgresVisitorSaltStore
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.postgres.webhooks.deliveries import PostgresWebhookDeliveries
from app.adapters.postgres.webhooks.endpoints import PostgresWebhookEndpoints
from app.adapters.rate_limits import KEY_PREFIX, check_storage_url, quotas, rate_limiter
from app.adapters.system import SystemClock, Uuid7Generator
from app.adapters.webhooks.outgoing import StandardWebhookSigner, SystemResolver
from app.api.app import create_api
from app.api.observability import metrics_registry
from app.api.rate_limits import Budgets, RateLimits
from app.api.runtime import ApiConfig, DevSignIn, Runtime, Services
from app.bootstrap.databases import (
    database,
    require_current_schema,
)
from app.bootstrap.keys import RateLimitSettingError, dev_issuer, integration_ports
from app.domain.sharing.visitors import CLICKS_COUNTED_PER_NETWORK
from app.ports.content import FeedReader
from app.ports.events import ParkedEvents
from app.ports.integrations import Credentials, RosterImportStore, SecretBox
from app.ports.live_updates import LiveListener
from app.ports.metrics import MetricExports, MetricsReader
from app.ports.notifications import DeviceRegistry, NotificationPreferencesStore, NotificationStore
from app.ports.rate_limits import Quota
from app.ports.recognition import CampaignProgressReader, LeaderboardReader
from app.ports.roster import TokenVerifier
from app.ports.sharing import BotDetector, ClickRecorder, ShareFiguresReader, VisitorSaltStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.attribution import build_attribution
from app.services.community.incidents import build_incidents
from app.services.community.recall import build_recall
from app.services.community.recruiting import build_recruiting
from app.services.community.space import build_space
from app.services.community.surveys import build_surveys
from app.services.community.training import build_training
from app.services.content import build_content
from app.services.events import build_events
from app.services.integrations import build_integrations
from app.services.integrations.import_use_cases import build_roster_imports
from app.services.integrations.scim import build_scim
from app.services.live_updates import build_live_updates
from app.services.metrics import build_metrics
from app.services.notifications import build_notifications
from app.services.programme import build_programme
from app.services.rewards import build_rewards
from app.services.rewards.catalogue_use_cases import build_catalogue
from app.services.rewards.recognition import build_recognition
from app.services.roster import build_roster
from app.services.roster.list_people_to_sign_in import ListPeopleToSignIn
from app.services.roster.sign_in_as import SignInAs
from app.services.sharing import build_sharing
from app.services.sharing.daily_salts import DailySaltCache
from app.services.webhooks import build_webhooks
from app.services.webhooks.ports import WebhookPorts
from app.settings import Settings

log = structlog.stdlib.get_logger("relais.bootstrap")


@dataclass(frozen=True, slots=True, kw_only=True)
class Overrides:
    """Replacements for adapters, for tests: anything left None is built from settings."""

    clock: Clock | None = None
    ids: IdGenerator | None = None
    uow: UnitOfWorkFactory | None = None
    verifier: TokenVerifier | None = None
    feed: FeedReader | None = None
    clicks: ClickRecorder | None = None
    # Sees every statement of the raw asyncpg pool, as engine events see the ORM's (for tests).
    query_logger: Callable[[typing.Any], None] | None = None
    check_schema: bool = True
    # The prefix of the rate-limit counters' keys in a shared storage, so tests sharing one Redis keep apart.
    rate_limit_keys: str = KEY_PREFIX


def build_services(
    uow: UnitOfWorkFactory,
    clock: Clock,
    ids: IdGenerator,
    *,
    feed: FeedReader,
    salts: VisitorSaltStore,
    bots: BotDetector,
    clicks: ClickRecorder,
    figures: ShareFiguresReader,
    parked: ParkedEvents,
    boards: LeaderboardReader,
    progress: CampaignProgressReader,
    metrics: MetricsReader,
    exports: MetricExports,
    roster_imports: RosterImportStore,
    notifications: NotificationStore,
    devices: DeviceRegistry,
    notification_preferences: NotificationPreferencesStore,
    public_base_url: str,
    credentials: Credentials,
    box: SecretBox,
    listener: LiveListener,
    webhooks: WebhookPorts,
    daily_click_cap: int = CLICKS_COUNTED_PER_NETWORK,
) -> Services:
    """Every capability's use cases, from its own builder: adding a capability is one builder here
    and one field on ``Services``. The feed, the redirect and the parked events read through their
    own ports, which bypass the unit of work."""
    return Services(
        roster=build_roster(uow, clock, ids),
        programme=build_programme(uow, clock, ids),
        content=build_content(uow, clock, ids, feed),
        sharing=build_sharing(
            uow,
            clock,
            ids,
            salts=salts,
            bots=bots,
            clicks=clicks,
            figures=figures,
            public_base_url=public_base_url,
            daily_click_cap=daily_click_cap,
        ),
        attribution=build_attribution(uow, clock, ids),
        rewards=build_rewards(uow, clock, ids),
        events=build_events(uow, clock, ids, parked=parked),
        catalogue=build_catalogue(uow, clock, ids),
        recognition=build_recognition(uow, clock, ids, boards=boards, progress=progress),
        metrics=build_metrics(uow, clock, ids, reader=metrics, boards=boards, exports=exports),
        integrations=build_integrations(uow, clock, ids, credentials=credentials, box=box),
        # Roster imports
        roster_imports=build_roster_imports(uow, clock, ids, store=roster_imports),
        # SCIM provisioning
        scim=build_scim(uow, clock, ids, credentials=credentials),
        notifications=build_notifications(
            uow, clock, ids, store=notifications, devices=devices, preferences=notification_preferences
        ),
        live_updates=build_live_updates(uow, clock, ids, listener=listener),
        # Outgoing webhooks
        webhooks=build_webhooks(webhooks),
        recruiting=build_recruiting(uow, clock, ids),
        training=build_training(uow, clock, ids),
        # Incidents
        incidents=build_incidents(uow, clock, ids, figures=figures),
        surveys=build_surveys(uow, clock, ids),
        recall=build_recall(uow, clock, ids),
        space=build_space(uow, clock, ids, listener=listener),
    )


def dev_sign_in(
    provider: DevOpenIDProvider, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, tenant_slug: str
) -> DevSignIn:
    """The development OpenID provider with the use cases that read the sign-in tenant's roster."""
    return DevSignIn(
        provider=provider,
        list_people=ListPeopleToSignIn(uow, clock, ids, tenant_slug),
        sign_in_as=SignInAs(uow, clock, ids, tenant_slug),
    )


def served_services(
    settings: Settings,
    overrides: Overrides,
    uow: UnitOfWorkFactory,
    clock: Clock,
    ids: IdGenerator,
    pool: asyncpg.Pool,
    listener: LiveListener,
    metrics_pool: asyncpg.Pool | None = None,
) -> Services:
    """The use cases a server runs: the hot paths read and record on the raw pool, unless a test overrides them.
    Metric figures and exports read on ``metrics_pool`` when there is one (a read replica)."""
    credentials, box = integration_ports(settings)
    return build_services(
        uow,
        clock,
        ids,
        feed=overrides.feed or PostgresFeedReader(pool),
        salts=DailySaltCache(PostgresVisitorSaltStore(pool)),
        bots=CrawlerDetectBotDetector(),
        clicks=overrides.clicks or PostgresClickRecorder(pool),
        figures=PostgresShareFiguresReader(pool),
        parked=PostgresParkedEvents(pool),
        boards=PostgresLeaderboardReader(pool),
        progress=PostgresCampaignProgressReader(pool),
        metrics=PostgresMetricsReader(metrics_pool or pool),
        exports=PostgresMetricExports(metrics_pool or pool),
        roster_imports=PostgresRosterImportStore(pool),
        notifications=PostgresNotificationStore(pool),
        devices=PostgresDeviceRegistry(pool),
        notification_preferences=PostgresNotificationPreferencesStore(pool),
        public_base_url=settings.public_base_url,
        credentials=credentials,
        box=box,
        listener=listener,
        webhooks=webhook_ports(settings, pool, box, clock, ids),
        daily_click_cap=settings.daily_click_cap,
    )


def webhook_ports(
    settings: Settings, pool: asyncpg.Pool, box: SecretBox, clock: Clock, ids: IdGenerator
) -> WebhookPorts:
    """Outgoing webhooks' stores on the raw pool, with the system's resolver and the integrations' sealing keys."""
    return WebhookPorts(
        endpoints=PostgresWebhookEndpoints(pool),
        deliveries=PostgresWebhookDeliveries(pool, ids),
        resolver=SystemResolver(),
        signer=StandardWebhookSigner(),
        box=box,
        clock=clock,
        ids=ids,
        allowed_hosts=settings.webhook_allowed_hosts,
    )


def rate_limit_budgets(settings: Settings) -> Budgets:
    """The budgets of each kind of traffic, from the settings."""

    def read(name: str, text: str) -> tuple[Quota, ...]:
        try:
            return quotas(name, text)
        except ValueError as error:
            variable = "RELAIS_RATE_LIMIT_" + name.upper().replace("-", "_")
            raise RateLimitSettingError(f"{variable}: {error}.") from error

    try:
        check_storage_url(settings.rate_limit_storage)
    except ValueError as error:
        raise RateLimitSettingError(f"RELAIS_RATE_LIMIT_STORAGE: {error}.") from error
    return Budgets(
        caller=read("caller", settings.rate_limit_caller),
        tenant=read("tenant", settings.rate_limit_tenant),
        anonymous=read("anonymous", settings.rate_limit_anonymous),
        tracked_links=read("tracked-links", settings.rate_limit_tracked_links),
        integration_events=read("integration-events", settings.rate_limit_integration_events),
    )


def build_app(settings: Settings, overrides: Overrides | None = None) -> FastAPI:
    """Wire adapters into use cases and the API. Resources open in the lifespan, not here."""
    overrides = overrides or Overrides()
    # Built now, so that a malformed RELAIS_DEV_OIDC_REDIRECT_URIS stops the start with its reason.
    redirect_uris = RedirectUriPolicy(settings.dev_oidc_redirect_uris)
    budgets = rate_limit_budgets(settings) if settings.rate_limits else None
    clock = overrides.clock or SystemClock()
    ids = overrides.ids or Uuid7Generator()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Runtime]]:
        async with AsyncExitStack() as stack:
            engine = await stack.enter_async_context(database(settings))
            stack.enter_context(pool_metrics(metrics_registry(app), engine))
            if overrides.check_schema:
                await require_current_schema(engine)
            uow = overrides.uow or PostgresUnitOfWorkFactory(create_sessions(engine), ids)
            # The hot paths' raw asyncpg pool: same database, same size setting, closed on shutdown.
            url = engine.url.render_as_string(hide_password=False)
            pool = await create_pool(url, size=settings.db_pool_size, query_logger=overrides.query_logger)
            stack.push_async_callback(pool.close)
            metrics_pool = None
            if settings.metrics_database_url:
                # Metric figures and exports only read rollups: a streaming replica answers them.
                metrics_url = settings.metrics_database_url
                metrics_pool = await create_pool(
                    metrics_url, size=settings.db_pool_size, query_logger=overrides.query_logger
                )
                stack.push_async_callback(metrics_pool.close)
            # One LISTEN connection per process, on a session of its own (never through a transaction pooler).
            live_dsn = plain_dsn(settings.live_database_url or url)
            listener = await stack.enter_async_context(PostgresLiveListener(live_dsn))
            stack.enter_context(listener_metrics(metrics_registry(app), listener))
            jwks, sign_in = None, None
            verifier = overrides.verifier
            if verifier is None and settings.dev_issuer_enabled:
                issuer, id_token_key = dev_issuer(settings), load_id_token_key(settings.data_dir)
                codes = PostgresSignInCodeStore(pool)
                provider = DevOpenIDProvider(issuer, id_token_key, codes, clock, redirect_uris)
                verifier, jwks = issuer.verifier(clock), provider.public_jwks()
                sign_in = dev_sign_in(provider, uow, clock, ids, settings.dev_oidc_tenant)
            elif verifier is None:
                verifier = await stack.enter_async_context(external_verifier(settings, clock))
            rate_limits = None
            if budgets is not None:
                storage, keys = settings.rate_limit_storage, overrides.rate_limit_keys
                limiter = await stack.enter_async_context(rate_limiter(storage, key_prefix=keys))
                rate_limits = RateLimits(limiter, budgets)
            runtime = Runtime(
                services=served_services(settings, overrides, uow, clock, ids, pool, listener, metrics_pool),
                verifier=verifier,
                readiness=PostgresReadinessProbe(engine),
                clock=clock,
                jwks=jwks,
                dev_sign_in=sign_in,
                rate_limits=rate_limits,
            )
            # What start-up built lives as long as the process: frozen out of the collector, so that
            # a full collection walks only what requests leave behind (a pause of a tenth of a second
            # otherwise, landing on whichever requests are in flight).
            gc.collect()
            gc.freeze()
            yield {"runtime": runtime}

    config = ApiConfig(
        cors_origins=settings.cors_origins,
        cors_allow_headers=settings.cors_allow_headers,
        max_body_bytes=settings.max_body_bytes,
        roster_import_max_bytes=settings.roster_import_max_bytes,
        graphql_max_depth=settings.graphql_max_depth,
        graphql_max_aliases=settings.graphql_max_aliases,
        graphql_max_tokens=settings.graphql_max_tokens,
        graphql_introspection=settings.graphql_introspection_enabled,
        graphql_field_suggestions=settings.graphql_field_suggestions_enabled,
        live_heartbeat_seconds=settings.live_heartbeat_seconds,
        trusted_proxies=settings.trusted_proxies,
        metrics_token=settings.metrics_token.get_secret_value() if settings.metrics_token else None,
    )
    return create_api(config, lifespan)


@asynccontextmanager
async def external_verifier(settings: Settings, clock: Clock) -> AsyncIterator[TokenVerifier]:
    issuer = typing.cast(str, settings.oidc_issuer)
    jwks_url = settings.oidc_jwks_url or issuer.rstrip("/") + "/.well-known/jwks.json"
    async with httpx.AsyncClient(timeout=5.0) as http:
        keys = HttpJwksSource(
            jwks_url, http, settings.jwks_cache_seconds, settings.jwks_refetch_cooldown_seconds, clock
        )
        yield JoserfcTokenVerifier(issuer, settings.oidc_audience, keys, clock)


# The event worker
