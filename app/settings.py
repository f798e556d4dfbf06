"""Configuration from the environment (prefix ``RELAIS_``); read once, in the composition root."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from app.domain.sharing.visitors import CLICKS_COUNTED_PER_NETWORK

# What browser clients send: the API's own headers, then the tracing headers that browser SDKs
# (OpenTelemetry, Sentry) add to every request; a preflight naming any other header is refused.
CORS_ALLOW_HEADERS = (
    "Authorization",
    "Content-Type",
    "If-Match",
    "If-None-Match",
    "Accept-Language",
    "X-Request-ID",
    # What a fetch-based event-stream client sends when it reconnects to /v1/me/events.
    "Last-Event-ID",
    "traceparent",
    "tracestate",
    "baggage",
    "sentry-trace",
)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RELAIS_", extra="ignore")

    database_url: str | None = Field(
        default=None,
        description="PostgreSQL URL (postgresql://user:pass@host:port/db). Unset: embedded PostgreSQL in data_dir.",
    )
    data_dir: Path = Field(
        default=Path(".relais"),
        description="Where embedded mode keeps its PostgreSQL cluster and development signing key.",
    )
    host: str = Field(
        default="127.0.0.1", description="Interface `relais serve` binds to, and `relais worker` its health port."
    )
    port: int = Field(default=8000, description="Port `relais serve` listens on.")
    public_base_url: str = Field(
        default="http://127.0.0.1:8000",
        description="Public URL of this service: links it hands out, and the development issuer's `iss`.",
    )
    trusted_proxies: str = Field(
        default="127.0.0.1",
        description="Comma-separated addresses whose X-Forwarded-For/-Proto headers are believed (`*` for any).",
    )
    daily_click_cap: int = Field(
        default=CLICKS_COUNTED_PER_NETWORK,
        ge=1,
        description="Most clicks counted per UTC day on one tracked link from one network (an IPv4 /24 or an "
        "IPv6 /48); the next ones are recorded but not counted.",
    )
    oidc_issuer: str | None = Field(
        default=None,
        description="External token issuer (iss). Unset: the embedded development issuer signs tokens.",
    )
    oidc_audience: str = Field(default="relais", description="Audience (aud) access tokens must carry.")
    oidc_jwks_url: str | None = Field(
        default=None, description="JWKS URL of the external issuer. Unset: {oidc_issuer}/.well-known/jwks.json."
    )
    dev_oidc_tenant: str = Field(
        default="demo",
        description="Slug of the tenant whose people the development sign-in page (/oauth/authorize) lists.",
    )
    dev_oidc_redirect_uris: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"],
        description="Comma-separated redirect URIs the development sign-in accepts; `:*` allows any port, "
        "no path any path. Default: every http loopback address.",
    )
    jwks_cache_seconds: int = Field(default=600, description="How long fetched signing keys are trusted.")
    jwks_refetch_cooldown_seconds: int = Field(
        default=30, description="Minimum time between two JWKS fetches caused by an unknown key id."
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Comma-separated origins allowed by CORS; empty allows none."
    )
    cors_allow_headers: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(CORS_ALLOW_HEADERS),
        description="Comma-separated request headers a browser may send from an allowed origin.",
    )
    max_body_bytes: int = Field(default=1_048_576, description="Largest accepted request body, in bytes.")
    roster_import_max_bytes: int = Field(
        default=64 * 1_048_576, ge=1024, description="Largest accepted roster file, in bytes (it is streamed)."
    )
    max_header_bytes: int = Field(
        default=32_768, ge=1024, description="Largest accepted request line and headers together, in bytes."
    )
    db_pool_size: int = Field(default=10, description="Connections kept in the database pool per process.")
    db_pool_overflow: int = Field(default=10, description="Extra connections the pool may open under load.")
    db_wait_seconds: float = Field(
        default=60,
        ge=0,
        description="How long `relais serve` waits for an unreachable database at start-up, trying again with "
        "doubling pauses (up to 8 s) before it gives up; 0 gives up at once.",
    )
    live_database_url: str | None = Field(
        default=None,
        description="Where each API process LISTENs for live updates, on one session connection of its own. "
        "Unset: `RELAIS_DATABASE_URL`. Set it to the database itself when `RELAIS_DATABASE_URL` goes through a "
        "pooler in transaction mode (PgBouncer), which cannot keep a LISTEN.",
    )
    metrics_database_url: str | None = Field(
        default=None,
        description="Where metric figures (`/v1/metrics`, the ambassadors' impact, the programme report) and "
        "exports are read: a streaming read replica of the primary, so that analysts' reads never compete with "
        "the redirect and the worker. Unset: `RELAIS_DATABASE_URL`.",
    )
    live_heartbeat_seconds: float = Field(
        default=15, gt=0, description="How often an idle event stream (`/v1/me/events`) sends a comment line."
    )
    graphql_max_depth: int = Field(default=10, description="Deepest GraphQL query accepted.")
    graphql_max_aliases: int = Field(default=15, description="Most aliases accepted in one GraphQL query.")
    graphql_max_tokens: int = Field(default=2000, description="Most tokens accepted in one GraphQL document.")
    graphql_introspection: bool | None = Field(
        default=None,
        description="Whether GraphQL answers introspection (`__schema`, `__type`) and serves GraphiQL. "
        "Unset: on with the development issuer, off with an external one.",
    )
    graphql_field_suggestions: bool | None = Field(
        default=None,
        description='Whether GraphQL errors suggest names ("Did you mean ...?"). '
        "Unset: on with the development issuer, off with an external one.",
    )
    rate_limits: bool = Field(
        default=True, description="Whether requests are counted against the budgets below and refused beyond them."
    )
    rate_limit_storage: str = Field(
        default="memory://",
        description="Where the counts are kept: `memory://` (this process) or a `redis://` URL that every replica "
        "shares.",
    )
    rate_limit_caller: str = Field(
        default="30/second;1200/minute",
        description="Requests per caller (a token's subject), in the `limits` notation; empty: unlimited.",
    )
    rate_limit_tenant: str = Field(
        default="12000/minute", description="Requests per organisation, all its callers together; empty: unlimited."
    )
    rate_limit_anonymous: str = Field(
        default="60/minute",
        description="Requests without a valid token (refused, missing, the development sign-in) per client address.",
    )
    rate_limit_tracked_links: str = Field(
        default="300/minute", description="Visits to tracked links per client address; empty: unlimited."
    )
    worker_port: int = Field(
        default=8001, description="Port `relais worker` answers `/healthz`, `/readyz` and `/metrics` on."
    )
    worker_batch_size: int = Field(
        default=100, ge=1, le=10_000, description="Events a worker takes at a time, and clicks it reads per tenant."
    )
    worker_poll_seconds: float = Field(
        default=1.0, gt=0, le=60, description="How long an idle worker waits before looking for work again."
    )
    worker_lease_seconds: float = Field(
        default=60.0,
        gt=0,
        description="How long a worker holds what it took; a dead worker's work comes back after it.",
    )
    worker_handler_timeout_seconds: float = Field(
        default=20.0, gt=0, description="Longest a handler may take on one event before the try counts as failed."
    )
    worker_max_attempts: int = Field(
        default=10, ge=1, le=100, description="Tries a handler gets on one event before the event is parked."
    )
    worker_retry_delay_seconds: float = Field(
        default=5.0, ge=0, description="Wait after a first failed try; it doubles after each further failure."
    )
    worker_retry_max_delay_seconds: float = Field(
        default=3600.0, ge=0, description="Longest wait between two tries of a handler on one event."
    )
    worker_click_settle_seconds: float = Field(
        default=2.0,
        ge=0,
        description="Age at which a click is read: longer than any click takes from its id to its commit. "
        "A counted click shows in the metrics about this long after it was made (plus up to the poll interval).",
    )
    worker_shutdown_seconds: float = Field(
        default=20.0, gt=0, description="On SIGTERM, how long the event in hand may take before it is abandoned."
    )
    metrics_token: SecretStr | None = Field(
        default=None,
        description="A bearer token that may read /metrics (for Prometheus' `authorization` setting), besides "
        "access tokens with the operator role. Unset: operator access tokens only.",
    )
    secrets_keys: SecretStr | None = Field(
        default=None,
        description="Comma-separated Fernet keys that seal integrations' webhook secrets at rest, newest first: "
        "the first seals, every one opens (add a new key first, drop the old one once nothing uses it). "
        "Unset: a key kept in data_dir, created on first use (fine for development; set it in production).",
    )
    rate_limit_integration_events: str = Field(
        default="1200/minute",
        description="Deliveries to one integration's webhook intake, signed or not; empty: unlimited.",
    )
    webhook_allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated host names outgoing webhooks may reach whatever they resolve to, over http "
        "too (development receivers such as `localhost`); every other host must resolve to public addresses only.",
    )
    webhook_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        le=60,
        description="Longest an outgoing webhook request may take before it counts as failed.",
    )
    webhook_concurrency: int = Field(
        default=200, ge=1, le=5000, description="Outgoing webhook requests one worker keeps in flight at most."
    )
    webhook_endpoint_concurrency: int = Field(
        default=10, ge=1, le=1000, description="Outgoing webhook requests in flight to one endpoint at most."
    )
    webhook_disable_after_hours: float = Field(
        default=72.0, gt=0, description="An endpoint whose every attempt failed for this long is disabled."
    )
    retention_clicks_months: int | None = Field(
        default=None,
        ge=1,
        description="Months of clicks kept, the current one included; older months are dropped (their metrics "
        "stay). Unset: every month is kept.",
    )
    retention_outbox_months: int | None = Field(
        default=None,
        ge=1,
        description="Months of relayed events kept in the outbox, the current one included. Unset: every month.",
    )
    retention_webhook_deliveries_months: int | None = Field(
        default=None,
        ge=1,
        description="Months of outgoing webhook deliveries (and their attempts) kept, the current one included. "
        "Unset: every month.",
    )
    log_level: Literal["debug", "info", "warning", "error"] = Field(default="info", description="Log level.")
    log_format: Literal["json", "console"] = Field(default="json", description="Log lines as JSON or for humans.")

    @property
    def embedded(self) -> bool:
        return self.database_url is None

    @property
    def secrets_key_list(self) -> list[str]:
        if self.secrets_keys is None:
            return []
        return [key.strip() for key in self.secrets_keys.get_secret_value().split(",") if key.strip()]

    @property
    def dev_issuer_enabled(self) -> bool:
        return self.oidc_issuer is None

    @property
    def graphql_introspection_enabled(self) -> bool:
        """What a client may learn of the schema by asking it: everything while developing; in
        production (an external issuer) nothing, unless configured, as the SDL is published anyway."""
        return self.dev_issuer_enabled if self.graphql_introspection is None else self.graphql_introspection

    @property
    def graphql_field_suggestions_enabled(self) -> bool:
        if self.graphql_field_suggestions is None:
            return self.dev_issuer_enabled
        return self.graphql_field_suggestions

    @model_validator(mode="after")
    def _worker_times_fit(self) -> Settings:
        if self.worker_lease_seconds <= self.worker_handler_timeout_seconds:
            raise ValueError(
                "RELAIS_WORKER_LEASE_SECONDS must be longer than RELAIS_WORKER_HANDLER_TIMEOUT_SECONDS: "
                "a worker begins a try only while its lease outlasts it."
            )
        if self.worker_retry_max_delay_seconds < self.worker_retry_delay_seconds:
            raise ValueError(
                "RELAIS_WORKER_RETRY_MAX_DELAY_SECONDS must be at least RELAIS_WORKER_RETRY_DELAY_SECONDS."
            )
        return self

    @field_validator("cors_origins", "cors_allow_headers", "webhook_allowed_hosts", mode="before")
    @classmethod
    def _split_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("dev_oidc_redirect_uris", mode="before")
    @classmethod
    def _split_redirect_uris(cls, value: object) -> object:
        if isinstance(value, str):
            return [uri.strip() for uri in value.split(",") if uri.strip()]
        return value
