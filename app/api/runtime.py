"""What the API needs at run time, handed over by the composition root through the lifespan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.ports.health import ReadinessProbe
from app.ports.identity import TokenVerifier
from app.services.accept_charter import AcceptCharter
from app.services.approve_content import ApproveContent
from app.services.archive_campaign import ArchiveCampaign
from app.services.archive_content import ArchiveContent
from app.services.campaign_contents import AddContentToCampaign, RemoveContentFromCampaign
from app.services.check_caption import CheckCaption
from app.services.create_campaign import CreateCampaign
from app.services.create_content import CreateContent
from app.services.create_employee import CreateEmployee
from app.services.create_share import CreateShare
from app.services.create_tenant import CreateTenant
from app.services.current_time import CurrentTime
from app.services.follow_tracked_link import FollowTrackedLink
from app.services.get_ambassador import GetAmbassador
from app.services.get_campaign import GetCampaign, ListCampaigns
from app.services.get_charter import GetCharter
from app.services.get_content import GetContent, GetContentHistory
from app.services.get_conversion import GetConversion, ListConversions
from app.services.get_employee import GetEmployee
from app.services.get_feed import GetFeed
from app.services.get_me import GetMe
from app.services.get_settings import GetSettings
from app.services.get_share import GetShare, ListMyShares, ListShares
from app.services.invite_ambassador import InviteAmbassador
from app.services.launch_campaign import LaunchCampaign
from app.services.list_ambassadors import ListAmbassadors
from app.services.list_charter_versions import ListCharterVersions
from app.services.list_contents import ListContents
from app.services.list_employees import ListEmployees
from app.services.load_content import LoadCampaignContents, LoadCampaignsOfContents, LoadContentHistories
from app.services.load_related import LoadAmbassadorsByEmployee, LoadEmployees
from app.services.manage_social_accounts import ConnectSocialAccount, DisconnectSocialAccount, ListSocialAccounts
from app.services.opt_in import OptIn
from app.services.opt_out import OptOut
from app.services.publish_charter_version import PublishCharterVersion
from app.services.record_conversion import RecordConversion
from app.services.record_engagement import RecordEngagement
from app.services.reject_content import RejectContent
from app.services.set_preferences import SetPreferences
from app.services.share_transitions import CancelShare, ConfirmShare
from app.services.submit_content import SubmitContent
from app.services.terminate_employee import TerminateEmployee
from app.services.update_ambassador import UpdateAmbassador
from app.services.update_campaign import UpdateCampaign
from app.services.update_content import UpdateContent
from app.services.update_employee import UpdateEmployee
from app.services.update_settings import UpdateSettings


@dataclass(frozen=True, slots=True, kw_only=True)
class Services:
    create_tenant: CreateTenant
    create_employee: CreateEmployee
    get_employee: GetEmployee
    list_employees: ListEmployees
    update_employee: UpdateEmployee
    terminate_employee: TerminateEmployee
    invite_ambassador: InviteAmbassador
    get_ambassador: GetAmbassador
    list_ambassadors: ListAmbassadors
    update_ambassador: UpdateAmbassador
    get_me: GetMe
    opt_in: OptIn
    opt_out: OptOut
    set_preferences: SetPreferences
    list_social_accounts: ListSocialAccounts
    connect_social_account: ConnectSocialAccount
    disconnect_social_account: DisconnectSocialAccount
    load_employees: LoadEmployees
    load_ambassadors_by_employee: LoadAmbassadorsByEmployee
    get_settings: GetSettings
    update_settings: UpdateSettings
    check_caption: CheckCaption
    get_charter: GetCharter
    list_charter_versions: ListCharterVersions
    publish_charter_version: PublishCharterVersion
    accept_charter: AcceptCharter
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
    record_conversion: RecordConversion
    get_conversion: GetConversion
    list_conversions: ListConversions
    create_share: CreateShare
    confirm_share: ConfirmShare
    cancel_share: CancelShare
    get_share: GetShare
    list_shares: ListShares
    list_my_shares: ListMyShares
    record_engagement: RecordEngagement
    get_feed: GetFeed
    follow_tracked_link: FollowTrackedLink


@dataclass(frozen=True, slots=True, kw_only=True)
class Runtime:
    services: Services
    verifier: TokenVerifier
    readiness: ReadinessProbe
    jwks: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiConfig:
    """Transport settings, copied from ``Settings`` by the composition root."""

    cors_origins: list[str] = field(default_factory=list)
    max_body_bytes: int = 1_048_576
    graphql_max_depth: int = 10
    graphql_max_aliases: int = 15
    graphql_max_tokens: int = 2000
    # Peers whose X-Forwarded-For/-Proto are believed: comma-separated addresses or networks, or `*`.
    trusted_proxies: str = "127.0.0.1"
    title: str = "Relais"
    version: str = "0.1.0"
