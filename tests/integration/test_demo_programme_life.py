"""The demo's programme life, read back over the API: a recruiting wave's funnel, a training module
with its completions, an incident handled from report to resolution, a closed survey with results and
the ideas decided, and a recalled content with its take-downs."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.demo.incidents_story import FLAGGED_SHARE, MODERATOR_EMAIL, MODERATOR_SUBJECT, REMINDER
from app.demo.recall_story import NOTICE_URL, POSTS
from app.demo.recall_story import REASON as RECALL_REASON
from app.demo.recruiting_story import FUNNEL, REFERRED_RECRUIT, REFERRER, WAVE_NAME
from app.demo.seed import ADMIN_SUBJECT, DEMO_DOMAIN, PEOPLE
from app.demo.sharing_story import SHARES
from app.demo.training_story import COMPLETED_BY, IN_PROGRESS, MODULE
from tests.integration.conftest import Mint, bearer
from tests.integration.notification_helpers import inbox
from tests.integration.recognition_helpers import worker_rounds
from tests.integration.test_demo_seed import admin, ambassador, demo, every_content, every_item, manager

__all__ = ["admin", "demo", "manager"]


async def test_the_demo_wave_shows_every_stage_of_its_funnel_and_a_pending_referral(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, admin: dict[str, str]
) -> None:
    [wave] = (await client.get("/v1/recruiting/waves", headers=admin)).json()["items"]
    chloe = bearer(mint(demo, "ambassador", email=REFERRER.email(DEMO_DOMAIN), subject=REFERRER.subject))
    referrals = (await client.get("/v1/me/referrals", headers=chloe)).json()["items"]

    assert (wave["name"], wave["funnel"]) == (WAVE_NAME, FUNNEL)
    assert [(r["given_name"], r["status"]) for r in referrals] == [(REFERRED_RECRUIT.given_name, "pending")]


async def test_the_demo_has_a_training_module_with_completions_and_one_ambassador_half_way(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, manager: dict[str, str]
) -> None:
    # The wave's recruits are active members too (``recruiting_story.py``): the rate is over all of them.
    active = await every_item(client, "/v1/ambassadors", manager, status="active")
    [module] = (await client.get("/v1/training-modules", headers=manager)).json()["items"]
    completions = (await client.get(f"/v1/training-modules/{module['id']}/completions", headers=manager)).json()
    hugo = await client.get(
        f"/v1/training-modules/{module['id']}/progress", headers=ambassador(mint, demo, PEOPLE["hugo"])
    )

    assert (module["title"], module["status"], len(module["lessons"])) == (MODULE.title, "published", 4)
    assert (completions["completions"], completions["in_progress"], completions["active_ambassadors"]) == (
        len(COMPLETED_BY),
        len(IN_PROGRESS),
        len(active),
    )
    assert completions["completion_rate"] == pytest.approx(len(COMPLETED_BY) / len(active))
    assert (hugo.json()["lessons_done"], hugo.json()["completed"]) == ([1, 2], False)


async def test_the_demo_incident_was_handled_from_report_to_resolution_and_amelia_has_her_reminder(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, engine: AsyncEngine, database_url: str
) -> None:
    moderator = bearer(mint(demo, "moderator", email=MODERATOR_EMAIL, subject=MODERATOR_SUBJECT))
    [incident] = (await client.get("/v1/incidents", headers=moderator)).json()["items"]
    [flagged] = [share for share in SHARES if share.key == FLAGGED_SHARE]
    assert (incident["status"], incident["severity"], incident["nature"]) == (
        "resolved",
        "minor",
        "personal_expression",
    )
    assert [entry["kind"] for entry in incident["timeline"]] == ["assessment", "reminder", "resolution"]
    assert incident["exposure"]["estimated_reach"] == flagged.engagement[-1].impressions
    amelia = ambassador(mint, demo, PEOPLE["amelia"])
    assert (await client.get(f"/v1/incidents/{incident['id']}", headers=amelia)).status_code == 403

    async with worker_rounds(engine, database_url) as run:
        await run()

    notifications = (await inbox(client, amelia, limit=100))["items"]
    reminders = [item["data"] for item in notifications if item["kind"] == "incident_reminder"]
    assert reminders == [{"message": REMINDER}]


async def test_the_demo_holds_a_closed_survey_with_results_an_open_one_and_decided_ideas(
    client: httpx.AsyncClient, manager: dict[str, str], mint: Mint, demo: UUID
) -> None:
    surveys = {s["title"]: s for s in (await client.get("/v1/surveys", headers=manager)).json()["items"]}
    pulse, contents = surveys["Winter pulse"], surveys["This month's contents"]
    assert (pulse["status"], pulse["anonymous"], contents["status"]) == ("closed", True, "open")
    results = (await client.get(f"/v1/surveys/{pulse['id']}/results", headers=manager)).json()
    assert (results["withheld"], results["answers"]) == (False, 5)
    assert (results["questions"][0]["average"], results["questions"][1]["nps"]) == ("4.20", 40)
    assert len(results["questions"][3]["texts"]) == 5
    waiting = (await client.get(f"/v1/surveys/{contents['id']}/results", headers=manager)).json()
    assert (waiting["withheld"], waiting["answers"]) == (True, 1)
    camille = ambassador(mint, demo, PEOPLE["camille"])
    assert [s["id"] for s in (await client.get("/v1/me/surveys", headers=camille)).json()["items"]] == [contents["id"]]
    ideas = (await client.get("/v1/ideas", headers=manager)).json()["items"]
    assert sorted(i["status"] for i in ideas) == ["accepted", "declined", "pending"]


async def test_the_demo_recalled_a_job_offer_with_one_take_down_confirmed_and_one_pending(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, admin: dict[str, str], manager: dict[str, str]
) -> None:
    [recalled] = await every_content(client, manager, status="recalled")
    assert (recalled["recall_reason"], recalled["recalled_by"]) == (RECALL_REASON, ADMIN_SUBJECT)
    followed = await client.get(f"/v1/contents/{recalled['id']}/takedowns", headers=manager)
    assert followed.status_code == 200, followed.text
    assert followed.json()["progress"] == {"pending": 1, "confirmed": 1, "total": 2}
    lea = (await client.get("/v1/me/takedowns", headers=ambassador(mint, demo, PEOPLE["lea"]))).json()["items"]
    amelia = (await client.get("/v1/me/takedowns", headers=ambassador(mint, demo, PEOPLE["amelia"]))).json()["items"]
    assert [(item["status"], item["post_url"]) for item in lea] == [("confirmed", POSTS[0].post_url)]
    assert [(item["status"], item["post_url"]) for item in amelia] == [("pending", POSTS[1].post_url)]
    settings = (await client.get("/v1/settings", headers=admin)).json()
    assert settings["recall_notice_url"] == NOTICE_URL
