"""What the API needs at run time, handed over by the composition root through the lifespan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.ports.health import ReadinessProbe
from app.ports.roster import TokenVerifier
from app.services.attribution.get_conversion import GetConversion, ListConversions
from app.services.attribution.record_conversion import RecordConversion
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
from app.services.content.load_content import LoadCampaignContents, LoadCampaignsOfContents, LoadContentHistories
from app.services.content.reject_content import RejectContent
from app.services.content.submit_content import SubmitContent
from app.services.content.update_campaign import UpdateCampaign
from app.services.content.update_content import UpdateContent
from app.services.current_time import CurrentTime
from app.services.programme.accept_charter import AcceptCharter
from app.services.programme.check_caption import CheckCaption
from app.services.programme.get_charter import GetCharter
from app.services.programme.get_settings import GetSettings
from app.services.programme.list_charter_versions import ListCharterVersions
from app.services.programme.publish_charter_version import PublishCharterVersion
from app.services.programme.update_settings import UpdateSettings
from app.services.roster.create_employee import CreateEmployee
from app.services.roster.create_tenant import CreateTenant
from app.services.roster.get_ambassador import GetAmbassador
from app.services.roster.get_employee import GetEmployee
from app.services.roster.get_me import GetMe
from app.services.roster.invite_ambassador import InviteAmbassador
from app.services.roster.list_ambassadors import ListAmbassadors
from app.services.roster.list_employees import ListEmployees
from app.services.roster.load_related import LoadAmbassadorsByEmployee, LoadEmployees
from app.services.roster.manage_social_accounts import ConnectSocialAccount, DisconnectSocialAccount, ListSocialAccounts
from app.services.roster.opt_in import OptIn
from app.services.roster.opt_out import OptOut
from app.services.roster.set_preferences import SetPreferences
from app.services.roster.terminate_employee import TerminateEmployee
from app.services.roster.update_ambassador import UpdateAmbassador
from app.services.roster.update_employee import UpdateEmployee
from app.services.sharing.create_share import CreateShare
from app.services.sharing.follow_tracked_link import FollowTrackedLink
from app.services.sharing.get_share import GetShare, ListMyShares, ListShares
from app.services.sharing.record_engagement import RecordEngagement
from app.services.sharing.share_transitions import CancelShare, ConfirmShare


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
    # Off in production unless configured: the schema is published as openapi/schema.graphql.
    graphql_introspection: bool = True
    graphql_field_suggestions: bool = True
    # Peers whose X-Forwarded-For/-Proto are believed: comma-separated addresses or networks, or `*`.
    trusted_proxies: str = "127.0.0.1"
    title: str = "Relais"
    version: str = "0.1.0"
