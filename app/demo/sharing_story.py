"""What the ``demo`` tenant's ambassadors shared, who clicked, and what came of it.

Plain data, told by ``app/demo/seed_sharing.py`` in the order of its days (numbers of
days from the seeding, like the rest of the story). Léa and Amelia share; Hugo shares nothing, as
he has not accepted the charter's second version; Camille shares nothing yet, so whoever uses her
token can share at once. Visitors are documentation addresses (RFC 5737 and RFC 3849) with real
user agents: people, each on a network of their own (some clicking twice within 24 hours, which
makes one unique visit); someone reloading a link a dozen times from one address with one browser
after another (one unique visit, five counted clicks, the rest recorded as capped); and the
link-preview crawlers and search bots every posted link gets, which are recorded but never counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.attribution.conversions import ConversionType
from app.domain.networks import Network


@dataclass(frozen=True, slots=True)
class Visitor:
    ip: str
    user_agent: str


# User agents

CHROME_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"
)
EDGE_WINDOWS = f"{CHROME_WINDOWS} Edg/126.0.2592.68"
SAFARI_MAC = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"
)
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1"
)
LINKEDIN_APP_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148 [LinkedInApp]/9.29.8260"
)
CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.6478.71 Mobile Safari/537.36"
)
FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0"

HUMAN_AGENTS = (
    CHROME_WINDOWS,
    EDGE_WINDOWS,
    SAFARI_MAC,
    SAFARI_IPHONE,
    LINKEDIN_APP_IPHONE,
    CHROME_ANDROID,
    FIREFOX_LINUX,
)

# Crawlers: LinkedIn's and X's previews fetch a link as soon as it is posted; Google follows it later.
LINKEDIN_PREVIEW = Visitor(
    "203.0.113.80", "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"
)
X_PREVIEW = Visitor("203.0.113.81", "Twitterbot/1.0")
GOOGLE = Visitor("203.0.113.82", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
CRAWLERS = (LINKEDIN_PREVIEW, X_PREVIEW, GOOGLE)

# The ambassadors' own browsers, seen when they create a share.
LEA_LAPTOP = Visitor("198.51.100.21", SAFARI_MAC)
AMELIA_LAPTOP = Visitor("198.51.100.45", EDGE_WINDOWS)

# People who follow the links, each on a network of their own (uniqueness is judged per network:
# an IPv4 /24, an IPv6 /48).
LYON_FACILITIES = Visitor("2001:db8:4c1:7::14", CHROME_WINDOWS)
GRENOBLE_PLANNER = Visitor("2001:db8:38a::27", SAFARI_IPHONE)
SAINT_ETIENNE_BUYER = Visitor("2001:db8:5e7:2::33", FIREFOX_LINUX)
ANNECY_TECHNICIAN = Visitor("2001:db8:a1c::48", LINKEDIN_APP_IPHONE)
PARIS_DEVELOPER = Visitor("2001:db8:75a:10::61", FIREFOX_LINUX)
LYON_DATA_ENGINEER = Visitor("2001:db8:4c2::75", SAFARI_MAC)
NANTES_STUDENT = Visitor("2001:db8:44a::90", CHROME_ANDROID)
LONDON_DEVELOPER = Visitor("203.0.113.130", CHROME_WINDOWS)
MANCHESTER_RECRUITER = Visitor("2001:db8:e17::142", LINKEDIN_APP_IPHONE)
LONDON_OPERATIONS = Visitor("2001:db8:e1a:3::151", EDGE_WINDOWS)
LEEDS_ENGINEER = Visitor("2001:db8:e2c::163", SAFARI_IPHONE)
BRISTOL_READER = Visitor("2001:db8:e3b::177", CHROME_ANDROID)
BORDEAUX_READER = Visitor("2001:db8:33b::19", SAFARI_IPHONE)
MARSEILLE_READER = Visitor("2001:db8:13a::36", CHROME_WINDOWS)
# One address cycling through browsers: as many visitor digests as requests, one network.
RELOADER = tuple(Visitor("192.0.2.140", agent) for agent in HUMAN_AGENTS)


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoClick:
    """A request to the share's tracked link; ``key`` names it for the conversions that cite its reference."""

    day: float
    visitor: Visitor
    key: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoEngagement:
    """Engagement observed on the post, reported by the ambassador (``self_reported``) or by the
    integration, whose figures win."""

    day: float
    impressions: int
    reactions: int
    comments: int
    reshares: int
    by_ambassador: bool = False

    @property
    def counts(self) -> dict[str, int]:
        return {
            "impressions": self.impressions,
            "reactions": self.reactions,
            "comments": self.comments,
            "reshares": self.reshares,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoShare:
    """A share of a content (``DemoContent.key``) with the suggested caption, created from the
    ambassador's ``device``, then confirmed as posted at ``post_url``."""

    key: str
    ambassador: str  # a slug of the roster
    content: str
    network: Network
    device: Visitor
    created: float
    posted: float
    post_url: str
    clicks: tuple[DemoClick, ...] = ()
    engagement: tuple[DemoEngagement, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoConversion:
    """A conversion the CRM or the careers site reports, with the reference its landing page
    received: the click named ``click``, or ``unknown_ref`` that no click has."""

    day: float
    type: ConversionType
    external_id: str
    click: str | None = None
    unknown_ref: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoAudience:
    """An ambassador saying how many people follow them on a network now: kept in the account's audience
    history, and the potential reach of the shares they confirm from then on."""

    day: float
    ambassador: str
    network: Network
    audience_size: int


def _linkedin_post(activity: int) -> str:
    return f"https://www.linkedin.com/feed/update/urn:li:activity:{activity}/"


# In the order they were created.
SHARES = (
    DemoShare(
        key="lea-trade-show",
        ambassador="lea",
        content="trade-show",
        network=Network.LINKEDIN,
        device=LEA_LAPTOP,
        created=-45.3,
        posted=-45.29,
        post_url=_linkedin_post(7_196_441_028_315_662_336),
        clicks=(
            DemoClick(day=-45.288, visitor=LINKEDIN_PREVIEW),
            DemoClick(day=-45.1, visitor=LYON_FACILITIES, key="trade-show-lyon"),
            DemoClick(day=-44.95, visitor=GRENOBLE_PLANNER),
            DemoClick(day=-44.8, visitor=LYON_FACILITIES),  # back within 24 h: not a new visitor
            DemoClick(day=-44.3, visitor=SAINT_ETIENNE_BUYER, key="trade-show-saint-etienne"),
            DemoClick(day=-43.6, visitor=GOOGLE),
            DemoClick(day=-42.1, visitor=ANNECY_TECHNICIAN),
        ),
        engagement=(
            DemoEngagement(day=-44.0, impressions=640, reactions=19, comments=2, reshares=1, by_ambassador=True),
            DemoEngagement(day=-40.0, impressions=1_870, reactions=48, comments=6, reshares=4),
        ),
    ),
    DemoShare(
        key="lea-tech-hiring",
        ambassador="lea",
        content="tech-hiring",
        network=Network.LINKEDIN,
        device=LEA_LAPTOP,
        created=-8.6,
        posted=-8.59,
        post_url=_linkedin_post(7_216_882_504_119_037_952),
        clicks=(
            DemoClick(day=-8.588, visitor=LINKEDIN_PREVIEW),
            DemoClick(day=-8.4, visitor=PARIS_DEVELOPER, key="tech-hiring-paris"),
            DemoClick(day=-8.3, visitor=LYON_DATA_ENGINEER),
            DemoClick(day=-8.05, visitor=PARIS_DEVELOPER),  # came back to apply
            DemoClick(day=-7.2, visitor=NANTES_STUDENT),
            DemoClick(day=-6.0, visitor=GOOGLE),
        ),
        engagement=(
            DemoEngagement(day=-5.0, impressions=2_310, reactions=64, comments=9, reshares=7),
            # Léa's own, later count is kept, but the integration's figures stay the share's.
            DemoEngagement(day=-3.0, impressions=2_900, reactions=71, comments=10, reshares=8, by_ambassador=True),
        ),
    ),
    DemoShare(
        key="amelia-tech-hiring",
        ambassador="amelia",
        content="tech-hiring",
        network=Network.X,
        device=AMELIA_LAPTOP,
        created=-7.4,
        posted=-7.39,
        post_url="https://x.com/ameliaclarke/status/1812044190753218862",
        clicks=(
            DemoClick(day=-7.389, visitor=X_PREVIEW),
            DemoClick(day=-7.3, visitor=LONDON_DEVELOPER, key="tech-hiring-london"),
            DemoClick(day=-7.25, visitor=MANCHESTER_RECRUITER),
            DemoClick(day=-7.0, visitor=X_PREVIEW),
            DemoClick(day=-6.9, visitor=LONDON_DEVELOPER),
        ),
    ),
    DemoShare(
        key="amelia-customer-story",
        ambassador="amelia",
        content="customer-story",
        network=Network.LINKEDIN,
        device=AMELIA_LAPTOP,
        created=-3.7,
        posted=-3.69,
        post_url=_linkedin_post(7_218_301_977_640_214_528),
        clicks=(
            # Amelia tries her own link as she creates the share: counted, flagged as hers, credits nobody.
            DemoClick(day=-3.7, visitor=AMELIA_LAPTOP),
            DemoClick(day=-3.688, visitor=LINKEDIN_PREVIEW, key="customer-story-preview"),
            DemoClick(day=-3.5, visitor=LONDON_OPERATIONS, key="customer-story-london"),
            DemoClick(day=-3.2, visitor=LEEDS_ENGINEER),
            DemoClick(day=-3.0, visitor=LONDON_OPERATIONS),
            DemoClick(day=-2.0, visitor=GOOGLE),
        ),
        engagement=(DemoEngagement(day=-1.0, impressions=1_120, reactions=37, comments=4, reshares=2),),
    ),
    DemoShare(
        key="amelia-b-corp",
        ambassador="amelia",
        content="b-corp",
        network=Network.X,
        device=AMELIA_LAPTOP,
        created=-2.6,
        posted=-2.59,
        post_url="https://x.com/ameliaclarke/status/1813493866120470591",
        clicks=(
            DemoClick(day=-2.589, visitor=X_PREVIEW),
            DemoClick(day=-2.5, visitor=BRISTOL_READER, key="b-corp-bristol"),
            DemoClick(day=-2.4, visitor=LEEDS_ENGINEER),
            # A dozen reloads in twelve minutes from one address, one browser after another: one
            # unique visit, five counted clicks that day, the rest recorded as capped.
            *(DemoClick(day=-2.3 + minute / 1440, visitor=RELOADER[minute % len(RELOADER)]) for minute in range(12)),
            DemoClick(day=-2.1, visitor=BRISTOL_READER),
        ),
        # No integration reports X here: Amelia's own count is the share's engagement.
        engagement=(
            DemoEngagement(day=-1.5, impressions=380, reactions=21, comments=3, reshares=6, by_ambassador=True),
        ),
    ),
    DemoShare(
        key="lea-b-corp",
        ambassador="lea",
        content="b-corp",
        network=Network.LINKEDIN,
        device=LEA_LAPTOP,
        created=-2.2,
        posted=-2.19,
        post_url=_linkedin_post(7_218_866_310_472_908_800),
        clicks=(
            DemoClick(day=-2.188, visitor=LINKEDIN_PREVIEW),
            DemoClick(day=-2.0, visitor=BORDEAUX_READER),
            DemoClick(day=-1.9, visitor=MARSEILLE_READER),
            DemoClick(day=-1.2, visitor=GOOGLE),
        ),
    ),
)

# In the order they happened. All but the last two are credited to the share of the click they cite
# (a job application to the recruiting challenge's offer among them); the crawler's reference
# and the reference no click has are kept unattributed, with the reason.
CONVERSIONS = (
    DemoConversion(
        day=-45.0,
        type=ConversionType.LEAD,
        external_id="crm-lead-0412",
        click="trade-show-lyon",
        metadata={"form": "invitation-salon", "company_size": "200-500"},
    ),
    DemoConversion(
        day=-44.2,
        type=ConversionType.LEAD,
        external_id="crm-lead-0419",
        click="trade-show-saint-etienne",
        metadata={"form": "invitation-salon", "company_size": "50-200"},
    ),
    DemoConversion(
        day=-8.0,
        type=ConversionType.JOB_APPLICATION,
        external_id="careers-application-2871",
        click="tech-hiring-paris",
        metadata={"job": "developpeur-backend-python", "location": "Paris"},
    ),
    DemoConversion(
        day=-6.85,
        type=ConversionType.JOB_APPLICATION,
        external_id="careers-application-2904",
        click="tech-hiring-london",
        metadata={"job": "data-engineer", "location": "Paris"},
    ),
    DemoConversion(
        day=-3.45,
        type=ConversionType.LEAD,
        external_id="crm-lead-0587",
        click="customer-story-london",
        metadata={"form": "demo-request", "company_size": "500-1000"},
    ),
    DemoConversion(
        day=-3.4,
        type=ConversionType.LEAD,
        external_id="crm-lead-0588",
        click="customer-story-preview",
        metadata={"form": "demo-request", "note": "reference captured from a link preview"},
    ),
    DemoConversion(
        day=-2.45,
        type=ConversionType.SIGNUP,
        external_id="newsletter-signup-9314",
        click="b-corp-bristol",
        metadata={"list": "impact-newsletter"},
    ),
    DemoConversion(
        day=-1.5,
        type=ConversionType.SIGNUP,
        external_id="newsletter-signup-9322",
        unknown_ref="0190f3c2-7b1e-7a4d-9c2e-5d8f1a6b3e90",
        metadata={"list": "impact-newsletter", "note": "reference from a bookmarked page"},
    ),
)

# Networks grow between shares: each share keeps the audience its ambassador had when they confirmed it.
AUDIENCES = (
    DemoAudience(day=-30.0, ambassador="lea", network=Network.LINKEDIN, audience_size=640),
    DemoAudience(day=-20.0, ambassador="amelia", network=Network.LINKEDIN, audience_size=830),
    DemoAudience(day=-10.0, ambassador="camille", network=Network.LINKEDIN, audience_size=515),
    DemoAudience(day=-5.0, ambassador="lea", network=Network.LINKEDIN, audience_size=705),
    DemoAudience(day=-5.0, ambassador="amelia", network=Network.X, audience_size=260),
)
