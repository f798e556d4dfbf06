"""Apply a roster import's dry run, exactly as it was shown."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.integrations.roster_imports import RosterImport
from app.domain.roster.identity import ROSTER_WRITERS, Principal
from app.ports.integrations import RosterImportStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase


@dataclass(frozen=True, slots=True, kw_only=True)
class ApplyRosterImportCommand:
    import_id: UUID
    confirm_mass_termination: bool = False


class ApplyRosterImport(UseCase):
    """Admins and integrators of the import's organisation. The diff of the dry run is applied in one
    transaction, in a constant number of statements whatever the row count, and only if the roster is
    still as the dry run saw it (else ``roster-changed``: send the file again). Bad rows are left out,
    as the dry run said. A full import terminating more than the programme's share of active
    employees (``mass_termination_percent``, 10% unless set) needs ``confirm_mass_termination``.
    Terminated employees' memberships end (reason ``departure``). One ``roster.imported`` event
    carries the counts, and each ended membership its ``ambassador.left``."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, store: RosterImportStore) -> None:
        super().__init__(uow, clock, ids)
        self._store = store

    async def __call__(self, principal: Principal, command: ApplyRosterImportCommand) -> RosterImport:
        principal.require_any(ROSTER_WRITERS)
        now = self._clock.now()
        return await self._store.apply(
            principal.require_tenant(),
            command.import_id,
            confirm_mass_termination=command.confirm_mass_termination,
            applied_by=principal.subject,
            now=now,
            today=now.date(),
        )
