"""The command line starts without the API: only ``relais serve`` and ``relais openapi export`` need
its routers, schemas and GraphQL types, which take seconds to import (docs/decisions.md, "Start-up")."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e

# A fresh interpreter, as `relais` starts: which of the API's heavy modules the command line and the
# worker's composition have imported once loaded.
PROBE = """
import sys
import app.cli
from app.bootstrap import build_event_handlers, dev_issuer, resolved_database, run_worker
heavy = ("app.api.app", "app.api.graphql.schema", "app.bootstrap.api", "fastapi", "strawberry", "scim2_models")
print(",".join(name for name in heavy if name in sys.modules))
"""


def test_the_command_line_and_the_worker_start_without_importing_the_api() -> None:
    probe = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True)
    assert probe.stdout.strip() == "", f"imported at start-up: {probe.stdout.strip()}"
