"""Ports of recruiting: the prospects (employees not yet members), invitation waves with their
cohorts' facts, and referrals. One repository of the unit of work, its reads hand-written SQL of a
fixed number of statements whatever the size of a page or a cohort."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from app.domain.community.recruiting import CohortMember, InvitationWave, Prospect, ProspectStanding, Referral
from app.ports.pagination import Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class ProspectFilter:
    """Exact department and location (as the roster spells them, without regard to case); a standing."""

    department: str | None = None
    location: str | None = None
    standing: ProspectStanding | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Facet:
    value: str | None
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ProspectFacets:
    """How many prospects match the filter, by department and by location (None: not given)."""

    total: int
    departments: tuple[Facet, ...]
    locations: tuple[Facet, ...]


class RecruitingRepository(Protocol):
    async def prospects(self, criteria: ProspectFilter, page: PageRequest) -> Page[Prospect]:
        """Active employees who are not active or paused members, in id order: one statement."""
        ...

    async def prospect_facets(self, criteria: ProspectFilter) -> ProspectFacets:
        """The counts of the prospects ``criteria`` matches: one statement."""
        ...

    async def prospect_ids(self, criteria: ProspectFilter, limit: int) -> list[UUID]:
        """The ids of at most ``limit`` prospects ``criteria`` matches, in id order."""
        ...

    async def add_wave(self, wave: InvitationWave) -> None: ...

    async def get_wave(self, wave_id: UUID) -> InvitationWave | None: ...

    async def list_waves(self, page: PageRequest) -> Page[InvitationWave]:
        """Newest first when ``page`` says so; members are not loaded (``members`` is empty)."""
        ...

    async def cohorts(self, wave_ids: Sequence[UUID]) -> Mapping[UUID, list[CohortMember]]:
        """The facts of each invited member of these waves: one statement for them all."""
        ...

    async def add_referral(self, referral: Referral) -> None: ...

    async def save_referral(self, referral: Referral) -> None: ...

    async def find_referral(self, referrer_id: UUID, employee_id: UUID) -> Referral | None: ...

    async def referrals_made_since(self, referrer_id: UUID, since: datetime) -> int: ...

    async def referrals_of_colleague(self, employee_id: UUID, *, for_update: bool = False) -> list[Referral]: ...

    async def referrals_by(self, referrer_id: UUID, page: PageRequest) -> Page[Referral]: ...
