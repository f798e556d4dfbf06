"""Roster imports over GraphQL: admins read what REST's dry runs made, their own organisation's only."""

from __future__ import annotations

import httpx

from tests.integration.roster_import_helpers import csv_file, csv_row, preview
from tests.integration.test_graphql import data_of, node_id

IMPORTS = """
{ rosterImports(first: 10) { edges { node { uuid mode status rows badRows errorCount
  counts { create update terminate unchanged } } } } }
"""
ONE = "query ($id: ID!) { rosterImport(id: $id) { uuid status } rosterImportErrors(id: $id) { line column } }"


async def test_admins_read_roster_imports_and_their_row_problems(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    answer = await preview(client, admin_a, csv_file(csv_row(1), "HR-2,not-an-address,B,B,,"))

    listed = await data_of(client, IMPORTS, admin_a)
    one = await data_of(client, ONE, admin_a, id=node_id("RosterImport", answer["id"]))

    assert [edge["node"] for edge in listed["rosterImports"]["edges"]] == [
        {
            "uuid": answer["id"],
            "mode": "FULL",
            "status": "PREVIEWED",
            "rows": 2,
            "badRows": 1,
            "errorCount": 1,
            "counts": {"create": 1, "update": 0, "terminate": 0, "unchanged": 0},
        }
    ]
    assert one == {"rosterImport": {"uuid": answer["id"], "status": "PREVIEWED"},
                   "rosterImportErrors": [{"line": 3, "column": "email"}]}  # fmt: skip
    elsewhere = await data_of(client, IMPORTS, admin_b)
    assert elsewhere["rosterImports"]["edges"] == []
    hidden = await client.post(
        "/graphql", json={"query": "query ($id: ID!) { rosterImport(id: $id) { uuid } }",
                          "variables": {"id": node_id("RosterImport", answer["id"])}}, headers=admin_b
    )  # fmt: skip
    assert hidden.json()["data"] == {"rosterImport": None}
