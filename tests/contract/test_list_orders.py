"""The orders lists offer, on the fakes and on PostgreSQL: the same rows in the same order, page after
page, in each direction, whatever the page size, and never another tenant's."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest

from app.domain.networks import Network
from app.domain.roster.employees import Employee, EmployeeProfile
from app.domain.roster.tenants import Tenant
from app.ports.content import ContentFilter, ContentSort
from app.ports.pagination import Page, PageRequest
from app.ports.roster import EmployeeFilter, EmployeeSort
from app.ports.sharing import ShareFilter, ShareSort
from tests.contract.conftest import Backend
from tests.contract.helpers import NOW, add_employees, add_tenant
from tests.contract.test_content_repositories import new_content, store
from tests.contract.test_share_repositories import add, new_share, world, world_in

Lister = Callable[[PageRequest], Awaitable[Page[Any]]]
DAY = timedelta(days=1)


async def every_page(lister: Lister, sort: str, limit: int) -> list[UUID]:
    """Follow the next page's position from the first page to the last."""
    seen: list[UUID] = []
    page = await lister(PageRequest(limit=limit, sort=sort))
    seen += [item.id for item in page.items]
    while page.next_after is not None:
        assert len(page.items) == limit
        page = await lister(PageRequest(after=page.next_after, after_key=page.next_key, limit=limit, sort=sort))
        seen += [item.id for item in page.items]
    return seen


async def assert_order(lister: Lister, sort: str, expected: list[UUID]) -> None:
    for limit in (1, 2, 3, len(expected), 100):
        assert await every_page(lister, sort, limit) == expected, f"sort={sort} limit={limit}"
    reverse = sort[1:] if sort.startswith("-") else f"-{sort}"
    assert await every_page(lister, reverse, 2) == expected[::-1]


def person(backend: Backend, tenant: Tenant, given: str, family: str, days: int) -> Employee:
    profile = EmployeeProfile(
        email=f"{given}.{family}.{days}@{tenant.slug}.example".lower(), given_name=given, family_name=family
    )
    return Employee.hire(id=backend.ids.new_id(), tenant_id=tenant.id, profile=profile, now=NOW + days * DAY)


@pytest.fixture
async def roster(backend: Backend) -> tuple[Tenant, dict[str, Employee]]:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    people = {
        "ada-lovelace": person(backend, acme, "Ada", "Lovelace", 3),
        "grace-hopper": person(backend, acme, "Grace", "hopper", -2),
        "alan-turing": person(backend, acme, "Alan", "Turing", 1),
        "anita-borg": person(backend, acme, "Anita", "Borg", 3),
        "ada-byron": person(backend, acme, "Ada", "Byron", 0),
        "augusta-lovelace": person(backend, acme, "augusta", "LOVELACE", -1),
        "barbara-liskov": person(backend, acme, "Barbara", "Liskov", 2),
    }
    await add_employees(backend, acme, *people.values())
    await add_employees(backend, globex, person(backend, globex, "Aaron", "Aardvark", -9))
    return acme, people


def employee_lister(backend: Backend, tenant: Tenant) -> Lister:
    async def listed(page: PageRequest) -> Page[Any]:
        async with backend.uow(tenant.id) as uow:
            return await uow.employees.list(EmployeeFilter(), page)

    return listed


async def test_employees_sort_by_family_then_given_name_whatever_the_case(
    backend: Backend, roster: tuple[Tenant, dict[str, Employee]]
) -> None:
    acme, people = roster
    by_name = ["anita-borg", "ada-byron", "grace-hopper", "barbara-liskov", "ada-lovelace", "augusta-lovelace"]

    await assert_order(
        employee_lister(backend, acme), EmployeeSort.NAME, [people[key].id for key in [*by_name, "alan-turing"]]
    )


async def test_employees_sort_by_creation_with_ties_broken_by_id(
    backend: Backend, roster: tuple[Tenant, dict[str, Employee]]
) -> None:
    acme, people = roster
    # Ada Lovelace and Anita Borg were created at the same instant: the first id goes first.
    by_creation = [
        "grace-hopper",
        "augusta-lovelace",
        "ada-byron",
        "alan-turing",
        "barbara-liskov",
        "ada-lovelace",
        "anita-borg",
    ]

    await assert_order(employee_lister(backend, acme), EmployeeSort.CREATED_AT, [people[k].id for k in by_creation])


async def test_employees_in_the_default_order_page_by_id_as_before(
    backend: Backend, roster: tuple[Tenant, dict[str, Employee]]
) -> None:
    acme, people = roster

    await assert_order(employee_lister(backend, acme), EmployeeSort.ID, [e.id for e in people.values()])


async def test_an_order_keeps_to_the_filter(backend: Backend, roster: tuple[Tenant, dict[str, Employee]]) -> None:
    acme, people = roster

    async with backend.uow(acme.id) as uow:
        found = await uow.employees.list(EmployeeFilter(query="ada"), PageRequest(sort=EmployeeSort.NAME_DESC))

    assert [e.id for e in found.items] == [people["ada-lovelace"].id, people["ada-byron"].id]


async def test_contents_sort_by_the_publication_asked_for_with_the_unscheduled_last(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    days: list[int | None] = [3, None, 1, None, 2, 1]
    contents = [new_content(backend, acme, publish_at=NOW + d * DAY if d is not None else None) for d in days]
    await store(backend, acme, *contents)
    await store(backend, globex, new_content(backend, globex, publish_at=NOW + DAY))

    async def listed(page: PageRequest) -> Page[Any]:
        async with backend.uow(acme.id) as uow:
            return await uow.contents.list(ContentFilter(at=NOW), page)

    ids = [content.id for content in contents]
    await assert_order(listed, ContentSort.PUBLISH_AT, [ids[2], ids[5], ids[4], ids[0], ids[1], ids[3]])


async def test_shares_sort_by_creation_and_by_posting_with_those_not_posted_last(backend: Backend) -> None:
    acme, ambassador, content = await world(backend)
    networks = [Network.LINKEDIN, Network.X, Network.FACEBOOK, Network.XING, Network.WHATSAPP]
    created = [2, 0, 4, 1, 3]
    shares = [
        new_share(backend, ambassador, content, network=network, now=NOW + days * DAY)
        for network, days in zip(networks, created, strict=True)
    ]
    for share, posted_days in ((shares[0], 9), (shares[2], 5), (shares[4], 9)):
        share.confirm(post_url=None, audience=0, now=NOW + posted_days * DAY)
    await add(backend, acme, *shares)
    globex = await add_tenant(backend, "globex")
    _, stranger, foreign = await world_in(backend, globex)
    await add(backend, globex, new_share(backend, stranger, foreign, now=NOW))

    async def listed(page: PageRequest) -> Page[Any]:
        async with backend.uow(acme.id) as uow:
            return await uow.shares.list(ShareFilter(), page)

    ids = [share.id for share in shares]
    await assert_order(listed, ShareSort.CREATED_AT, [ids[1], ids[3], ids[0], ids[4], ids[2]])
    await assert_order(listed, ShareSort.POSTED_AT, [ids[2], ids[0], ids[4], ids[1], ids[3]])
