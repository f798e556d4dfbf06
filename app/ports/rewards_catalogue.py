"""Ports of rewards' catalogue: rewards, redemptions, associations, donations and kudos."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from app.domain.rewards.catalogue import Reward, RewardStatus
from app.domain.rewards.donations import Association, AssociationStatus, Donation, DonationTotal
from app.domain.rewards.kudos import Kudos
from app.domain.rewards.redemptions import Redemption, RedemptionStatus
from app.ports.pagination import Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class RewardFilter:
    """``available_at`` keeps the active rewards offered at that instant (their window holding it)."""

    status: RewardStatus | None = None
    available_at: datetime | None = None


class RewardRepository(Protocol):
    async def add(self, reward: Reward) -> None: ...
    async def save(self, reward: Reward) -> None: ...
    async def get(self, reward_id: UUID, *, for_update: bool = False) -> Reward | None: ...
    async def list(self, criteria: RewardFilter, page: PageRequest) -> Page[Reward]: ...

    async def take_unit(self, reward_id: UUID) -> bool:
        """Take one unit of the reward's stock in one conditional update; False, with nothing written, when
        none is left. A reward without stock is unlimited (True). Concurrent takes never oversell."""
        ...

    async def return_unit(self, reward_id: UUID) -> None:
        """Put back a unit taken (a refunded redemption); nothing for a reward without stock."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class RedemptionFilter:
    status: RedemptionStatus | None = None
    ambassador_id: UUID | None = None
    reward_id: UUID | None = None


class RedemptionRepository(Protocol):
    async def add(self, redemption: Redemption) -> None: ...
    async def save(self, redemption: Redemption) -> None: ...
    async def get(self, redemption_id: UUID, *, for_update: bool = False) -> Redemption | None: ...
    async def list(self, criteria: RedemptionFilter, page: PageRequest) -> Page[Redemption]: ...

    async def held(self, ambassador_id: UUID, reward_id: UUID) -> int:
        """How many of the ambassador's redemptions of the reward are neither rejected nor cancelled."""
        ...


class AssociationRepository(Protocol):
    async def add(self, association: Association) -> None: ...
    async def save(self, association: Association) -> None: ...
    async def get(self, association_id: UUID, *, for_update: bool = False) -> Association | None: ...
    async def list(self, status: AssociationStatus | None, page: PageRequest) -> Page[Association]: ...


class DonationRepository(Protocol):
    async def add(self, donation: Donation) -> None: ...

    async def totals(self) -> list[DonationTotal]:
        """What each association received, in one grouped read (associations without a donation aside)."""
        ...

    async def list(self, ambassador_id: UUID | None, page: PageRequest) -> Page[Donation]: ...


class KudosRepository(Protocol):
    async def add(self, kudos: Kudos) -> None: ...
    async def list(self, ambassador_id: UUID, page: PageRequest) -> Page[Kudos]:
        """An ambassador's kudos, newest first (``page.sort`` ``-id``) or oldest first (``id``)."""
        ...
