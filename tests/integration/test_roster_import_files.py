"""Messy roster files, as HRIS exports and spreadsheets write them: each case read right or refused
naming the line and the column to fix."""

from __future__ import annotations

from collections.abc import AsyncIterator
from uuid import UUID

import httpx
from asgi_lifespan import LifespanManager
from sqlalchemy.ext.asyncio import AsyncEngine

from app.bootstrap.api import build_app
from app.settings import Settings
from tests.integration.helpers import assert_problem, nothing_written
from tests.integration.roster_import_helpers import (
    NDJSON,
    csv_file,
    csv_row,
    hire,
    preview,
    problems,
    roster,
    send_file,
)


async def test_a_bom_semicolons_crlf_and_blank_lines_are_read_as_a_spreadsheet_writes_them(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, tenant_a: UUID
) -> None:
    file = (
        "\ufeffexternal_id;email;given_name;family_name;department\r\n"
        'HR-1;ada@acme.example;Ada;Lovelace;"R&D; London"\r\n'
        "\r\n"
        "HR-2;grace@acme.example;Grace;Hopper;Sales\r\n"
        ";;;;\r\n"
    )

    answer = await preview(client, admin_a, file)

    assert (answer["rows"], answer["bad_rows"], answer["counts"]["create"]) == (2, 0, 2)
    applied = await client.post(f"/v1/roster-imports/{answer['id']}/apply", headers=admin_a)
    assert applied.status_code == 200, applied.text
    after = await roster(engine, tenant_a)
    assert (after["HR-1"]["department"], after["HR-2"]["email"]) == ("R&D; London", "grace@acme.example")


