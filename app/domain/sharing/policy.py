"""May this member share this content on this network now, and which refusal wins when several apply.

``SharePolicy.check`` judges a request with everything it needs already loaded, one rule after
the other, so the first problem reported is the one to fix first. Who asks is settled before:
the request is a member's (a token linked to an employee who joined the programme).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.community.recall_refusals import ContentRecalled
from app.domain.content.campaigns import Campaign
from app.domain.content.contents import Content
from app.domain.content.review_status import PublicStatus
from app.domain.errors import NotAnAmbassador, NotFound
from app.domain.networks import Network
from app.domain.programme.compliance import check_caption
from app.domain.programme.settings import ProgrammeSettings
from app.domain.roster.ambassadors import Ambassador, MembershipStatus
from app.domain.roster.employees import Employee
from app.domain.sharing.intents import ShareIntent
from app.domain.sharing.refusals import (
    CaptionNotCompliant,
    CharterAcceptanceRequired,
    ContentNotPublished,
    ContentNotShareable,
    ContentNotTargeted,
    ContentWithoutLink,
    NetworkNotConnected,
    NetworkNotEnabled,
    ShareLimitReached,
)
from app.domain.sharing.rules import serving_language, share_campaign, suggested_caption, utc_day_bounds
from app.domain.sharing.shares import Share, shared_caption

_NOT_ACTIVE = {
    MembershipStatus.INVITED: "You are invited to the programme; accept by opting in before sharing.",
    MembershipStatus.PAUSED: "Your membership is paused; you can share again when a programme manager resumes it.",
    MembershipStatus.LEFT: "You left the ambassador programme; opt in again to share.",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareRequest:
    """A member asks to share a content on a network, with everything the rules judge.

    ``caption`` is the one they wrote (None for the content's suggested caption); ``content`` is
    None when no content of the tenant has ``content_id``; ``campaigns`` are the content's;
    ``open_intent`` is the member's share of the content on the network still at ``intent``;
    ``started_today`` counts their shares on the network since midnight UTC, cancelled ones aside.
    """

    member: Ambassador
    employee: Employee
    network: Network
    caption: str | None
    content_id: UUID
    content: Content | None
    campaigns: Sequence[Campaign]
    charter_in_force: int | None
    settings: ProgrammeSettings
    connected: frozenset[Network]
    open_intent: Share | None
    started_today: int
    now: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class NewShare:
    """A share every rule allows, as it is to be opened: the content's link it tracks, the language
    and caption it is shared in, and the campaign it counts for."""

    link_url: str
    language: str
    caption: str
    campaign: Campaign | None


class SharePolicy:
    """The rules of sharing, in the order their refusals win:

    1. the member is active (``not-an-ambassador``) and accepted the charter in force, when one is
       published (``charter-acceptance-required``);
    2. the programme shares on the network (``network-not-enabled``) and the member connected an
       account there (``network-not-connected``);
    3. the content exists (``not-found``), is not recalled (``content-recalled``), is published now
       (``content-not-published``), shareable (``content-not-shareable``), targeted to the member's
       department, location and roster language (``content-not-targeted``) and has a link to track
       (``content-without-link``);
    4. an open intent for the same content and network is answered again, as it is;
    5. fewer shares than the programme's daily limit were started today on the network
       (``share-limit-reached``);
    6. the text as posted, the caption followed by the tracked link, breaks no blocking rule of
       the programme (``caption-not-compliant``). Without a caption of their own, the member
       shares the content's suggested caption for the network, in the language the feed serves
       them (else that locale's title).
    """

    @staticmethod
    def check(request: ShareRequest, tracked_url: str) -> Share | NewShare:
        """The open intent to answer again, or the new share to open at ``tracked_url``; else the
        refusal of the first rule broken."""
        _require_sharing_member(request.member, request.charter_in_force)
        _require_network(request.network, request.settings, request.connected)
        content = _require_content(request)
        link_url = _require_shareable(content, request.employee, request.now)
        if request.open_intent is not None:
            return request.open_intent
        _require_under_daily_limit(request)
        new = _compose(request, content, link_url, tracked_url)
        _require_compliant(ShareIntent(network=request.network, caption=new.caption, link=tracked_url), request)
        return new


def _compose(request: ShareRequest, content: Content, link_url: str, tracked_url: str) -> NewShare:
    """The new share: in the language the feed serves the member, with their caption or the content's
    suggested one (its own link, if named, replaced by the tracked one), for the campaign running now."""
    language = serving_language(content, request.member.preferences.languages, request.employee.profile.language)
    written = request.caption if request.caption is not None else suggested_caption(content, language, request.network)
    caption = shared_caption(written, content_link=link_url, tracked_url=tracked_url)
    campaign = share_campaign(request.campaigns, request.now)
    return NewShare(link_url=link_url, language=language, caption=caption, campaign=campaign)


def _require_sharing_member(member: Ambassador, charter_in_force: int | None) -> None:
    if member.status is not MembershipStatus.ACTIVE:
        raise NotAnAmbassador(_NOT_ACTIVE[member.status])
    if charter_in_force is not None and not member.has_accepted(charter_in_force):
        raise CharterAcceptanceRequired(charter_in_force)


def _require_network(network: Network, settings: ProgrammeSettings, connected: frozenset[Network]) -> None:
    if not settings.allows_network(network):
        raise NetworkNotEnabled(network)
    if network not in connected:
        raise NetworkNotConnected(network)


def _require_content(request: ShareRequest) -> Content:
    if request.content is None:
        raise NotFound("content", request.content_id)
    return request.content


def _require_shareable(content: Content, employee: Employee, now: datetime) -> str:
    """The content's link, when the employee may share the content now."""
    status = content.public_status(now)
    if status is PublicStatus.RECALLED:
        raise ContentRecalled()
    if status is not PublicStatus.PUBLISHED:
        raise ContentNotPublished(status.value)
    if not content.fields.shareable:
        raise ContentNotShareable()
    profile = employee.profile
    if not content.fields.targeting.includes(
        department=profile.department, location=profile.location, language=profile.language
    ):
        raise ContentNotTargeted()
    if not content.fields.link_url:
        raise ContentWithoutLink()
    return content.fields.link_url


def _require_under_daily_limit(request: ShareRequest) -> None:
    limit = request.settings.share_daily_limit
    if request.started_today >= limit:
        raise ShareLimitReached(request.network, limit, utc_day_bounds(request.now)[1])


def _require_compliant(intent: ShareIntent, request: ShareRequest) -> None:
    """The text as it will be posted (the caption, then the tracked link) passes every blocking rule."""
    report = check_caption(intent.copy_text, intent.network, request.settings, link=intent.link)
    if not report.ok:
        raise CaptionNotCompliant(report.violations, report.total)
