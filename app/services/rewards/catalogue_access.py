"""Who may do what with the catalogue, redemptions, associations and kudos, and loading them for a use case."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from app.domain.errors import NotAnAmbassador, NotFound
from app.domain.messages import Message
from app.domain.rewards.catalogue import Reward
from app.domain.rewards.donations import Association
from app.domain.rewards.redemptions import Redemption
from app.domain.roster.ambassadors import Ambassador, MembershipStatus
from app.domain.roster.identity import PROGRAMME_STAFF, ROSTER_READERS, Principal, Role
from app.ports.unit_of_work import UnitOfWork
from app.services.roster.linking import require_membership

# Staff keep the catalogue, decide on redemptions, list associations and send kudos.
CATALOGUE_STAFF = PROGRAMME_STAFF
AMBASSADORS = frozenset({Role.AMBASSADOR})
CATALOGUE_READERS = CATALOGUE_STAFF | AMBASSADORS
# Kudos are public recognition: whoever reads the programme's people reads them.
KUDOS_READERS = ROSTER_READERS | AMBASSADORS


def is_staff(principal: Principal) -> bool:
    return bool(principal.roles & CATALOGUE_STAFF)


async def active_member(uow: UnitOfWork, principal: Principal, now: datetime) -> Ambassador:
    """The caller's membership, locked until the transaction ends (so one ambassador's redemptions and
    donations run one after the other); refused unless it is active."""
    member = await require_membership(uow, principal, now, for_update=True)
    if member.status is not MembershipStatus.ACTIVE:
        raise NotAnAmbassador(
            Message(
                "Your membership is {status}: only active ambassadors spend points; ask a programme manager.",
                status=member.status.value,
            )
        )
    return member


async def reward_for_change(uow: UnitOfWork, reward_id: UUID, expected_version: int | None) -> Reward:
    reward = await uow.catalogue.get(reward_id, for_update=True)
    if reward is None:
        raise NotFound("reward", reward_id)
    reward.require_version(expected_version)
    return reward


async def association_for_change(uow: UnitOfWork, association_id: UUID, expected_version: int | None) -> Association:
    association = await uow.associations.get(association_id, for_update=True)
    if association is None:
        raise NotFound("association", association_id)
    association.require_version(expected_version)
    return association


async def redemption_for_change(uow: UnitOfWork, redemption_id: UUID, expected_version: int | None) -> Redemption:
    redemption = await uow.redemptions.get(redemption_id, for_update=True)
    if redemption is None:
        raise NotFound("redemption", redemption_id)
    redemption.require_version(expected_version)
    return redemption
