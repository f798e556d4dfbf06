"""The worker's notification handler: events that concern members become notifications in their
inboxes, each person told once per event however often it is delivered (the store skips who was
already told of it), with a ``notification.created`` event each for the tenant's notifier."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from app.domain.events import EventType, RecordedEvent
from app.domain.notifications.notices import Notice, NotificationKind
from app.ports.notifications import (
    Audience,
    CampaignAudience,
    ContentAudience,
    ContentFacts,
    Members,
    Named,
    NotificationStore,
)
from app.ports.system import Clock

Plan = tuple[NotificationKind, Mapping[str, Any], Audience]


def content_notice(content_id: UUID, content: ContentFacts) -> tuple[NotificationKind, Mapping[str, Any]]:
    """A live content's kind (important when pinned or important) and what its notification says."""
    important = content.pinned or content.important
    kind = NotificationKind.IMPORTANT_CONTENT if important else NotificationKind.NEW_CONTENT
    facts = {
        "content_id": str(content_id),
        "title": content.title,
        "pinned": content.pinned,
        "important": content.important,
    }
    return kind, facts


class NotifyMembers:
    """Who is told of what:

    - ``content.approved``: the active members the content targets (the feed's rules), once it is live
      when the event is handled; ``important_content`` when it is pinned or important, else ``new_content``;
    - ``charter.published``: every active or paused member, ``charter_to_accept``;
    - ``badge.earned``: its holder; ``redemption.approved`` and ``redemption.rejected``: who asked;
    - ``campaign.launched`` of a challenge: the active members the challenge targets, ``challenge_started``;
    - ``challenge.ended``: the same audience, with the winners, ``challenge_ended``;
    - ``idea.accepted`` and ``idea.declined``: the idea's author, ``idea_accepted`` or ``idea_declined``.
    - ``takedown.requested``: the ambassador whose post of a recalled content is to be removed, ``content_recalled``.

    Members who left are never told; a member who muted a kind is not told of it."""

    name = "notifications"
    event_types = frozenset(
        {
            EventType.CONTENT_APPROVED.value,
            EventType.CHARTER_PUBLISHED.value,
            EventType.BADGE_EARNED.value,
            EventType.REDEMPTION_APPROVED.value,
            EventType.REDEMPTION_REJECTED.value,
            EventType.CAMPAIGN_LAUNCHED.value,
            EventType.CHALLENGE_ENDED.value,
            EventType.IDEA_ACCEPTED.value,
            EventType.IDEA_DECLINED.value,
            EventType.TAKEDOWN_REQUESTED.value,
        }
    )

    def __init__(self, store: NotificationStore, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    async def __call__(self, event: RecordedEvent) -> None:
        plan = await self._plan(event)
        if plan is None:
            return
        kind, data, audience = plan
        notice = Notice(kind=kind, source_event_id=event.id, data=data)
        await self._store.fan_out(event.tenant_id, notice, audience, self._clock.now())

    async def _plan(self, event: RecordedEvent) -> Plan | None:
        data = event.data
        if event.type == EventType.CONTENT_APPROVED:
            return await self._content(event.tenant_id, UUID(data["id"]))
        if event.type == EventType.CHARTER_PUBLISHED:
            charter = {"charter_id": data["id"], "number": data["number"], "title": data["title"]}
            return NotificationKind.CHARTER_TO_ACCEPT, charter, Members()
        if event.type == EventType.BADGE_EARNED:
            badge = {"badge": data["badge"], "name": data["name"]}
            return NotificationKind.BADGE_EARNED, badge, Named([UUID(data["ambassador_id"])])
        if event.type in (EventType.REDEMPTION_APPROVED, EventType.REDEMPTION_REJECTED):
            kind = (
                NotificationKind.REDEMPTION_APPROVED
                if event.type == EventType.REDEMPTION_APPROVED
                else NotificationKind.REDEMPTION_REJECTED
            )
            redemption = {"redemption_id": data["id"], "reward_id": data["reward_id"], "points": data["points"]}
            if data.get("reason"):
                redemption["reason"] = data["reason"]
            return kind, redemption, Named([UUID(data["ambassador_id"])])
        if event.type in (EventType.IDEA_ACCEPTED, EventType.IDEA_DECLINED):
            return _idea_decided(event)
        if event.type == EventType.CAMPAIGN_LAUNCHED:
            return await self._challenge_started(event.tenant_id, UUID(data["id"]))
        if event.type == EventType.CHALLENGE_ENDED:
            campaign_id = UUID(data["campaign_id"])
            campaign = await self._store.campaign_facts(event.tenant_id, campaign_id)
            if campaign is None:
                return None
            ended = {
                "campaign_id": str(campaign_id),
                "name": campaign.name,
                "ended_at": data["ended_at"],
                "winners": list(data.get("winners", [])),
            }
            return NotificationKind.CHALLENGE_ENDED, ended, CampaignAudience(campaign_id)
        if event.type == EventType.TAKEDOWN_REQUESTED:
            return await self._take_down(event.tenant_id, data)
        return None

    async def _take_down(self, tenant_id: UUID, data: Mapping[str, Any]) -> Plan:
        content = await self._store.content_facts(tenant_id, UUID(data["content_id"]))
        recalled = {
            "takedown_id": data["id"],
            "content_id": data["content_id"],
            "title": content.title if content is not None else None,
            "network": data["network"],
            "post_url": data["post_url"],
            "reason": data["reason"],
        }
        return NotificationKind.CONTENT_RECALLED, recalled, Named([UUID(data["ambassador_id"])])

    async def _content(self, tenant_id: UUID, content_id: UUID) -> Plan | None:
        content = await self._store.content_facts(tenant_id, content_id)
        # Withdrawn or edited since, it is not announced by this approval; scheduled for later, it is
        # announced when it goes live (``AnnounceLiveContents``).
        if content is None or not content.approved or content.live_from is None:
            return None
        if content.live_from > self._clock.now():
            return None
        kind, facts = content_notice(content_id, content)
        return kind, facts, ContentAudience(content_id)

    async def _challenge_started(self, tenant_id: UUID, campaign_id: UUID) -> Plan | None:
        campaign = await self._store.campaign_facts(tenant_id, campaign_id)
        if campaign is None or not campaign.is_challenge:
            return None
        started = {
            "campaign_id": str(campaign_id),
            "name": campaign.name,
            "starts_at": campaign.starts_at.isoformat() if campaign.starts_at else None,
            "ends_at": campaign.ends_at.isoformat() if campaign.ends_at else None,
        }
        return NotificationKind.CHALLENGE_STARTED, started, CampaignAudience(campaign_id)


def _idea_decided(event: RecordedEvent) -> Plan:
    """The author of an idea learns the decision: the draft content made of it, or the reason."""
    data = event.data
    accepted = event.type == EventType.IDEA_ACCEPTED
    kind = NotificationKind.IDEA_ACCEPTED if accepted else NotificationKind.IDEA_DECLINED
    facts = {"idea_id": data["id"], "title": data["title"]}
    facts |= {"content_id": data["content_id"]} if accepted else {"reason": data["reason"]}
    return kind, facts, Named([UUID(data["ambassador_id"])])
