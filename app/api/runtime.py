"""What the API needs at run time, handed over by the composition root through the lifespan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.api.rate_limits import RateLimits
from app.ports.health import ReadinessProbe
from app.ports.roster import OpenIDProvider, TokenVerifier
from app.ports.system import Clock
from app.services.attribution import AttributionUseCases
from app.services.community.incidents import IncidentsUseCases
from app.services.community.recall import RecallUseCases
from app.services.community.recruiting import RecruitingUseCases
from app.services.community.space import SpaceUseCases
from app.services.community.surveys import SurveysUseCases
from app.services.community.training import TrainingUseCases
from app.services.content import ContentUseCases
from app.services.events import EventsUseCases
from app.services.integrations import IntegrationsUseCases
from app.services.integrations.import_use_cases import RosterImportUseCases
from app.services.integrations.scim import ScimUseCases
from app.services.live_updates import LiveUpdatesUseCases
from app.services.metrics import MetricsUseCases
from app.services.notifications import NotificationsUseCases
from app.services.programme import ProgrammeUseCases
from app.services.rewards import RewardsUseCases
from app.services.rewards.catalogue_use_cases import CatalogueUseCases
from app.services.rewards.recognition import RecognitionUseCases
from app.services.roster import RosterUseCases
from app.services.roster.list_people_to_sign_in import ListPeopleToSignIn
from app.services.roster.sign_in_as import SignInAs
from app.services.sharing import SharingUseCases
from app.services.webhooks import WebhooksUseCases


@dataclass(frozen=True, slots=True, kw_only=True)
class Services:
    """The use cases, one container per capability (``services.sharing.create_share``), each made
    by its capability's builder."""

    roster: RosterUseCases
    programme: ProgrammeUseCases
    content: ContentUseCases
    sharing: SharingUseCases
    attribution: AttributionUseCases
    rewards: RewardsUseCases
    events: EventsUseCases
    catalogue: CatalogueUseCases
    recognition: RecognitionUseCases
    metrics: MetricsUseCases
    integrations: IntegrationsUseCases
    # Roster imports
    roster_imports: RosterImportUseCases
    # SCIM provisioning
    scim: ScimUseCases
    notifications: NotificationsUseCases
    # Live updates (GraphQL subscriptions and the event stream)
    live_updates: LiveUpdatesUseCases
    # Outgoing webhooks
    webhooks: WebhooksUseCases
    recruiting: RecruitingUseCases
    training: TrainingUseCases
    # Incidents
    incidents: IncidentsUseCases
    surveys: SurveysUseCases
    recall: RecallUseCases
    space: SpaceUseCases


@dataclass(frozen=True, slots=True, kw_only=True)
class DevSignIn:
    """The development OpenID provider and the roster it signs people in from."""

    provider: OpenIDProvider
    list_people: ListPeopleToSignIn
    sign_in_as: SignInAs


@dataclass(frozen=True, slots=True, kw_only=True)
class Runtime:
    services: Services
    verifier: TokenVerifier
    readiness: ReadinessProbe
    # What tells a socket when its token expires.
    clock: Clock
    jwks: dict[str, Any] | None = None
    # None whenever an external issuer is configured: its routes then answer 404.
    dev_sign_in: DevSignIn | None = None
    # None when rate limiting is off: every request is then served uncounted.
    rate_limits: RateLimits | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiConfig:
    """Transport settings, copied from ``Settings`` by the composition root."""

    cors_origins: list[str] = field(default_factory=list)
    # Beyond the CORS-safelisted ones; the settings hold the defaults browser clients need.
    cors_allow_headers: list[str] = field(default_factory=list)
    max_body_bytes: int = 1_048_576
    # Roster imports: a file of 100,000 rows is tens of megabytes, streamed rather than held.
    roster_import_max_bytes: int = 64 * 1_048_576
    graphql_max_depth: int = 10
    graphql_max_aliases: int = 15
    graphql_max_tokens: int = 2000
    # Off in production unless configured: the schema is published as openapi/schema.graphql.
    graphql_introspection: bool = True
    graphql_field_suggestions: bool = True
    # A comment line on an idle event stream this often, so proxies and clients know it is alive.
    live_heartbeat_seconds: float = 15.0
    # Peers whose X-Forwarded-For/-Proto are believed: comma-separated addresses or networks, or `*`.
    trusted_proxies: str = "127.0.0.1"
    # A static bearer token that may read /metrics, besides access tokens with the operator role.
    metrics_token: str | None = None
    title: str = "Relais"
    version: str = "0.1.0"
