"""Campaigns between REST bodies and the domain."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.api.rest.content.campaign_schemas import CampaignFieldsBody, CampaignOut, GoalsBody, GoalsOut
from app.api.rest.content.content_mappers import targeting, targeting_out
from app.domain.content.campaigns import Campaign, Goals


def goals(body: GoalsBody) -> Goals:
    return Goals(shares=body.shares, clicks=body.clicks, conversions=dict(body.conversions))


def campaign_changes(body: CampaignFieldsBody) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in body.model_fields_set:
        value = getattr(body, name)
        if name == "targeting":
            value = targeting(value)
        elif name == "goals":
            value = goals(value)
        values[name] = value
    return values


def campaign_out(campaign: Campaign, now: datetime) -> CampaignOut:
    fields = campaign.fields
    return CampaignOut(
        id=campaign.id,
        name=fields.name,
        slug=fields.slug,
        description=fields.description,
        objective=fields.objective,
        status=campaign.phase(now),
        starts_at=fields.starts_at,
        ends_at=fields.ends_at,
        targeting=targeting_out(fields.targeting),
        goals=GoalsOut(
            shares=fields.goals.shares, clicks=fields.goals.clicks, conversions=dict(fields.goals.conversions)
        ),
        points_multiplier=float(fields.points_multiplier),
        is_challenge=fields.is_challenge,
        launched_at=campaign.launched_at,
        created_at=campaign.created_at,
        updated_at=campaign.updated_at,
    )
