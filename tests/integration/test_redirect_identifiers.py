"""The identifiers a redirect hands out: its request id, and the click reference that is the click's id."""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qsl, urlsplit
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.api.observability import REQUEST_ID_HEADER
from tests.integration.conftest import Mint
from tests.integration.redirect_helpers import BROWSER, Share, clicks, live_share
from tests.support.logs import captured_logs

HEX_128_BITS = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
async def share(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> Share:
    return await live_share(client, mint, engine, tenant_a, admin_a)


def click_reference(response: httpx.Response) -> UUID:
    assert response.status_code == 302
    return UUID(dict(parse_qsl(urlsplit(response.headers["location"]).query))["rl_click"])


async def test_each_redirect_gets_a_request_id_of_its_own_in_its_answer_and_its_log_line(
    client: httpx.AsyncClient, share: Share
) -> None:
    with captured_logs() as logs:
        answers = [await client.get(share.path, headers={"User-Agent": BROWSER}) for _ in range(3)]
        unknown = await client.get("/r/Zz9Zz9Zz9")
    given = [answer.headers[REQUEST_ID_HEADER] for answer in [*answers, unknown]]

    assert all(HEX_128_BITS.fullmatch(request_id) for request_id in given)
    assert len(set(given)) == 4
    lines = [record for record in logs.records() if record["logger"] == "relais.access"]
    assert [(line["route"], line["status"], line["request_id"]) for line in lines] == [
        *(("/r/{code}", 302, request_id) for request_id in given[:3]),
        ("/r/{code}", 404, given[3]),
    ]


async def test_a_sane_request_id_sent_to_a_redirect_is_kept(client: httpx.AsyncClient, share: Share) -> None:
    sent = {"User-Agent": BROWSER, REQUEST_ID_HEADER: "edge-7f3a"}
    redirected, unknown = await client.get(share.path, headers=sent), await client.get("/r/Zz9Zz9Zz9", headers=sent)
    assert [answer.headers.get_list(REQUEST_ID_HEADER) for answer in (redirected, unknown)] == [["edge-7f3a"]] * 2


async def test_the_click_reference_is_the_recorded_clicks_uuid_v7_made_at_the_click(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    before = time.time_ns() // 1_000_000
    references = [click_reference(await client.get(share.path, headers={"User-Agent": BROWSER})) for _ in range(5)]
    after = time.time_ns() // 1_000_000

    assert [row["id"] for row in await clicks(engine, share.id)] == references
    assert len(set(references)) == 5
    for reference in references:
        assert (reference.version, reference.variant) == (7, "specified in RFC 4122")
        assert before <= reference.int >> 80 <= after
