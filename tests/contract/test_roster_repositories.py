"""The roster's repositories on both backends: what is stored reads back the same, and lookups find it."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.networks import Network
from app.domain.roster.ambassadors import Ambassador, MembershipStatus, Preferences
from app.domain.roster.employees import EmployeeStatus
from tests.contract.conftest import Backend
from tests.contract.helpers import LATER, NOW, add_employees, add_tenant, connect, enrol, hire, new_employee

# --- round trips ----------------------------------------------------------------------------


async def test_tenant_is_found_by_id_and_by_slug(backend: Backend) -> None:
    tenant = await add_tenant(backend, "acme")
    async with backend.uow(None) as uow:
        assert await uow.tenants.get(tenant.id) == tenant
        assert await uow.tenants.get_by_slug("acme") == tenant
        assert await uow.tenants.get_by_slug("globex") is None


async def test_employee_round_trip_preserves_every_field(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    manager = await hire(backend, tenant, "Grace")
    employee = new_employee(
        backend,
        tenant,
        "Ada",
        email="Ada.Lovelace@ACME.example",
        family_name="Lovelace",
        external_id="HR-0042",
        department="R&D",
        location="London",
        language="en-gb",
        manager_id=manager.id,
        idp_subject="idp|ada",
        hired_on=date(2019, 9, 1),
    )
    await add_employees(backend, tenant, employee)

    async with backend.uow(tenant.id) as uow:
        loaded = await uow.employees.get(employee.id)
    assert loaded == employee
    assert loaded is not None
    assert loaded.profile.email == "Ada.Lovelace@acme.example"
    assert loaded.profile.language == "en-GB"
    assert loaded.created_at == NOW


async def test_saved_employee_changes_are_read_back(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    employee = await hire(backend, tenant, "Ada", hired_on=date(2020, 1, 6))
    async with backend.uow(tenant.id) as uow:
        loaded = await uow.employees.get(employee.id, for_update=True)
        assert loaded is not None
        loaded.update({"department": "Marketing", "location": None, "language": "fr"}, NOW + timedelta(hours=1))
        loaded.link_identity("idp|ada", NOW + timedelta(hours=2))
        loaded.terminate(on=date(2026, 3, 31), now=LATER)
        await uow.employees.save(loaded)
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        reread = await uow.employees.get(employee.id)
    assert reread == loaded
    assert reread is not None
    assert reread.status is EmployeeStatus.TERMINATED
    assert reread.terminated_on == date(2026, 3, 31)
    assert reread.version == 4
    assert (reread.created_at, reread.updated_at) == (NOW, LATER)


async def test_ambassador_round_trip_preserves_preferences_and_dates(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    employee = await hire(backend, tenant)
    ambassador = Ambassador.invite(id=backend.ids.new_id(), employee=employee, invited_by="manager|1", now=NOW)
    ambassador.opt_in(employee=employee, now=LATER)
    ambassador.set_notes("Speaks at meet-ups", LATER)
    ambassador.set_preferences(
        Preferences.parse(
            languages=["fr", "en-gb"], topics=["Careers", "R&D"], max_shares_per_week=3, leaderboard_visible=True
        ),
        LATER,
    )
    async with backend.uow(tenant.id) as uow:
        await uow.ambassadors.add(ambassador)
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        by_id = await uow.ambassadors.get(ambassador.id)
        by_employee = await uow.ambassadors.get_by_employee(employee.id)
    assert by_id == ambassador
    assert by_employee == ambassador
    assert by_id is not None
    assert by_id.preferences == Preferences(
        languages=("fr", "en-GB"), topics=("careers", "r&d"), max_shares_per_week=3, leaderboard_visible=True
    )
    assert (by_id.invited_at, by_id.consented_at, by_id.left_at) == (NOW, LATER, None)


async def test_default_preferences_survive_a_round_trip(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ambassador = await enrol(backend, tenant, await hire(backend, tenant))
    async with backend.uow(tenant.id) as uow:
        loaded = await uow.ambassadors.get(ambassador.id)
    assert loaded is not None
    assert loaded.preferences == Preferences()


async def test_saved_membership_changes_are_read_back(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ambassador = await enrol(backend, tenant, await hire(backend, tenant))
    async with backend.uow(tenant.id) as uow:
        loaded = await uow.ambassadors.get(ambassador.id, for_update=True)
        assert loaded is not None
        loaded.change_status(MembershipStatus.PAUSED, NOW + timedelta(hours=1))
        loaded.set_preferences(Preferences(topics=("hiring",), max_shares_per_week=0), NOW + timedelta(hours=2))
        loaded.opt_out(now=LATER)
        await uow.ambassadors.save(loaded)
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        reread = await uow.ambassadors.get(ambassador.id)
    assert reread == loaded
    assert reread is not None
    assert (reread.status, reread.left_at, reread.version) == (MembershipStatus.LEFT, LATER, 4)
    assert reread.preferences.max_shares_per_week == 0


async def test_social_accounts_are_listed_per_ambassador_and_removed(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await enrol(backend, tenant, await hire(backend, tenant, "Ada"))
    grace = await enrol(backend, tenant, await hire(backend, tenant, "Grace"))
    linkedin = await connect(backend, ada, "in/ada")
    x = await connect(backend, ada, "@ada", Network.X)
    await connect(backend, grace, "in/grace")

    async with backend.uow(tenant.id) as uow:
        assert await uow.social_accounts.get(x.id) == x
        assert await uow.social_accounts.list_for(ada.id) == [linkedin, x]
        await uow.social_accounts.remove(linkedin.id)
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        assert await uow.social_accounts.get(linkedin.id) is None
        assert await uow.social_accounts.list_for(ada.id) == [x]
        assert [a.handle for a in await uow.social_accounts.list_for(grace.id)] == ["in/grace"]


async def test_removing_an_unknown_social_account_changes_nothing(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await enrol(backend, tenant, await hire(backend, tenant))
    account = await connect(backend, ada, "in/ada")
    async with backend.uow(tenant.id) as uow:
        await uow.social_accounts.remove(backend.ids.new_id())
        await uow.commit()
    async with backend.uow(tenant.id) as uow:
        assert await uow.social_accounts.list_for(ada.id) == [account]


# --- lookups --------------------------------------------------------------------------------


async def test_employee_is_found_by_subject_and_by_email_in_any_case(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await hire(backend, tenant, "Ada", email="Ada.Lovelace@acme.example", idp_subject="idp|ada")
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.find_by_subject("idp|ada") == ada
        assert await uow.employees.find_by_subject("idp|someone-else") is None
        assert await uow.employees.find_by_email("ada.lovelace@ACME.EXAMPLE") == ada
        assert await uow.employees.find_by_email("ada@acme.example") is None


async def test_get_many_returns_the_existing_requested_rows_only(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada, grace, alan = [await hire(backend, tenant, name) for name in ("Ada", "Grace", "Alan")]
    ada_member = await enrol(backend, tenant, ada)
    alan_member = await enrol(backend, tenant, alan)
    unknown = backend.ids.new_id()
    async with backend.uow(tenant.id) as uow:
        employees = await uow.employees.get_many([alan.id, ada.id, unknown])
        members = await uow.ambassadors.get_many([alan_member.id, unknown])
        by_employee = await uow.ambassadors.get_many_by_employee([ada.id, grace.id])
        assert await uow.employees.get_many([]) == []
        assert await uow.ambassadors.get_many_by_employee([]) == []
    assert sorted(employees, key=lambda e: e.id) == [ada, alan]
    assert members == [alan_member]
    assert by_employee == [ada_member]
