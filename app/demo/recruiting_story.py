"""The demo's recruiting: five people of the Product team in Bordeaux, invited in one wave, and what
became of them, so the wave's funnel shows every stage; and a referral of one who ignored the wave.

Days count from the seeding, as in the rest of the story."""

from __future__ import annotations

from dataclasses import dataclass

from app.demo.content_story import EVENTS
from app.domain.networks import Network

WAVE_NAME = "Product, Bordeaux: first wave"
WAVE_NOTE = "The Product team, after the launch of the trade-show campaign."
DEPARTMENT = "Product"
LOCATION = "Bordeaux"
HIRED = -70.0
WAVE_SENT = -64.0
CHARTER_READ = -59.0
# Louis ignored the wave; Chloé invited him herself, and he joined two days later.
REFERRED = -6.0
REFERRAL_JOINED = -4.0
# The content the members share: live from -46 to -31 (``campaign_content_story.py``).
SHARED_CONTENT_LINK = f"{EVENTS}/solutions-terrain"


@dataclass(frozen=True, slots=True, kw_only=True)
class Recruit:
    given_name: str
    family_name: str
    joined: float | None = None
    shared: float | None = None

    @property
    def slug(self) -> str:
        return self.given_name.lower().replace("é", "e").replace("ë", "e")

    @property
    def subject(self) -> str:
        return f"demo|{self.slug}"

    def email(self, domain: str) -> str:
        return f"{self.slug}.{self.family_name.lower()}@{domain}"


# Chloé shares on day 31 after joining (active after 30 days); Mathis on day 17 only (a first share, not
# active); Zoé joined 20 days ago (not yet measurable); Louis joins on Chloé's referral; Manon never joins.
RECRUITS = (
    Recruit(given_name="Chloé", family_name="Garnier", joined=-63.0, shared=-32.0),
    Recruit(given_name="Mathis", family_name="Roux", joined=-62.0, shared=-45.0),
    Recruit(given_name="Zoé", family_name="Fontaine", joined=-20.0),
    Recruit(given_name="Louis", family_name="Girard"),
    Recruit(given_name="Manon", family_name="Blanc"),
)
REFERRER = RECRUITS[0]
REFERRED_RECRUIT = RECRUITS[3]
NETWORK = Network.LINKEDIN
# What the wave's funnel shows once told.
FUNNEL = {"invited": 5, "joined": 4, "first_share": 2, "active_after_30_days": 1, "not_yet_measurable": 2}
