"""Staff pause or resume a membership and keep notes on it."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.roster.ambassadors import Ambassador, MembershipStatus
from app.domain.roster.identity import PROGRAMME_STAFF, Principal
from app.services.base import UseCase


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateAmbassadorCommand:
    ambassador_id: UUID
    status: MembershipStatus | None = None
    notes: str | None = None
    notes_given: bool = False
    expected_version: int | None = None


class UpdateAmbassador(UseCase):
    """Admins and managers only. Status may go active -> paused and paused -> active;
    joining and leaving stay the employee's own acts (opt-in, opt-out) or follow a departure."""

    async def __call__(self, principal: Principal, command: UpdateAmbassadorCommand) -> Ambassador:
        principal.require_any(PROGRAMME_STAFF)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            ambassador = await uow.ambassadors.get(command.ambassador_id, for_update=True)
            if ambassador is None:
                raise NotFound("ambassador", command.ambassador_id)
            ambassador.require_version(command.expected_version)
            if command.status is not None:
                ambassador.change_status(command.status, now)
            if command.notes_given:
                ambassador.set_notes(command.notes, now)
            await uow.ambassadors.save(ambassador)
            await uow.commit()
        return ambassador
