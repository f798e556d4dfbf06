"""GET /v1/me/feed: what an ambassador sees, in which language, in which order, with which captions."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest

from tests.integration.conftest import Mint
from tests.integration.content_helpers import create_content, transition
from tests.integration.feed_helpers import (
    Programme,
    ambassador,
    at,
    feed,
    launched_campaign,
    locales,
    programme,
    publish,
    titles,
)


@pytest.fixture
async def setup(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Programme:
    return await programme(client, mint, tenant_a, admin_a)


async def test_an_item_carries_what_an_ambassador_needs_to_share_it(
    client: httpx.AsyncClient, mint: Mint, setup: Programme
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada", networks=("linkedin",), language="fr")
    content_id = await publish(
        client,
        setup,
        title="Nous recrutons à Lyon",
        topics=["hiring"],
        objective="recruiting",
        link_url="https://jobs.acme.example/lyon",
        media=[{"url": "https://cdn.acme.example/lyon.png", "kind": "image", "alt_text": "Lyon"}],
        expires_at=at(30),
    )
    campaign_id = await launched_campaign(client, setup, "spring-hiring", content_id)

    page = await feed(client, reader)

    assert page["next_cursor"] is None
    [item] = page["items"]
    published_at = item.pop("published_at")
    assert published_at.endswith("Z") or published_at.endswith("+00:00")
    assert item == {
        "id": content_id,
        "language": "fr",
        "title": "Nous recrutons à Lyon",
        "body": "Rejoignez **nous**.",
        "format": "job_offer",
        "topics": ["hiring"],
        "objective": "recruiting",
        "link_url": "https://jobs.acme.example/lyon",
        "media": [{"url": "https://cdn.acme.example/lyon.png", "kind": "image", "alt_text": "Lyon"}],
        "shareable": True,
        "pinned": False,
        "important": False,
        "expires_at": item["expires_at"],
        "captions": {"linkedin": "fr linkedin caption #employee"},
        "campaigns": [{"id": campaign_id, "name": "Spring Hiring", "slug": "spring-hiring", "is_challenge": False}],
        "already_shared": False,
    }
    assert item["expires_at"] is not None


async def test_an_ambassador_sees_the_content_targeted_to_them_and_content_for_everyone(
    client: httpx.AsyncClient, mint: Mint, setup: Programme
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada", department="Sales", location="Lyon", language="fr-CA")
    targets = {
        "everyone": {},
        "sales": {"departments": ["Sales", "Support"]},
        "marketing": {"departments": ["Marketing"]},
        "lyon": {"locations": ["Lyon"]},
        "paris": {"locations": ["Paris"]},
        "french speakers": {"languages": ["fr"]},
        "canadian french speakers": {"languages": ["fr-CA"]},
        "french speakers of france": {"languages": ["fr-FR"]},
        "english speakers": {"languages": ["en"]},
        "sales in lyon in french": {"departments": ["Sales"], "locations": ["Lyon"], "languages": ["fr"]},
        "sales in paris": {"departments": ["Sales"], "locations": ["Paris"]},
    }
    for name, targeting in targets.items():
        await publish(client, setup, title=name, targeting=targeting)

    assert sorted(await titles(client, reader)) == [
        "canadian french speakers",
        "everyone",
        "french speakers",
        "lyon",
        "sales",
        "sales in lyon in french",
    ]


async def test_an_employee_without_department_location_or_language_sees_only_content_for_everyone(
    client: httpx.AsyncClient, mint: Mint, setup: Programme
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada")
    await publish(client, setup, title="everyone")
    await publish(client, setup, title="sales", targeting={"departments": ["Sales"]})
    await publish(client, setup, title="lyon", targeting={"locations": ["Lyon"]})
    await publish(client, setup, title="french speakers", targeting={"languages": ["fr"]})

    assert await titles(client, reader) == ["everyone"]


async def test_content_not_published_expired_not_approved_or_archived_is_not_in_the_feed(
    client: httpx.AsyncClient, mint: Mint, setup: Programme
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada")
    await publish(client, setup, title="live", expires_at=at(1))
    await publish(client, setup, title="scheduled", publish_at=at(1))
    await publish(client, setup, title="expired", publish_at=at(-3), expires_at=at(-1))
    archived = await publish(client, setup, title="archived")
    assert (await transition(client, setup.manager, archived, "archive")).status_code == 200
    await create_content(client, setup.manager, title="draft")
    submitted = await create_content(client, setup.manager, title="in review")
    await transition(client, setup.manager, submitted["id"], "submit")
    rejected = await create_content(client, setup.manager, title="rejected")
    await transition(client, setup.manager, rejected["id"], "submit")
    await transition(client, setup.moderator, rejected["id"], "reject", {"reason": "Off brand."})

    assert await titles(client, reader) == ["live"]


async def test_content_is_served_in_the_first_preferred_language_it_has(
    client: httpx.AsyncClient, mint: Mint, setup: Programme
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada", language="fr", languages=("de-CH", "en"))
    swiss = await publish(client, setup, locales=locales("fr", "en", "de-CH", "de"))
    german = await publish(client, setup, locales=locales("fr", "en", "de"))
    english = await publish(client, setup, locales=locales("fr", "en"))
    roster_language = await publish(client, setup, language="es", locales=locales("es", "fr"))
    default = await publish(client, setup, language="es", locales=locales("es", "it"))

    items = {item["id"]: item for item in (await feed(client, reader))["items"]}

    served = {content_id: (items[content_id]["language"], items[content_id]["body"]) for content_id in items}
    assert served[swiss] == ("de-CH", "de-CH body")
    assert served[german] == ("de", "de body")  # de-CH falls back to de before the next preference
    assert served[english] == ("en", "en body")
    assert served[roster_language] == ("fr", "fr body")
    assert served[default] == ("es", "Rejoignez **nous**.")
    assert items[english]["captions"] == {}


async def test_pinned_content_comes_first_then_important_then_the_newest(
    client: httpx.AsyncClient, mint: Mint, setup: Programme
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada")
    for title, flags in [
        ("old", {}),
        ("important", {"important": True}),
        ("pinned", {"pinned": True}),
        ("new", {}),
        ("pinned and important", {"pinned": True, "important": True}),
        ("newer important", {"important": True}),
    ]:
        await publish(client, setup, title=title, **flags)

    assert await titles(client, reader) == [
        "pinned and important",
        "pinned",
        "newer important",
        "important",
        "new",
        "old",
    ]


async def test_captions_are_those_of_the_networks_the_ambassador_connected(
    client: httpx.AsyncClient, mint: Mint, setup: Programme
) -> None:
    connected = await ambassador(client, mint, setup, "idp|ada", networks=("x", "linkedin", "instagram"))
    unconnected = await ambassador(client, mint, setup, "idp|grace")
    await publish(client, setup, locales=locales("fr", networks=("linkedin", "x", "facebook")))

    [item] = (await feed(client, connected))["items"]
    [bare] = (await feed(client, unconnected))["items"]

    assert item["captions"] == {"linkedin": "fr linkedin caption #employee", "x": "fr x caption #employee"}
    assert bare["captions"] == {}


async def test_an_item_lists_its_launched_campaigns_only(
    client: httpx.AsyncClient, mint: Mint, setup: Programme
) -> None:
    reader = await ambassador(client, mint, setup, "idp|ada")
    content_id = await publish(client, setup)
    challenge = await launched_campaign(client, setup, "summer-challenge", content_id, is_challenge=True)
    spring = await launched_campaign(client, setup, "spring", content_id)
    archived = await launched_campaign(client, setup, "winter", content_id)
    assert (await client.post(f"/v1/campaigns/{archived}/archive", headers=setup.manager)).status_code == 200
    draft = (await client.post("/v1/campaigns", json={"name": "Draft", "slug": "draft"}, headers=setup.manager)).json()
    await client.put(f"/v1/campaigns/{draft['id']}/contents/{content_id}", headers=setup.manager)

    [item] = (await feed(client, reader))["items"]

    assert sorted((c["slug"], c["is_challenge"], c["id"]) for c in item["campaigns"]) == [
        ("spring", False, spring),
        ("summer-challenge", True, challenge),
    ]
