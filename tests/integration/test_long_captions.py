"""The longest captions are checked in one pass: fast, with a short answer, and other requests served
meanwhile, over REST and GraphQL, when checking and when sharing.

The application here takes its production body limit (1 MiB): the longest caption does not fit the
other tests' 64 KiB."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from typing import Any
from uuid import UUID

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from app.bootstrap.api import Overrides, build_app
from app.domain.networks import CAPTION_LIMITS, Network
from app.settings import Settings
from tests.integration.conftest import Mint, RawStatements, bearer
from tests.integration.helpers import assert_problem, nothing_written
from tests.integration.share_helpers import create_share, published, sharing_programme
from tests.integration.test_graphql import data_of, node_id

# The caption ("ipo ai " * 9363) is 65,541 characters, five more than any network takes,
# so the API refuses it as too long before checking it; its longest part that fits is checked here.
CAPTION = "ipo ai " * 9362
RULES = {"banned_terms": ["ipo"], "sensitive_terms": ["ai"]}
FOUND = 2 * 9362
# The time the issue sets for this request, measured as the median of a few tries so that one
# slow try on a busy machine does not decide.
WITHIN_SECONDS = 0.050
TRIES = 5
HEALTHY_SECONDS = 0.100
CHECK = """
mutation ($input: CaptionCheckInput!) {
  checkCaption(input: $input) {
    __typename
    ... on ComplianceReport { ok totalViolations violations { code start end blocking } }
  }
}"""
CREATE = """
mutation ($input: CreateShareInput!) {
  createShare(input: $input) {
    __typename
    ... on CaptionNotCompliantError { code totalViolations violations { code start } fieldErrors { path } }
  }
}"""


@pytest.fixture(scope="module")
async def app(settings: Settings, raw_statements: RawStatements) -> AsyncIterator[FastAPI]:
    production_limit = Settings.model_fields["max_body_bytes"].default
    application = build_app(
        settings.model_copy(update={"max_body_bytes": production_limit}), Overrides(query_logger=raw_statements)
    )
    async with LifespanManager(application) as manager:
        yield manager.app  # type: ignore[misc]


@pytest.fixture
async def rules(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    assert (await client.patch("/v1/settings", json=RULES, headers=admin_a)).status_code == 200


async def median_seconds(request: Callable[[], Awaitable[httpx.Response]]) -> float:
    """The median time ``request`` takes, after one try that builds what is built once."""
    (await request()).raise_for_status()
    times = []
    for _ in range(TRIES):
        started = time.perf_counter()
        (await request()).raise_for_status()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def check_rest(client: httpx.AsyncClient, headers: dict[str, str]) -> Callable[[], Coroutine[Any, Any, httpx.Response]]:
    body = {"network": "whatsapp", "text": CAPTION}
    return lambda: client.post("/v1/compliance/check", json=body, headers=headers)


def test_the_caption_is_the_longest_a_network_takes() -> None:
    assert len(CAPTION) <= max(CAPTION_LIMITS.values()) < len(CAPTION + "ipo ai ")
    assert len(CAPTION) <= CAPTION_LIMITS[Network.WHATSAPP]


async def test_a_caption_full_of_terms_is_checked_within_the_bound_with_a_short_answer(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, rules: None
) -> None:
    request = check_rest(client, bearer(mint(tenant_a, "ambassador")))

    seconds = await median_seconds(request)
    response = await request()

    assert seconds < WITHIN_SECONDS, f"{seconds * 1000:.1f} ms"
    body = response.json()
    assert (body["ok"], body["total_violations"]) == (False, FOUND)
    # Fifty listed, the blocking ones first: the first fifty "ipo", in the order of the text.
    assert [(v["code"], v["start"], v["end"]) for v in body["violations"]] == [
        ("banned_term", 7 * n, 7 * n + 3) for n in range(50)
    ]
    assert len(response.content) < 16_384  # it was 2.6 MB, listing every one


async def test_graphql_lists_and_counts_as_rest_does(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, rules: None
) -> None:
    headers = bearer(mint(tenant_a, "ambassador"))

    report = (await data_of(client, CHECK, headers, input={"network": "WHATSAPP", "text": CAPTION}))["checkCaption"]
    rest = (await check_rest(client, headers)()).json()

    assert (report["__typename"], report["ok"], report["totalViolations"]) == ("ComplianceReport", False, FOUND)
    assert [(v["start"], v["end"]) for v in report["violations"]] == [
        (v["start"], v["end"]) for v in rest["violations"]
    ]
    assert len(report["violations"]) == 50


async def test_health_checks_are_answered_while_long_captions_are_checked(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, rules: None
) -> None:
    check = check_rest(client, bearer(mint(tenant_a, "ambassador")))
    await check()

    async def longest_health_check_while(checks: list[asyncio.Task[httpx.Response]]) -> float:
        waits = []
        while not all(task.done() for task in checks):
            started = time.perf_counter()
            # In process, a health check may never yield to the event loop: the pause before it
            # does, and is held up as a request reaching a busy server would be.
            await asyncio.sleep(0.001)
            assert (await client.get("/healthz")).status_code == 200
            waits.append(time.perf_counter() - started)
        return max(waits)

    longest = []
    for _ in range(TRIES):
        checks: list[asyncio.Task[httpx.Response]] = [asyncio.create_task(check())]
        longest.append(await longest_health_check_while(checks))
        assert all(task.result().status_code == 200 for task in checks)

    # Each try's longest wait: a check holding the event loop shows there, whole (it was seconds); a
    # busy two-core machine alone adds tens of milliseconds.
    assert statistics.median(longest) < HEALTHY_SECONDS, [f"{wait * 1000:.1f} ms" for wait in longest]


async def test_sharing_a_caption_full_of_banned_terms_is_refused_with_a_short_answer(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a, **RULES)
    content_id = await published(client, sharing)

    async with nothing_written(engine):
        started = time.perf_counter()
        response = await create_share(client, sharing.member, content_id, caption=CAPTION)
        seconds = time.perf_counter() - started
        variables: dict[str, Any] = {
            "input": {"contentId": node_id("Content", content_id), "network": "LINKEDIN", "caption": CAPTION}
        }
        refusal = (await data_of(client, CREATE, sharing.member, **variables))["createShare"]

    problem = assert_problem(response, 422, "caption-not-compliant")
    # Too long for LinkedIn, then the banned terms; the sensitive ones are left out of the fifty.
    assert problem["total_violations"] == FOUND + 1
    assert [v["code"] for v in problem["violations"]] == ["banned_term"] * 49 + ["too_long"]
    assert len(problem["errors"]) == 50
    assert len(response.content) < 32_768
    assert seconds < 1.0, f"{seconds * 1000:.1f} ms"  # it took seconds; the bound is the check's, above
    assert (refusal["__typename"], refusal["totalViolations"]) == ("CaptionNotCompliantError", FOUND + 1)
    assert [v["code"] for v in refusal["violations"]] == ["BANNED_TERM"] * 49 + ["TOO_LONG"]
