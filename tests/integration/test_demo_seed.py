"""The demo tenant ``make run`` seeds: read back over REST as its admin, its manager and Camille."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.metadata import metadata
from app.demo.cost_story import COSTS
from app.demo.integration_story import INTEGRATION_NAME, NINA
from app.demo.recall_story import POSTS
from app.demo.run import seed_demo
from app.demo.scim_story import DESIGNERS, GROUP
from app.demo.scim_story import INTEGRATION_NAME as SCIM_INTEGRATION_NAME
from app.demo.seed import (
    ADMIN_EMAIL,
    ADMIN_SUBJECT,
    DEMO_AMBASSADOR,
    MANAGER_EMAIL,
    MANAGER_SUBJECT,
    PEOPLE,
    DemoPerson,
)
from app.demo.sharing_story import AUDIENCES, CONVERSIONS, CRAWLERS, SHARES
from app.domain.content.targeting import language_matches
from app.domain.networks import Network
from app.domain.sharing.visitors import CLICKS_COUNTED_PER_NETWORK, network_of
from app.settings import Settings
from tests.integration.conftest import Mint, bearer

LIFECYCLE = {
    "draft", "submitted", "in_review", "approved", "published", "expired", "rejected", "archived", "recalled"
}  # fmt: skip


@pytest.fixture
async def demo(engine: AsyncEngine, settings: Settings) -> UUID:
    seeded = await seed_demo(engine, settings.public_base_url, settings)
    assert seeded.created
    return seeded.tenant_id


@pytest.fixture
def manager(mint: Mint, demo: UUID) -> dict[str, str]:
    return bearer(mint(demo, "manager", email=MANAGER_EMAIL, subject=MANAGER_SUBJECT))


@pytest.fixture
def admin(mint: Mint, demo: UUID) -> dict[str, str]:
    return bearer(mint(demo, "admin", email=ADMIN_EMAIL, subject=ADMIN_SUBJECT))


def ambassador(mint: Mint, demo: UUID, person: DemoPerson) -> dict[str, str]:
    """The token ``make run`` prints for the demo ambassador, for anyone of the roster."""
    return bearer(mint(demo, "ambassador", email=person.email, subject=person.subject))


async def every_content(client: httpx.AsyncClient, headers: dict[str, str], **filters: str) -> list[dict[str, Any]]:
    response = await client.get("/v1/contents", params={"limit": 100, **filters}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["next_cursor"] is None
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def table_rows(engine: AsyncEngine) -> dict[str, list[Any]]:
    async with engine.connect() as connection:
        return {
            table.name: [tuple(row) for row in (await connection.execute(sa.select(table))).all()]
            for table in metadata.sorted_tables
        }


def reaches(content: dict[str, Any], person: DemoPerson) -> bool:
    targeting = content["targeting"]
    return (
        (not targeting["departments"] or person.department in targeting["departments"])
        and (not targeting["locations"] or person.location in targeting["locations"])
        and (not targeting["languages"] or any(language_matches(r, person.language) for r in targeting["languages"]))
    )


async def test_seeding_twice_changes_nothing(engine: AsyncEngine, settings: Settings, demo: UUID) -> None:
    before = await table_rows(engine)
    assert before["shares"]
    assert before["clicks"]
    assert before["conversions"]
    again = await seed_demo(engine, settings.public_base_url)
    assert (again.tenant_id, again.created) == (demo, False)
    assert await table_rows(engine) == before


async def test_the_demo_ambassador_has_accepted_the_current_charter_and_others_have_not(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, admin: dict[str, str]
) -> None:
    charter = await client.get("/v1/charter", headers=admin)
    assert charter.status_code == 200, charter.text
    assert charter.json()["number"] == 2
    camille = (await client.get("/v1/me", headers=ambassador(mint, demo, DEMO_AMBASSADOR))).json()
    hugo = (await client.get("/v1/me", headers=ambassador(mint, demo, PEOPLE["hugo"]))).json()
    assert (camille["charter_status"], camille["ambassador"]["charter_version"]) == ("accepted", 2)
    assert (hugo["charter_status"], hugo["ambassador"]["charter_version"]) == ("needs_acceptance", 1)
    behind = await client.get("/v1/ambassadors", params={"charter_status": "needs_acceptance"}, headers=admin)
    employees = {item["employee_id"] for item in behind.json()["items"]}
    assert hugo["employee"]["id"] in employees
    assert camille["employee"]["id"] not in employees


async def test_contents_go_through_the_whole_lifecycle_in_french_and_english(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    contents = await every_content(client, manager)
    assert len(contents) >= 12
    assert {content["status"] for content in contents} == LIFECYCLE
    rejected = [content for content in contents if content["status"] == "rejected"]
    history = await client.get(f"/v1/contents/{rejected[0]['id']}/history", headers=manager)
    assert history.json()[-1]["reason"]
    proposals = [content for content in contents if content["proposed"]]
    assert [content["status"] for content in proposals] == ["submitted"]
    assert len(await every_content(client, manager, status="published")) >= 5
    french, english = (
        await every_content(client, manager, language="fr"),
        await every_content(client, manager, language="en"),
    )
    assert french
    assert english
    assert {content["id"] for content in english} - {content["id"] for content in french}


async def test_three_campaigns_and_exactly_one_active_challenge(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    response = await client.get("/v1/campaigns", headers=manager)
    campaigns = response.json()["items"]
    assert len(campaigns) == 3
    assert sorted(campaign["status"] for campaign in campaigns) == ["active", "ended", "scheduled"]
    challenges = [campaign for campaign in campaigns if campaign["is_challenge"]]
    assert [challenge["status"] for challenge in challenges] == ["active"]
    challenge_contents = await every_content(client, manager, campaign_id=challenges[0]["id"])
    assert "published" in {content["status"] for content in challenge_contents}


async def test_the_demo_ambassador_feed_holds_what_is_live_for_her_with_linkedin_and_x_captions(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, manager: dict[str, str]
) -> None:
    camille = DEMO_AMBASSADOR
    headers = ambassador(mint, demo, camille)
    response = await client.get("/v1/me/feed", params={"limit": 100}, headers=headers)
    assert response.status_code == 200, response.text
    feed = response.json()["items"]
    published = await every_content(client, manager, status="published")
    assert {item["id"] for item in feed} == {content["id"] for content in published if reaches(content, camille)}
    assert (feed[0]["pinned"], feed[1]["important"]) == (True, True)
    shareable = [item for item in feed if item["shareable"]]
    assert len(shareable) >= 3
    for item in shareable:
        assert item["language"] == "fr"
        assert set(item["captions"]) == {"linkedin", "x"}
        for network, caption in item["captions"].items():
            body = {"network": network, "text": caption, "content_id": item["id"]}
            report = await client.post("/v1/compliance/check", json=body, headers=headers)
            assert report.json() == {"ok": True, "violations": [], "total_violations": 0}, (item["title"], network)
    challenge = next(item for item in feed if item["campaigns"])
    assert challenge["campaigns"][0]["is_challenge"]


async def every_item(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], **filters: str
) -> list[dict[str, Any]]:
    response = await client.get(path, params={"limit": 100, **filters}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["next_cursor"] is None
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def ambassador_ids(client: httpx.AsyncClient, mint: Mint, demo: UUID, *slugs: str) -> dict[str, str]:
    me = {slug: await client.get("/v1/me", headers=ambassador(mint, demo, PEOPLE[slug])) for slug in slugs}
    return {slug: response.json()["ambassador"]["id"] for slug, response in me.items()}


async def test_lea_and_amelia_posted_shares_whose_clicks_count_people_once_a_day_and_never_crawlers(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, demo: UUID, admin: dict[str, str]
) -> None:
    sharers = await ambassador_ids(client, mint, demo, "lea", "amelia", "hugo", "camille")
    # The roster's shares (the recruits of the demo's wave share too, see ``recruiting_story.py``).
    shares = [s for s in await every_item(client, "/v1/shares", admin) if s["ambassador_id"] in sharers.values()]
    assert len(shares) == len(SHARES) + len(POSTS)
    assert {share["status"] for share in shares} == {"posted"}
    assert {share["ambassador_id"] for share in shares} == {sharers["lea"], sharers["amelia"]}
    assert {share["network"] for share in shares} == {"linkedin", "x"}
    assert all(share["post_url"] and share["tracked_url"] in share["caption"] for share in shares)
    assert sum(share["stats"]["engagement"] is not None for share in shares) >= 2

    # A network counts once per link within 24 h, and at most the daily cap of clicks; crawlers and
    # the ambassador's own click never count.
    people = [[c.visitor for c in s.clicks if c.visitor not in CRAWLERS and c.visitor != s.device] for s in SHARES]
    networks = [{network_of(visitor.ip) for visitor in visitors} for visitors in people]
    async with engine.connect() as connection:
        rows = await connection.execute(sa.text("SELECT kind, count(*) FROM clicks GROUP BY kind"))
        kinds: dict[str, int] = dict(rows.all())
        own = (await connection.execute(sa.text("SELECT count(*) FROM clicks WHERE is_self"))).scalar_one()
        busiest = await connection.execute(
            sa.text(
                "SELECT max(n) FROM (SELECT count(*) AS n FROM clicks WHERE kind = 'counted' AND NOT is_self "
                "GROUP BY share_id, network_hash, (clicked_at AT TIME ZONE 'UTC')::date) AS days"
            )
        )
    capped = kinds.pop("capped")
    assert capped >= 1
    assert busiest.scalar_one() == CLICKS_COUNTED_PER_NETWORK
    assert sum(share["stats"]["clicks"] for share in shares) == sum(len(visitors) for visitors in people) - capped
    assert sum(share["stats"]["unique_clicks"] for share in shares) == sum(len(n) for n in networks)
    assert kinds == {
        "counted": sum(1 for s in SHARES for c in s.clicks if c.visitor not in CRAWLERS) - capped,
        "bot": sum(1 for s in SHARES for c in s.clicks if c.visitor in CRAWLERS),
    }
    assert own == 1


async def test_engagement_says_who_reported_it_and_the_integrations_figures_win(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    shares = await every_item(client, "/v1/shares", admin)
    reported = {share["post_url"]: share["stats"]["engagement"] for share in shares}

    for story in SHARES:
        shown = reported[story.post_url]
        if not story.engagement:
            assert shown is None
            continue
        by_integration = [observed for observed in story.engagement if not observed.by_ambassador]
        expected = (by_integration or list(story.engagement))[-1]
        assert shown is not None
        assert (shown["impressions"], shown["source"]) == (
            expected.impressions,
            "self_reported" if expected.by_ambassador else "integration",
        )
    sources = {engagement["source"] for engagement in reported.values() if engagement}
    assert sources == {"integration", "self_reported"}
    # A share where the ambassador reported after the integration still shows the integration's figures.
    assert any(
        story.engagement[-1].by_ambassador and any(not observed.by_ambassador for observed in story.engagement)
        for story in SHARES
    )


async def test_conversions_are_credited_to_the_demo_ambassadors_and_a_crawlers_or_unknown_reference_is_not(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, admin: dict[str, str], manager: dict[str, str]
) -> None:
    sharers = await ambassador_ids(client, mint, demo, "lea", "amelia")
    attributed = await every_item(client, "/v1/conversions", admin, attributed="true")
    unattributed = await every_item(client, "/v1/conversions", admin, attributed="false")
    assert len(attributed) + len(unattributed) == len(CONVERSIONS)
    assert {conversion["type"] for conversion in attributed} == {"lead", "job_application", "signup"}
    credited = {credit["ambassador_id"] for conversion in attributed for credit in conversion["credits"]}
    assert credited == set(sharers.values())
    assert {conversion["unattributed_reason"] for conversion in unattributed} == {
        "bot_or_self_click",
        "unknown_reference",
    }

    campaigns = (await client.get("/v1/campaigns", headers=manager)).json()["items"]
    [challenge] = [campaign for campaign in campaigns if campaign["is_challenge"]]
    job_offers = {content["id"] for content in await every_content(client, manager, campaign_id=challenge["id"])}
    applications = [conversion for conversion in attributed if conversion["type"] == "job_application"]
    assert applications
    for application in applications:
        [credit] = application["credits"]
        assert (credit["campaign_id"], credit["weight"]) == (challenge["id"], "1/1")
        assert credit["content_id"] in job_offers
    leads = await every_item(client, "/v1/conversions", admin, type="lead", ambassador_id=sharers["lea"])
    assert leads


async def test_camille_has_shared_nothing_and_can_share_from_her_feed_right_after_seeding(
    client: httpx.AsyncClient, mint: Mint, demo: UUID
) -> None:
    headers = ambassador(mint, demo, DEMO_AMBASSADOR)
    me = (await client.get("/v1/me", headers=headers)).json()
    assert me["charter_status"] == "accepted"
    assert {account["network"] for account in me["social_accounts"]} >= {"linkedin", "x"}
    assert await every_item(client, "/v1/me/shares", headers) == []
    feed = (await client.get("/v1/me/feed", params={"limit": 100}, headers=headers)).json()["items"]
    shareable = [item for item in feed if item["shareable"] and not item["already_shared"]]
    assert len(shareable) >= 2
    for item, network in zip(shareable, ("linkedin", "x"), strict=False):
        body = {"content_id": item["id"], "network": network}
        response = await client.post("/v1/shares", json=body, headers=headers)
        assert response.status_code == 201, response.text
        share = response.json()
        assert (share["status"], share["network"]) == ("intent", network)
        assert share["tracked_url"] in share["caption"]


def audience_at(slug: str, network: Network, day: float, connected: int) -> int:
    """The audience the story gives the ambassador on the network at ``day``: the last change before it."""
    changes = [a for a in AUDIENCES if a.ambassador == slug and a.network is network and a.day <= day]
    return max(changes, key=lambda change: change.day).audience_size if changes else connected


async def test_each_posted_share_keeps_its_ambassador_s_audience_when_it_was_confirmed(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, admin: dict[str, str]
) -> None:
    shares = {share["post_url"]: share for share in await every_item(client, "/v1/shares", admin)}
    connected = {}
    for slug in ("lea", "amelia"):
        accounts = (await client.get("/v1/me/social-accounts", headers=ambassador(mint, demo, PEOPLE[slug]))).json()
        for account in accounts:
            history = await every_item(
                client, f"/v1/me/social-accounts/{account['id']}/audience", ambassador(mint, demo, PEOPLE[slug])
            )
            connected[slug, Network(account["network"])] = history[-1]["audience_size"]

    for story in SHARES:
        expected = audience_at(
            story.ambassador, story.network, story.posted, connected[story.ambassador, story.network]
        )
        assert shares[story.post_url]["potential_reach"] == expected, story.key
    reaches = {share["potential_reach"] for share in shares.values()}
    assert len(reaches) >= 4  # the networks grew between shares


async def test_audiences_grow_over_time_in_each_account_s_history(
    client: httpx.AsyncClient, mint: Mint, demo: UUID
) -> None:
    lea = ambassador(mint, demo, PEOPLE["lea"])
    [linkedin] = [
        a for a in (await client.get("/v1/me/social-accounts", headers=lea)).json() if a["network"] == "linkedin"
    ]
    history = await every_item(client, f"/v1/me/social-accounts/{linkedin['id']}/audience", lea)

    sizes = [item["audience_size"] for item in reversed(history)]
    assert sizes == sorted(sizes)
    assert sizes[-1] == linkedin["audience_size"] == 705
    assert len(sizes) == 1 + sum(1 for a in AUDIENCES if a.ambassador == "lea" and a.network is Network.LINKEDIN)


async def test_the_programme_has_costs_on_every_budget_line_and_its_brand_s_engagement_rates(
    client: httpx.AsyncClient, admin: dict[str, str], manager: dict[str, str]
) -> None:
    costs = await every_item(client, "/v1/programme-costs", manager)

    assert {cost["budget_line"] for cost in costs} == {"platform", "content_creation", "animation", "rewards"}
    assert len(costs) == len(COSTS)
    assert {cost["currency"] for cost in costs} == {"EUR"}
    assert sum(cost["amount_minor"] for cost in costs) == sum(cost.amount_minor for cost in COSTS)
    assert all(cost["recorded_by"] == ADMIN_SUBJECT for cost in costs)
    settings = (await client.get("/v1/settings", headers=admin)).json()
    assert settings["brand_engagement_rates"] == {"linkedin": 0.021, "x": 0.0045}


async def test_the_demo_hris_told_of_a_hire_and_a_move_once_a_retry_and_a_late_correction(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    integrations = (await client.get("/v1/integrations", headers=admin)).json()["items"]
    [hris] = [integration for integration in integrations if integration["kind"] == "hris_webhook"]
    assert hris["name"] == INTEGRATION_NAME
    logged = await client.get(f"/v1/integrations/{hris['id']}/deliveries", headers=admin)
    assert [item["outcome"] for item in logged.json()["items"]] == ["stale", "duplicate", "applied", "applied"]
    nina = (await client.get("/v1/employees", params={"q": "Keller"}, headers=admin)).json()["items"]
    assert [(person["external_id"], person["location"]) for person in nina] == [(NINA["external_id"], "Munich")]


async def test_the_demo_holds_a_completed_roster_import_of_three_hires(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    listed = await client.get("/v1/roster-imports", headers=admin)

    assert listed.status_code == 200, listed.text
    [imported] = listed.json()["items"]
    assert (imported["status"], imported["mode"], imported["bad_rows"]) == ("applied", "partial", 0)
    assert imported["counts"] == {"create": 3, "update": 0, "terminate": 0, "unchanged": 0}
    where = {"department": "Engineering", "location": "Lyon"}
    hires = await client.get("/v1/employees", params=where, headers=admin)
    assert {employee["external_id"] for employee in hires.json()["items"]} == {"HR-2041", "HR-2042", "HR-2043"}


async def test_the_demo_identity_provider_provisioned_two_designers_in_a_design_group(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    integrations = (await client.get("/v1/integrations", headers=admin)).json()["items"]
    [scim] = [integration for integration in integrations if integration["kind"] == "scim"]
    designers = await client.get("/v1/employees", params={"department": GROUP[0]}, headers=admin)

    assert scim["name"] == SCIM_INTEGRATION_NAME
    found = {(person["external_id"], person["location"], person["status"]) for person in designers.json()["items"]}
    assert found == {(number, location, "active") for _, _, number, _, _, location in DESIGNERS}


async def test_the_demo_has_a_webhook_endpoint_mid_rotation_with_a_ping_waiting(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    [endpoint] = (await client.get("/v1/webhook-endpoints", headers=admin)).json()["items"]
    assert (endpoint["url"], endpoint["enabled"]) == ("http://localhost:8787/relais-webhooks", True)
    assert "share.*" in endpoint["event_types"]
    assert [secret["expires_at"] is None for secret in endpoint["secrets"]] == [True, False]
    deliveries = (await client.get(f"/v1/webhook-endpoints/{endpoint['id']}/deliveries", headers=admin)).json()
    assert [(d["event_type"], d["state"]) for d in deliveries["items"]] == [("webhook_endpoint.pinged", "pending")]
