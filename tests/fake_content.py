"""In-memory content and campaign repositories, behaving as the PostgreSQL ones do.

``tests/contract`` holds both to the same promises; ``tests/fakes.py`` puts these on its unit of work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar
from uuid import UUID

from app.domain.content.cadence import Scheduled
from app.domain.content.campaigns import Campaign, CampaignStatus
from app.domain.content.contents import Content
from app.domain.content.review_status import ContentStatus, ContentTransition
from app.domain.errors import DuplicateValue, Forbidden
from app.ports.campaigns import CampaignFilter
from app.ports.content import CONTENT_SORT_KEYS, ContentFilter, judged_at
from app.ports.pagination import Page, PageRequest
from tests.fake_pages import Key, keyset_page
from tests.fake_storage import NO_TENANT, IntegrityViolationError, _Repository

Row = TypeVar("Row", Content, Campaign)


@dataclass(frozen=True, slots=True)
class CampaignMember:
    """A row of ``campaign_contents``."""

    tenant_id: UUID
    campaign_id: UUID
    content_id: UUID
    added_at: datetime


def _detached(row: Row) -> Row:
    """A copy, as a row read back is: changing the caller's object changes nothing until saved."""
    if isinstance(row, Content):
        return replace(row, pending_events=[], pending_history=[])
    return replace(row, pending_events=[])


def _keyset(rows: Iterable[Row], page: PageRequest) -> Page[Row]:
    return keyset_page(rows, page, copy=_detached)


class FakeContentRepository(_Repository):
    def _rows(self) -> list[Content]:
        return [content for content in self._tx.contents.rows() if content.tenant_id == self._tenant_id]

    def _append_history(self, content: Content) -> None:
        for line in content.drain_history():
            key = (self._tenant_id, line.content_id, line.version)
            if self._tx.content_history.get(key) is not None:
                raise IntegrityViolationError(f"Content {line.content_id} already has a version {line.version}.")
            self._tx.content_history.put(key, (self._tenant_id, line))

    async def add(self, content: Content) -> None:
        self._require_own(content.tenant_id)
        key = (content.tenant_id, content.id)
        if self._tx.contents.get(key) is not None:
            raise IntegrityViolationError(f"Content {content.id} already exists.")
        if self._tx.tenants.get(content.tenant_id) is None:
            raise Forbidden(NO_TENANT)
        self._tx.contents.put(key, _detached(content))
        self._append_history(content)
        self._tracker.track(content)

    async def save(self, content: Content) -> None:
        self._require_own(content.tenant_id)
        key = (content.tenant_id, content.id)
        existing = self._tx.contents.get(key)
        if existing is not None:
            stored = replace(
                _detached(content),
                created_at=existing.created_at,
                created_by=existing.created_by,
                proposed=existing.proposed,
            )
            self._tx.contents.put(key, stored)
            self._append_history(content)
        self._tracker.track(content)

    async def get(self, content_id: UUID, *, for_update: bool = False) -> Content | None:
        found = self._tx.contents.get((self._tenant_id, content_id))
        return _detached(found) if found is not None else None

    async def get_many(self, content_ids: Sequence[UUID]) -> list[Content]:
        wanted = set(content_ids)
        return [_detached(content) for content in self._rows() if content.id in wanted]

    async def pages_by_campaign(self, campaign_ids: Sequence[UUID], page: PageRequest) -> dict[UUID, Page[Content]]:
        contents = {content.id: content for content in self._rows()}
        return {
            campaign_id: _keyset((contents[c] for c in self._members(campaign_id) if c in contents), page)
            for campaign_id in campaign_ids
        }

    async def history(self, content_id: UUID) -> list[ContentTransition]:
        lines = [
            line
            for tenant_id, line in self._tx.content_history.rows()
            if tenant_id == self._tenant_id and line.content_id == content_id
        ]
        return sorted(lines, key=lambda line: line.version)

    async def histories(self, content_ids: Sequence[UUID]) -> dict[UUID, list[ContentTransition]]:
        return {content_id: await self.history(content_id) for content_id in content_ids}

    async def lock_schedule(self) -> None:
        """One in-memory transaction at a time already."""

    async def scheduled_between(self, start: datetime, end: datetime) -> list[Scheduled]:
        return [
            Scheduled(content_id=content.id, live_from=content.live_from, targeting=content.fields.targeting)
            for content in self._rows()
            if content.status is ContentStatus.APPROVED
            and content.fields.shareable
            and content.live_from is not None
            and start <= content.live_from < end
        ]

    def _members(self, campaign_id: UUID) -> list[UUID]:
        return [
            member.content_id
            for member in self._tx.campaign_contents.rows()
            if member.tenant_id == self._tenant_id and member.campaign_id == campaign_id
        ]

    async def list(self, criteria: ContentFilter, page: PageRequest) -> Page[Content]:
        rows = self._rows()
        if criteria.status is not None:
            at = judged_at(criteria.at)
            rows = [c for c in rows if c.public_status(at) is criteria.status]
        if criteria.format is not None:
            rows = [c for c in rows if c.fields.format is criteria.format]
        if criteria.objective is not None:
            rows = [c for c in rows if c.fields.objective is criteria.objective]
        if criteria.topic is not None:
            rows = [c for c in rows if criteria.topic in c.fields.topics]
        if criteria.language is not None:
            rows = [c for c in rows if criteria.language in c.fields.languages]
        if criteria.created_by is not None:
            rows = [c for c in rows if c.created_by == criteria.created_by]
        if criteria.campaign_id is not None:
            members = set(self._members(criteria.campaign_id))
            rows = [c for c in rows if c.id in members]
        keys: dict[str, Key] = {"publish_at": lambda content: (content.fields.publish_at,)}
        return keyset_page(rows, page, CONTENT_SORT_KEYS, keys, copy=_detached)


