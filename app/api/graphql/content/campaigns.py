"""GraphQL entry points of campaigns: the list, one campaign (with its contents), and its changes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, ExpectedVersion, First
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.content import campaign_inputs
from app.api.graphql.content.campaign_mappers import campaign_node
from app.api.graphql.content.campaign_results import (
    CampaignContentResult,
    CampaignTransitionResult,
    CreateCampaignResult,
    UpdateCampaignResult,
)
from app.api.graphql.content.campaign_types import Campaign, CampaignMembership
from app.api.graphql.content.enums import CampaignStatus, Objective
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import global_id, uuid_of
from app.domain.content import campaigns as campaigning
from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.ports.campaigns import CampaignFilter
from app.ports.pagination import DEFAULT_LIMIT
from app.services.content.campaign_contents import CampaignContentCommand
from app.services.content.launch_campaign import CampaignTransitionCommand
from app.services.content.update_campaign import UpdateCampaignCommand

Info = strawberry.Info[GraphQLContext, None]
Id = Annotated[strawberry.ID, strawberry.argument(name="id", description="The campaign's `id`.")]
CampaignId = Annotated[strawberry.ID, strawberry.argument(description="The campaign's `id`.")]
ContentId = Annotated[strawberry.ID, strawberry.argument(description="The content's `id`.")]


def _node(info: Info, campaign: campaigning.Campaign) -> Campaign:
    return campaign_node(campaign, info.context.services.content.current_time())


def _membership(campaign_id: str, content_id: str) -> CampaignContentCommand:
    return CampaignContentCommand(
        campaign_id=uuid_of(campaign_id, "Campaign", ("campaign_id",)),
        content_id=uuid_of(content_id, "Content", ("content_id",)),
    )


def _membership_node(command: CampaignContentCommand, changed: bool) -> CampaignMembership:
    return CampaignMembership(
        campaign_id=global_id("Campaign", command.campaign_id),
        content_id=global_id("Content", command.content_id),
        changed=changed,
    )


@strawberry.type
class CampaignQuery:
    @described.field("Page through campaigns (admin, manager, moderator, analyst).")
    async def campaigns(
        self,
        info: Info,
        first: First = DEFAULT_LIMIT,
        after: After = None,
        status: Annotated[
            CampaignStatus | None, strawberry.argument(description="Only those of this status, as read now.")
        ] = None,
        objective: Annotated[
            Objective | None, strawberry.argument(description="Only those with this objective.")
        ] = None,
        active_at: Annotated[
            datetime | None, strawberry.argument(description="Only those running at that instant.")
        ] = None,
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
        now = context.services.content.current_time()
        found = await context.services.content.list_campaigns(context.principal, criteria, page)
        return connection(found, lambda item: campaign_node(item, now), page)

    @described.field("One campaign of your organisation, or null.")
    async def campaign(self, info: Info, campaign_id: Id) -> Campaign | None:
        context = info.context
        uuid = uuid_of(campaign_id, "Campaign", ("id",))
        try:
            return _node(info, await context.services.content.get_campaign(context.principal, uuid))
        except NotFound:
            return None


@strawberry.type
class CampaignMutation:
    @described.mutation("Start a campaign as a draft (admin, manager).")
    async def create_campaign(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            campaign_inputs.CampaignInput, strawberry.argument(description="The new campaign.")
        ],
    ) -> CreateCampaignResult:
        fields = campaigning.CampaignFields(**campaign_inputs.campaign_values(input))
        context = info.context
        return _node(info, await context.services.content.create_campaign(context.principal, fields))

    @described.mutation("Change the fields sent (admin, manager); a launched campaign keeps its slug.")
    async def update_campaign(
        self,
        info: Info,
        campaign_id: Id,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            campaign_inputs.CampaignChangesInput, strawberry.argument(description="The fields to change.")
        ],
        expected_version: ExpectedVersion = None,
    ) -> UpdateCampaignResult:
        command = UpdateCampaignCommand(
            campaign_id=uuid_of(campaign_id, "Campaign", ("id",)),
            changes=campaign_inputs.campaign_changes(input),
            expected_version=expected_version,
        )
        context = info.context
        return _node(info, await context.services.content.update_campaign(context.principal, command))

    @described.mutation("Launch a draft (admin, manager); it needs its start.")
    async def launch_campaign(
        self, info: Info, campaign_id: Id, expected_version: ExpectedVersion = None
    ) -> CampaignTransitionResult:
        command = CampaignTransitionCommand(
            campaign_id=uuid_of(campaign_id, "Campaign", ("id",)), expected_version=expected_version
        )
        context = info.context
        return _node(info, await context.services.content.launch_campaign(context.principal, command))

    @described.mutation("Archive a campaign (admin, manager).")
    async def archive_campaign(
        self, info: Info, campaign_id: Id, expected_version: ExpectedVersion = None
    ) -> CampaignTransitionResult:
        command = CampaignTransitionCommand(
            campaign_id=uuid_of(campaign_id, "Campaign", ("id",)), expected_version=expected_version
        )
        context = info.context
        return _node(info, await context.services.content.archive_campaign(context.principal, command))

    @described.mutation("Put a content in a campaign (admin, manager); again changes nothing.")
    async def add_content_to_campaign(
        self, info: Info, campaign_id: CampaignId, content_id: ContentId
    ) -> CampaignContentResult:
        context = info.context
        command = _membership(campaign_id, content_id)
        changed = await context.services.content.add_content_to_campaign(context.principal, command)
        return _membership_node(command, changed)

    @described.mutation("Take a content out of a campaign (admin, manager).")
    async def remove_content_from_campaign(
        self, info: Info, campaign_id: CampaignId, content_id: ContentId
    ) -> CampaignContentResult:
        context = info.context
        command = _membership(campaign_id, content_id)
        changed = await context.services.content.remove_content_from_campaign(context.principal, command)
        return _membership_node(command, changed)
