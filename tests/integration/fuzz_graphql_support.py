"""Binding drawn GraphQL documents to the seeded tenant: ids the API issued, periods in order."""

from __future__ import annotations

import re
import zlib
from datetime import date
from typing import Any
from uuid import UUID

from strawberry.relay import GlobalID

from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import MAX_PERIOD_DAYS, Grouping
from app.domain.metrics.sources import breakdowns
from tests.integration.fuzz_support import SeededTenant, instant_of, server_cursor

# The seeded kinds, by the name a GraphQL argument gives them, and the node type of their global ids.
GRAPHQL_KINDS = {
    "employee": "Employee",
    "manager": "Employee",
    "ambassador": "Ambassador",
    "content": "Content",
    "campaign": "Campaign",
    "share": "Share",
    "conversion": "Conversion",
    "account": "SocialAccount",
    "reward": "Reward",
    "redemption": "Redemption",
    "association": "Association",
    "cost": "ProgrammeCost",
    "integration": "Integration",
    "rosterimport": "RosterImport",
    "webhook": "WebhookEndpoint",
    "module": "TrainingModule",
    "incident": "Incident",
    "survey": "Survey",
    "idea": "Idea",
}
# Arguments that take a plain UUID, not a global id: ledger entries, notifications, devices, webhook
# deliveries and take-downs are no nodes (take-downs come of the worker, which the runs do not start).
PLAIN_UUID_ARGUMENTS = frozenset({"entryId", "notificationId", "deviceId", "deliveryId", "takedownId"})
# The space's posts and comments and the waves are no nodes either: their plain ids are drawn among the
# seeded ones, by the argument's name (a bare ``uuid``, by its field's).
SEEDED_UUID_ARGUMENTS = {"postUuid": "post_id", "commentUuid": "comment_id"}
SEEDED_UUID_FIELDS = {"wave": "wave_id", "comment": "comment_id", "post": "post_id"}
_GRAPHQL_STRING = r'"(?:[^"\\]|\\.)*"'
_GRAPHQL_ID = rf"(?:{_GRAPHQL_STRING}|-?\d+)"


def bind_graphql_to_seed(case: Any, tenant: SeededTenant) -> None:
    """The GraphQL counterpart of ``bind_to_seed``, for documents meant to be valid. The schema language
    states no bounds, patterns or formats: a page asks for what the descriptions allow (1 to 100 items)
    after a cursor the server issued, filters hold no control characters, languages are registered,
    periods end after they start, and ids are global ids this API issued — most of them of seeded
    resources, one in four of a resource that does not exist. REST fuzzes those rules, on the same use
    cases."""
    query = case.body  # the printed document
    if not isinstance(query, str) or case.meta is None or not case.meta.generation.mode.is_positive:
        return
    field = case.operation.label.split(".")[-1].lower()
    paths = {
        "feed": "/v1/me/feed",
        "leaderboard": "/v1/leaderboards",
        "socialaccountaudience": "/v1/me/social-accounts/{account_id}/audience",
        "mynotifications": "/v1/me/notifications",
    }
    cursor = server_cursor(paths.get(field, ""))
    query = re.sub(r"\b(first|last): (-?\d+)", lambda m: f"{m.group(1)}: {min(max(int(m.group(2)), 1), 100)}", query)
    query = re.sub(rf"\b(after|before): {_GRAPHQL_STRING}", lambda m: f'{m.group(1)}: "{cursor}"', query)
    query = re.sub(r"\\u00[01][0-9A-Fa-f]|\\u00[789][0-9A-Fa-f]|\\[bfnrt]", "", query)
    query = re.sub(rf"\b(language|defaultLanguage): {_GRAPHQL_STRING}", lambda m: f'{m.group(1)}: "fr"', query)
    query = re.sub(rf"\blanguages: \[(?:{_GRAPHQL_STRING}|[^\]\"])*\]", 'languages: ["fr"]', query)
    for start, end in GRAPHQL_PERIODS:
        query = _graphql_period(query, start, end)
    if field == "leaderboard":
        # A campaign is named exactly when the board is a campaign's; REST fuzzes campaign boards.
        query = re.sub(
            r"\b(scope|period): CAMPAIGN\b", lambda m: f"{m[1]}: {'PROGRAMME' if m[1] == 'scope' else 'MONTH'}", query
        )
        query = re.sub(rf"\bcampaignId: (?:{_GRAPHQL_ID}|null)", "", query)
    if field in METRIC_FIELDS:
        query = _keep_metrics_read_valid(query, field)
    named_by_field = next((kind for kind in GRAPHQL_KINDS if kind in field), None)

    def one_id(name: str, drawn: str) -> str:
        """A global id of the kind the argument names (any kind for ``node``), drawn from ``drawn``."""
        named = name[: -len("Id")].lower() if name != "id" else named_by_field or ""
        picked = zlib.crc32(drawn.encode())
        kind = next((kind for kind in GRAPHQL_KINDS if kind in named), list(GRAPHQL_KINDS)[picked % len(GRAPHQL_KINDS)])
        known = tenant.ids["employee_id" if kind == "manager" else f"{kind}_id"]
        uuid = UUID(int=picked) if picked % 4 == 0 else known[picked % len(known)]
        return f'"{GlobalID(GRAPHQL_KINDS[kind], str(uuid))}"'

    def plain_id(name: str, drawn: str) -> str:
        """A seeded resource's plain UUID for the arguments that name one, else a random one."""
        picked = zlib.crc32(drawn.encode())
        kind = SEEDED_UUID_ARGUMENTS.get(name) or next(
            (kind for word, kind in SEEDED_UUID_FIELDS.items() if name == "uuid" and word in field), None
        )
        if kind is None or picked % 4 == 0:
            return f'"{UUID(int=picked)}"'
        known = tenant.ids[kind]
        return f'"{known[picked % len(known)]}"'

    def any_id(name: str, drawn: str) -> str:
        if name in PLAIN_UUID_ARGUMENTS or name in SEEDED_UUID_ARGUMENTS:
            return plain_id(name, drawn)
        return one_id(name, drawn)

    query = re.sub(rf"\b(id|[a-z][A-Za-z]*Id): ({_GRAPHQL_ID})", lambda m: f"{m[1]}: {any_id(m[1], m[2])}", query)
    query = re.sub(rf"\b(uuid|[a-z][A-Za-z]*Uuid): ({_GRAPHQL_ID})", lambda m: f"{m[1]}: {plain_id(m[1], m[2])}", query)
    case.body = re.sub(
        # Items are printed with or without commas between them.
        rf"\bids: \[((?:[\s,]*{_GRAPHQL_ID})*)[\s,]*\]",
        lambda m: "ids: [{}]".format(", ".join(one_id("id", item) for item in re.findall(_GRAPHQL_ID, m[1]))),
        query,
    )


