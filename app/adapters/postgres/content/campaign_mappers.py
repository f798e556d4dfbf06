"""Rows of campaigns to domain objects, and back."""

from __future__ import annotations

from typing import Any

from app.adapters.postgres.content.mappers import targeting_from_row, targeting_values
from app.domain.content.campaigns import Campaign, CampaignFields, CampaignStatus, Goals
from app.domain.content.content_fields import Objective


def campaign_values(campaign: Campaign) -> dict[str, Any]:
    fields = campaign.fields
    return {
        "tenant_id": campaign.tenant_id,
        "id": campaign.id,
        "slug": fields.slug,
        "name": fields.name,
        "description": fields.description,
        "objective": fields.objective.value if fields.objective else None,
        "status": campaign.status.value,
        "starts_at": fields.starts_at,
        "ends_at": fields.ends_at,
        **targeting_values(fields.targeting),
        "goals": {
            "shares": fields.goals.shares,
            "clicks": fields.goals.clicks,
            "conversions": dict(fields.goals.conversions),
        },
        "points_multiplier": fields.points_multiplier,
        "is_challenge": fields.is_challenge,
        "created_by": campaign.created_by,
        "launched_at": campaign.launched_at,
        "version": campaign.version,
        "created_at": campaign.created_at,
        "updated_at": campaign.updated_at,
    }


def campaign_from_row(row: Any) -> Campaign:
    goals = row.goals
    return Campaign(
        id=row.id,
        tenant_id=row.tenant_id,
        fields=CampaignFields(
            name=row.name,
            slug=row.slug,
            description=row.description,
            objective=Objective(row.objective) if row.objective else None,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            targeting=targeting_from_row(row),
            goals=Goals(
                shares=goals.get("shares"), clicks=goals.get("clicks"), conversions=goals.get("conversions", {})
            ),
            points_multiplier=row.points_multiplier,
            is_challenge=row.is_challenge,
        ),
        status=CampaignStatus(row.status),
        created_by=row.created_by,
        launched_at=row.launched_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )
