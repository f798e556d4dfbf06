"""Campaigns to GraphQL types, field by field."""

from __future__ import annotations

from datetime import datetime

from app.api.graphql.content.campaign_types import Campaign, CampaignGoals, ConversionGoal
from app.api.graphql.content.mappers import targeting_node
from app.domain.content import campaigns as campaigning


def campaign_node(campaign: campaigning.Campaign, now: datetime) -> Campaign:
    fields = campaign.fields
    return Campaign(
        id=campaign.id,
        version=campaign.version,
        name=fields.name,
        slug=fields.slug,
        description=fields.description,
        objective=fields.objective,
        status=campaign.phase(now),
        starts_at=fields.starts_at,
        ends_at=fields.ends_at,
        targeting=targeting_node(fields.targeting),
        goals=CampaignGoals(
            shares=fields.goals.shares,
            clicks=fields.goals.clicks,
            conversions=[ConversionGoal(type=kind, target=target) for kind, target in fields.goals.conversions.items()],
        ),
        points_multiplier=float(fields.points_multiplier),
        is_challenge=fields.is_challenge,
        launched_at=campaign.launched_at,
        created_at=campaign.created_at,
        updated_at=campaign.updated_at,
    )
