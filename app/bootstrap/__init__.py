"""The composition root: the only package that knows every concrete adapter. ``databases`` finds and
checks the database, ``keys`` reads the keys and settings every process needs first, ``worker``
builds the event worker, and ``api`` the API process.

The API is not imported here: it takes seconds to import (its routers, schemas and GraphQL types),
and ``relais worker`` and the command line's other commands never need it. Import its names from
``app.bootstrap.api``."""

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
from app.bootstrap.keys import RateLimitSettingError, dev_issuer, integration_ports
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
    "RateLimitSettingError",
    "SchemaBehind",
    "build_event_handlers",
    "core_ports",
    "database",
    "delivery_limits",
    "dev_issuer",
    "hot_path_ports",
    "integration_ports",
    "operator_events",
    "require_current_schema",
    "resolved_database",
    "retry_policy",
    "run_worker",
]
