"""Binding drawn GraphQL documents to the seeded tenant: ids the API issued, periods in order."""

from __future__ import annotations

import re
import zlib
from typing import Any
from uuid import UUID

from strawberry.relay import GlobalID

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
}
# Arguments that take a plain UUID, not a global id: ledger entries are no nodes.
PLAIN_UUID_ARGUMENTS = frozenset({"entryId"})
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
    named_by_field = next((kind for kind in GRAPHQL_KINDS if kind in field), None)

    def one_id(name: str, drawn: str) -> str:
        """A global id of the kind the argument names (any kind for ``node``), drawn from ``drawn``."""
        named = name[: -len("Id")].lower() if name != "id" else named_by_field or ""
        picked = zlib.crc32(drawn.encode())
        kind = next((kind for kind in GRAPHQL_KINDS if kind in named), list(GRAPHQL_KINDS)[picked % len(GRAPHQL_KINDS)])
        known = tenant.ids["employee_id" if kind == "manager" else f"{kind}_id"]
        uuid = UUID(int=picked) if picked % 4 == 0 else known[picked % len(known)]
        return f'"{GlobalID(GRAPHQL_KINDS[kind], str(uuid))}"'

    def any_id(name: str, drawn: str) -> str:
        if name in PLAIN_UUID_ARGUMENTS:
            return f'"{UUID(int=zlib.crc32(drawn.encode()))}"'
        return one_id(name, drawn)

    query = re.sub(rf"\b(id|[a-z][A-Za-z]*Id): ({_GRAPHQL_ID})", lambda m: f"{m[1]}: {any_id(m[1], m[2])}", query)
    case.body = re.sub(
        # Items are printed with or without commas between them.
        rf"\bids: \[((?:[\s,]*{_GRAPHQL_ID})*)[\s,]*\]",
        lambda m: "ids: [{}]".format(", ".join(one_id("id", item) for item in re.findall(_GRAPHQL_ID, m[1]))),
        query,
    )


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