class FakeCampaignRepository(_Repository):
    def _rows(self) -> list[Campaign]:
        return [campaign for campaign in self._tx.campaigns.rows() if campaign.tenant_id == self._tenant_id]

    def _check(self, campaign: Campaign) -> None:
        if any(other.fields.slug == campaign.fields.slug for other in self._rows() if other.id != campaign.id):
            raise DuplicateValue("slug", "Another campaign already has this slug.")
        if campaign.fields.points_multiplier < 1:
            raise IntegrityViolationError("The points multiplier is at least 1.")
        if campaign.status is CampaignStatus.LAUNCHED and campaign.fields.starts_at is None:
            raise IntegrityViolationError("A launched campaign has a start.")

    async def add(self, campaign: Campaign) -> None:
        self._require_own(campaign.tenant_id)
        key = (campaign.tenant_id, campaign.id)
        if self._tx.campaigns.get(key) is not None:
            raise IntegrityViolationError(f"Campaign {campaign.id} already exists.")
        self._check(campaign)
        if self._tx.tenants.get(campaign.tenant_id) is None:
            raise Forbidden(NO_TENANT)
        self._tx.campaigns.put(key, _detached(campaign))
        self._tracker.track(campaign)

    async def save(self, campaign: Campaign) -> None:
        self._require_own(campaign.tenant_id)
        key = (campaign.tenant_id, campaign.id)
        existing = self._tx.campaigns.get(key)
        if existing is not None:
            self._check(campaign)
            stored = replace(_detached(campaign), created_at=existing.created_at, created_by=existing.created_by)
            self._tx.campaigns.put(key, stored)
        self._tracker.track(campaign)

    async def get(self, campaign_id: UUID, *, for_update: bool = False) -> Campaign | None:
        found = self._tx.campaigns.get((self._tenant_id, campaign_id))
        return _detached(found) if found is not None else None

    async def get_many(self, campaign_ids: Sequence[UUID]) -> list[Campaign]:
        wanted = set(campaign_ids)
        return [_detached(campaign) for campaign in self._rows() if campaign.id in wanted]

    async def add_content(self, campaign_id: UUID, content_id: UUID, now: datetime) -> bool:
        key = (self._tenant_id, campaign_id, content_id)
        if self._tx.campaign_contents.get(key) is not None:
            return False
        if self._tx.campaigns.get(key[:2]) is None or self._tx.contents.get((self._tenant_id, content_id)) is None:
            raise IntegrityViolationError("Both the campaign and the content must exist.")
        self._tx.campaign_contents.put(key, CampaignMember(*key, added_at=now))
        return True

    async def remove_content(self, campaign_id: UUID, content_id: UUID) -> bool:
        key = (self._tenant_id, campaign_id, content_id)
        if self._tx.campaign_contents.get(key) is None:
            return False
        self._tx.campaign_contents.delete(key)
        return True

    async def campaigns_of(self, content_ids: Sequence[UUID]) -> dict[UUID, list[Campaign]]:
        campaigns = {campaign.id: campaign for campaign in self._rows()}
        found: dict[UUID, list[Campaign]] = {content_id: [] for content_id in content_ids}
        members = sorted(self._tx.campaign_contents.rows(), key=lambda member: member.campaign_id)
        for member in members:
            if member.tenant_id == self._tenant_id and member.content_id in found and member.campaign_id in campaigns:
                found[member.content_id].append(_detached(campaigns[member.campaign_id]))
        return found

    async def list(self, criteria: CampaignFilter, page: PageRequest) -> Page[Campaign]:
        rows = self._rows()
        if criteria.status is not None:
            at = judged_at(criteria.at)
            rows = [c for c in rows if c.phase(at) is criteria.status]
        if criteria.objective is not None:
            rows = [c for c in rows if c.fields.objective is criteria.objective]
        if criteria.active_at is not None:
            active_at = criteria.active_at
            rows = [c for c in rows if c.is_active_at(active_at)]
        return _keyset(rows, page)
