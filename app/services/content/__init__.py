"""Use cases of content: contents and their review, campaigns, and the feed.

``build_content`` is how the composition root, the demo and the tests get them; the feed
reads through its own reader, which bypasses the unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.content import FeedReader
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.content.approve_content import ApproveContent
from app.services.content.archive_campaign import ArchiveCampaign
from app.services.content.archive_content import ArchiveContent
from app.services.content.campaign_contents import AddContentToCampaign, RemoveContentFromCampaign
from app.services.content.create_campaign import CreateCampaign
from app.services.content.create_content import CreateContent
from app.services.content.get_campaign import GetCampaign, ListCampaigns
from app.services.content.get_content import GetContent, GetContentHistory
from app.services.content.get_feed import GetFeed
from app.services.content.launch_campaign import LaunchCampaign
from app.services.content.list_contents import ListContents
from app.services.content.load_campaigns import LoadCampaignContents, LoadCampaignsOfContents
from app.services.content.load_content import LoadContentHistories
from app.services.content.reject_content import RejectContent
from app.services.content.submit_content import SubmitContent
from app.services.content.update_campaign import UpdateCampaign
from app.services.content.update_content import UpdateContent
from app.services.current_time import CurrentTime


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentUseCases:
    # The instant the statuses of contents and campaigns (published, expired, active) are read at.
    current_time: CurrentTime
    create_content: CreateContent
    get_content: GetContent
    get_content_history: GetContentHistory
    list_contents: ListContents
    update_content: UpdateContent
    submit_content: SubmitContent
    approve_content: ApproveContent
    reject_content: RejectContent
    archive_content: ArchiveContent
    create_campaign: CreateCampaign
    get_campaign: GetCampaign
    list_campaigns: ListCampaigns
    update_campaign: UpdateCampaign
    launch_campaign: LaunchCampaign
    archive_campaign: ArchiveCampaign
    add_content_to_campaign: AddContentToCampaign
    remove_content_from_campaign: RemoveContentFromCampaign
    load_campaign_contents: LoadCampaignContents
    load_campaigns_of_contents: LoadCampaignsOfContents
    load_content_histories: LoadContentHistories
    get_feed: GetFeed


def build_content(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, feed: FeedReader) -> ContentUseCases:
    return ContentUseCases(
        current_time=CurrentTime(uow, clock, ids),
        create_content=CreateContent(uow, clock, ids),
        get_content=GetContent(uow, clock, ids),
        get_content_history=GetContentHistory(uow, clock, ids),
        list_contents=ListContents(uow, clock, ids),
        update_content=UpdateContent(uow, clock, ids),
        submit_content=SubmitContent(uow, clock, ids),
        approve_content=ApproveContent(uow, clock, ids),
        reject_content=RejectContent(uow, clock, ids),
        archive_content=ArchiveContent(uow, clock, ids),
        create_campaign=CreateCampaign(uow, clock, ids),
        get_campaign=GetCampaign(uow, clock, ids),
        list_campaigns=ListCampaigns(uow, clock, ids),
        update_campaign=UpdateCampaign(uow, clock, ids),
        launch_campaign=LaunchCampaign(uow, clock, ids),
        archive_campaign=ArchiveCampaign(uow, clock, ids),
        add_content_to_campaign=AddContentToCampaign(uow, clock, ids),
        remove_content_from_campaign=RemoveContentFromCampaign(uow, clock, ids),
        load_campaign_contents=LoadCampaignContents(uow, clock, ids),
        load_campaigns_of_contents=LoadCampaignsOfContents(uow, clock, ids),
        load_content_histories=LoadContentHistories(uow, clock, ids),
        get_feed=GetFeed(uow, clock, ids, feed),
    )
