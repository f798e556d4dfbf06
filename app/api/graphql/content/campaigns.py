"""GraphQL entry points of campaigns: the list, one campaign (with its contents), and its changes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.content import inputs
from app.api.graphql.content.enums import CampaignStatus, Objective
from app.api.graphql.content.mappers import campaign_node
from app.api.graphql.content.results import (
    CampaignContentResult,
    CampaignTransitionResult,
    CreateCampaignResult,
    UpdateCampaignResult,
)
from app.api.graphql.content.types import Campaign, CampaignMembership
from app.api.graphql.context import GraphQLContext
from app.domain.content import campaigns as campaigning
from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.ports.content import CampaignFilter
from app.ports.pagination import DEFAULT_LIMIT
from app.services.content.campaign_contents import CampaignContentCommand
from app.services.content.launch_campaign import CampaignTransitionCommand
from app.services.content.update_campaign import UpdateCampaignCommand

Info = strawberry.Info[GraphQLContext, None]
Id = Annotated[UUID, strawberry.argument(name="id")]
First = Annotated[int, strawberry.argument(description="Items per page, 1 to 100.")]
After = Annotated[str | None, strawberry.argument(description="The endCursor of the previous page.")]
ExpectedVersion = Annotated[
    int | None, strawberry.argument(description="The `version` you last read; stale changes are refused.")
]


def _node(info: Info, campaign: campaigning.Campaign) -> Campaign:
    return campaign_node(campaign, info.context.services.current_time())


@strawberry.type
class CampaignQuery:
    @described.field("Page through campaigns (admin, manager, moderator, analyst).")
    async def campaigns(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        status: Annotated[CampaignStatus | None, strawberry.argument(description="As read now.")] = None,
        objective: Objective | None = None,
        active_at: Annotated[datetime | None, strawberry.argument(description="Running at that instant.")] = None,
    ) -> Connection[Campaign]:
        page = page_request(first, after)
        if active_at is not None and active_at.utcoffset() is None:
            raise ValidationFailed("The instant needs its time zone.", [FieldError(("activeAt",), "Add a zone.")])
        criteria = CampaignFilter(
            status=status,
            objective=objective,
            active_at=active_at,
        )
        context = info.context
        now = context.services.current_time()
        found = await context.services.list_campaigns(context.principal, criteria, page)
        return connection(found, lambda item: campaign_node(item, now))

    @described.field("One campaign of your organisation, or null.")
    async def campaign(self, info: Info, campaign_id: Id) -> Campaign | None:
        context = info.context
        try:
            return _node(info, await context.services.get_campaign(context.principal, campaign_id))
        except NotFound:
            return None


@strawberry.type
class CampaignMutation:
    @described.mutation("Start a campaign as a draft (admin, manager).")
    async def create_campaign(
        self,
        info: Info,
        input: inputs.CampaignInput,  # noqa: A002 - the GraphQL convention
    ) -> CreateCampaignResult:
        fields = campaigning.CampaignFields(**inputs.campaign_values(input))
        context = info.context
        return _node(info, await context.services.create_campaign(context.principal, fields))

    @described.mutation("Change the fields sent (admin, manager); a launched campaign keeps its slug.")
    async def update_campaign(
        self,
        info: Info,
        campaign_id: Id,
        input: inputs.CampaignChangesInput,  # noqa: A002 - the GraphQL convention
        expected_version: ExpectedVersion = None,
    ) -> UpdateCampaignResult:
        command = UpdateCampaignCommand(
            campaign_id=campaign_id, changes=inputs.campaign_changes(input), expected_version=expected_version
        )
        context = info.context
        return _node(info, await context.services.update_campaign(context.principal, command))

    @described.mutation("Launch a draft (admin, manager); it needs its start.")
    async def launch_campaign(
        self, info: Info, campaign_id: Id, expected_version: ExpectedVersion = None
    ) -> CampaignTransitionResult:
        command = CampaignTransitionCommand(campaign_id=campaign_id, expected_version=expected_version)
        context = info.context
        return _node(info, await context.services.launch_campaign(context.principal, command))

    @described.mutation("Archive a campaign (admin, manager).")
    async def archive_campaign(
        self, info: Info, campaign_id: Id, expected_version: ExpectedVersion = None
    ) -> CampaignTransitionResult:
        command = CampaignTransitionCommand(campaign_id=campaign_id, expected_version=expected_version)
        context = info.context
        return _node(info, await context.services.archive_campaign(context.principal, command))

    @described.mutation("Put a content in a campaign (admin, manager); again changes nothing.")
    async def add_content_to_campaign(self, info: Info, campaign_id: UUID, content_id: UUID) -> CampaignContentResult:
        context = info.context
        command = CampaignContentCommand(campaign_id=campaign_id, content_id=content_id)
        changed = await context.services.add_content_to_campaign(context.principal, command)
        return CampaignMembership(campaign_id=campaign_id, content_id=content_id, changed=changed)

    @described.mutation("Take a content out of a campaign (admin, manager).")
    async def remove_content_from_campaign(
        self, info: Info, campaign_id: UUID, content_id: UUID
    ) -> CampaignContentResult:
        context = info.context
        command = CampaignContentCommand(campaign_id=campaign_id, content_id=content_id)
        changed = await context.services.remove_content_from_campaign(context.principal, command)
        return CampaignMembership(campaign_id=campaign_id, content_id=content_id, changed=changed)