async def test_a_quoted_line_break_keeps_the_following_lines_numbered_right(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    file = csv_file('HR-1,a@acme.example,Ada,"Love\nlace",R&D,', csv_row(2), "HR-3,not-an-address,C,C,R&D,")

    answer = await preview(client, admin_a, file)

    # The header is line 1; Ada's row spans lines 2 and 3, so the bad address is on line 5.
    assert problems(answer) == [(2, "family_name"), (5, "email")]
    assert answer["counts"]["create"] == 1


async def test_duplicate_addresses_and_external_ids_name_both_lines(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    file = csv_file(
        "HR-1,same@acme.example,A,A,,",
        "HR-2,Same@Acme.example,B,B,,",
        "HR-3,c@acme.example,C,C,,",
        "HR-3,d@acme.example,D,D,,",
    )

    answer = await preview(client, admin_a, file)

    assert problems(answer) == [(2, "email"), (3, "email"), (4, "external_id"), (5, "external_id")]
    messages = [error["message"] for error in answer["errors"]]
    assert "line 3" in messages[0]
    assert "line 2" in messages[1]
    assert answer["counts"] == {"create": 0, "update": 0, "terminate": 0, "unchanged": 0}


async def test_repeated_addresses_that_are_not_ascii_are_found_too(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    file = csv_file(
        "HR-1,zoë@acme.example,Zoë,A,,",
        "HR-2,other@acme.example,B,B,,",
        "HR-3,ZOË@acme.example,Zoë,C,,",
        "HR-4,other@acme.example,D,D,,",
    )

    answer = await preview(client, admin_a, file)

    assert problems(answer) == [(2, "email"), (3, "email"), (4, "email"), (5, "email")]
    assert "line 4" in answer["errors"][0]["message"]
    assert "line 5" in answer["errors"][1]["message"]


async def test_an_unknown_manager_is_named_by_line_and_column_and_known_ones_resolve(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    await hire(client, admin_a, 1)
    file = csv_file(csv_row(1), csv_row(2, manager="HR-1"), csv_row(3, manager="HR-2"), csv_row(4, manager="HR-99"))

    answer = await preview(client, admin_a, file)

    assert problems(answer) == [(5, "manager_external_id")]
    assert "HR-99" in answer["errors"][0]["message"]
    assert answer["counts"] == {"create": 2, "update": 0, "terminate": 0, "unchanged": 1}


async def test_an_address_another_employee_holds_is_a_row_error(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    await hire(client, admin_a, 1, 2)

    answer = await preview(client, admin_a, csv_file("HR-2,P1@acme.example,Person,No2,R&D,"), mode="partial")

    assert problems(answer) == [(2, "email")]
    assert "HR-1" in answer["errors"][0]["message"]


async def test_latin1_bytes_are_refused_naming_the_line_and_cell(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    file = (csv_file(csv_row(1)) + "HR-2,rene@acme.example,Ren\xe9,Dupont,,\n").encode("latin-1")

    answer = await preview(client, admin_a, file)

    assert problems(answer) == [(3, "given_name")]
    assert "UTF-8" in answer["errors"][0]["message"]
    assert answer["counts"]["create"] == 1


async def test_an_unknown_column_refuses_the_file(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    async with nothing_written(engine):
        refused = await send_file(client, admin_a, csv_file(header="external_id,email,cost_centre"))

    problem = assert_problem(refused, 422, "roster-file-unreadable")
    assert "cost_centre" in problem["errors"][0]["message"]


async def test_ndjson_lines_that_are_not_objects_are_row_errors(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    file = (
        '{"external_id": "HR-1", "email": "a@acme.example", "given_name": "A", "family_name": "A"}\n'
        "not json\n"
        "\n"
        '{"external_id": "HR-3", "email": "c@acme.example", "given_name": "C", "family_name": "C", "badge": 1}\n'
        '{"external_id": "HR-4", "email": "d@acme.example", "given_name": "D"}\n'
    )

    answer = await preview(client, admin_a, file, content_type=NDJSON)

    assert problems(answer) == [(2, None), (4, "badge"), (5, "family_name")]
    assert answer["counts"]["create"] == 1


async def test_more_rows_than_an_import_takes_are_refused_and_nothing_is_kept(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    file = "external_id\n" + "".join(f"HR-{n}\n" for n in range(100_001))

    refused = await send_file(client, admin_a, file, mode="partial")

    assert_problem(refused, 413, "roster-file-too-large")
    listed = await client.get("/v1/roster-imports", headers=admin_a)
    assert listed.json()["items"] == []


async def test_the_dry_run_shows_a_hundred_problems_and_the_rest_are_paged(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    file = csv_file(*(f"HR-{n},bad-{n},A,B,," for n in range(150)))

    answer = await preview(client, admin_a, file)

    assert (answer["error_count"], len(answer["errors"])) == (150, 100)
    page = {"cursor": answer["errors_next_cursor"], "limit": 100}
    rest = await client.get(f"/v1/roster-imports/{answer['id']}/errors", params=page, headers=admin_a)
    assert rest.status_code == 200, rest.text
    assert [error["line"] for error in rest.json()["items"]] == list(range(102, 152))
    assert rest.json()["next_cursor"] is None


async def test_a_file_in_another_format_is_refused(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    refused = await send_file(client, admin_a, "<roster/>", content_type="application/xml")

    assert_problem(refused, 415, "unsupported-media-type")


async def test_a_file_over_the_byte_limit_is_refused_even_without_a_length(
    settings: Settings, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    small = build_app(settings.model_copy(update={"roster_import_max_bytes": 4096}))

    async def chunks() -> AsyncIterator[bytes]:
        yield b"external_id\n"
        for n in range(1000):
            yield f"HR-{n}\n".encode()

    async with LifespanManager(small) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with (
            httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client,
            nothing_written(engine),
        ):
            announced = await send_file(client, admin_a, "external_id\n" + "HR-1\n" * 1000)
            streamed = await client.post(
                "/v1/roster-imports", params={"mode": "partial"}, content=chunks(),
                headers=admin_a | {"Content-Type": "text/csv"},
            )  # fmt: skip

    assert_problem(announced, 413, "payload-too-large")
    assert_problem(streamed, 413, "payload-too-large")
