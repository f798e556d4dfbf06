"""What an ambassador may share, in which words, under which campaign, and how often.

Pure rules over loaded aggregates; the create-share use case applies them in this order, so
the first problem reported is the one to fix first: the member, then the network, then the
content, then the limit of the day, then the caption.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, time, timedelta

from app.domain.content.campaigns import Campaign
from app.domain.content.contents import Content
from app.domain.content.feed import reading_languages
from app.domain.content.review_status import PublicStatus
from app.domain.errors import NotAnAmbassador
from app.domain.networks import Network
from app.domain.programme.compliance import ComplianceReport, check_caption
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

_NOT_ACTIVE = {
    MembershipStatus.INVITED: "You are invited to the programme; accept by opting in before sharing.",
    MembershipStatus.PAUSED: "Your membership is paused; you can share again when a programme manager resumes it.",
    MembershipStatus.LEFT: "You left the ambassador programme; opt in again to share.",
}


def require_sharing_member(ambassador: Ambassador, current_charter: int | None) -> None:
    """An active member who accepted the charter in force (when one is published)."""
    if ambassador.status is not MembershipStatus.ACTIVE:
        raise NotAnAmbassador(_NOT_ACTIVE[ambassador.status])
    if current_charter is not None and not ambassador.has_accepted(current_charter):
        raise CharterAcceptanceRequired(current_charter)


def require_network(network: Network, settings: ProgrammeSettings, connected: Iterable[Network]) -> None:
    if not settings.allows_network(network):
        raise NetworkNotEnabled(network)
    if network not in set(connected):
        raise NetworkNotConnected(network)


def require_shareable(content: Content, employee: Employee, now: datetime) -> str:
    """The content's link, when the employee may share the content now: published, shareable,
    with a link, and targeted to their department, location and roster language."""
    status = content.public_status(now)
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


def serving_language(content: Content, preferred: Sequence[str], roster_language: str | None) -> str:
    """The language the feed serves the content in: the first preferred language, then the
    roster language (each before its broader forms) it has a locale for, else its own."""
    for tag in reading_languages(preferred, roster_language):
        locale = content.fields.locale(tag)
        if locale is not None:
            return locale.language
    return content.fields.language


def suggested_caption(content: Content, language: str, network: Network) -> str:
    """The content's suggested caption for the network in ``language``, else that locale's title."""
    locale = content.fields.locale(language) or content.fields.default_locale
    return locale.caption_for(network) or locale.title


def share_campaign(campaigns: Iterable[Campaign], now: datetime) -> Campaign | None:
    """The launched campaign of the content running now; the earliest started when several are."""
    running = [campaign for campaign in campaigns if campaign.is_active_at(now)]
    return min(running, key=lambda c: (c.fields.starts_at or c.launched_at or now, c.id), default=None)


def utc_day_bounds(now: datetime) -> tuple[datetime, datetime]:
    """The UTC day ``now`` falls in: [midnight, next midnight)."""
    start = datetime.combine(now.astimezone(UTC).date(), time(), tzinfo=UTC)
    return start, start + timedelta(days=1)


def require_under_daily_limit(shares_today: int, network: Network, settings: ProgrammeSettings, now: datetime) -> None:
    """Shares started today on the network (cancelled ones aside) stay under the tenant's limit."""
    if shares_today >= settings.share_daily_limit:
        raise ShareLimitReached(network, settings.share_daily_limit, utc_day_bounds(now)[1])


def require_compliant(intent: ShareIntent, settings: ProgrammeSettings) -> ComplianceReport:
    """The text as it will be posted (the caption, then the tracked link) passes every blocking rule."""
    report = check_caption(intent.copy_text, intent.network, settings, link=intent.link)
    if not report.ok:
        raise CaptionNotCompliant(report.violations)
    return report
