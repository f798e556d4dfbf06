"""The rewards catalogue in memory, refusing what the PostgreSQL tables' keys and checks refuse."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from uuid import UUID

from app.domain.rewards.catalogue import Reward, RewardKind, RewardStatus
from app.domain.rewards.donations import Association, AssociationStatus, Donation, DonationTotal
from app.domain.rewards.kudos import Kudos
from app.domain.rewards.redemptions import Redemption
from app.ports.pagination import Page, PageRequest
from app.ports.rewards_catalogue import RedemptionFilter, RewardFilter
from tests.fake_pages import keyset_page
from tests.fake_storage import IntegrityViolationError, _Repository


def _copy(row: Any) -> Any:
    return replace(row, pending_events=[])


class _Owned(_Repository):
    def _require_ambassador(self, ambassador_id: UUID) -> None:
        if self._tx.ambassadors.get((self._tenant_id, ambassador_id)) is None:
            raise IntegrityViolationError(f"No ambassador {ambassador_id}.")

    def _require_entry(self, entry_id: UUID | None) -> None:
        if entry_id is not None and self._tx.points_entries.get((self._tenant_id, entry_id)) is None:
            raise IntegrityViolationError(f"No ledger entry {entry_id}.")


class FakeRewardRepository(_Owned):
    def _check(self, reward: Reward) -> None:
        self._require_own(reward.tenant_id)
        self._require_tenant_row(reward.tenant_id)
        fields = reward.fields
        if fields.cost <= 0 or (fields.stock is not None and fields.stock < 0):
            raise IntegrityViolationError("A reward costs points and its stock is never below zero.")
        if (fields.kind is RewardKind.DONATION) != (fields.association_id is not None):
            raise IntegrityViolationError("A donation, and only a donation, names its association.")
        if fields.association_id and self._tx.associations.get((reward.tenant_id, fields.association_id)) is None:
            raise IntegrityViolationError(f"No association {fields.association_id}.")

    async def add(self, reward: Reward) -> None:
        self._check(reward)
        if self._tx.catalogue_rewards.get((reward.tenant_id, reward.id)) is not None:
            raise IntegrityViolationError(f"Reward {reward.id} already exists.")
        self._tx.catalogue_rewards.put((reward.tenant_id, reward.id), _copy(reward))
        self._tracker.track(reward)

    async def save(self, reward: Reward) -> None:
        self._check(reward)
        self._tx.catalogue_rewards.put((reward.tenant_id, reward.id), _copy(reward))
        self._tracker.track(reward)

    async def get(self, reward_id: UUID, *, for_update: bool = False) -> Reward | None:
        found = self._tx.catalogue_rewards.get((self._tenant_id, reward_id))
        return _copy(found) if found is not None else None

    async def list(self, criteria: RewardFilter, page: PageRequest) -> Page[Reward]:
        rows = [r for r in self._tx.catalogue_rewards.rows() if r.tenant_id == self._tenant_id]
        if criteria.status is not None:
            rows = [r for r in rows if r.status is criteria.status]
        if criteria.available_at is not None:
            at = criteria.available_at
            rows = [r for r in rows if r.status is RewardStatus.ACTIVE and r.available_at(at)]
        return keyset_page([_copy(r) for r in rows], page)

    async def take_unit(self, reward_id: UUID) -> bool:
        reward = self._tx.catalogue_rewards.get((self._tenant_id, reward_id))
        if reward is None:
            return False
        if reward.fields.stock is None:
            return True
        if reward.fields.stock <= 0:
            return False
        self._tx.catalogue_rewards.put(
            (self._tenant_id, reward_id), replace(reward, fields=replace(reward.fields, stock=reward.fields.stock - 1))
        )
        return True

    async def return_unit(self, reward_id: UUID) -> None:
        reward = self._tx.catalogue_rewards.get((self._tenant_id, reward_id))
        if reward is not None and reward.fields.stock is not None:
            self._tx.catalogue_rewards.put(
                (self._tenant_id, reward_id),
                replace(reward, fields=replace(reward.fields, stock=reward.fields.stock + 1)),
            )


class FakeRedemptionRepository(_Owned):
    def _check(self, redemption: Redemption) -> None:
        self._require_own(redemption.tenant_id)
        self._require_ambassador(redemption.ambassador_id)
        if self._tx.catalogue_rewards.get((redemption.tenant_id, redemption.reward_id)) is None:
            raise IntegrityViolationError(f"No reward {redemption.reward_id}.")
        self._require_entry(redemption.spend_entry_id)
        self._require_entry(redemption.refund_entry_id)
        if redemption.refunded != (redemption.refund_entry_id is not None):
            raise IntegrityViolationError("A rejected or cancelled redemption, and only one, names its refund.")

    async def add(self, redemption: Redemption) -> None:
        self._check(redemption)
        self._tx.redemptions.put((redemption.tenant_id, redemption.id), _copy(redemption))
        self._tracker.track(redemption)

    async def save(self, redemption: Redemption) -> None:
        self._check(redemption)
        self._tx.redemptions.put((redemption.tenant_id, redemption.id), _copy(redemption))
        self._tracker.track(redemption)

    async def get(self, redemption_id: UUID, *, for_update: bool = False) -> Redemption | None:
        found = self._tx.redemptions.get((self._tenant_id, redemption_id))
        return _copy(found) if found is not None else None

    def _rows(self) -> list[Redemption]:
        return [r for r in self._tx.redemptions.rows() if r.tenant_id == self._tenant_id]

    async def list(self, criteria: RedemptionFilter, page: PageRequest) -> Page[Redemption]:
        rows = [
            _copy(r)
            for r in self._rows()
            if (criteria.status is None or r.status is criteria.status)
            and (criteria.ambassador_id is None or r.ambassador_id == criteria.ambassador_id)
            and (criteria.reward_id is None or r.reward_id == criteria.reward_id)
        ]
        return keyset_page(rows, page)

    async def held(self, ambassador_id: UUID, reward_id: UUID) -> int:
        return sum(
            1 for r in self._rows() if r.ambassador_id == ambassador_id and r.reward_id == reward_id and r.status.holds
        )


class FakeAssociationRepository(_Owned):
    async def add(self, association: Association) -> None:
        self._require_own(association.tenant_id)
        self._require_tenant_row(association.tenant_id)
        self._tx.associations.put((association.tenant_id, association.id), _copy(association))
        self._tracker.track(association)

    async def save(self, association: Association) -> None:
        self._require_own(association.tenant_id)
        self._tx.associations.put((association.tenant_id, association.id), _copy(association))
        self._tracker.track(association)

    async def get(self, association_id: UUID, *, for_update: bool = False) -> Association | None:
        found = self._tx.associations.get((self._tenant_id, association_id))
        return _copy(found) if found is not None else None

    async def list(self, status: AssociationStatus | None, page: PageRequest) -> Page[Association]:
        rows = [
            _copy(a)
            for a in self._tx.associations.rows()
            if a.tenant_id == self._tenant_id and (status is None or a.status is status)
        ]
        return keyset_page(rows, page)


class FakeDonationRepository(_Owned):
    async def add(self, donation: Donation) -> None:
        self._require_own(donation.tenant_id)
        self._require_ambassador(donation.ambassador_id)
        self._require_entry(donation.entry_id)
        if self._tx.associations.get((donation.tenant_id, donation.association_id)) is None:
            raise IntegrityViolationError(f"No association {donation.association_id}.")
        self._tx.donations.put((donation.tenant_id, donation.id), _copy(donation))
        self._tracker.track(donation)

    def _rows(self) -> list[Donation]:
        return [d for d in self._tx.donations.rows() if d.tenant_id == self._tenant_id]

    async def totals(self) -> list[DonationTotal]:
        by_association: dict[UUID, list[Donation]] = {}
        for donation in self._rows():
            by_association.setdefault(donation.association_id, []).append(donation)
        return [
            DonationTotal(
                association_id=association_id,
                points=sum(d.points for d in given),
                donations=len(given),
                donors=len({d.ambassador_id for d in given}),
            )
            for association_id, given in sorted(by_association.items())
        ]

    async def list(self, ambassador_id: UUID | None, page: PageRequest) -> Page[Donation]:
        rows = [_copy(d) for d in self._rows() if ambassador_id is None or d.ambassador_id == ambassador_id]
        return keyset_page(rows, page)


class FakeKudosRepository(_Owned):
    async def add(self, kudos: Kudos) -> None:
        self._require_own(kudos.tenant_id)
        self._require_ambassador(kudos.ambassador_id)
        self._tx.kudos.put((kudos.tenant_id, kudos.id), _copy(kudos))
        self._tracker.track(kudos)

    async def list(self, ambassador_id: UUID, page: PageRequest) -> Page[Kudos]:
        rows = [
            _copy(k)
            for k in self._tx.kudos.rows()
            if k.tenant_id == self._tenant_id and k.ambassador_id == ambassador_id
        ]
        return keyset_page(rows, page)
