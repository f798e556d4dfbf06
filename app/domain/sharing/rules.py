"""How a share is composed: the language it is served in, its suggested caption, the campaign
it counts for, and the UTC day its daily limit counts. Whether it may be made at all, and which
refusal wins, is ``SharePolicy``'s (``policy.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, time, timedelta

from app.domain.content.campaigns import Campaign
from app.domain.content.contents import Content
from app.domain.content.feed import reading_languages
from app.domain.networks import Network


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
