"""What every use case is built from."""

from __future__ import annotations

from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory


class UseCase:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids
