"""What the schemathesis runs share: a tenant seeded through the API so that generated ids can exist,
and the settings that keep a run deterministic and bounded.

The fuzzed application runs in schemathesis's own event loop (its ASGI transport), so it is a separate
instance from the suite's ``app`` and is seeded through the same transport, with plain blocking calls.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit
from uuid import UUID

import requests
import schemathesis
from fastapi import FastAPI
from hypothesis import strategies as st
from schemathesis.config._checks import (
    NEGATIVE_DATA_REJECTION_EXPECTED_STATUSES as NEGATIVE_STATUSES,
)
from schemathesis.config._checks import (
    POSITIVE_DATA_ACCEPTANCE_EXPECTED_STATUSES as POSITIVE_STATUSES,
)
from schemathesis.graphql import nodes
from schemathesis.python.asgi import ASGIApp, ASGIClient
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.auth.dev_issuer import DevIssuer
from app.api.pagination import (
    cursor_after,
    encode_before_cursor,
    encode_board_cursor,
    encode_feed_cursor,
    encode_inbox_cursor,
    encode_line_cursor,
)
from app.domain.attribution.conversions import MAX_VALUE_MINOR
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import MAX_PERIOD_DAYS, Grouping
from app.domain.metrics.sources import breakdowns
from app.domain.notifications.notices import ReadState
from app.domain.programme.terms import match_key
from app.domain.rewards.periods import known_zones
from app.domain.rewards.ranking import Standing
from app.domain.sharing.engagement import INTERACTIONS, SELF_REPORTED_FLOOR
from app.domain.values import FIRST_YEAR, LAST_YEAR
from app.ports.content import FeedCursor
from app.ports.pagination import ID_ORDER
from tests.integration.fuzz_reads import keep_reads_valid
from tests.integration.surveys_helpers import QUESTIONS as SURVEY_QUESTIONS
from tests.integration.surveys_helpers import at
from tests.integration.training_helpers import MODULE
from tests.integration.training_helpers import RIGHT as TRAINING_RIGHT
from tests.support.empty_tables import empty_every_table

CONTRACTS = Path(__file__).resolve().parents[2] / "openapi"
LINK = "https://acme.example/jobs"
MEDIA = "https://cdn.acme.example/images/lyon.jpg"

# Language tags the domain takes: registered subtags, which the contract's `bcp47` format names.
REGISTERED_LANGUAGES = ("fr", "en", "en-GB", "fr-CA", "de", "es", "it", "nl", "pt-BR", "zh-Hant-TW", "ja", "ar")
schemathesis.openapi.format("bcp47", st.sampled_from(REGISTERED_LANGUAGES))

# Links the domain takes: an https URL on a registrable host name (RFC 1035: labels of at most 63
# characters, at most 253 in all). The contract's pattern states the shape only, since a length bound
# on the host alone needs a lookahead, which makes case generation about thirty times slower.
_LABEL = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?", fullmatch=True)
_HOST = st.builds(
    lambda labels, top: ".".join([*labels, top]),
    st.lists(_LABEL, min_size=1, max_size=4),
    st.from_regex(r"[a-z]{2,12}", fullmatch=True),
)
_PATH = st.from_regex(r"(?:/[A-Za-z0-9._~-]{0,24}){0,4}(?:\?[a-z]{1,8}=[A-Za-z0-9]{0,12})?", fullmatch=True)
schemathesis.openapi.format("uri", st.builds(lambda host, path: f"https://{host}{path}", _HOST, _PATH))

# Instants and dates in the years Relais keeps: REST's contract states them as a pattern, the GraphQL
# schema language cannot (its scalars' descriptions say them).
_KEPT_DATES = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 12, 31)).map(str)
schemathesis.graphql.scalar("Date", _KEPT_DATES.map(nodes.String))
# Amounts in minor units, within the bounds the scalar's description states.
schemathesis.graphql.scalar("MinorUnits", st.integers(min_value=0, max_value=MAX_VALUE_MINOR).map(nodes.Int))
schemathesis.graphql.scalar(
    "DateTime", st.tuples(_KEPT_DATES, st.times().map("%sZ".__mod__)).map("T".join).map(nodes.String)
)

# Ids a valid body names, and the seeded resource they must name.
BODY_REFERENCES = {
    "manager_id": "employee_id",
    "employee_id": "employee_id",
    "content_id": "content_id",
    "reward_id": "reward_id",
    "association_id": "association_id",
}
# Rules that fit their kinds, for valid requests.
_SCHEMAS = json.loads((CONTRACTS / "openapi.json").read_text())["components"]["schemas"]
EXAMPLE_RULES = _SCHEMAS["RewardRulesReplace"]["examples"][0]["rules"]

# Fixed, so that a run draws the same cases each time; every figure in docs/decisions.md was measured with it.
SEED = 20_261_205
MAX_EXAMPLES = 10


def fuzz_config(
    max_examples: int = MAX_EXAMPLES, base_url: str = "http://testserver", *, coverage: bool = True
) -> schemathesis.Config:
    """Every check, the examples, coverage and fuzzing phases, a fixed seed and a bounded number of cases.

    The coverage phase is deterministic and by far the largest (about 3,500 requests for the REST
    contract, most of them invalid on purpose); its invalid requests are refused before any role is
    looked at, so one caller runs it and the others run the examples and fuzzing phases only."""
    return schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "base-url": base_url,
            # No example database: a failure saved by one run must not change what the next one sends.
            "generation": {"max-examples": max_examples, "deterministic": True, "database": "none"},
            "phases": {"coverage": {"enabled": coverage}, "stateful": {"enabled": False}},
            "checks": {
                "enabled": True,
                # A well-formed ETag that is not the current one is refused by design, as an unknown id is
                # (404, which the check already allows): a precondition on the server's state, not the request's shape.
                "positive_data_acceptance": {"expected-statuses": [*POSITIVE_STATUSES, "412"]},
                # A body over the size limit is refused before it is read: 413 is as much a rejection as 422.
                # A stale If-Match is judged before the domain's own checks of a change (see docs/decisions.md).
                "negative_data_rejection": {"expected-statuses": [*NEGATIVE_STATUSES, "412", "413"]},
            },
        }
    )


async def truncate_all(engine: AsyncEngine) -> None:
    await empty_every_table(engine)


# A roster file of one employee in each format a roster import takes.
ROSTER_FILE = {
    "text/csv": b"external_id,given_name,email\nHR-FUZZ-1,Fuzz,fuzz@roster.example\n",
    "application/x-ndjson": b'{"external_id": "HR-FUZZ-1", "given_name": "Fuzz", "email": "fuzz@roster.example"}\n',
}


@schemathesis.serializer("application/x-ndjson", "text/csv")
def _ndjson(ctx: Any, value: Any) -> bytes:
    """A roster file as the contract states it (text), sent as its UTF-8 bytes."""
    if isinstance(value, bytes):
        return value
    return value.encode() if isinstance(value, str) else json.dumps(value).encode()


def bind_to_seed(case: Any, tenant: SeededTenant) -> None:
    """Give a generated request what a real client would have read from the server first: most ids in
    its path name seeded resources (one in four stays as drawn, to reach the 404s), and a cursor is one
    the server issued. Only values the contract allows are replaced, so an invalid request stays invalid.

    A request meant to be valid also keeps the rules JSON Schema cannot state, each between two fields
    or on the tenant's own data: ids in its body that exist, links on an allowed domain, a period that
    ends after it starts, one click reference kind, a value with its currency."""
    for name, value in list(case.path_parameters.items()):
        # Disconnecting takes the account kept for it, so that the member can still share on the others.
        disposable = case.method == "DELETE" and name == "account_id"
        known = tenant.ids.get("disposable_account_id" if disposable else name)
        drawn = _as_uuid(value)
        if known and drawn is not None and drawn.int % 4:
            case.path_parameters[name] = known[drawn.int % len(known)]
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return
    query = case.query
    if isinstance(query, dict) and isinstance(query.get("cursor"), str):
        if query.get("sort", ID_ORDER) == ID_ORDER:
            query["cursor"] = server_cursor(case.path)
        else:
            # A cursor belongs to the order it was issued for, and the sample ones page by id: in another
            # order the request asks for its first page, as a client that just changed the order would.
            del query["cursor"]
    if isinstance(query, dict):
        _keep_period(query, "created_from", "created_to")
        _keep_period(query, "occurred_from", "occurred_to")
        _keep_period(query, "from", "to")
        _keep_metrics_read_valid(case.path, query)
        keep_reads_valid(case.path, query, tenant.ids["campaign_id"][0])
    if case.path == "/v1/roster-imports" and case.method == "POST" and _wholly_valid(case):
        # The contract can say a roster file is text, not which text: a valid request sends a valid file.
        case.body = ROSTER_FILE.get(case.media_type, case.body)
    if isinstance(case.body, dict):
        _keep_rules_between_fields(case.body, tenant)
        if case.body.get("manager_id") is not None and case.body["manager_id"] == (case.path_parameters or {}).get(
            "employee_id"
        ):
            # An employee is not their own manager: a valid change names another, or none.
            others = [known for known in tenant.ids["employee_id"] if known != case.body["manager_id"]]
            if others:
                case.body["manager_id"] = others[0]
            else:
                del case.body["manager_id"]
        if case.path == "/v1/reward-rules":
            _keep_rule_set_valid(case.body)
        if case.path == "/v1/me/notification-preferences":
            _keep_notification_preferences_valid(case.body)
        if case.path == "/v1/settings":
            # The seeded programme keeps its currency, so that a valid cost (in euros) stays valid; a zone
            # is one of the IANA database's names, which the contract cannot list.
            case.body.pop("currency", None)
            if "time_zone" in case.body:
                case.body["time_zone"] = "Europe/Paris"
        if case.path == "/v1/conversions" and (case.body.get("value_minor") is None) != (
            case.body.get("currency") is None
        ):
            case.body.pop("value_minor", None)
            case.body.pop("currency", None)
        if case.path in ("/v1/programme-costs", "/v1/programme-costs/{cost_id}") and "currency" in case.body:
            # A cost is in the programme's currency, which the contract cannot state.
            case.body["currency"] = "EUR"
        if case.path in ("/v1/rewards", "/v1/rewards/{reward_id}"):
            # A donation names its association and other kinds none; the seeded reward is a gift.
            if case.body.get("kind") == "donation":
                case.body["association_id"] = tenant.ids["association_id"][0]
            elif case.body.get("association_id") is not None:
                del case.body["association_id"]
        if case.path.startswith("/v1/training-modules"):
            _keep_training_valid(case.method, case.path, case.body)
        if case.path in ("/v1/surveys", "/v1/surveys/{survey_id}"):
            _keep_survey_window(case.method, case.body)
        if case.path == "/v1/recruiting/waves":
            _keep_wave_audience(case.body)
        if case.method == "POST" and case.path == "/v1/shares" and case.body.get("network") not in ("linkedin", "x"):
            # A member shares on a network they connected: the seeded member keeps LinkedIn and X.
            case.body["network"] = "linkedin"
        engagement = case.path == "/v1/shares/{share_id}/engagement"
        if engagement:
            _keep_engagement_plausible(case.body)
        if case.method == "PATCH" and case.path == "/v1/employees/{employee_id}":
            # The seeded employees keep their hire dates, so that a valid last day stays after them.
            case.body.pop("hired_on", None)
        if case.method == "PATCH" and case.path == "/v1/campaigns/{campaign_id}":
            # The seeded campaign is launched: its slug is fixed and it keeps a start.
            case.body.pop("slug", None)
            if case.body.get("starts_at", "") is None:
                del case.body["starts_at"]
            ends = case.body.get("ends_at")
            if isinstance(ends, str) and "starts_at" not in case.body and instant_of(ends) <= datetime.now(UTC):
                del case.body["ends_at"]


def _keep_training_valid(method: str, path: str, body: dict[str, Any]) -> None:
    """Beyond its schema, a lesson's addresses are ones the web can have, a quiz's right choices are among
    its choices, an attempt answers each question, and the seeded module, published, keeps its lessons and
    quiz (the domain's tests cover those rules)."""
    if path.endswith("/quiz-attempts"):
        body["answers"] = TRAINING_RIGHT
    elif method == "POST":
        body["lessons"], body["quiz"] = MODULE["lessons"], MODULE["quiz"]
    else:
        body.pop("lessons", None)
        body.pop("quiz", None)


def _keep_wave_audience(body: dict[str, Any]) -> None:
    """A wave invites a list of employees or the prospects of a department and/or location, not both
    (the contract says so in words: see docs/decisions.md, "Recruiting")."""
    if body.get("employee_ids") is not None:
        body.pop("department", None)
        body.pop("location", None)
    elif body.get("department") is None and body.get("location") is None:
        body["department"] = "Engineering"


def _keep_survey_window(method: str, body: dict[str, Any]) -> None:
    """A survey closes after it opens; the seeded survey keeps its window unless a change moves both ends
    (the domain's tests cover a change of one end against the other)."""
    opens, closes = body.get("opens_at"), body.get("closes_at")
    if method == "PATCH" and not (isinstance(opens, str) and isinstance(closes, str)):
        body.pop("opens_at", None)
        body.pop("closes_at", None)
    elif isinstance(opens, str) and isinstance(closes, str) and instant_of(closes) <= instant_of(opens):
        body["closes_at"] = (instant_of(opens) + timedelta(days=1)).isoformat()


def _keep_rule_set_valid(body: dict[str, Any]) -> None:
    """Beyond its schema, a rule set starts now or later, its guard watches more clicks than visitors, and
    its rules fit their kinds (the domain's tables test those; here the rules are the contract's example)."""
    starts = body.get("effective_from")
    if isinstance(starts, str) and instant_of(starts) <= datetime.now(UTC):
        body["effective_from"] = None
    guard = body.get("velocity_guard")
    if isinstance(guard, dict) and guard.get("max_visitors", 0) >= guard.get("min_clicks", 2):
        guard["max_visitors"] = guard.get("min_clicks", 2) - 1
    body["rules"] = EXAMPLE_RULES


def _keep_rules_between_fields(body: dict[str, Any], tenant: SeededTenant) -> None:
    if isinstance(body.get("link_url"), str):
        body["link_url"] = LINK
    for item in body.get("media") or ():
        if isinstance(item, dict) and isinstance(item.get("url"), str) and not _within_dns_lengths(item["url"]):
            item["url"] = MEDIA
    for name, kind in BODY_REFERENCES.items():
        if _as_uuid(body.get(name)) is not None:
            body[name] = tenant.ids[kind][0]
    _keep_period(body, "publish_at", "expires_at")
    _keep_period(body, "starts_at", "ends_at")
    _keep_period(body, "available_from", "available_until")
    locales = body.get("locales")
    if locales == [] and not {"title", "body"} <= body.keys():
        # The seeded content keeps its title and body in its locales: removing them all leaves it without.
        del body["locales"]
    elif isinstance(locales, list) and locales:
        # One locale per language, the default language among them unless its title and body are given.
        body["locales"] = list({locale.get("language"): locale for locale in reversed(locales)}.values())[::-1]
        if not {"title", "body"} <= body.keys():
            body["language"] = body["locales"][0]["language"]
    references = [name for name in ("click_ref", "click_refs", "link_code") if body.get(name) is not None]
    for name in references[1:]:
        del body[name]
    for name in ("banned_terms", "sensitive_terms"):
        if isinstance(body.get(name), list):
            # A term matches words: one needs a letter or digit once folded as captions are.
            body[name] = [term for term in body[name] if not isinstance(term, str) or _has_word(term)]


def _wholly_valid(case: Any) -> bool:
    """A case meant to be valid in every part: a string body and no part drawn to break the contract."""
    components = getattr(case.meta, "components", None) or {}
    return isinstance(case.body, str) and all(info.mode.is_positive for info in components.values())


def _has_word(term: str) -> bool:
    return any(char.isalnum() for char in match_key(term))


def _within_dns_lengths(url: str) -> bool:
    """RFC 1035's lengths, which the contract's https pattern cannot state without a lookahead."""
    host = urlsplit(url).hostname or ""
    return len(host) <= 253 and all(len(label) <= 63 for label in host.split("."))


def _keep_engagement_plausible(body: dict[str, Any]) -> None:
    """What the contract says of engagement in words: counts observed in the past, no more reactions,
    comments or reshares than impressions, and no more impressions than an ambassador may report
    without a declared audience."""
    observed = body.get("observed_at")
    if isinstance(observed, str) and instant_of(observed) > datetime.now(UTC):
        body["observed_at"] = datetime.now(UTC).isoformat()
    impressions = body.get("impressions")
    if isinstance(impressions, int | float) and not isinstance(impressions, bool):
        body["impressions"] = impressions = min(int(impressions), SELF_REPORTED_FLOOR)
        for name in INTERACTIONS:
            count = body.get(name)
            if isinstance(count, int | float) and not isinstance(count, bool) and count > impressions:
                body[name] = impressions


# The metric reads and the grouping of each top list's rows.
METRIC_READS: dict[str, Grouping | None] = {
    "/v1/metrics": None,
    "/v1/metrics/top-contents": Grouping.CONTENT,
    "/v1/metrics/top-ambassadors": Grouping.AMBASSADOR,
}


def _keep_metrics_read_valid(path: str, query: dict[str, Any]) -> None:
    """A metrics read names KPIs of the catalogue (comma-separated or repeated), sorts and ranks by a KPI
    its rows break down, names a known zone, and reads at most three years that end after they start
    (what the contract says in words, as it leaves KPI names and zones open to say which are known)."""
    if path not in METRIC_READS:
        return
    grouping = METRIC_READS[path] or (Grouping(query["group_by"]) if query.get("group_by") else None)
    if path == "/v1/metrics" and "kpi" in query:
        listed = query["kpi"] if isinstance(query["kpi"], list) else [query["kpi"]]
        names = [name for text in listed for name in str(text).split(",") if name in {kpi.value for kpi in Kpi}]
        query["kpi"] = names or [Kpi.CLICKS.value]
    ranked = "sort" if path == "/v1/metrics" else "kpi"
    if grouping is not None and query.get(ranked) and grouping not in breakdowns(Kpi(query[ranked])):
        query[ranked] = Kpi.CLICKS.value
    if "tz" in query and query["tz"] not in known_zones():
        query["tz"] = "Europe/Paris"
    # A day alone would be read with today, whose date depends on the zone: both days are named.
    if "from" in query or "to" in query:
        first = date.fromisoformat(query.get("from") or query["to"])
        last = date.fromisoformat(query.get("to") or query["from"])
        if not timedelta(0) <= last - first < timedelta(days=MAX_PERIOD_DAYS):
            last = first
        query["from"], query["to"] = first.isoformat(), last.isoformat()


def _keep_period(values: dict[str, Any], start: str, end: str) -> None:
    starts, ends = values.get(start), values.get(end)
    if isinstance(starts, str) and isinstance(ends, str) and instant_of(ends) <= instant_of(starts):
        del values[end]


def instant_of(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))


def _as_uuid(value: object) -> UUID | None:
    try:
        return UUID(str(value)) if isinstance(value, str) else None
    except ValueError:
        return None


def _keep_notification_preferences_valid(body: dict[str, Any]) -> None:
    """A zone is one of the IANA database's names, which the contract cannot list; quiet hours end at
    another minute than they start."""
    if isinstance(body.get("time_zone"), str):
        body["time_zone"] = "Europe/Paris"
    quiet = body.get("quiet_hours")
    if isinstance(quiet, dict) and quiet.get("start") == quiet.get("end") == "00:00":
        quiet["end"] = "07:00"
    elif isinstance(quiet, dict) and quiet.get("start") == quiet.get("end"):
        quiet["start"] = "00:00"


def server_cursor(path: str) -> str:
    anchor = UUID("01960000-0000-7000-8000-000000000000")
    if path == "/v1/roster-imports/{import_id}/errors":
        after_line = encode_line_cursor(1)
        assert after_line is not None
        return after_line
    if path == "/v1/me/feed":
        encoded = encode_feed_cursor(FeedCursor(pinned=False, important=False, live_from=datetime.now(UTC), id=anchor))
        assert encoded is not None
        return encoded
    if path == "/v1/leaderboards":
        board = encode_board_cursor(Standing(position=20, rank=19, points=120, ambassador_id=anchor))
        assert board is not None
        return board
    if path == "/v1/me/social-accounts/{account_id}/audience":
        history = encode_before_cursor(datetime.now(UTC))
        assert history is not None
        return history
    if path == "/v1/me/notifications":
        return encode_inbox_cursor(ReadState.UNREAD, anchor)
    return cursor_after(anchor)


