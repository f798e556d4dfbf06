"""The ``demo`` tenant's rewards catalogue, told by ``app/demo/seed_catalogue.py``: a symbolic gift and a
lunch with the leadership, two associations, Léa's lunch awaiting the manager's approval and her gift to
the Restos du Cœur, and kudos for Amelia. Days count from the seeding, like the rest of the story.

Léa's points for the lunch are welcome points, an adjustment of the ledger: the points ambassadors earn
by sharing come from the event worker, and the story does not spend them."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.rewards.catalogue import RewardKind


@dataclass(frozen=True, slots=True)
class DemoReward:
    key: str
    name: str
    description: str
    kind: RewardKind
    cost: int
    stock: int | None
    per_person_limit: int | None
    requires_approval: bool


@dataclass(frozen=True, slots=True)
class DemoAssociation:
    key: str
    name: str
    description: str
    website: str


CATALOGUE_OPENED = -15.0
ASSOCIATIONS = (
    DemoAssociation(
        "restos",
        "Restos du Cœur",
        "Meals and support for people in need, across France.",
        "https://www.restosducoeur.org",
    ),
    DemoAssociation(
        "petits-freres",
        "Petits Frères des Pauvres",
        "Company for isolated elderly people.",
        "https://www.petitsfreresdespauvres.fr",
    ),
)
REWARDS = (
    DemoReward(
        "mug",
        "Relais ambassador mug",
        "A mug for the desk, to say thank you.",
        RewardKind.GIFT,
        cost=150,
        stock=40,
        per_person_limit=2,
        requires_approval=False,
    ),
    DemoReward(
        "lunch",
        "Lunch with the leadership team",
        "Lunch in Paris with two members of the executive committee, once a quarter.",
        RewardKind.EXPERIENCE,
        cost=500,
        stock=6,
        per_person_limit=1,
        requires_approval=True,
    ),
)
# Who receives welcome points, how many, and when.
WELCOME_POINTS = (("lea", 600, -14.0),)
REASON_WELCOME = "Welcome points"
# Who redeems what, when; the lunch needs approval, so it waits for the manager.
REDEMPTIONS = (("lea", "lunch", -3.0),)
# Who gives how many points to which association, when.
DONATIONS = (("lea", "restos", 50, -2.0),)
# Kudos the manager sends, to whom, when.
KUDOS = (("amelia", "Your post on the London roles brought us a great candidate: thank you!", -4.0),)
