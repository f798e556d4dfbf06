"""The ``demo`` tenant's recall: a job offer Léa and Amelia posted is recalled once the position is filled.

Plain data, told by ``app/demo/seed_recall.py`` at its days (numbers of days from the seeding, like the
rest of the story). The programme sets a notice page its recalled links lead to; the offer is written
and approved, Léa posts it on LinkedIn and Amelia on X, then the admin recalls it. Léa confirms she took
her post down; Amelia's take-down is still pending, for the worker's notification to remind her of.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.demo.content_story import CAREERS, SITE, locale
from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.networks import Network

NOTICE_URL = f"{SITE}/withdrawn"
NOTICE_SET = -12.0
WRITTEN = -10.0
APPROVED = -9.5
RECALLED = -2.0
REASON = "The position was filled; please take your post down."

LINK = f"{CAREERS}/data-engineer-london"
LOCALES = (
    locale(
        "en",
        "We are hiring a data engineer in London",
        "Our data team in London is looking for an engineer to build the pipelines behind our reports.",
        linkedin=f"Our London data team is hiring an engineer. Interested? {LINK} #hiring #employee",
        x=f"Data engineer wanted in London {LINK} #hiring #employee",
    ),
    locale(
        "fr",
        "Nous recrutons un ingénieur data à Londres",
        "Notre équipe data de Londres cherche un ingénieur pour construire les flux derrière nos rapports.",
        linkedin=f"Notre équipe data de Londres recrute un ingénieur. Intéressé·e ? {LINK} #recrutement #employee",
    ),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoPost:
    """An ambassador's post of the recalled offer, and when (if ever) they confirmed taking it down."""

    ambassador: str  # the roster slug
    network: Network
    post_url: str
    posted: float
    taken_down: float | None = None


POSTS = (
    DemoPost(
        ambassador="lea",
        network=Network.LINKEDIN,
        post_url="https://www.linkedin.com/feed/update/urn:li:activity:7301234567890123456/",
        posted=-9.0,
        taken_down=-1.5,
    ),
    DemoPost(
        ambassador="amelia",
        network=Network.X,
        post_url="https://x.com/amelia_clarke/status/1861234567890123456",
        posted=-8.5,
    ),
)
FORMAT = ContentFormat.JOB_OFFER
OBJECTIVE = Objective.RECRUITING
