"""``relais worker`` with one more handler, for the end-to-end tests: the production composition root
and loop, plus ``Echo``, whose one change per ``employee.created`` is an event it records.

Run as ``python -m tests.e2e.echo_worker`` with the usual RELAIS_* variables and:
ECHO_CALLS_FILE   a file each call appends its event id to (calls, not changes: a second delivery shows);
ECHO_STALL_AT     the call (1 for the first) that stops inside its transaction, after writing
ECHO_STALL_FILE   so that the test knows to kill the process there, mid-batch and mid-transaction.
"""

from __future__ import annotations

import asyncio
import os
from enum import StrEnum
from pathlib import Path
from typing import cast

from app.bootstrap import run_worker
from app.domain.events import DomainEvent, EventType, RecordedEvent
from app.logging_config import configure_logging
from app.ports.unit_of_work import UnitOfWork
from app.services.events.handlers import OncePerEvent
from app.settings import Settings


class EchoEvent(StrEnum):
    ECHOED = "test.echoed"


# Not in the catalogue: an event only this test records (the outbox reads its ``value``, as of any type).
ECHOED = cast(EventType, EchoEvent.ECHOED)


class Echo(OncePerEvent):
    name = "echo"
    event_types = frozenset({EventType.EMPLOYEE_CREATED.value})
    calls = 0

    async def __call__(self, event: RecordedEvent) -> None:
        Echo.calls += 1
        _append(os.environ["ECHO_CALLS_FILE"], f"{event.id}\n")
        await super().__call__(event)

    async def apply(self, uow: UnitOfWork, event: RecordedEvent) -> None:
        data = {"echo_of": str(event.id)}
        await uow.outbox.append(
            [DomainEvent(type=ECHOED, tenant_id=event.tenant_id, occurred_at=event.occurred_at, data=data)]
        )
        if str(Echo.calls) == os.environ.get("ECHO_STALL_AT"):
            _append(os.environ["ECHO_STALL_FILE"], str(event.id))
            await asyncio.sleep(3600)


def _append(path: str, text: str) -> None:
    with Path(path).open("a") as file:
        file.write(text)


if __name__ == "__main__":
    settings = Settings()
    configure_logging(settings.log_level, settings.log_format)
    asyncio.run(run_worker(settings, lambda uow, clock, ids: [Echo(uow, clock, ids)]))
