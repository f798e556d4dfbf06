"""The ``relais`` command: serve, run the worker, migrate, mint development tokens, manage tenants.

Each module registers its commands on the group ``main`` when imported."""

from app.cli import admin, events, serving
from app.cli.base import main

__all__ = ["admin", "events", "main", "serving"]
