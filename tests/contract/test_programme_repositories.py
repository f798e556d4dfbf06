"""The settings and charter repositories keep the same promises on the fakes and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.adapters.postgres.errors import error_for_constraint
from app.adapters.postgres.metadata import metadata
from app.domain.errors import DomainError, DuplicateValue, Forbidden, PreconditionFailed
from app.domain.programme.charter import CharterStatus, CharterVersion
from app.domain.programme.settings import ProgrammeSettings
from app.domain.roster.tenants import Tenant
from app.ports.pagination import PageRequest
from app.ports.roster import AmbassadorFilter
from tests.contract.conftest import Backend, StoredEvent
from tests.contract.helpers import LATER, NOW, add_tenant, assert_constraint_error, enrol, hire

RULES = {
    "networks": ["linkedin", "x"],
    "link_domains": [{"domain": "bücher.example", "include_subdomains": True}],
    "disclosures": {"linkedin": "#employee", "x": "#emp"},
    "sensitive_terms": ["salaire"],
    "banned_terms": ["confidentiel", "très secret"],
    "weekly_content_budget": 3,
    "four_eyes_review": True,
    "default_language": "fr",
    "utm_medium": "ambassadors",
}


async def save(backend: Backend, tenant: Tenant, settings: ProgrammeSettings) -> None:
    async with backend.uow(tenant.id) as uow:
        await uow.settings.save(settings)
        await uow.commit()


async def read(backend: Backend, tenant: Tenant) -> ProgrammeSettings:
    async with backend.uow(tenant.id) as uow:
        return await uow.settings.get()


def version_of(backend: Backend, tenant: Tenant, number: int, title: str = "Charte") -> CharterVersion:
    return CharterVersion.publish(
        id=backend.ids.new_id(),
        tenant_id=tenant.id,
        previous=number - 1 or None,
        title=title,
        body="# Règles\n\n- Soyez honnête.\n",
        summary="Première version." if number == 1 else None,
        published_by="admin|1",
        now=NOW,
    )


async def publish(backend: Backend, tenant: Tenant, number: int, title: str = "Charte") -> CharterVersion:
    version = version_of(backend, tenant, number, title)
    async with backend.uow(tenant.id) as uow:
        await uow.charter.add(version)
        await uow.commit()
    return version


# --- settings -------------------------------------------------------------------------------


async def test_settings_never_saved_read_as_the_defaults(backend: Backend) -> None:
    tenant = await add_tenant(backend)

    assert await read(backend, tenant) == ProgrammeSettings.defaults()


async def test_settings_round_trip_preserves_every_field(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    settings = ProgrammeSettings.defaults().apply(RULES).saved(NOW)

    await save(backend, tenant, settings)

    assert await read(backend, tenant) == settings
    later = settings.apply({"weekly_content_budget": 5}).saved(LATER)
    await save(backend, tenant, later)
    assert await read(backend, tenant) == later


async def test_a_save_that_does_not_follow_the_stored_version_is_refused(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    first = ProgrammeSettings.defaults().saved(NOW)
    await save(backend, tenant, first)

    for stale in (first, replace(first.saved(LATER), version=3)):
        with pytest.raises(PreconditionFailed):
            await save(backend, tenant, stale)

    assert await read(backend, tenant) == first


async def test_settings_are_saved_per_tenant_and_rolled_back_unless_committed(backend: Backend) -> None:
    acme = await add_tenant(backend, "acme")
    globex = await add_tenant(backend, "globex")
    await save(backend, acme, ProgrammeSettings.defaults().apply(RULES).saved(NOW))

    async with backend.uow(globex.id) as uow:
        await uow.settings.save(ProgrammeSettings.defaults().apply({"weekly_content_budget": 9}).saved(NOW))

    assert await read(backend, globex) == ProgrammeSettings.defaults()
    assert (await read(backend, acme)).weekly_content_budget == 3


# --- charter --------------------------------------------------------------------------------


async def test_charter_versions_round_trip_and_the_highest_number_is_current(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    async with backend.uow(tenant.id) as uow:
        assert await uow.charter.current() is None
        assert await uow.charter.current_number() is None

    first = await publish(backend, tenant, 1)
    second = await publish(backend, tenant, 2, "Charte révisée")

    async with backend.uow(tenant.id) as uow:
        assert await uow.charter.current() == second
        assert await uow.charter.current_number() == 2
        page = await uow.charter.list(PageRequest(limit=1))
        rest = await uow.charter.list(PageRequest(after=page.next_after, limit=5))
    assert (list(page.items), list(rest.items), rest.next_after) == ([first], [second], None)
    published = [event for event in await backend.outbox() if event.type == "charter.published"]
    assert published == [
        StoredEvent(tenant.id, "charter.published", {"id": str(v.id), "number": v.number, "title": v.title})
        for v in (first, second)
    ]


async def test_a_number_published_twice_is_a_duplicate(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    await publish(backend, tenant, 1)

    async with backend.uow(tenant.id) as uow:
        with pytest.raises(DuplicateValue) as raised:
            await uow.charter.add(version_of(backend, tenant, 1, "Same number"))

    assert_constraint_error(raised.value, "uq_charter_versions_tenant_id_number")


async def test_each_tenant_sees_only_its_charter(backend: Backend) -> None:
    acme = await add_tenant(backend, "acme")
    globex = await add_tenant(backend, "globex")
    await publish(backend, acme, 1)
    await publish(backend, acme, 2)
    theirs = await publish(backend, globex, 1, "Globex")

    async with backend.uow(globex.id) as uow:
        assert await uow.charter.current() == theirs
        assert [v.id for v in (await uow.charter.list(PageRequest())).items] == [theirs.id]


async def test_the_accepted_version_is_kept_on_the_membership(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ambassador = await enrol(backend, tenant, await hire(backend, tenant))
    ambassador.accept_charter(1, current=1, now=LATER)

    async with backend.uow(tenant.id) as uow:
        await uow.ambassadors.save(ambassador)
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        stored = await uow.ambassadors.get(ambassador.id)
    assert stored is not None
    assert (stored.charter_version, stored.charter_accepted_at, stored.version) == (1, LATER, ambassador.version)


@pytest.mark.parametrize(
    ("published", "needing", "accepted"),
    [(0, [], ["ada", "bob", "cy"]), (1, ["bob", "cy"], ["ada"]), (2, ["ada", "cy"], ["bob"])],
)
async def test_members_are_filtered_by_their_charter_status(
    backend: Backend, published: int, needing: list[str], accepted: list[str]
) -> None:
    tenant = await add_tenant(backend)
    other = await add_tenant(backend, "globex")
    members = {
        name: await enrol(backend, tenant, await hire(backend, tenant, name.title())) for name in ("ada", "bob", "cy")
    }
    await enrol(backend, other, await hire(backend, other, "Outsider"))
    for number in range(1, published + 1):
        await publish(backend, tenant, number)
    if published:
        members["ada"].accept_charter(1, current=1, now=NOW)
        members["bob"].accept_charter(published, current=published, now=NOW)
        async with backend.uow(tenant.id) as uow:
            for name in ("ada", "bob") if published == 2 else ("ada",):
                await uow.ambassadors.save(members[name])
            await uow.commit()

    async def names(status: CharterStatus) -> list[str]:
        async with backend.uow(tenant.id) as uow:
            page = await uow.ambassadors.list(AmbassadorFilter(charter_status=status), PageRequest())
        by_id = {member.id: name for name, member in members.items()}
        return [by_id[a.id] for a in page.items]

    assert await names(CharterStatus.NEEDS_ACCEPTANCE) == needing
    assert await names(CharterStatus.ACCEPTED) == accepted


async def test_settings_for_a_tenant_that_does_not_exist_are_refused(backend: Backend) -> None:
    ghost = Tenant.create(id=backend.ids.new_id(), slug="ghost", name="Ghost", now=NOW)
    changed = ProgrammeSettings.defaults().apply({"four_eyes_review": True}).saved(NOW)
    with pytest.raises(DomainError) as refused:
        await save(backend, ghost, changed)
    assert_constraint_error(refused.value, "fk_programme_settings_tenant_id_tenants")


async def test_a_charter_version_for_a_tenant_that_does_not_exist_is_refused(backend: Backend) -> None:
    ghost = Tenant.create(id=backend.ids.new_id(), slug="ghost", name="Ghost", now=NOW)
    with pytest.raises(DomainError) as refused:
        await publish(backend, ghost, 1)
    assert_constraint_error(refused.value, "fk_charter_versions_tenant_id_tenants")


def test_every_key_to_a_tenant_stands_for_the_tenant_that_does_not_exist() -> None:
    """A table added tomorrow with its key to ``tenants`` is covered without another entry."""
    keys = [
        key.name
        for table in metadata.tables.values()
        for key in table.foreign_key_constraints
        if key.referred_table.name == "tenants"
    ]
    assert len(keys) >= 7
    for name in keys:
        assert isinstance(name, str)
        error = error_for_constraint(name)
        assert isinstance(error, Forbidden), name
        assert "does not exist here" in error.detail
