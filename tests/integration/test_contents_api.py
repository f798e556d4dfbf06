"""/v1/contents over REST: writing, proposing, reading, filtering and refusing content."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.content_helpers import (
    approved_content,
    configure,
    content_body,
    create_campaign,
    create_content,
    staff,
    transition,
)
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    error_locations,
    etag_version,
    join_as_ambassador,
    nothing_written,
    outbox_events,
)


@pytest.fixture
async def manager(client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID) -> dict[str, str]:
    await configure(client, admin_a)
    return staff(mint, tenant_a, "manager")


@pytest.fixture
def moderator(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return staff(mint, tenant_a, "moderator")


async def test_a_manager_drafts_content_in_the_programmes_language(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    response = await client.post(
        "/v1/contents",
        json=content_body(
            captions={"linkedin": "Nous recrutons à Lyon #employee", "x": "On recrute https://acme.example/jobs"},
            locales=[{"language": "en-gb", "title": "We are hiring", "body": "Join us."}],
            link_url="https://Jobs.ACME.example/lyon",
            topics=["Recrutement"],
            targeting={"departments": ["Sales"], "languages": ["fr"]},
        ),
        headers=manager,
    )

    assert response.status_code == 201, response.text
    content = response.json()
    assert response.headers["Location"] == f"/v1/contents/{content['id']}"
    assert etag_version(response) == 1
    assert (content["status"], content["allowed_actions"]) == ("draft", ["submit", "archive"])
    assert (content["language"], content["title"]) == ("fr", "Nous recrutons")
    assert [locale["language"] for locale in content["locales"]] == ["fr", "en-GB"]
    assert content["locales"][0]["captions"] == content["captions"]
    assert content["link_url"] == "https://jobs.acme.example/lyon"
    assert content["topics"] == ["recrutement"]
    assert content["targeting"] == {"departments": ["Sales"], "locations": [], "languages": ["fr"]}
    read = await client.get(f"/v1/contents/{content['id']}", headers=manager)
    assert read.json() == content
    assert read.headers["ETag"] == response.headers["ETag"]


async def test_the_review_goes_from_draft_to_published_and_its_history_says_who(
    client: httpx.AsyncClient, manager: dict[str, str], moderator: dict[str, str], engine: AsyncEngine, tenant_a: UUID
) -> None:
    content = await create_content(client, manager)
    submitted = await transition(client, manager, content["id"], "submit")
    assert (submitted.json()["status"], etag_version(submitted)) == ("in_review", 2)
    approved = await client.post(f"/v1/contents/{content['id']}/approve", headers=moderator | {"If-Match": '"v2"'})
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "published"
    assert approved.json()["approved_by"] == "moderator|1"

    history = (await client.get(f"/v1/contents/{content['id']}/history", headers=moderator)).json()
    assert [(h["action"], h["from_status"], h["to_status"], h["actor"]) for h in history] == [
        ("create", None, "draft", "manager|1"),
        ("submit", "draft", "in_review", "manager|1"),
        ("approve", "in_review", "approved", "moderator|1"),
    ]
    events = [kind for kind, _ in await outbox_events(engine, tenant_a)]
    assert events[-2:] == ["content.submitted", "content.approved"]


async def test_scheduled_content_reads_as_approved_until_it_goes_live(
    client: httpx.AsyncClient, manager: dict[str, str], moderator: dict[str, str]
) -> None:
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    content = await approved_content(client, manager, moderator, publish_at=tomorrow)
    assert content["status"] == "approved"
    assert content["published_at"] == content["publish_at"]
    published = await client.get("/v1/contents", params={"status": "published"}, headers=manager)
    waiting = await client.get("/v1/contents", params={"status": "approved"}, headers=manager)
    assert [item["id"] for item in published.json()["items"]] == []
    assert [item["id"] for item in waiting.json()["items"]] == [content["id"]]


async def test_a_rejection_needs_a_reason_and_an_edit_takes_it_back_to_draft(
    client: httpx.AsyncClient, manager: dict[str, str], moderator: dict[str, str], engine: AsyncEngine
) -> None:
    content = await create_content(client, manager)
    await transition(client, manager, content["id"], "submit")
    async with nothing_written(engine):
        missing = await transition(client, moderator, content["id"], "reject", {})
        blank = await transition(client, moderator, content["id"], "reject", {"reason": "   "})
    assert error_locations(assert_problem(missing, 422)) == [["body", "reason"]]
    assert error_locations(assert_problem(blank, 422, "validation-failed")) == [["body", "reason"]]

    rejected = await transition(client, moderator, content["id"], "reject", {"reason": "Chiffres faux."})
    assert rejected.json()["status"] == "rejected"
    edited = await client.patch(f"/v1/contents/{content['id']}", json={"body": "Chiffres justes."}, headers=manager)
    assert edited.json()["status"] == "draft"
    history = (await client.get(f"/v1/contents/{content['id']}/history", headers=manager)).json()
    assert [(h["action"], h["reason"]) for h in history[-2:]] == [("reject", "Chiffres faux."), ("edit", None)]


async def test_editing_approved_text_sends_it_back_to_review_but_pinning_does_not(
    client: httpx.AsyncClient, manager: dict[str, str], moderator: dict[str, str]
) -> None:
    content = await approved_content(client, manager, moderator)
    pinned = await client.patch(f"/v1/contents/{content['id']}", json={"pinned": True}, headers=manager)
    assert (pinned.json()["status"], pinned.json()["pinned"]) == ("published", True)
    edited = await client.patch(
        f"/v1/contents/{content['id']}", json={"captions": {"linkedin": "Nouveau texte"}}, headers=manager
    )
    assert (edited.json()["status"], edited.json()["approved_at"]) == ("in_review", None)


@pytest.mark.parametrize(
    ("status", "action", "allowed"),
    [("draft", "approve", ["submit", "archive"]), ("draft", "reject", ["submit", "archive"])],
)
async def test_a_transition_the_status_does_not_allow_is_a_409_listing_the_allowed_ones(
    client: httpx.AsyncClient,
    manager: dict[str, str],
    moderator: dict[str, str],
    engine: AsyncEngine,
    status: str,
    action: str,
    allowed: list[str],
) -> None:
    content = await create_content(client, manager)
    async with nothing_written(engine):
        response = await transition(
            client, moderator, content["id"], action, {"reason": "x"} if action == "reject" else None
        )
    problem = assert_problem(response, 409, "invalid-transition")
    assert (problem["current_status"], problem["allowed"]) == (status, allowed)


async def test_archived_content_allows_only_its_recall(
    client: httpx.AsyncClient, manager: dict[str, str], moderator: dict[str, str], engine: AsyncEngine
) -> None:
    content = await approved_content(client, manager, moderator)
    archived = await transition(client, moderator, content["id"], "archive")
    assert (archived.json()["status"], archived.json()["allowed_actions"]) == ("archived", ["recall"])
    async with nothing_written(engine):
        again = await transition(client, manager, content["id"], "archive")
        edit = await client.patch(f"/v1/contents/{content['id']}", json={"title": "Encore"}, headers=manager)
    assert assert_problem(again, 409, "invalid-transition")["allowed"] == ["recall"]
    assert_problem(edit, 409, "invalid-transition")


async def test_a_stale_if_match_is_refused_on_edits_and_transitions(
    client: httpx.AsyncClient, manager: dict[str, str], engine: AsyncEngine
) -> None:
    content = await create_content(client, manager)
    path = f"/v1/contents/{content['id']}"
    assert (await client.patch(path, json={"title": "v2"}, headers=manager | {"If-Match": '"v1"'})).status_code == 200
    async with nothing_written(engine):
        stale_edit = await client.patch(path, json={"title": "v3"}, headers=manager | {"If-Match": '"v1"'})
        stale_submit = await client.post(f"{path}/submit", headers=manager | {"If-Match": '"v1"'})
    assert_problem(stale_edit, 412, "precondition-failed")
    assert_problem(stale_submit, 412, "precondition-failed")
    assert (await client.get(path, headers=manager)).json()["title"] == "v2"


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        ({"link_url": "javascript:alert(1)"}, ["body", "link_url"]),
        ({"link_url": "data:text/html,<script>"}, ["body", "link_url"]),
        ({"link_url": "//acme.example/jobs"}, ["body", "link_url"]),
        ({"link_url": "http://acme.example/jobs"}, ["body", "link_url"]),
        ({"link_url": "https://admin:secret@acme.example/"}, ["body", "link_url"]),
        ({"link_url": "https://acme.example.evil.example/"}, ["body", "link_url"]),
        ({"link_url": "https://acme.example/\u0000"}, ["body", "link_url"]),
        ({"captions": {"x": "x" * 281}}, ["body", "captions", "x"]),
        ({"captions": {"mastodon": "Salut"}}, ["body", "captions", "mastodon", "[key]"]),
        ({"locales": [{"language": "fr", "title": "A", "body": "B"}] * 2}, ["body", "locales", 1, "language"]),
        ({"media": [{"url": "http://cdn.example/a.png", "kind": "image"}]}, ["body", "media", 0, "url"]),
        ({"publish_at": "2030-01-01T09:00:00"}, ["body", "publish_at"]),
        ({"publish_at": "2030-01-02T09:00:00Z", "expires_at": "2030-01-01T09:00:00Z"}, ["body", "expires_at"]),
        ({"status": "approved"}, ["body", "status"]),
        ({"format": "podcast"}, ["body", "format"]),
    ],
)
async def test_invalid_content_is_refused_naming_the_field_and_nothing_is_written(
    client: httpx.AsyncClient, manager: dict[str, str], engine: AsyncEngine, fields: dict[str, Any], where: list[Any]
) -> None:
    async with nothing_written(engine):
        response = await client.post("/v1/contents", json=content_body(**fields), headers=manager)
    assert where in error_locations(assert_problem(response, 422))


async def test_the_default_language_must_be_among_the_locales(
    client: httpx.AsyncClient, manager: dict[str, str], engine: AsyncEngine
) -> None:
    french = {"language": "fr", "title": "Nous recrutons", "body": "Rejoignez-nous."}
    async with nothing_written(engine):
        response = await client.post("/v1/contents", json={"language": "en", "locales": [french]}, headers=manager)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [["body", "language"]]
    created = await client.post("/v1/contents", json={"language": "fr", "locales": [french]}, headers=manager)
    assert (created.status_code, created.json()["title"]) == (201, "Nous recrutons")


async def test_a_field_that_cannot_be_cleared_is_refused_at_its_place(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    content = await create_content(client, manager, link_url="https://acme.example/a")
    refused = await client.patch(f"/v1/contents/{content['id']}", json={"title": None}, headers=manager)
    assert error_locations(assert_problem(refused, 422)) == [["body", "title"]]
    cleared = await client.patch(f"/v1/contents/{content['id']}", json={"link_url": None}, headers=manager)
    assert cleared.json()["link_url"] is None


@pytest.mark.parametrize("role", ["analyst", "moderator", "integrator"])
async def test_only_staff_write_content(
    client: httpx.AsyncClient, manager: dict[str, str], mint: Mint, tenant_a: UUID, engine: AsyncEngine, role: str
) -> None:
    async with nothing_written(engine):
        response = await client.post("/v1/contents", json=content_body(), headers=staff(mint, tenant_a, role))
    assert_problem(response, 403, "forbidden")


async def test_an_ambassador_proposes_content_and_reads_only_their_own_proposals(
    client: httpx.AsyncClient, manager: dict[str, str], admin_a: dict[str, str], mint: Mint, tenant_a: UUID
) -> None:
    ada = await join_as_ambassador(client, mint, tenant_a, await create_employee(client, admin_a), "idp|ada")
    grace = await join_as_ambassador(client, mint, tenant_a, await create_employee(client, admin_a), "idp|grace")
    proposal = await create_content(client, ada, title="Notre équipe au salon")
    others = [await create_content(client, grace), await create_content(client, manager)]

    assert (proposal["status"], proposal["proposed"], proposal["allowed_actions"]) == (
        "submitted",
        True,
        ["submit", "approve", "reject", "archive"],
    )
    listed = (await client.get("/v1/contents", headers=ada)).json()
    assert [item["id"] for item in listed["items"]] == [proposal["id"]]
    assert (await client.get(f"/v1/contents/{proposal['id']}/history", headers=ada)).status_code == 200
    for other in others:
        assert_problem(await client.get(f"/v1/contents/{other['id']}", headers=ada), 404, "not-found")
    assert_problem(await transition(client, ada, proposal["id"], "approve"), 403, "forbidden")


async def test_an_employee_who_has_not_joined_cannot_propose(
    client: httpx.AsyncClient,
    manager: dict[str, str],
    admin_a: dict[str, str],
    mint: Mint,
    tenant_a: UUID,
    engine: AsyncEngine,
) -> None:
    employee = await create_employee(client, admin_a)
    unjoined = bearer(mint(tenant_a, "ambassador", email=employee["email"], subject="idp|later"))
    stranger = bearer(mint(tenant_a, "ambassador", subject="idp|stranger"))
    async with nothing_written(engine):
        not_member = await client.post("/v1/contents", json=content_body(), headers=unjoined)
        not_linked = await client.post("/v1/contents", json=content_body(), headers=stranger)
    assert_problem(not_member, 409, "not-an-ambassador")
    assert_problem(not_linked, 403, "employee-not-linked")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"format": "video"}, ["video"]),
        ({"objective": "leads"}, ["leads"]),
        ({"topic": "Culture"}, ["culture"]),
        ({"language": "EN"}, ["english"]),
        ({"status": "draft", "format": "video"}, ["video"]),
        ({"status": "published"}, []),
    ],
)
async def test_contents_are_filtered(
    client: httpx.AsyncClient,
    manager: dict[str, str],
    mint: Mint,
    tenant_a: UUID,
    query: dict[str, str],
    expected: list[str],
) -> None:
    named = {
        "video": await create_content(client, manager, format="video"),
        "leads": await create_content(client, manager, objective="leads"),
        "culture": await create_content(client, manager, topics=["culture"]),
        "english": await create_content(client, manager, locales=[{"language": "en", "title": "T", "body": "B"}]),
    }
    names = {content["id"]: name for name, content in named.items()}
    analyst = staff(mint, tenant_a, "analyst")
    response = await client.get("/v1/contents", params=query, headers=analyst)
    assert [names[item["id"]] for item in response.json()["items"]] == expected


async def test_contents_of_a_campaign_page_with_cursors(client: httpx.AsyncClient, manager: dict[str, str]) -> None:
    campaign = await create_campaign(client, manager, "printemps")
    contents = [await create_content(client, manager) for _ in range(3)]
    await create_content(client, manager)
    for content in contents:
        put = await client.put(f"/v1/campaigns/{campaign['id']}/contents/{content['id']}", headers=manager)
        assert put.status_code == 204, put.text

    first = (
        await client.get("/v1/contents", params={"campaign_id": campaign["id"], "limit": 2}, headers=manager)
    ).json()
    second = await client.get(
        "/v1/contents", params={"campaign_id": campaign["id"], "cursor": first["next_cursor"]}, headers=manager
    )
    assert [item["id"] for item in first["items"] + second.json()["items"]] == [c["id"] for c in contents]
    assert second.json()["next_cursor"] is None


async def test_bad_filters_are_refused_naming_them(client: httpx.AsyncClient, manager: dict[str, str]) -> None:
    for query, where in (
        ({"language": "not a tag"}, ["query", "language"]),
        ({"status": "live"}, ["query", "status"]),
        ({"topic": "a\u0000b"}, ["query", "topic"]),
        ({"campaign_id": "spring"}, ["query", "campaign_id"]),
    ):
        problem = assert_problem(await client.get("/v1/contents", params=query, headers=manager), 422)
        assert error_locations(problem) == [where]
