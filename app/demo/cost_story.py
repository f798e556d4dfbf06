"""What the ``demo`` programme cost, on each of its budget lines, recorded by its admin as the invoices
came in: the cost KPIs and the return on investment are computed from these (in euros, the programme's
currency). Days are counted from the seeding, like the rest of the story."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from app.demo.story_clock import StoryClock
from app.domain.metrics.costs import BudgetLine, CostFields
from app.domain.roster.identity import Principal
from app.services.metrics import MetricsUseCases


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoCost:
    incurred: float  # the day it was incurred
    recorded: float  # the day the admin entered it
    budget_line: BudgetLine
    amount_minor: int
    description: str


COSTS = (
    DemoCost(
        incurred=-72,
        recorded=-71,
        budget_line=BudgetLine.PLATFORM,
        amount_minor=450_000,
        description="Licence de la plateforme d'advocacy, premier trimestre / Platform licence, first quarter",
    ),
    DemoCost(
        incurred=-52,
        recorded=-50,
        budget_line=BudgetLine.CONTENT_CREATION,
        amount_minor=180_000,
        description="Tournage vidéo « Nous recrutons à Lyon » / Video shoot for the Lyon hiring campaign",
    ),
    DemoCost(
        incurred=-41,
        recorded=-40,
        budget_line=BudgetLine.ANIMATION,
        amount_minor=35_000,
        description="Petit-déjeuner de lancement des ambassadeurs / Ambassadors' launch breakfast",
    ),
    DemoCost(
        incurred=-22,
        recorded=-20,
        budget_line=BudgetLine.CONTENT_CREATION,
        amount_minor=60_000,
        description="Visuels de la campagne de printemps / Spring campaign visuals",
    ),
    DemoCost(
        incurred=-16,
        recorded=-15,
        budget_line=BudgetLine.REWARDS,
        amount_minor=24_000,
        description="Mugs et carnets du catalogue / Mugs and notebooks for the catalogue",
    ),
    DemoCost(
        incurred=-11,
        recorded=-10,
        budget_line=BudgetLine.ANIMATION,
        amount_minor=80_000,
        description="Atelier « Bien publier sur LinkedIn » / 'Posting well on LinkedIn' workshop",
    ),
)
CURRENCY = "EUR"


async def tell_costs(metrics: MetricsUseCases, story: StoryClock, admin: Principal) -> None:
    for cost in COSTS:
        story.go_to(cost.recorded)
        incurred_on = (story.present + timedelta(days=cost.incurred)).date()
        fields = CostFields(
            budget_line=cost.budget_line,
            incurred_on=incurred_on,
            amount_minor=cost.amount_minor,
            currency=CURRENCY,
            description=cost.description,
        )
        await metrics.record_cost(admin, fields)
