"""Read the invitation waves as cohorts: each wave's funnel and its conversions, newest first."""

from __future__ import annotations

from app.domain.community.recruiting import funnel_of
from app.domain.metrics.cohorts import Cohort, conversions_of
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.metrics.read_checks import METRIC_READERS


class ReadCohorts(UseCase):
    """The waves, newest first, each with its funnel as the wave resource computes it (the recruiting
    repository's reads) and the conversion between stages: three statements a page whatever its size.
    Waves are the programme's: a manager limited to their department still reads every wave."""

    async def __call__(self, principal: Principal, page: PageRequest) -> Page[Cohort]:
        principal.require_any(METRIC_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            found = await uow.recruiting.list_waves(page.newest_first())
            members = await uow.recruiting.cohorts([wave.id for wave in found.items])
        now = self._clock.now()
        cohorts = []
        for wave in found.items:
            funnel = funnel_of(members[wave.id], now)
            cohorts.append(
                Cohort(
                    wave_id=wave.id,
                    name=wave.name,
                    launched_at=wave.created_at,
                    funnel=funnel,
                    conversions=conversions_of(funnel),
                )
            )
        return found.with_items(cohorts)
