"""Who may read the ambassador feed, and in which words it is served to them."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.content.targeting import language_ranges_of
from app.domain.errors import NotAnAmbassador
from app.domain.roster.ambassadors import MembershipStatus

_REFUSALS = {
    None: "You have not joined the ambassador programme; opt in first.",
    MembershipStatus.INVITED: "You are invited to the programme; accept by opting in to read its feed.",
    MembershipStatus.PAUSED: "Your membership is paused; the feed comes back when a programme manager resumes it.",
    MembershipStatus.LEFT: "You left the ambassador programme; opt in again to read its feed.",
}


def require_feed_reader(membership: MembershipStatus | None) -> None:
    """Only active members read the feed: invited, paused and former members are told why not."""
    if membership is not MembershipStatus.ACTIVE:
        raise NotAnAmbassador(_REFUSALS[membership])


def reading_languages(preferred: Sequence[str], roster_language: str | None) -> tuple[str, ...]:
    """The languages to serve a content in, best first (RFC 4647 lookup).

    Each preferred language comes before its broader forms (``fr-CA`` then ``fr``), the
    preferences in their order, then the roster's language the same way. A content with none
    of these locales is served in its own default language.
    """
    wanted = [*preferred, *([roster_language] if roster_language else [])]
    return tuple(dict.fromkeys(tag for language in wanted for tag in language_ranges_of(language)))
