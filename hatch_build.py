"""Wheel build hook: an installed Relais carries its Alembic migrations inside the package.

A built wheel (the container image installs one) gets ``alembic/`` as ``app/alembic/``, where
``app/adapters/postgres/migrations.py`` looks first, so ``relais db upgrade`` works wherever
Relais is installed. An editable install (``make install``) gets no copy: it reads
``alembic/`` in the source tree, where new revisions are written.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class MigrationsInsideThePackage(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "standard":
            build_data["force_include"]["alembic"] = "app/alembic"