@dataclass(slots=True)
class SeededTenant:
    """A tenant whose programme is running: who calls, and the ids a generated request may name."""

    tenant_id: UUID
    admin: str
    member: str
    both: str
    ids: dict[str, list[str]] = field(default_factory=dict)

    def token(self, role: str) -> str:
        return {"admin": self.admin, "ambassador": self.member, "admin+ambassador": self.both}[role]


def seed(app: FastAPI, issuer: DevIssuer, **slugs: str) -> dict[str, SeededTenant]:
    """Seed a tenant per name, through the transport the schemathesis runs use (and so in their event loop)."""
    with ASGIClient(cast("ASGIApp", app)) as client:
        seeder = Seeder(client, issuer)
        return {name: seeder.tenant(slug) for name, slug in slugs.items()}


class Seeder:
    """Blocking calls to the fuzzed application; every step must succeed or the seed is wrong."""

    def __init__(self, client: ASGIClient, issuer: DevIssuer) -> None:
        self.client = client
        self.issuer = issuer

    def token(self, tenant_id: UUID | None, role: str, subject: str, email: str | None = None) -> str:
        return self.issuer.mint(
            tenant_id=tenant_id,
            subject=subject,
            roles=role.split("+"),
            email=email,
            ttl=timedelta(hours=2),
            now=datetime.now(UTC),
        )

    def call(self, token: str, method: str, path: str, body: Any = None, expected: int = 200) -> Any:
        response: requests.Response = self.client.request(
            method, path, json=body, headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == expected, f"{method} {path}: {response.status_code} {response.text}"
        return response.json() if response.content else None

    def tenant(self, slug: str) -> SeededTenant:
        """A programme with a charter, a member with two networks (and a third to disconnect), a spare
        employee, a published content in a launched campaign, a draft, a share, a conversion, a reward, an
        association, a redemption and a cost."""
        operator = self.token(None, "operator", "platform-operator")
        tenant_id = UUID(self.call(operator, "POST", "/v1/tenants", {"slug": slug, "name": slug.title()}, 201)["id"])
        admin = self.token(tenant_id, "admin", f"{slug}|admin", f"admin@{slug}.example")
        manager = self.token(tenant_id, "manager", f"{slug}|manager")
        moderator = self.token(tenant_id, "moderator", f"{slug}|moderator")
        integrator = self.token(tenant_id, "integrator", f"{slug}|crm")
        settings = {
            "link_domains": [{"domain": "acme.example", "include_subdomains": True}],
            "default_language": "fr",
            "weekly_content_budget": 50,
        }
        self.call(admin, "PATCH", "/v1/settings", settings)
        self.call(admin, "POST", "/v1/charter/versions", {"title": "Charter", "body": "Be kind."}, 201)

        ada = self.employee(admin, "ada", slug)
        grace = self.employee(admin, "grace", slug)
        member = self.token(tenant_id, "ambassador", f"{slug}|ada", ada["email"])
        self.call(member, "POST", "/v1/me/opt-in")
        accounts = [
            self.call(member, "POST", "/v1/me/social-accounts", {"network": network, "handle": f"ada-{network}"}, 201)
            for network in ("linkedin", "x", "instagram")
        ]
        current = self.call(member, "GET", "/v1/charter")["number"]
        self.call(member, "POST", "/v1/me/charter-acceptance", {"charter_version": current})
        ambassador_id = self.call(member, "GET", "/v1/me")["ambassador"]["id"]

        published = self.content(manager, "Nous recrutons")
        self.call(manager, "POST", f"/v1/contents/{published}/submit")
        self.call(moderator, "POST", f"/v1/contents/{published}/approve")
        draft = self.content(manager, "Brouillon")
        starts = (datetime.now(UTC) - timedelta(days=1)).isoformat()
        campaign = self.call(
            manager, "POST", "/v1/campaigns", {"name": "Printemps", "slug": "printemps", "starts_at": starts}, 201
        )["id"]
        self.call(manager, "POST", f"/v1/campaigns/{campaign}/launch")
        self.call(manager, "PUT", f"/v1/campaigns/{campaign}/contents/{published}", expected=204)
        share = self.call(member, "POST", "/v1/shares", {"content_id": published, "network": "linkedin"}, 201)
        conversion = self.call(
            integrator,
            "POST",
            "/v1/conversions",
            {
                "type": "lead",
                "external_id": "crm-lead-1",
                "occurred_at": datetime.now(UTC).isoformat(),
                "link_code": share["tracked_url"].rsplit("/", 1)[1],
            },
            201,
        )
        association = self.call(manager, "POST", "/v1/associations", {"name": "Restos du Cœur"}, 201)["id"]
        reward = self.call(
            manager, "POST", "/v1/rewards", {"name": "Mug", "kind": "gift", "cost": 10, "requires_approval": True}, 201
        )["id"]
        self.call(
            admin, "POST", f"/v1/ambassadors/{ambassador_id}/points/adjustments", {"points": 100, "reason": "Hi"}, 201
        )
        redemption = self.call(member, "POST", "/v1/redemptions", {"reward_id": reward}, 201)["id"]
        cost = {"budget_line": "platform", "incurred_on": "2026-03-01", "amount_minor": 120_000, "currency": "EUR"}
        cost_id = self.call(admin, "POST", "/v1/programme-costs", cost, 201)["id"]
        hris = {"kind": "hris_webhook", "name": "Workday"}
        integration_id = self.call(admin, "POST", "/v1/integrations", hris, 201)["id"]
        import_id = self.roster_import(admin)
        hook = {"url": "http://localhost:9/hooks", "event_types": ["share.*"]}
        webhook_id = self.call(admin, "POST", "/v1/webhook-endpoints", hook, 201)["id"]
        module_id = self.call(manager, "POST", "/v1/training-modules", MODULE, 201)["id"]
        self.call(manager, "POST", f"/v1/training-modules/{module_id}/publish")
        incident = {"summary": "Speaks for the company.", "severity": "minor", "share_id": share["id"]}
        incident_id = self.call(admin, "POST", "/v1/incidents", incident, 201)["id"]
        survey = {"title": "Spring pulse", "questions": SURVEY_QUESTIONS, "opens_at": at(1), "closes_at": at(8)}
        survey_id = self.call(admin, "POST", "/v1/surveys", survey, 201)["id"]
        idea_id = self.call(member, "POST", "/v1/ideas", {"title": "Trade show", "body": "Our stand."}, 201)["id"]
        post_id = self.call(member, "POST", "/v1/space/posts", {"kind": "question", "body": "Who has a stand?"}, 201)
        comment = self.call(member, "POST", f"/v1/space/posts/{post_id['id']}/comments", {"body": "Hall 3."}, 201)
        wave = {"name": "Hand-picked", "employee_ids": [grace["id"]]}
        wave_id = self.call(admin, "POST", "/v1/recruiting/waves", wave, 201)["id"]
        return SeededTenant(
            tenant_id=tenant_id,
            admin=admin,
            member=member,
            both=self.token(tenant_id, "admin+ambassador", f"{slug}|ada", ada["email"]),
            ids={
                "employee_id": [ada["id"], grace["id"]],
                "ambassador_id": [ambassador_id],
                "content_id": [published, draft],
                "campaign_id": [campaign],
                "share_id": [share["id"]],
                "conversion_id": [conversion["id"]],
                "account_id": [account["id"] for account in accounts[:2]],
                "disposable_account_id": [accounts[2]["id"]],
                "reward_id": [reward],
                "association_id": [association],
                "redemption_id": [redemption],
                "cost_id": [cost_id],
                "integration_id": [integration_id],
                "import_id": [import_id],
                "rosterimport_id": [import_id],
                # GraphQL's webhook fields only: REST's webhook routes are fuzzed on unknown endpoints, as
                # a PATCH drawn from the schema would name URLs that resolve nowhere.
                "webhook_id": [webhook_id],
                "module_id": [module_id],
                "incident_id": [incident_id],
                "survey_id": [survey_id],
                "idea_id": [idea_id],
                "post_id": [post_id["id"]],
                "comment_id": [comment["id"]],
                "wave_id": [wave_id],
            },
        )

    def roster_import(self, admin: str) -> str:
        """A roster file's dry run, with a bad row so that its errors have a page to read."""
        response: requests.Response = self.client.post(
            "/v1/roster-imports?mode=partial",
            data=ROSTER_FILE["text/csv"] + b"HR-FUZZ-2,,not-an-address\n",
            headers={"Authorization": f"Bearer {admin}", "Content-Type": "text/csv"},
        )
        assert response.status_code == 201, response.text
        return str(response.json()["id"])

    def employee(self, admin: str, name: str, slug: str) -> dict[str, Any]:
        body = {"email": f"{name}@{slug}.example", "given_name": name.title(), "family_name": "Fuzz"}
        created: dict[str, Any] = self.call(admin, "POST", "/v1/employees", body, 201)
        return created

    def content(self, manager: str, title: str) -> str:
        body = {
            "title": title,
            "body": "Rejoignez-nous.",
            "format": "job_offer",
            "language": "fr",
            "link_url": LINK,
            "locales": [
                {
                    "language": "fr",
                    "title": title,
                    "body": "Rejoignez-nous.",
                    "captions": {"linkedin": "Nous recrutons #employee", "x": "Nous recrutons"},
                }
            ],
        }
        return str(self.call(manager, "POST", "/v1/contents", body, 201)["id"])
