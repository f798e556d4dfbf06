"""Refusals a recall causes elsewhere: sharing a recalled content, and following one of its links."""

from __future__ import annotations

from app.domain.errors import DomainError
from app.domain.sharing.refusals import ContentCannotBeShared
from app.domain.sharing.tracked_links import TrackedLinkGone


class ContentRecalled(ContentCannotBeShared):
    code = "content-recalled"

    def __init__(self) -> None:
        super().__init__("This content was recalled: it can no longer be shared, and posts of it are to be taken down.")


class TrackedLinkRecalled(TrackedLinkGone):
    """The link's content was recalled: gone, or, when the programme set a recall notice page, sent there."""

    code = "tracked-link-recalled"

    def __init__(self, notice_url: str | None = None) -> None:
        DomainError.__init__(
            self, "This link was recalled: the content it led to was withdrawn and is no longer offered."
        )
        self.notice_url = notice_url
