"""The composition root: the only module that knows every concrete adapter."""

from __future__ import annotations

import gc
import typing
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass, fields

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.auth.dev_issuer import DevIssuer
from app.adapters.auth.keys import HttpJwksSource
from app.adapters.auth.verifier import JoserfcTokenVerifier
from app.adapters.bots import CrawlerDetectBotDetector
from app.adapters.postgres.content.feed import PostgresFeedReader
from app.adapters.postgres.database import create_engine, create_pool, create_sessions
from app.adapters.postgres.embedded import EmbeddedPostgres
from app.adapters.postgres.health import PostgresReadinessProbe
from app.adapters.postgres.migrations import current_revision, head_revision
from app.adapters.postgres.pool_metrics import pool_metrics
from app.adapters.postgres.sharing.redirect import PostgresClickRecorder
from app.adapters.postgres.sharing.visitor_salts import PostgresVisitorSaltStore
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import SystemClock, Uuid7Generator
from app.api.app import create_api
from app.api.observability import metrics_registry
from app.api.runtime import ApiConfig, Runtime, Services
from app.ports.content import FeedReader
from app.ports.roster import TokenVerifier
from app.ports.sharing import BotDetector, ClickRecorder, VisitorSaltStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.content.get_feed import GetFeed
from app.services.sharing.create_share import CreateShare
from app.services.sharing.daily_salts import DailySaltCache
from app.services.sharing.follow_tracked_link import FollowTrackedLink
from app.services.sharing.get_share import GetShare, ListMyShares, ListShares
from app.services.sharing.record_engagement import RecordEngagement
from app.services.sharing.share_transitions import CancelShare, ConfirmShare
from app.settings import Settings


class SchemaBehind(RuntimeError):
    """The database schema is older than the code; serving would fail on the first query."""


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


def build_services(
    uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, feed: FeedReader, **prebuilt: typing.Any
) -> Services:
    """Most use cases take the same three ports, so the container is built from its field types;
    the read models that bypass the unit of work are handed to their use cases here, and the use
    cases built from other ports come ready-made in ``prebuilt``."""
    readers: dict[str, typing.Any] = {"get_feed": GetFeed(uow, clock, ids, feed), **prebuilt}
    hints = typing.get_type_hints(Services)
    return Services(**{f.name: readers.get(f.name) or hints[f.name](uow, clock, ids) for f in fields(Services)})


def sharing_services(
    uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, salts: VisitorSaltStore, public_base_url: str
) -> dict[str, typing.Any]:
    """The share use cases answer with tracked links, so they take the public address they start with."""
    built: dict[str, typing.Any] = {"create_share": CreateShare(uow, clock, ids, public_base_url, salts)}
    for name, use_case in (
        ("confirm_share", ConfirmShare),
        ("cancel_share", CancelShare),
        ("get_share", GetShare),
        ("list_shares", ListShares),
        ("list_my_shares", ListMyShares),
        ("record_engagement", RecordEngagement),
    ):
        built[name] = use_case(uow, clock, ids, public_base_url)
    return built


def dev_issuer(settings: Settings) -> DevIssuer:
    return DevIssuer.load_or_create(settings.data_dir, settings.public_base_url, settings.oidc_audience)


@contextmanager
def resolved_database(settings: Settings) -> Iterator[Settings]:
    """Settings with a database URL: the configured one, or the embedded server's, started here."""
    if not settings.embedded:
        yield settings
        return
    embedded = EmbeddedPostgres(settings.data_dir)
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
class RedirectPorts:
    """The redirect's own adapters, for a process that follows links outside a server (the demo)."""

    salts: VisitorSaltStore
    bots: BotDetector
    clicks: ClickRecorder


@asynccontextmanager
async def redirect_ports(engine: AsyncEngine) -> AsyncIterator[RedirectPorts]:
    """The redirect's adapters on a small raw pool of the same database, closed on exit."""
    pool = await create_pool(engine.url.render_as_string(hide_password=False), size=2)
    try:
        yield RedirectPorts(
            salts=DailySaltCache(PostgresVisitorSaltStore(pool)),
            bots=CrawlerDetectBotDetector(),
            clicks=PostgresClickRecorder(pool),
        )
    finally:
        await pool.close()


async def require_current_schema(engine: AsyncEngine) -> None:
    current, head = await current_revision(engine), head_revision()
    if current != head:
        raise SchemaBehind(
            f"The database schema is at revision {current or 'none'} but this version of Relais needs {head}. "
            "Run `relais db upgrade` (or `make run`, which migrates for you) and start again."
        )


def build_app(settings: Settings, overrides: Overrides | None = None) -> FastAPI:
    """Wire adapters into use cases and the API. Resources open in the lifespan, not here."""
    overrides = overrides or Overrides()
    clock = overrides.clock or SystemClock()
    ids = overrides.ids or Uuid7Generator()
    bots = CrawlerDetectBotDetector()

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
            feed = overrides.feed or PostgresFeedReader(pool)
            salts = DailySaltCache(PostgresVisitorSaltStore(pool))
            follow_link = FollowTrackedLink(clock, ids, salts, bots, overrides.clicks or PostgresClickRecorder(pool))
            jwks = None
            verifier = overrides.verifier
            if verifier is None and settings.dev_issuer_enabled:
                issuer = dev_issuer(settings)
                verifier, jwks = issuer.verifier(clock), issuer.public_jwks()
            elif verifier is None:
                verifier = await stack.enter_async_context(external_verifier(settings, clock))
            runtime = Runtime(
                services=build_services(
                    uow,
                    clock,
                    ids,
                    feed,
                    follow_tracked_link=follow_link,
                    **sharing_services(uow, clock, ids, salts, settings.public_base_url),
                ),
                verifier=verifier,
                readiness=PostgresReadinessProbe(engine),
                jwks=jwks,
            )
            # What start-up built lives as long as the process: frozen out of the collector, so that
            # a full collection walks only what requests leave behind (a pause of a tenth of a second
            # otherwise, landing on whichever requests are in flight).
            gc.collect()
            gc.freeze()
            yield {"runtime": runtime}

    config = ApiConfig(
        cors_origins=settings.cors_origins,
        max_body_bytes=settings.max_body_bytes,
        graphql_max_depth=settings.graphql_max_depth,
        graphql_max_aliases=settings.graphql_max_aliases,
        graphql_max_tokens=settings.graphql_max_tokens,
        graphql_introspection=settings.graphql_introspection_enabled,
        graphql_field_suggestions=settings.graphql_field_suggestions_enabled,
        trusted_proxies=settings.trusted_proxies,
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
