"""Process-wide logging: structlog renders every line, ours and the standard library's, as JSON or for humans.

Called once by the entry points (``relais serve`` and the other commands) before anything logs.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from typing import Any, Literal, TextIO

import structlog
from structlog.typing import Processor

LogFormat = Literal["json", "console"]

HANDLER_NAME = "relais"
REDACTED = "[redacted]"
# Keys whose values must never reach a log line, whoever passes them (structlog keywords or stdlib extras).
SECRET_KEYS = frozenset(
    {"authorization", "cookie", "set-cookie", "password", "secret", "client_secret", "access_token", "refresh_token"}
)
# Loggers the server may have given handlers of its own; they propagate to ours instead.
ROUTED_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access")


def redact_secrets(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key in [key for key in event_dict if key.lower() in SECRET_KEYS]:
        event_dict[key] = REDACTED
    return event_dict


def drop_formatting_leftovers(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    # Not extras but formatting by-products: uvicorn's message with terminal colour codes, and the
    # attributes another handler's formatter may have set on the record first. The event says it all.
    for key in ("color_message", "message", "asctime"):
        event_dict.pop(key, None)
    return event_dict


def configure_logging(level: str = "info", fmt: LogFormat = "json", *, stream: TextIO | None = None) -> None:
    """Route structlog and standard-library loggers through one handler on ``stream`` (stderr by default).

    Every line carries the timestamp (UTC), level, logger name and whatever is bound in the context,
    such as the ``request_id`` of the request being served. Calling it again replaces the previous set-up.
    """
    out = stream if stream is not None else sys.stderr
    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
    ]
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *shared,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.UnicodeDecoder(),
            redact_secrets,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    _install(_handler(out, fmt, shared), level)
    _route_server_loggers()


def _handler(out: TextIO, fmt: LogFormat, shared: list[Processor]) -> logging.Handler:
    """The one handler every line goes through, rendering as ``fmt``."""
    # Lines from standard-library loggers (the server's, the libraries'), whose extras become keys.
    foreign: list[Processor] = [*shared, structlog.stdlib.ExtraAdder(), drop_formatting_leftovers, redact_secrets]
    renderer: list[Processor]
    if fmt == "json":
        # A plain traceback string: structured tracebacks would print local variables, tokens included.
        renderer = [structlog.processors.format_exc_info, structlog.processors.JSONRenderer()]
    else:
        renderer = [structlog.dev.ConsoleRenderer(colors=out.isatty())]
    handler = logging.StreamHandler(out)
    handler.set_name(HANDLER_NAME)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=foreign,
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *renderer],
        )
    )
    return handler


def _install(handler: logging.Handler, level: str) -> None:
    root = logging.getLogger()
    # Other handlers (a test runner's capture, say) stay; only a previous set-up of ours is replaced.
    for previous in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:
        root.removeHandler(previous)
    root.addHandler(handler)
    root.setLevel(level.upper())


def _route_server_loggers() -> None:
    for name in ROUTED_LOGGERS:
        routed = logging.getLogger(name)
        routed.handlers.clear()
        routed.propagate = True
        routed.setLevel(logging.NOTSET)
    # The API writes its own access line (route template, request id, no query string); the server's would repeat it.
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
