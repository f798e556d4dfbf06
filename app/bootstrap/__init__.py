"""The composition root: the only package that knows every concrete adapter. ``databases`` finds and
checks the database, ``api`` builds the API process, ``worker`` the event worker."""

from app.bootstrap.api import (
    Overrides,
    RateLimitSettingError,
    build_app,
    build_services,
    dev_issuer,
    dev_sign_in,
    external_verifier,
    integration_ports,
    rate_limit_budgets,
    served_services,
)
from app.bootstrap.databases import (
    HotPathPorts,
    NoEmbeddedDatabase,
    SchemaBehind,
    core_ports,
    database,
    hot_path_ports,
    require_current_schema,
    resolved_database,
)
from app.bootstrap.worker import (
    ExtraHandlers,
    build_event_handlers,
    delivery_limits,
    operator_events,
    retry_policy,
    run_worker,
)

__all__ = [
    "ExtraHandlers",
    "HotPathPorts",
    "NoEmbeddedDatabase",
    "Overrides",
    "RateLimitSettingError",
    "SchemaBehind",
    "build_app",
    "build_event_handlers",
    "build_services",
    "core_ports",
    "database",
    "delivery_limits",
    "dev_issuer",
    "dev_sign_in",
    "external_verifier",
    "hot_path_ports",
    "integration_ports",
    "operator_events",
    "rate_limit_budgets",
    "require_current_schema",
    "resolved_database",
    "retry_policy",
    "run_worker",
    "served_services",
]
