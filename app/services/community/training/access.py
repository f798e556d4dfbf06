"""Who may do what with training modules, and loading them for a use case."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from app.domain.community.training import TrainingModule
from app.domain.errors import NotAnAmbassador, NotFound
from app.domain.messages import Message
from app.domain.roster.ambassadors import Ambassador, MembershipStatus
from app.domain.roster.identity import PROGRAMME_STAFF, Principal, Role
from app.ports.unit_of_work import UnitOfWork
from app.services.roster.linking import require_membership

# Staff (admin, manager) write modules and follow completions; ambassadors follow the published ones.
TRAINING_STAFF = PROGRAMME_STAFF
LEARNERS = frozenset({Role.AMBASSADOR})
TRAINING_READERS = TRAINING_STAFF | LEARNERS


def is_staff(principal: Principal) -> bool:
    return bool(principal.roles & TRAINING_STAFF)


async def learner(uow: UnitOfWork, principal: Principal, now: datetime) -> Ambassador:
    """The caller's membership, locked so one ambassador's steps run one after the other; active only."""
    member = await require_membership(uow, principal, now, for_update=True)
    if member.status is not MembershipStatus.ACTIVE:
        raise NotAnAmbassador(
            Message(
                "Your membership is {status}: only active ambassadors follow training; ask a programme manager.",
                status=member.status.value,
            )
        )
    return member


async def module_for_change(uow: UnitOfWork, module_id: UUID, expected_version: int | None) -> TrainingModule:
    module = await uow.training_modules.get(module_id, for_update=True)
    if module is None:
        raise NotFound("training module", module_id)
    module.require_version(expected_version)
    return module
