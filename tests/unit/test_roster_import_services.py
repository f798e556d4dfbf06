"""Roster imports as use cases on the fakes: who may send and apply them, and the guard on mass terminations."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from app.domain.errors import Forbidden, NotFound
from app.domain.integrations.roster_files import FileKind
from app.domain.integrations.roster_imports import DiffCounts, ImportMode, is_mass_termination
from app.domain.integrations.roster_refusals import ImportAlreadyApplied, MassTermination
from app.domain.roster.employees import EmployeeProfile
from app.domain.roster.identity import Role
from app.services.integrations.apply_roster_import import ApplyRosterImportCommand
from app.services.integrations.preview_roster_import import PreviewRosterImportCommand
from tests.unit.world import World


def command(text: str, mode: ImportMode = ImportMode.FULL) -> PreviewRosterImportCommand:
    async def chunks() -> AsyncIterator[bytes]:
        yield text.encode()

    return PreviewRosterImportCommand(mode=mode, file_kind=FileKind.CSV, chunks=chunks())


THRESHOLDS = [(10, 100, 10, False), (11, 100, 10, True), (1, 0, 10, True), (0, 0, 10, False), (1, 10, 0, True)]


@pytest.mark.parametrize(("terminations", "active", "percent", "mass"), THRESHOLDS)
def test_more_than_the_threshold_of_active_employees_is_a_mass_termination(
    terminations: int, active: int, percent: int, mass: bool
) -> None:
    assert is_mass_termination(terminations, active, percent) is mass


async def test_an_ambassador_may_neither_send_nor_apply_a_roster_file(world: World) -> None:
    ambassador = world.staff(Role.AMBASSADOR)

    with pytest.raises(Forbidden):
        await world.services.roster_imports.preview_roster_import(ambassador, command("external_id\nE1\n"))


async def test_a_full_file_terminating_most_of_the_roster_needs_confirming_and_applies_once(world: World) -> None:
    imports = world.services.roster_imports
    integrator = world.staff(Role.INTEGRATOR)
    for number in range(3):
        profile = EmployeeProfile(
            email=f"p{number}@acme.example", given_name="P", family_name=str(number), external_id=f"E{number}"
        )
        await world.roster.create_employee(world.admin, profile)
    previewed = await imports.preview_roster_import(integrator, command("external_id\nE0\n"))
    assert previewed.counts == DiffCounts(terminate=2, unchanged=1)

    with pytest.raises(MassTermination):
        await imports.apply_roster_import(integrator, ApplyRosterImportCommand(import_id=previewed.id))
    confirmed = ApplyRosterImportCommand(import_id=previewed.id, confirm_mass_termination=True)
    applied = await imports.apply_roster_import(integrator, confirmed)
    with pytest.raises(ImportAlreadyApplied):
        await imports.apply_roster_import(integrator, confirmed)

    assert applied.status.value == "applied"
    with pytest.raises(NotFound):
        await imports.get_roster_import(world.staff(Role.ADMIN, tenant=world.globex), previewed.id)
