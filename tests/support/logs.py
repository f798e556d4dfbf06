"""Capture what the application logs, rendered exactly as in production, then restore the previous set-up."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import structlog

from app.logging_config import LogFormat, configure_logging


class CapturedLogs:
    def __init__(self) -> None:
        self.stream = io.StringIO()

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    def records(self) -> list[dict[str, Any]]:
        """Every line, parsed: fails the test if one is not a JSON object."""
        parsed = [json.loads(line) for line in self.text.splitlines()]
        assert all(isinstance(record, dict) for record in parsed)
        return parsed


@contextmanager
def captured_logs(level: str = "info", fmt: LogFormat = "json") -> Iterator[CapturedLogs]:
    root = logging.getLogger()
    saved_level, saved_handlers = root.level, list(root.handlers)
    saved_config = structlog.get_config()
    captured = CapturedLogs()
    configure_logging(level, fmt, stream=captured.stream)
    try:
        yield captured
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        structlog.configure(**saved_config)
