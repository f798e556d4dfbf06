"""GraphQL types of the cohorts among the metrics: a wave's funnel and its conversions."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from app.api.graphql.community.recruiting.types import Funnel, funnel_node
from app.domain.metrics.cohorts import Cohort


@strawberry.type(description="Each stage of a cohort's funnel over the one before (null when that one is empty).")
class CohortConversions:
    joined: float | None = strawberry.field(description="Joined / invited.")
    first_share: float | None = strawberry.field(description="First share / joined.")
    active_after_30_days: float | None = strawberry.field(
        description="Active after 30 days / those who joined at least 30 days ago (joined - not yet measurable)."
    )


@strawberry.type(description="An invitation wave followed as a cohort: its funnel as of now and its conversions.")
class MetricCohort:
    wave_uuid: UUID = strawberry.field(description="The wave's id (REST's `wave_id`).")
    name: str = strawberry.field(description="What staff call the wave.")
    launched_at: datetime = strawberry.field(description="When the wave was launched: its invitations' time.")
    funnel: Funnel = strawberry.field(description="The cohort's funnel as of now, as the wave answers it.")
    conversions: CohortConversions = strawberry.field(description="The conversion from each stage to the next.")


def cohort_node(cohort: Cohort) -> MetricCohort:
    conversions = cohort.conversions
    return MetricCohort(
        wave_uuid=cohort.wave_id,
        name=cohort.name,
        launched_at=cohort.launched_at,
        funnel=funnel_node(cohort.funnel),
        conversions=CohortConversions(
            joined=conversions.joined,
            first_share=conversions.first_share,
            active_after_30_days=conversions.active_after_30_days,
        ),
    )
