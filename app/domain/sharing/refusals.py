"""Why a share is refused: each names what the ambassador (or the programme) has to fix."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from app.domain.errors import Conflict, FieldError, Forbidden, ValidationFailed
from app.domain.messages import Message
from app.domain.networks import Network
from app.domain.programme.compliance import Violation


class CharterAcceptanceRequired(Conflict):
    """The member has not accepted the charter in force."""

    code = "charter-acceptance-required"

    def __init__(self, current_version: int) -> None:
        super().__init__(
            Message(
                "Accept version {current_version} of the programme charter before sharing: read the charter "
                "in force, then accept it.",
                current_version=current_version,
            )
        )
        self.current_version = current_version


class NetworkNotEnabled(ValidationFailed):
    code = "network-not-enabled"

    def __init__(self, network: Network) -> None:
        super().__init__(
            Message(
                "The programme does not share on {network}; choose one of its enabled networks.", network=network.value
            ),
            [FieldError(("network",), Message("{network} is not enabled for this programme.", network=network.value))],
        )
        self.network = network


class NetworkNotConnected(ValidationFailed):
    code = "network-not-connected"

    def __init__(self, network: Network) -> None:
        super().__init__(
            Message("Connect your {network} account to your social accounts first, then share.", network=network.value),
            [FieldError(("network",), Message("You have no {network} account connected.", network=network.value))],
        )
        self.network = network


class ContentCannotBeShared(Conflict):
    """The content is not one that can be shared now; each subclass says why."""


class ContentNotPublished(ContentCannotBeShared):
    code = "content-not-published"

    def __init__(self, status: str) -> None:
        super().__init__(
            Message("This content is {status}, not published: only published content can be shared.", status=status)
        )
        self.status = status


class ContentNotShareable(ContentCannotBeShared):
    code = "content-not-shareable"

    def __init__(self) -> None:
        super().__init__("This content is for reading only: its editors did not make it shareable.")


class ContentWithoutLink(ContentCannotBeShared):
    code = "content-without-link"

    def __init__(self) -> None:
        super().__init__("This content has no link, so there is nothing to track; it cannot be shared from Relais.")


class ContentNotTargeted(Forbidden):
    code = "content-not-targeted"

    def __init__(self) -> None:
        super().__init__("This content is meant for another audience (department, location or language) than yours.")


class CaptionNotCompliant(ValidationFailed):
    """The caption, as it would be posted (followed by the tracked link), breaks a blocking rule."""

    code = "caption-not-compliant"

    def __init__(self, violations: Sequence[Violation], total: int | None = None) -> None:
        """``violations`` as a compliance report lists them; ``total`` counts those it leaves out too."""
        blocking = tuple(violation for violation in violations if violation.blocking)
        super().__init__(
            "The caption breaks the programme's rules; change it (checking the caption lists every rule it breaks).",
            [FieldError(("caption",), violation.detail) for violation in blocking],
        )
        self.violations = tuple(violations)
        self.total = len(self.violations) if total is None else total


class ShareLimitReached(Conflict):
    code = "share-limit-reached"

    def __init__(self, network: Network, limit: int, resets_at: datetime) -> None:
        super().__init__(
            Message(
                "You reached today's limit of {limit} shares on {network}; share again after {resets_at} "
                "(midnight UTC).",
                limit=limit,
                network=network.value,
                resets_at=resets_at.isoformat(),
            )
        )
        self.network = network
        self.limit = limit
        self.resets_at = resets_at


class ShareNotPosted(Conflict):
    code = "share-not-posted"

    def __init__(self, status: str) -> None:
        super().__init__(
            Message(
                "This share is {status}: engagement is recorded for posted shares only; confirm it first.",
                status=status,
            )
        )
        self.status = status
