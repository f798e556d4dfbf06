"""The composition root: the only package that knows every concrete adapter. ``databases`` finds and
checks the database, ``keys`` reads the keys and settings every process needs first, ``api`` builds
the API process, ``worker`` the event worker.

Each name is imported from its module when it is first asked for, not when the package is: the API
takes seconds to import (its routers, schemas and GraphQL types), and ``relais worker`` and the
command line's other commands never need it."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.bootstrap.api import (
        Overrides,
        build_app,
        build_services,
        dev_sign_in,
        external_verifier,
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

# Where each name is looked for, the lightest module first: a name of ``api`` alone imports the API.
_MODULES = ("databases", "keys", "worker", "api")


def __getattr__(name: str) -> Any:
    if name in __all__:
        for module in _MODULES:
            found = importlib.import_module(f"{__name__}.{module}")
            if name in vars(found):
                return vars(found)[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