# The metric reads, by field: the most rows they answer, and the grouping of a top list's rows.
METRIC_FIELDS: dict[str, tuple[int, Grouping | None]] = {
    "metrics": (1000, None),
    "topcontents": (50, Grouping.CONTENT),
    "topambassadors": (50, Grouping.AMBASSADOR),
}


def _keep_metrics_read_valid(query: str, field: str) -> str:
    """Rows within their bounds, a KPI to sort or rank by that the rows break down, a known zone, and at
    most three years that end after they start: REST fuzzes the refusals, on the same use cases."""
    most, grouping = METRIC_FIELDS[field]
    query = re.sub(r"\blimit: (-?\d+)", lambda m: f"limit: {min(max(int(m.group(1)), 1), most)}", query)
    query = re.sub(rf"\btz: {_GRAPHQL_STRING}", 'tz: "Europe/Paris"', query)
    group = re.search(r"\bgroupBy: ([A-Z_]+)", query)
    grouping = grouping or (Grouping[group.group(1)] if group else None)
    if grouping is not None:
        ranked = re.compile(r"\b(sort|kpi): ([A-Z_]+)")
        query = ranked.sub(
            lambda m: m.group(0) if grouping in breakdowns(Kpi[m.group(2)]) else f"{m.group(1)}: CLICKS", query
        )
    # Both days named, in order: a day alone would be read with today, whose date depends on the zone.
    day = rf"\b(from|to): (null|{_GRAPHQL_STRING})"
    named = {found.group(1): found.group(2).strip('"') for found in re.finditer(day, query) if found.group(2) != "null"}
    if named:
        first = date.fromisoformat(named.get("from") or named["to"])
        last = date.fromisoformat(named.get("to") or named["from"])
        if not 0 <= (last - first).days < MAX_PERIOD_DAYS:
            last = first
        query = re.sub(rf"{day},?", "", query)
        query = re.sub(
            r"\b(metrics|topContents|topAmbassadors)\(", rf'\1(from: "{first}", to: "{last}", ', query, count=1
        )
    return query


GRAPHQL_PERIODS = (
    ("createdFrom", "createdTo"),
    ("occurredFrom", "occurredTo"),
    ("publishAt", "expireAt"),
    ("startsAt", "endsAt"),
    ("from", "to"),
)


def _graphql_period(query: str, start: str, end: str) -> str:
    starts = re.search(rf'\b{start}: "([^"]*)"', query)
    ends = re.search(rf'\b{end}: "([^"]*)"', query)
    if starts and ends and instant_of(ends.group(1)) <= instant_of(starts.group(1)):
        return query[: ends.start()] + query[ends.end() :]
    return query
