"""Readiness of what the service depends on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Readiness:
    database: bool
    schema_current: bool
    detail: str = ""

    @property
    def ready(self) -> bool:
        return self.database and self.schema_current


class ReadinessProbe(Protocol):
    async def check(self) -> Readiness: ...
