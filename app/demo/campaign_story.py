"""The ``demo`` programme's campaigns: the trade show, the tech talent challenge and the launch of
Demo Planner 5, with the days each was created and launched (see ``app/demo/programme_story.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.demo.story_clock import at
from app.domain.content.campaigns import CampaignFields, Goals
from app.domain.content.content_fields import Objective


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoCampaign:
    slug: str
    name: str
    description: str
    objective: Objective
    created: float
    launched: float | None  # None: still a draft
    starts: float
    ends: float | None
    goals: Goals
    points_multiplier: Decimal = Decimal(1)
    is_challenge: bool = False

    def fields(self, present: datetime) -> CampaignFields:
        return CampaignFields(
            name=self.name,
            slug=self.slug,
            description=self.description,
            objective=self.objective,
            starts_at=at(present, self.starts),
            ends_at=at(present, self.ends) if self.ends is not None else None,
            goals=self.goals,
            points_multiplier=self.points_multiplier,
            is_challenge=self.is_challenge,
        )


TRADE_SHOW = "salon-solutions-terrain"
TALENT_CHALLENGE = "defi-talents-tech"
PLANNER_LAUNCH = "lancement-planner-5"

CAMPAIGNS = (
    DemoCampaign(
        slug=TRADE_SHOW,
        name="Salon Solutions Terrain",
        description="Faire venir prospects et clients sur notre stand du salon Solutions Terrain à Lyon, "
        "puis à notre webinaire sur le pic d'activité de l'hiver.",
        objective=Objective.LEADS,
        created=-55,
        launched=-50,
        starts=-46,
        ends=-30,
        goals=Goals(shares=60, clicks=600, conversions={"lead": 40}),
    ),
    DemoCampaign(
        slug=TALENT_CHALLENGE,
        name="Défi #TalentsTech",
        description="Un mois pour faire connaître nos offres tech et design. Chaque partage compte double, "
        "et les trois ambassadeurs dont les liens amènent le plus de candidatures choisissent une "
        "formation offerte.",
        objective=Objective.RECRUITING,
        created=-14,
        launched=-11,
        starts=-10,
        ends=20,
        goals=Goals(shares=150, clicks=1500, conversions={"job_application": 30}),
        points_multiplier=Decimal(2),
        is_challenge=True,
    ),
    DemoCampaign(
        slug=PLANNER_LAUNCH,
        name="Lancement de Demo Planner 5",
        description="Six semaines pour faire connaître Demo Planner 5 : l'annonce du jour J, les chiffres "
        "de la bêta et la vidéo de démonstration.",
        objective=Objective.AWARENESS,
        created=-3,
        launched=-0.4,
        starts=12,
        ends=42,
        goals=Goals(shares=250, clicks=4000, conversions={"demo_request": 60}),
    ),
)
