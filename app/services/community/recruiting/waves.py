"""Invitation waves: staff invite a batch of employees at once through the roster's invitation rules,
and follow the batch as a cohort through its funnel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.community.recruiting import (
    MAX_WAVE_SIZE,
    CohortMember,
    Funnel,
    InvitationWave,
    WaveEmployeesRefused,
    WaveMember,
    WaveOutcome,
    check_wave_size,
    check_wave_text,
    funnel_of,
)
from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.domain.roster.ambassadors import Ambassador, MembershipStatus
from app.domain.roster.identity import PROGRAMME_STAFF, ROSTER_READERS, Principal
from app.ports.community_recruiting import ProspectFilter
from app.ports.pagination import Page, PageRequest
from app.ports.unit_of_work import UnitOfWork
from app.services.base import UseCase, check_filters


@dataclass(frozen=True, slots=True, kw_only=True)
class LaunchWaveCommand:
    """Either ``employee_ids`` or a department and/or location filter (which takes every prospect it matches)."""

    name: str
    note: str | None = None
    employee_ids: tuple[UUID, ...] | None = None
    department: str | None = None
    location: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WaveView:
    wave: InvitationWave
    funnel: Funnel

    @property
    def id(self) -> UUID:
        return self.wave.id


class LaunchWave(UseCase):
    """Admins and managers invite a list of employees, or every prospect of a department and/or location
    (at most ``MAX_WAVE_SIZE``). Each is invited as the roster invites: a new invitation, a standing one
    kept as it is (no second reminder), someone who left invited again; current members are skipped and
    reported. An unknown or terminated employee refuses the whole wave (``wave-employees-refused``),
    which then writes nothing; so does a filter matching no prospect (``wave-invites-nobody``)."""

    async def __call__(self, principal: Principal, command: LaunchWaveCommand) -> WaveView:
        principal.require_any(PROGRAMME_STAFF)
        check_wave_text(command.name, command.note)
        by_filter = command.department is not None or command.location is not None
        if (command.employee_ids is None) == (not by_filter):
            raise ValidationFailed(
                "Say whom the wave invites.",
                [FieldError(("employee_ids",), "Send either employee_ids or a department and/or location, not both.")],
            )
        check_filters(department=command.department, location=command.location)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            if command.employee_ids is not None:
                ids = list(dict.fromkeys(command.employee_ids))
                check_wave_size(len(ids), ("employee_ids",))
            else:
                criteria = ProspectFilter(department=command.department, location=command.location)
                ids = await uow.recruiting.prospect_ids(criteria, MAX_WAVE_SIZE + 1)
                loc = ("department",) if command.department is not None else ("location",)
                check_wave_size(len(ids), loc, by_filter=True)
            await _refuse_bad(uow, ids)
            members = [
                await _invite(uow, principal, employee_id, self._ids.new_id(), now) for employee_id in sorted(ids)
            ]
            wave = InvitationWave.launch(
                id=self._ids.new_id(),
                tenant_id=principal.require_tenant(),
                name=command.name,
                note=command.note,
                department=command.department,
                location=command.location,
                members=members,
                created_by=principal.subject,
                now=now,
            )
            await uow.recruiting.add_wave(wave)
            await uow.commit()
        # Nobody of a new wave has joined since its invitation yet: its funnel starts with the invited alone.
        return WaveView(wave=wave, funnel=funnel_of([CohortMember(joined_at=None)] * len(wave.invited), now))


async def _refuse_bad(uow: UnitOfWork, ids: list[UUID]) -> None:
    found = {employee.id: employee for employee in await uow.employees.get_many(ids)}
    unknown = [i for i in ids if i not in found]
    terminated = [i for i in ids if i in found and not found[i].is_active]
    if unknown or terminated:
        raise WaveEmployeesRefused(unknown, terminated)


async def _invite(uow: UnitOfWork, principal: Principal, employee_id: UUID, new_id: UUID, now: datetime) -> WaveMember:
    """The roster's invitation, employee by employee in id order (locking each as an invitation does)."""
    employee = await uow.employees.get(employee_id, for_update=True)
    if employee is None:
        raise WaveEmployeesRefused([employee_id], [])
    ambassador = await uow.ambassadors.get_by_employee(employee_id, for_update=True)
    if ambassador is None:
        ambassador = Ambassador.invite(id=new_id, employee=employee, invited_by=principal.subject, now=now)
        await uow.ambassadors.add(ambassador)
        return WaveMember(employee_id=employee_id, ambassador_id=ambassador.id, outcome=WaveOutcome.INVITED)
    if ambassador.status in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED):
        return WaveMember(employee_id=employee_id, ambassador_id=ambassador.id, outcome=WaveOutcome.SKIPPED)
    if ambassador.reinvite(invited_by=principal.subject, employee=employee, now=now):
        await uow.ambassadors.save(ambassador)
    return WaveMember(employee_id=employee_id, ambassador_id=ambassador.id, outcome=WaveOutcome.INVITED)


class GetWave(UseCase):
    """A wave with its members and its funnel as of now (staff and analysts)."""

    async def __call__(self, principal: Principal, wave_id: UUID) -> WaveView:
        principal.require_any(ROSTER_READERS | PROGRAMME_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            wave = await uow.recruiting.get_wave(wave_id)
            if wave is None:
                raise NotFound("invitation wave", wave_id)
            cohort = (await uow.recruiting.cohorts([wave_id]))[wave_id]
        return WaveView(wave=wave, funnel=funnel_of(cohort, self._clock.now()))


class ListWaves(UseCase):
    """The waves, newest first, each with its funnel: three statements a page whatever its size."""

    async def __call__(self, principal: Principal, page: PageRequest) -> Page[WaveView]:
        principal.require_any(ROSTER_READERS | PROGRAMME_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            found = await uow.recruiting.list_waves(page.newest_first())
            cohorts = await uow.recruiting.cohorts([wave.id for wave in found.items])
        now = self._clock.now()
        return found.with_items([WaveView(wave=wave, funnel=funnel_of(cohorts[wave.id], now)) for wave in found.items])
