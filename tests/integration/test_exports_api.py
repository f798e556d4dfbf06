"""CSV exports on PostgreSQL: RFC 4180 quoting, the semicolon and byte-order-mark options, formula
cells neutralised while the server's own numbers stay numbers, roles, tenancy, and a long ledger
streamed whole and in order."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.rewards.tables import points_entries
from app.adapters.system import Uuid7Generator
from tests.integration.conftest import Mint, bearer
from tests.integration.feed_helpers import ambassador, programme
from tests.integration.helpers import assert_problem
from tests.integration.recognition_helpers import award, member_id, show_on_boards, worker_rounds
from tests.integration.share_helpers import create_share, published, sharing_programme

TRAP = '=HYPERLINK("http://evil.example","Click, me")\nsecond line'


def table(response: httpx.Response, delimiter: str = ",") -> list[list[str]]:
    assert response.status_code == 200, response.text
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def rows_by(header: list[str], rows: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(header, row, strict=True)) for row in rows]


async def adjusted(
    client: httpx.AsyncClient, admin: dict[str, str], ambassador_id: UUID, points: int, reason: str
) -> None:
    body = {"points": points, "reason": reason}
    response = await client.post(f"/v1/ambassadors/{ambassador_id}/points/adjustments", json=body, headers=admin)
    assert response.status_code == 201, response.text


async def test_the_ledger_is_quoted_per_rfc_4180_with_formulas_neutralised_and_numbers_kept(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    setup = await programme(client, mint, tenant_a, admin_a)
    ada = await member_id(client, await ambassador(client, mint, setup, "idp|ada", given_name="Ada"))
    await award(engine, tenant_a, ada, 30)
    await adjusted(client, admin_a, ada, -5, TRAP)
    await adjusted(client, admin_a, ada, 2, '@SUM(A1) "quoted"; semi')

    response = await client.get("/v1/exports/points.csv", headers=admin_a)

    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith('attachment; filename="points-')
    text = response.text
    assert text.startswith("entry_id,ambassador_id,ambassador,points,kind,status,rule,")
    assert text.endswith("\r\n")
    # A quote is doubled inside a quoted cell; the cell holding commas and a line break is quoted whole.
    assert '"\'=HYPERLINK(""http://evil.example"",""Click, me"")\nsecond line"' in text
    header, *rows = table(response)
    assert header[:4] == ["entry_id", "ambassador_id", "ambassador", "points"]
    entries = rows_by(header, rows)
    assert [(e["points"], e["reason"]) for e in entries] == [
        ("30", "Awarded by the test."),
        ("-5", "'" + TRAP),
        ("2", '\'@SUM(A1) "quoted"; semi'),
    ]
    assert {e["kind"] for e in entries[1:]} == {"adjustment"}
    assert entries[0]["multiplier"] == "1.00"
    assert entries[0]["occurred_at"].endswith("Z")


async def test_a_semicolon_file_with_a_byte_order_mark_writes_decimals_with_a_comma(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    setup = await programme(client, mint, tenant_a, admin_a)
    lea = await member_id(client, await ambassador(client, mint, setup, "idp|lea", given_name="Léa", family_name="Dû"))
    await award(engine, tenant_a, lea, 7)

    response = await client.get("/v1/exports/points.csv?separator=semicolon&bom=true", headers=admin_a)

    assert response.content.startswith(b"\xef\xbb\xbfentry_id;ambassador_id;ambassador;points;")
    header, row = table(response, delimiter=";")
    entry = dict(zip(header, row, strict=True))
    assert (entry["ambassador"], entry["points"], entry["multiplier"]) == ("Léa Dû", "7", "1,00")
    plain = await client.get("/v1/exports/points.csv", headers=admin_a)
    assert not plain.content.startswith(b"\xef\xbb\xbf")
    assert plain.content.startswith(b"entry_id,ambassador_id,")


async def test_an_export_holds_no_row_of_another_organisation(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    share = await create_share(client, sharing.member, await published(client, sharing))
    assert share.status_code == 201, share.text
    await award(engine, tenant_a, await member_id(client, sharing.member), 12)

    for path in ("points", "shares", "conversions", "leaderboard"):
        theirs = table(await client.get(f"/v1/exports/{path}.csv", headers=admin_b))
        ours = table(await client.get(f"/v1/exports/{path}.csv", headers=admin_a))
        assert len(theirs) == 1, (path, theirs)  # the header alone
        assert theirs[0] == ours[0]
    assert len(table(await client.get("/v1/exports/shares.csv", headers=admin_a))) == 2


async def test_the_ledger_is_for_admins_and_analysts_and_no_export_is_for_ambassadors(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    setup = await programme(client, mint, tenant_a, admin_a)
    member = await ambassador(client, mint, setup, "idp|ada")
    analyst = bearer(mint(tenant_a, "analyst"))

    assert_problem(await client.get("/v1/exports/points.csv", headers=setup.manager), 403, "forbidden")
    assert (await client.get("/v1/exports/points.csv", headers=analyst)).status_code == 200
    for path in ("metrics", "shares", "conversions", "leaderboard", "points"):
        assert_problem(await client.get(f"/v1/exports/{path}.csv", headers=member), 403, "forbidden")
    for path in ("metrics", "shares", "conversions", "leaderboard"):
        assert (await client.get(f"/v1/exports/{path}.csv", headers=setup.manager)).status_code == 200
    assert_problem(await client.get("/v1/exports/shares.csv"), 401, "unauthenticated")


async def test_bad_parameters_are_problems_naming_what_to_fix(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    late = await client.get("/v1/exports/shares.csv?from=2026-03-10&to=2026-03-01", headers=admin_a)
    assert "(to)" in str(assert_problem(late, 422, "validation-failed")["errors"])
    zone = assert_problem(await client.get("/v1/exports/points.csv?tz=Mars/Olympus", headers=admin_a), 422)
    assert "IANA" in str(zone["errors"])
    kpi = assert_problem(await client.get("/v1/exports/metrics.csv?kpi=clicks&kpi=charm", headers=admin_a), 422)
    assert kpi["errors"][0]["loc"] == ["query", "kpi", 1]
    board = await client.get("/v1/exports/leaderboard.csv?period=campaign", headers=admin_a)
    assert_problem(board, 422, "validation-failed")
    unknown = await client.get(
        f"/v1/exports/leaderboard.csv?period=campaign&campaign_id={UUID(int=7)}", headers=admin_a
    )
    assert_problem(unknown, 404, "not-found")
    refused = await client.get("/v1/exports/shares.csv", headers=admin_a | {"Accept": "application/json"})
    assert_problem(refused, 406, "not-acceptable")


async def test_shares_export_names_who_shared_what_and_its_figures_on_request(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    content_id = await published(client, sharing, title="=cmd|' /C calc'!A0")
    share = (await create_share(client, sharing.member, content_id)).json()
    confirmed = await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)
    assert confirmed.status_code == 200, confirmed.text

    header, row = table(await client.get("/v1/exports/shares.csv?on=posted&figures=true", headers=admin_a))
    exported = dict(zip(header, row, strict=True))
    assert exported["share_id"] == share["id"]
    assert exported["network"] == "linkedin"
    assert exported["status"] == "posted"
    assert exported["posted_at"].endswith("Z")
    assert exported["clicks"] == "0"
    assert header[-6:] == ["impressions", "reactions", "comments", "reshares", "clicks", "unique_visitors"]
    without = table(await client.get("/v1/exports/shares.csv", headers=admin_a))
    assert "clicks" not in without[0]


async def test_the_leaderboard_export_ranks_only_those_who_chose_to_appear(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> None:
    setup = await programme(client, mint, tenant_a, admin_a)
    ids = {}
    for name, visible in (("Ada", True), ("Bob", True), ("Cy", False), ("Dee", True)):
        headers = await ambassador(client, mint, setup, f"idp|{name.lower()}", given_name=name)
        await show_on_boards(client, headers, visible)
        ids[name] = await member_id(client, headers)
    for name, points in (("Ada", 10), ("Bob", 30), ("Cy", 50), ("Dee", 10)):
        await award(engine, tenant_a, ids[name], points)
    async with worker_rounds(engine, database_url) as run:
        await run()

    response = await client.get("/v1/exports/leaderboard.csv?period=all_time", headers=admin_a)

    assert 'filename="leaderboard-all-time.csv"' in response.headers["content-disposition"]
    header, *rows = table(response)
    board = [(r["rank"], r["given_name"], r["points"]) for r in rows_by(header, rows)]
    assert board == [("1", "Bob", "30"), ("2", "Ada", "10"), ("2", "Dee", "10")]


async def test_the_metrics_export_has_a_line_per_group_and_the_totals_last(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    await programme(client, mint, tenant_a, admin_a)
    response = await client.get(
        "/v1/exports/metrics.csv?from=2026-01-01&to=2026-03-31&group_by=month&kpi=posted_shares&kpi=clicks&kpi=cost&tz=UTC",
        headers=admin_a,
    )
    assert 'filename="metrics-2026-01-01-2026-03-31-by-month.csv"' in response.headers["content-disposition"]
    assert table(response) == [
        ["key", "label", "posted_shares", "clicks", "cost"],
        ["2026-01-01", "", "0", "0", "0"],
        ["2026-02-01", "", "0", "0", "0"],
        ["2026-03-01", "", "0", "0", "0"],
        ["total", "", "0", "0", "0"],
    ]


async def test_a_long_ledger_streams_whole_and_in_order_and_head_answers_its_headers_alone(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    setup = await programme(client, mint, tenant_a, admin_a)
    ada = await member_id(client, await ambassador(client, mint, setup, "idp|ada"))
    ids, now = Uuid7Generator(), datetime.now(UTC)
    made = [ids.new_id() for _ in range(25_000)]
    async with engine.begin() as connection:
        await connection.execute(
            sa.insert(points_entries),
            [
                {
                    "tenant_id": tenant_a,
                    "id": entry_id,
                    "ambassador_id": ada,
                    "points": number % 7 - 3,
                    "kind": "adjustment",
                    "status": "credited",
                    "rule": "adjustment",
                    "multiplier": Decimal(1),
                    "reason": f'Line {number}, "bulk"',
                    "occurred_at": now - timedelta(seconds=number),
                    "recorded_at": now,
                }
                for number, entry_id in enumerate(made)
            ],
        )

    response = await client.get("/v1/exports/points.csv", headers=admin_a)

    header, *rows = table(response)
    assert [row[0] for row in rows] == [str(entry_id) for entry_id in made]
    assert rows[-1][header.index("reason")] == 'Line 24999, "bulk"'
    assert rows[4][header.index("points")] == "1"
    assert len(response.content) > 5 * 65_536  # several chunks' worth

    head = await client.head("/v1/exports/points.csv", headers=admin_a)

    assert head.status_code == 200
    assert head.headers["content-type"] == response.headers["content-type"]
    assert head.headers["content-disposition"] == response.headers["content-disposition"]
    assert head.content == b""
