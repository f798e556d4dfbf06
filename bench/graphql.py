"""The GraphQL list benchmark: a page of contents over ``POST /graphql`` against the same page
over ``GET /v1/contents``, both served by the same ``relais serve`` process.

A fresh database (on RELAIS_BENCH_SERVER_URL, by default the local PostgreSQL, else an embedded
one) is migrated and seeded with the feed benchmark's tenant (200 approved contents in two
languages with captions for three networks); wrk drives the two endpoints in interleaved rounds
with the same admin token and page size, GraphQL asking for every field REST returns, and the
figures go to ``bench/RESULTS.md`` under "GraphQL list". wrk must be installed
(``apt-get install wrk``).

    .venv/bin/python -m bench.graphql [--rounds 3] [--seconds 10] [--connections 32]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from app.adapters.postgres.migrations import upgrade
from app.bootstrap import dev_issuer
from app.settings import Settings
from bench.feed import fresh_database, seed, write_section
from bench.feed_seed import CONTENTS, BenchTenant
from bench.harness import free_port, post_script, report, server
from bench.measure import Measured, Probe, interleave_with_cpu, load_average, machine, statements_in_process
from bench.redirect import UNSPENDABLE

DATABASE = "relais_bench_graphql"
TARGET_RATIO = 0.5
TARGET = f">= {TARGET_RATIO}x REST's throughput"
# What REST's ContentOut holds, under GraphQL's names (REST's `id` is `uuid`), as a client would ask.
QUERY = """query Contents($first: Int!) {
  contents(first: $first) {
    edges {
      node {
        uuid status allowedActions language title body captions { network text }
        locales { language title body captions { network text } }
        format objective topics linkUrl media { url kind altText } shareable pinned important
        publishAt expiresAt publishedAt targeting { departments locations languages } proposed
        createdBy lastEditedBy approvedAt approvedBy createdAt updatedAt
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}"""


def admin_headers(settings: Settings, tenant: BenchTenant) -> dict[str, str]:
    token = dev_issuer(settings).mint(
        tenant_id=tenant.tenant_id,
        subject="bench|admin",
        roles=["admin"],
        email=None,
        ttl=timedelta(hours=2),
        now=datetime.now(UTC),
    )
    return {"Authorization": f"Bearer {token}"}


def same_page(rest_url: str, graphql_url: str, body: dict[str, Any], headers: dict[str, str]) -> tuple[int, int, int]:
    """Both endpoints list the same contents in the same order; returns (items, REST bytes, GraphQL bytes)."""
    rest = httpx.get(rest_url, headers=headers, timeout=10)
    rest.raise_for_status()
    graphql = httpx.post(graphql_url, json=body, headers=headers, timeout=10)
    graphql.raise_for_status()
    answer = graphql.json()
    if answer.get("errors"):
        raise RuntimeError(f"GraphQL answered errors: {json.dumps(answer['errors'])[:500]}")
    rest_items = rest.json()["items"]
    nodes = [edge["node"] for edge in answer["data"]["contents"]["edges"]]
    if not rest_items or [item["id"] for item in rest_items] != [node["uuid"] for node in nodes]:
        raise RuntimeError("GraphQL and REST do not list the same contents.")
    if [item["title"] for item in rest_items] != [node["title"] for node in nodes]:
        raise RuntimeError("GraphQL and REST do not give the same titles.")
    return len(rest_items), len(rest.content), len(graphql.content)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args(argv)
    with fresh_database(DATABASE) as url, tempfile.TemporaryDirectory() as data_dir:
        upgrade(url)
        started = time.monotonic()
        tenant = asyncio.run(seed(url))
        print(f"seeded in {time.monotonic() - started:.0f} s", file=sys.stderr)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        # The admin is counted as every caller is, against budgets neither endpoint ever spends.
        settings = Settings(
            database_url=url,
            data_dir=Path(data_dir),
            public_base_url=base_url,
            rate_limit_caller=UNSPENDABLE,
            rate_limit_tenant=UNSPENDABLE,
        )
        headers = admin_headers(settings, tenant)
        body = {"query": QUERY, "variables": {"first": args.limit}, "operationName": "Contents"}
        rest_path = f"/v1/contents?limit={args.limit}"
        statements = asyncio.run(
            statements_in_process(
                settings,
                {"REST": Probe(rest_path), "GraphQL": Probe("/graphql", json=body)},
                headers,
            )
        )
        script = post_script(Path(data_dir) / "graphql.lua", json.dumps(body))
        relais_env = {
            "RELAIS_DATABASE_URL": url,
            "RELAIS_DATA_DIR": data_dir,
            "RELAIS_PORT": str(port),
            "RELAIS_PUBLIC_BASE_URL": base_url,
            "RELAIS_LOG_LEVEL": "warning",
            "RELAIS_RATE_LIMIT_CALLER": UNSPENDABLE,
            "RELAIS_RATE_LIMIT_TENANT": UNSPENDABLE,
        }
        relais = [str(Path(sys.executable).with_name("relais")), "serve"]
        with server(relais, port, relais_env) as candidate:
            rest_name, graphql_name = f"REST `GET {rest_path}`", "GraphQL `POST /graphql`"
            targets = {rest_name: (candidate + rest_path, port), graphql_name: (candidate + "/graphql", port)}
            sizes = same_page(candidate + rest_path, candidate + "/graphql", body, headers)
            load = load_average()
            measured = interleave_with_cpu(
                targets,
                rounds=args.rounds,
                seconds=args.seconds,
                connections=args.connections,
                headers=headers,
                scripts={graphql_name: script},
            )
        text = graphql_report(measured, statements, sizes, args, f"{load} before, {load_average()} after")
        write_section("GraphQL list", text)
    print(Path(__file__).with_name("RESULTS.md").read_text())


def graphql_report(
    measured: dict[str, Measured], statements: dict[str, float], sizes: tuple[int, int, int], args: Any, load: str
) -> str:
    rest, graphql = measured.values()
    counts = ", ".join(f"{name}: {value:.2f}" for name, value in statements.items())
    text = report(
        "GraphQL list",
        rest.series,
        graphql.series,
        f"SQL statements per request (counted in process, the ORM's and the raw pool's): {counts}.",
        TARGET,
    )
    ratio = graphql.series.throughput / rest.series.throughput
    rounds = ", ".join(
        f"{mine.requests_per_second / theirs.requests_per_second:.2f}"
        for mine, theirs in zip(graphql.series.runs, rest.series.runs, strict=True)
    )
    items, rest_bytes, graphql_bytes = sizes
    return "\n".join(
        [
            text,
            f"Target {'met' if ratio >= TARGET_RATIO else 'missed'}. Ratio in each round: {rounds}. Server CPU time "
            f"per request (ms, over every round): REST {rest.cpu_ms_per_request:.2f}, GraphQL "
            f"{graphql.cpu_ms_per_request:.2f}; by CPU, GraphQL serves "
            f"**{rest.cpu_ms_per_request / graphql.cpu_ms_per_request:.2f}x** REST's requests.",
            "",
            f"The first page of `contents` ({items} items; {rest_bytes:,} bytes over REST, {graphql_bytes:,} over "
            "GraphQL) for an admin, with the same bearer token: REST's `ContentOut` fields, asked for by name in "
            "one GraphQL document with `first` as a variable (REST's `id` is GraphQL's `uuid`). Both served by "
            "one `relais serve` process (RELAIS_LOG_LEVEL=warning; every request counted against the caller's and "
            f"the organisation's budgets in memory, too large to spend); wrk, 1 thread, {args.connections} "
            f"connections, {args.seconds} s per run after a 1 s warm-up, the two endpoints alternating. Tenant: "
            f"the feed benchmark's, {CONTENTS} approved contents in French and English with captions for three "
            "networks. Servers, wrk and PostgreSQL share the machine.",
            "",
            f"Machine: {machine()}; PostgreSQL on 127.0.0.1; load average (1/5/15 min) {load}. "
            f"Date: {datetime.now(UTC):%Y-%m-%d}.",
            "",
        ]
    )


if __name__ == "__main__":
    main()
