"""Shares: an ambassador's intent to post a content on a network, through a tracked link.

A share starts as an ``intent`` (the tracked link and the network's composer address are
ready); the ambassador then confirms it as ``posted`` or cancels it. The tracked link is
``{public base URL}/r/{code}``; ``destination`` is where it leads (the content's link with the
share's UTM tags), to which each click adds its own reference under ``click_param``.

The text shared is the caption followed by the tracked link (``ShareIntent.copy_text``); a
caption that already names the tracked link keeps it where it is, and one that names the
content's own link gets the tracked link in its place, so every click is counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.errors import FieldError, InvalidTransition, ValidationFailed
from app.domain.events import DomainEvent, EventType
from app.domain.links import normalise_https_url
from app.domain.messages import Message, message_of
from app.domain.networks import CAPTION_LIMITS, POST_DOMAINS, Network, is_post_host
from app.domain.sharing.intents import ShareIntent
from app.domain.sharing.tracked_links import ShareCode, tracked_destination
from app.domain.values import has_control_characters, is_blank

# The longest caption any network takes (WhatsApp's).
MAX_CAPTION = max(CAPTION_LIMITS.values())


class ShareStatus(StrEnum):
    """Where a share stands: an intent (started, not yet posted), posted, or cancelled."""

    INTENT = "intent"
    POSTED = "posted"
    CANCELLED = "cancelled"


class ShareAction(StrEnum):
    """What the share's ambassador may do next; an intent allows both, nothing else allows either."""

    CONFIRM = "confirm"
    CANCEL = "cancel"


@dataclass(slots=True, kw_only=True)
class Share(TenantAggregate):
    id: UUID
    tenant_id: UUID
    code: ShareCode
    ambassador_id: UUID
    content_id: UUID
    campaign_id: UUID | None = None
    network: Network
    language: str
    caption: str
    status: ShareStatus = ShareStatus.INTENT
    destination: str
    click_param: str
    post_url: str | None = None
    created_at: datetime
    posted_at: datetime | None = None
    cancelled_at: datetime | None = None
    # The ambassador's audience on the network when the share was confirmed: the most people it may reach.
    potential_reach: int | None = None
    # Not stored: the latest of ``created_at``, ``posted_at`` and ``cancelled_at``.
    updated_at: datetime
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def open(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        code: ShareCode,
        ambassador_id: UUID,
        content_id: UUID,
        campaign_id: UUID | None,
        network: Network,
        language: str,
        caption: str,
        destination: str,
        click_param: str,
        now: datetime,
    ) -> Share:
        share = cls(
            id=id,
            tenant_id=tenant_id,
            code=code,
            ambassador_id=ambassador_id,
            content_id=content_id,
            campaign_id=campaign_id,
            network=network,
            language=language,
            caption=caption,
            destination=destination,
            click_param=click_param,
            created_at=now,
            updated_at=now,
        )
        share._announce(EventType.SHARE_CREATED, now, {"language": language})
        return share

    def tracked_url(self, public_base_url: str) -> str:
        return self.code.tracked_url(public_base_url)

    def intent(self, public_base_url: str) -> ShareIntent:
        return ShareIntent(network=self.network, caption=self.caption, link=self.tracked_url(public_base_url))

    def confirm(self, *, post_url: str | None, audience: int, now: datetime) -> None:
        """The ambassador posted it, to ``audience`` people (their largest audience on the network, kept
        as the share's potential reach). Confirming a posted share again (a retried request) changes
        nothing, unless it brings the post's address the first confirmation lacked."""
        url = _post_url(post_url, self.network)
        if self.status is ShareStatus.POSTED:
            if url is None or url == self.post_url:
                return
            if self.post_url is not None:
                raise InvalidTransition("share", self.status.value, "confirmed again with another post_url", [])
            self.post_url = url
            self._touch(now)
            return
        if self.status is not ShareStatus.INTENT:
            raise InvalidTransition("share", self.status.value, "confirmed", [])
        self.status = ShareStatus.POSTED
        self.post_url = url
        self.posted_at = now
        self.potential_reach = audience
        self._touch(now)
        self._announce(EventType.SHARE_POSTED, now, {"post_url": url})

    def cancel(self, *, now: datetime) -> None:
        """Give up an intent. Cancelling it again changes nothing; a posted share stays posted."""
        if self.status is ShareStatus.CANCELLED:
            return
        if self.status is not ShareStatus.INTENT:
            raise InvalidTransition("share", self.status.value, "cancelled", self.allowed_actions())
        self.status = ShareStatus.CANCELLED
        self.cancelled_at = now
        self._touch(now)
        self._announce(EventType.SHARE_CANCELLED, now, {})

    def allowed_actions(self) -> list[ShareAction]:
        return [ShareAction.CONFIRM, ShareAction.CANCEL] if self.status is ShareStatus.INTENT else []

    def _announce(self, type_: EventType, now: datetime, data: dict[str, Any]) -> None:
        payload = {
            "id": str(self.id),
            "ambassador_id": str(self.ambassador_id),
            "content_id": str(self.content_id),
            "campaign_id": str(self.campaign_id) if self.campaign_id else None,
            "network": self.network.value,
        }
        self._emit(type_, now, payload | data)


def _post_url(raw: str | None, network: Network) -> str | None:
    """The post's address, normalised: an https address on one of the network's own domains."""
    if raw is None:
        return None
    try:
        url = normalise_https_url(raw.strip())
    except ValueError as error:
        raise ValidationFailed(
            "The post's address is not valid.", [FieldError(("post_url",), message_of(error))]
        ) from None
    host = urlsplit(url).hostname or ""
    if not is_post_host(network, host):
        domains = ", ".join(POST_DOMAINS[network])
        problem = Message(
            "A post on {network} has an address on {domains}, not on {host}: give the address of your post.",
            network=network.value,
            domains=domains,
            host=host,
        )
        raise ValidationFailed("The post's address is not valid.", [FieldError(("post_url",), problem)])
    return url


def share_destination(
    link_url: str, *, network: Network, utm_medium: str, campaign_slug: str | None, content_id: UUID, click_param: str
) -> str:
    """Where the share's clicks land, before each click adds its reference: the content's link
    with the share's UTM tags (any click parameter it had removed). The tags come last, and the
    click reference is then appended after them, so the result is ``tracked_destination``'s."""
    marker = "0"
    full = tracked_destination(
        link_url,
        network=network,
        utm_medium=utm_medium,
        campaign_slug=campaign_slug,
        content_id=content_id,
        click_ref=marker,
        click_param=click_param,
    )
    address, hash_sign, fragment = full.partition("#")
    tail = f"&{click_param}={marker}"
    if not address.endswith(tail):
        raise ValueError("The click reference is expected last.")
    return address[: -len(tail)] + hash_sign + fragment


def shared_caption(caption: str, *, content_link: str, tracked_url: str) -> str:
    """The caption as stored: trimmed, the content's own link (if named) replaced by the tracked one."""
    text = caption.strip()
    if content_link and content_link in text:
        text = text.replace(content_link, tracked_url)
    return text


def require_caption_text(caption: str) -> None:
    """A caption given is some text, no longer than any network takes, without control characters."""
    if is_blank(caption) or len(caption) > MAX_CAPTION or has_control_characters(caption, multiline=True):
        raise ValidationFailed(
            "The caption is not valid.",
            [
                FieldError(
                    ("caption",),
                    Message("Give 1-{most} characters without control characters, or none.", most=MAX_CAPTION),
                )
            ],
        )
