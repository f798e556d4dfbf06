"""One contract, two implementations: what the in-memory fakes promise, PostgreSQL keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from app.adapters.postgres.errors import CONSTRAINT_ERRORS
from app.domain.errors import DomainError
from app.domain.networks import Network
from app.domain.roster.ambassadors import Ambassador, MembershipStatus, Preferences, SocialAccount
from app.domain.roster.employees import Employee, EmployeeProfile, EmployeeStatus
from app.domain.roster.tenants import Tenant
from app.ports.pagination import PageRequest
from app.ports.roster import AmbassadorFilter, EmployeeFilter
from tests.contract.conftest import Backend, StoredEvent

NOW = datetime(2026, 3, 2, 9, 15, 30, 123456, tzinfo=UTC)
LATER = NOW + timedelta(days=3, microseconds=654321)


async def add_tenant(backend: Backend, slug: str = "acme") -> Tenant:
    tenant = Tenant.create(id=backend.ids.new_id(), slug=slug, name=slug.title(), now=NOW)
    async with backend.uow(tenant.id) as uow:
        await uow.tenants.add(tenant)
        await uow.commit()
    return tenant


def new_employee(backend: Backend, tenant: Tenant, given_name: str = "Ada", **profile: Any) -> Employee:
    fields: dict[str, Any] = {
        "email": f"{given_name.lower()}@{tenant.slug}.example",
        "given_name": given_name,
        "family_name": "Doe",
    } | profile
    return Employee.hire(id=backend.ids.new_id(), tenant_id=tenant.id, profile=EmployeeProfile(**fields), now=NOW)


async def add_employees(backend: Backend, tenant: Tenant, *employees: Employee) -> None:
    async with backend.uow(tenant.id) as uow:
        for employee in employees:
            await uow.employees.add(employee)
        await uow.commit()


async def hire(backend: Backend, tenant: Tenant, given_name: str = "Ada", **profile: Any) -> Employee:
    employee = new_employee(backend, tenant, given_name, **profile)
    await add_employees(backend, tenant, employee)
    return employee


async def enrol(backend: Backend, tenant: Tenant, employee: Employee) -> Ambassador:
    ambassador = Ambassador.volunteer(id=backend.ids.new_id(), employee=employee, now=NOW)
    async with backend.uow(tenant.id) as uow:
        await uow.ambassadors.add(ambassador)
        await uow.commit()
    return ambassador


async def connect(
    backend: Backend, ambassador: Ambassador, handle: str, network: Network = Network.LINKEDIN
) -> SocialAccount:
    account = SocialAccount.connect(
        id=backend.ids.new_id(),
        tenant_id=ambassador.tenant_id,
        ambassador_id=ambassador.id,
        network=network,
        handle=handle,
        audience_size=1200,
        now=NOW,
    )
    async with backend.uow(ambassador.tenant_id) as uow:
        await uow.social_accounts.add(account)
        await uow.commit()
    return account


def assert_constraint_error(error: DomainError, constraint: str) -> None:
    """The fake raises exactly what the adapter translates the named constraint into."""
    expected = CONSTRAINT_ERRORS[constraint]()
    assert type(error) is type(expected)
    assert error.detail == expected.detail
    assert getattr(error, "field", None) == getattr(expected, "field", None)


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


# --- lists ----------------------------------------------------------------------------------


async def _roster(backend: Backend, tenant: Tenant) -> dict[str, Employee]:
    people = {
        "ada": new_employee(backend, tenant, "Ada", family_name="Lovelace", department="R&D", location="London"),
        "grace": new_employee(backend, tenant, "Grace", family_name="Hopper", department="R&D", location="New York"),
        "alan": new_employee(backend, tenant, "Alan", family_name="Turing", department="Sales", location="London"),
        "kathy": new_employee(
            backend,
            tenant,
            "Katherine",
            family_name="Johnson",
            email="Kathy.J@acme.example",
            department="Sales",
            location="Hampton",
        ),
        "mary": new_employee(backend, tenant, "Mary", family_name="Jackson", email="mary_jackson@acme.example"),
    }
    people["alan"].terminate(on=date(2026, 1, 31), now=NOW)
    await add_employees(backend, tenant, *people.values())
    return people


async def _employee_names(backend: Backend, tenant: Tenant, **criteria: Any) -> list[str]:
    async with backend.uow(tenant.id) as uow:
        page = await uow.employees.list(EmployeeFilter(**criteria), PageRequest(limit=100))
    return [employee.profile.given_name for employee in page.items]


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({}, ["Ada", "Grace", "Alan", "Katherine", "Mary"]),
        ({"department": "R&D"}, ["Ada", "Grace"]),
        ({"department": "r&d"}, []),
        ({"location": "London"}, ["Ada", "Alan"]),
        ({"status": EmployeeStatus.TERMINATED}, ["Alan"]),
        ({"status": EmployeeStatus.ACTIVE, "location": "London"}, ["Ada"]),
        ({"query": "LOVE"}, ["Ada"]),
        ({"query": "ace ho"}, ["Grace"]),
        ({"query": "kathy.j@"}, ["Katherine"]),
        ({"query": "ACME.EXAMPLE"}, ["Ada", "Grace", "Alan", "Katherine", "Mary"]),
        ({"query": "_"}, ["Mary"]),
        ({"query": "%"}, []),
        ({"query": ""}, ["Ada", "Grace", "Alan", "Katherine", "Mary"]),
        ({"query": "an", "department": "Sales"}, ["Alan"]),
    ],
)
async def test_employee_list_filters(backend: Backend, criteria: dict[str, Any], expected: list[str]) -> None:
    tenant = await add_tenant(backend)
    await _roster(backend, tenant)
    assert await _employee_names(backend, tenant, **criteria) == expected


async def test_employee_list_is_paged_by_id_with_a_key_to_the_next_page(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    people = await _roster(backend, tenant)
    seen: list[list[UUID]] = []
    after: UUID | None = None
    async with backend.uow(tenant.id) as uow:
        while True:
            page = await uow.employees.list(EmployeeFilter(), PageRequest(after=after, limit=2))
            seen.append([employee.id for employee in page.items])
            if page.next_after is None:
                break
            assert page.next_after == page.items[-1].id
            after = page.next_after
    ids = [employee.id for employee in people.values()]
    assert seen == [ids[0:2], ids[2:4], ids[4:5]]


async def test_last_full_page_has_no_next_key(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    people = await _roster(backend, tenant)
    async with backend.uow(tenant.id) as uow:
        page = await uow.employees.list(EmployeeFilter(), PageRequest(limit=5))
        filtered = await uow.employees.list(EmployeeFilter(department="Sales"), PageRequest(limit=1))
        rest = await uow.employees.list(
            EmployeeFilter(department="Sales"), PageRequest(after=filtered.next_after, limit=1)
        )
    assert len(page.items) == 5
    assert page.next_after is None
    assert [e.id for e in filtered.items] == [people["alan"].id]
    assert filtered.next_after == people["alan"].id
    assert [e.id for e in rest.items] == [people["kathy"].id]
    assert rest.next_after is None


async def test_ambassador_list_filters_by_status_and_by_the_employee_s_department_and_location(
    backend: Backend,
) -> None:
    tenant = await add_tenant(backend)
    people = await _roster(backend, tenant)
    ada = await enrol(backend, tenant, people["ada"])
    grace = await enrol(backend, tenant, people["grace"])
    kathy = await enrol(backend, tenant, people["kathy"])
    async with backend.uow(tenant.id) as uow:
        loaded = await uow.ambassadors.get(grace.id)
        assert loaded is not None
        loaded.change_status(MembershipStatus.PAUSED, LATER)
        await uow.ambassadors.save(loaded)
        await uow.commit()

    async def listed(**criteria: Any) -> list[UUID]:
        async with backend.uow(tenant.id) as uow:
            page = await uow.ambassadors.list(AmbassadorFilter(**criteria), PageRequest())
        return [ambassador.id for ambassador in page.items]

    assert await listed() == [ada.id, grace.id, kathy.id]
    assert await listed(status=MembershipStatus.ACTIVE) == [ada.id, kathy.id]
    assert await listed(department="R&D") == [ada.id, grace.id]
    assert await listed(department="R&D", status=MembershipStatus.PAUSED) == [grace.id]
    assert await listed(location="London") == [ada.id]
    assert await listed(department="Sales", location="Hampton") == [kathy.id]
    assert await listed(department="Finance") == []


async def test_ambassador_list_is_paged_by_id(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    people = await _roster(backend, tenant)
    members = [await enrol(backend, tenant, people[name]) for name in ("ada", "grace", "kathy")]
    async with backend.uow(tenant.id) as uow:
        first = await uow.ambassadors.list(AmbassadorFilter(department="R&D"), PageRequest(limit=1))
        second = await uow.ambassadors.list(
            AmbassadorFilter(department="R&D"), PageRequest(after=first.next_after, limit=1)
        )
        everyone = await uow.ambassadors.list(AmbassadorFilter(), PageRequest(after=members[0].id, limit=5))
    assert ([a.id for a in first.items], first.next_after) == ([members[0].id], members[0].id)
    assert ([a.id for a in second.items], second.next_after) == ([members[1].id], None)
    assert [a.id for a in everyone.items] == [members[1].id, members[2].id]


# --- duplicates -----------------------------------------------------------------------------


async def test_tenant_slug_is_unique(backend: Backend) -> None:
    await add_tenant(backend, "acme")
    with pytest.raises(DomainError) as raised:
        await add_tenant(backend, "acme")
    assert_constraint_error(raised.value, "uq_tenants_slug")


async def test_employee_email_is_unique_per_tenant_whatever_its_case(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    await hire(backend, tenant, "Ada", email="ada@acme.example")
    with pytest.raises(DomainError) as raised:
        await hire(backend, tenant, "Other", email="ADA@acme.example")
    assert_constraint_error(raised.value, "uq_employees_tenant_id_email")


async def test_employee_cannot_take_another_s_email_on_save(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    await hire(backend, tenant, "Ada")
    grace = await hire(backend, tenant, "Grace")
    async with backend.uow(tenant.id) as uow:
        grace.update({"email": "Ada@acme.example"}, LATER)
        with pytest.raises(DomainError) as raised:
            await uow.employees.save(grace)
    assert_constraint_error(raised.value, "uq_employees_tenant_id_email")
    async with backend.uow(tenant.id) as uow:
        stored = await uow.employees.get(grace.id)
    assert stored is not None
    assert stored.profile.email == "grace@acme.example"


async def test_employee_keeps_its_own_email_in_another_case(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await hire(backend, tenant, "Ada", email="ada@acme.example")
    async with backend.uow(tenant.id) as uow:
        ada.update({"email": "ADA@acme.example"}, LATER)
        await uow.employees.save(ada)
        await uow.commit()
    async with backend.uow(tenant.id) as uow:
        stored = await uow.employees.get(ada.id)
    assert stored is not None
    assert stored.profile.email == "ADA@acme.example"


async def test_external_id_is_unique_per_tenant(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    await hire(backend, tenant, "Ada", external_id="HR-1")
    await hire(backend, tenant, "Grace")
    await hire(backend, tenant, "Alan")  # any number of employees may have no external_id
    with pytest.raises(DomainError) as raised:
        await hire(backend, tenant, "Mary", external_id="HR-1")
    assert_constraint_error(raised.value, "uq_employees_tenant_id_external_id")


async def test_idp_subject_is_unique_per_tenant(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    await hire(backend, tenant, "Ada", idp_subject="idp|1")
    grace = await hire(backend, tenant, "Grace")
    async with backend.uow(tenant.id) as uow:
        grace.link_identity("idp|1", LATER)
        with pytest.raises(DomainError) as raised:
            await uow.employees.save(grace)
    assert_constraint_error(raised.value, "uq_employees_tenant_id_idp_subject")


async def test_the_same_person_may_be_on_two_tenants_rosters(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    profile = {"email": "ada@example.com", "external_id": "HR-1", "idp_subject": "idp|ada"}
    at_acme = await hire(backend, acme, "Ada", **profile)
    at_globex = await hire(backend, globex, "Ada", **profile)
    async with backend.uow(globex.id) as uow:
        assert await uow.employees.find_by_email("ada@example.com") == at_globex
    async with backend.uow(acme.id) as uow:
        assert await uow.employees.find_by_subject("idp|ada") == at_acme


async def test_unknown_manager_is_refused(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    with pytest.raises(DomainError) as raised:
        await hire(backend, tenant, "Ada", manager_id=backend.ids.new_id())
    assert_constraint_error(raised.value, "fk_employees_tenant_id_manager_id_employees")


async def test_unknown_manager_is_refused_on_save(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await hire(backend, tenant, "Ada")
    async with backend.uow(tenant.id) as uow:
        ada.update({"manager_id": backend.ids.new_id()}, LATER)
        with pytest.raises(DomainError) as raised:
            await uow.employees.save(ada)
    assert_constraint_error(raised.value, "fk_employees_tenant_id_manager_id_employees")


async def test_manager_from_another_tenant_is_refused(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    boss = await hire(backend, globex, "Boss")
    with pytest.raises(DomainError) as raised:
        await hire(backend, acme, "Ada", manager_id=boss.id)
    assert_constraint_error(raised.value, "fk_employees_tenant_id_manager_id_employees")


async def test_an_employee_has_one_membership_only(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    employee = await hire(backend, tenant)
    await enrol(backend, tenant, employee)
    with pytest.raises(DomainError) as raised:
        await enrol(backend, tenant, employee)
    assert_constraint_error(raised.value, "uq_ambassadors_tenant_id_employee_id")


async def test_social_handle_is_unique_per_ambassador_and_network_whatever_its_case(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await enrol(backend, tenant, await hire(backend, tenant, "Ada"))
    grace = await enrol(backend, tenant, await hire(backend, tenant, "Grace"))
    await connect(backend, ada, "in/Ada")
    await connect(backend, ada, "in/Ada", Network.XING)
    await connect(backend, grace, "in/Ada")
    with pytest.raises(DomainError) as raised:
        await connect(backend, ada, "IN/ada")
    assert_constraint_error(raised.value, "uq_social_accounts_tenant_id_ambassador_id_network_handle")


# --- transactions and the outbox ------------------------------------------------------------


async def test_uncommitted_unit_of_work_leaves_neither_rows_nor_events(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    before = await backend.outbox()
    employee = new_employee(backend, tenant)
    async with backend.uow(tenant.id) as uow:
        await uow.employees.add(employee)
        assert await uow.employees.get(employee.id) == employee  # the unit of work reads its own writes
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.get(employee.id) is None
    assert await backend.outbox() == before


async def test_failing_use_case_rolls_back_everything_it_wrote(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    before = await backend.outbox()
    employee = new_employee(backend, tenant)
    ambassador = Ambassador.volunteer(id=backend.ids.new_id(), employee=employee, now=NOW)

    async def failing_use_case() -> None:
        async with backend.uow(tenant.id) as uow:
            await uow.employees.add(employee)
            await uow.ambassadors.add(ambassador)
            await uow.outbox.append(employee.drain_events())
            raise LookupError("something went wrong before the commit")

    with pytest.raises(LookupError):
        await failing_use_case()
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.get(employee.id) is None
        assert await uow.ambassadors.get(ambassador.id) is None
    assert await backend.outbox() == before


async def test_changes_after_a_commit_need_another_commit(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada, grace = new_employee(backend, tenant, "Ada"), new_employee(backend, tenant, "Grace")
    async with backend.uow(tenant.id) as uow:
        await uow.employees.add(ada)
        await uow.commit()
        await uow.employees.add(grace)
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.get(ada.id) == ada
        assert await uow.employees.get(grace.id) is None
    assert [event.type for event in await backend.outbox()] == ["tenant.created", "employee.created"]


async def test_saved_change_is_invisible_to_others_until_committed(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await hire(backend, tenant, "Ada")
    async with backend.uow(tenant.id) as writer:
        loaded = await writer.employees.get(ada.id)
        assert loaded is not None
        loaded.update({"department": "Sales"}, LATER)
        await writer.employees.save(loaded)
        async with backend.uow(tenant.id) as reader:
            unchanged = await reader.employees.get(ada.id)
        assert unchanged is not None
        assert unchanged.profile.department is None
        await writer.commit()
    async with backend.uow(tenant.id) as reader:
        changed = await reader.employees.get(ada.id)
    assert changed is not None
    assert changed.profile.department == "Sales"


async def test_changing_a_loaded_aggregate_without_saving_it_changes_nothing(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await hire(backend, tenant, "Ada")
    async with backend.uow(tenant.id) as uow:
        loaded = await uow.employees.get(ada.id)
        assert loaded is not None
        loaded.update({"department": "Sales"}, LATER)
        await uow.commit()
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.get(ada.id) == ada
    assert [event.type for event in await backend.outbox()] == ["tenant.created", "employee.created"]


async def test_refused_write_leaves_the_unit_of_work_usable(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    await hire(backend, tenant, "Ada")
    duplicate = new_employee(backend, tenant, "Ada")
    grace = new_employee(backend, tenant, "Grace")
    async with backend.uow(tenant.id) as uow:
        with pytest.raises(DomainError):
            await uow.employees.add(duplicate)
        await uow.employees.add(grace)
        await uow.commit()
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.get(grace.id) == grace
        assert await uow.employees.get(duplicate.id) is None
    events = await backend.outbox()
    assert [event.type for event in events] == ["tenant.created", "employee.created", "employee.created"]
    assert events[-1].data["id"] == str(grace.id)


async def test_commit_records_the_events_of_added_and_saved_aggregates(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    ada = new_employee(backend, acme, "Ada", department="R&D")
    async with backend.uow(acme.id) as uow:
        await uow.employees.add(ada)
        membership = Ambassador.invite(id=backend.ids.new_id(), employee=ada, invited_by="manager|1", now=NOW)
        await uow.ambassadors.add(membership)
        membership.opt_in(employee=ada, now=LATER)  # recorded after the write, still before the commit
        await uow.ambassadors.save(membership)
        await uow.commit()

    events = await backend.outbox()
    assert [(event.tenant_id, event.type) for event in events] == [
        (acme.id, "tenant.created"),
        (globex.id, "tenant.created"),
        (acme.id, "employee.created"),
        (acme.id, "ambassador.invited"),
        (acme.id, "ambassador.joined"),
    ]
    assert events[0].data == {"slug": "acme"}
    assert events[2].data == {
        "id": str(ada.id),
        "external_id": None,
        "email": "ada@acme.example",
        "department": "R&D",
        "location": None,
        "status": "active",
    }
    assert events[4].data == {
        "id": str(membership.id),
        "employee_id": str(ada.id),
        "status": "active",
        "invited": True,
    }


async def test_events_are_recorded_once_however_often_the_unit_of_work_commits(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = new_employee(backend, tenant)
    async with backend.uow(tenant.id) as uow:
        await uow.employees.add(ada)
        await uow.commit()
        ada.terminate(on=date(2026, 3, 31), now=LATER)
        await uow.employees.save(ada)
        await uow.commit()
        await uow.commit()
    events = await backend.outbox()
    assert [event.type for event in events] == ["tenant.created", "employee.created", "employee.terminated"]
    assert events[-1] == StoredEvent(
        tenant.id, "employee.terminated", {"id": str(ada.id), "terminated_on": "2026-03-31"}
    )


# --- tenant isolation -----------------------------------------------------------------------


async def test_a_tenant_never_sees_another_tenant_s_rows(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    ours = await hire(backend, acme, "Ada", email="ada@example.com", department="R&D")
    theirs = await hire(backend, globex, "Ada", email="ada@example.com", department="R&D", idp_subject="idp|g")
    our_member = await enrol(backend, acme, ours)
    their_member = await enrol(backend, globex, theirs)
    their_account = await connect(backend, their_member, "in/ada")

    async with backend.uow(acme.id) as uow:
        assert await uow.employees.get(theirs.id) is None
        assert await uow.employees.get(theirs.id, for_update=True) is None
        assert await uow.employees.get_many([ours.id, theirs.id]) == [ours]
        assert await uow.employees.find_by_email("ada@example.com") == ours
        assert await uow.employees.find_by_subject("idp|g") is None
        everyone = await uow.employees.list(EmployeeFilter(query="ada"), PageRequest())
        assert everyone.items == [ours]
        assert await uow.ambassadors.get(their_member.id) is None
        assert await uow.ambassadors.get_by_employee(theirs.id) is None
        assert await uow.ambassadors.get_many([our_member.id, their_member.id]) == [our_member]
        assert await uow.ambassadors.get_many_by_employee([ours.id, theirs.id]) == [our_member]
        members = await uow.ambassadors.list(AmbassadorFilter(department="R&D"), PageRequest())
        assert members.items == [our_member]
        assert await uow.social_accounts.get(their_account.id) is None
        assert await uow.social_accounts.list_for(their_member.id) == []
        await uow.social_accounts.remove(their_account.id)
        await uow.commit()

    async with backend.uow(globex.id) as uow:
        assert await uow.social_accounts.list_for(their_member.id) == [their_account]


async def test_a_unit_of_work_cannot_write_another_tenant_s_rows(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    theirs = await hire(backend, globex, "Grace")
    stranger = new_employee(backend, globex, "Alan")
    async with backend.uow(acme.id) as uow:
        with pytest.raises(RuntimeError):
            await uow.employees.add(stranger)
        theirs.update({"department": "Sales"}, LATER)
        with pytest.raises(RuntimeError):
            await uow.employees.save(theirs)
        with pytest.raises(RuntimeError):
            await uow.ambassadors.add(Ambassador.volunteer(id=backend.ids.new_id(), employee=theirs, now=NOW))
        await uow.commit()
    async with backend.uow(globex.id) as uow:
        stored = await uow.employees.get(theirs.id)
        assert stored is not None
        assert stored.profile.department is None
        assert await uow.employees.get(stranger.id) is None
    assert [event.tenant_id for event in await backend.outbox()][2:] == [globex.id]


async def test_tenant_owned_rows_need_a_unit_of_work_opened_for_a_tenant(backend: Backend) -> None:
    await add_tenant(backend)
    async with backend.uow(None) as uow:
        with pytest.raises(RuntimeError):
            await uow.employees.find_by_email("ada@acme.example")
        with pytest.raises(RuntimeError):
            await uow.ambassadors.list(AmbassadorFilter(), PageRequest())


async def test_search_and_email_lookup_ignore_case_beyond_ascii(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    elodie = await hire(backend, tenant, "Élodie", family_name="Çelik", email="Élodie@acme.example")
    async with backend.uow(tenant.id) as uow:
        assert await uow.employees.find_by_email("élodie@ACME.example") == elodie
        by_name = await uow.employees.list(EmployeeFilter(query="élodie çelik"), PageRequest())
    assert by_name.items == [elodie]
    with pytest.raises(DomainError) as raised:
        await hire(backend, tenant, "Other", email="élodie@acme.example")
    assert_constraint_error(raised.value, "uq_employees_tenant_id_email")
