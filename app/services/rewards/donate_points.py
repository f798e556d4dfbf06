"""Ambassadors turn points into donations to an association the programme lists; totals per association."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.rewards.donations import Donation, DonationTotal, require_donated_points
from app.domain.rewards.ledger import EntryKind, PointEntry
from app.domain.rewards.refusals import InsufficientPoints
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.rewards.catalogue_access import AMBASSADORS, CATALOGUE_READERS, active_member
from app.services.roster.linking import find_caller

DONATION_RULE = "donation"


@dataclass(frozen=True, slots=True, kw_only=True)
class DonateCommand:
    association_id: UUID
    points: int


class DonatePoints(UseCase):
    """Active ambassadors: ``points`` (1 or more) leave their balance by a ledger entry of kind ``donation``
    and count for the association. Refused, with nothing written, when the association is archived
    (``association-not-available``) or the balance holds fewer points (``insufficient-points``)."""

    async def __call__(self, principal: Principal, command: DonateCommand) -> Donation:
        principal.require_any(AMBASSADORS)
        require_donated_points(command.points)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            member = await active_member(uow, principal, now)
            association = await uow.associations.get(command.association_id)
            if association is None:
                raise NotFound("association", command.association_id)
            association.require_active()
            entry = PointEntry(
                id=self._ids.new_id(),
                tenant_id=association.tenant_id,
                ambassador_id=member.id,
                points=-command.points,
                kind=EntryKind.DONATION,
                rule=DONATION_RULE,
                reason="Donation to an association",
                actor=principal.subject,
                occurred_at=now,
                recorded_at=now,
            )
            if not await uow.points.spend(member.id, command.points, entry):
                raise InsufficientPoints((await uow.points.balance(member.id)).balance, command.points)
            donation = Donation(
                id=self._ids.new_id(),
                tenant_id=association.tenant_id,
                association_id=association.id,
                ambassador_id=member.id,
                points=command.points,
                entry_id=entry.id,
                created_at=now,
            )
            donation.announce()
            await uow.donations.add(donation)
            await uow.commit()
        return donation


class ListMyDonations(UseCase):
    """An ambassador's own donations, oldest first; none before they join."""

    async def __call__(self, principal: Principal, page: PageRequest) -> Page[Donation]:
        principal.require_any(AMBASSADORS)
        async with self._uow(principal.require_tenant()) as uow:
            caller = await find_caller(uow, principal, self._clock.now())
            if caller is None or caller.ambassador is None:
                return Page(items=[], next_after=None)
            return await uow.donations.list(caller.ambassador.id, page)


class GetDonationTotals(UseCase):
    """Staff and ambassadors: what the programme gave each association (points, donations, donors)."""

    async def __call__(self, principal: Principal) -> list[DonationTotal]:
        principal.require_any(CATALOGUE_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.donations.totals()
