"""In-memory conversion and touch repositories, behaving as the PostgreSQL ones do.

References resolve to the fake shares and to the clicks the redirect leaves in
``FakeDatabase.clicks`` (``add_share`` and ``add_click`` put them there for tests).
``tests/contract`` holds both implementations to the same promises.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from uuid import UUID, uuid4

from app.domain.attribution.conversion_records import ConversionRecord
from app.domain.attribution.conversions import ConversionKey
from app.domain.attribution.policy import ClickTouch, LinkTouch, ShareOrigin
from app.domain.errors import Forbidden
from app.domain.networks import Network
from app.domain.sharing.shares import Share, ShareStatus
from app.domain.sharing.tracked_links import ShareCode
from app.domain.sharing.visitors import ClickKind
from app.ports.attribution import ConversionFilter
from app.ports.pagination import Page, PageRequest
from tests.fake_sharing import StoredClick
from tests.fake_sharing import add_click as add_stored_click
from tests.fake_storage import NO_TENANT, FakeDatabase, IntegrityViolationError, _as_json, _Repository


def _detached(record: ConversionRecord) -> ConversionRecord:
    """A copy, as a row read back is; its metadata as JSONB gives it back."""
    conversion = replace(record.conversion, metadata=_as_json(dict(record.conversion.metadata)))
    return replace(record, conversion=conversion, pending_events=[])


def _matches(record: ConversionRecord, criteria: ConversionFilter) -> bool:
    conversion = record.conversion
    return (
        (criteria.type is None or conversion.type is criteria.type)
        and (criteria.attributed is None or record.attributed is criteria.attributed)
        and (criteria.occurred_from is None or conversion.occurred_at >= criteria.occurred_from)
        and (criteria.occurred_to is None or conversion.occurred_at < criteria.occurred_to)
        and (
            (criteria.campaign_id is None and criteria.ambassador_id is None)
            or record.credited_to(ambassador_id=criteria.ambassador_id, campaign_id=criteria.campaign_id)
        )
    )


class FakeConversionRepository(_Repository):
    def _rows(self) -> list[ConversionRecord]:
        return [record for record in self._tx.conversions.rows() if record.tenant_id == self._tenant_id]

    async def add(self, record: ConversionRecord) -> bool:
        self._require_own(record.tenant_id)
        key = (record.tenant_id, record.id)
        if self._tx.conversions.get(key) is not None:
            raise IntegrityViolationError(f"Conversion {record.id} already exists.")
        if self._tx.tenants.get(record.tenant_id) is None:
            raise Forbidden(NO_TENANT)
        if any(other.conversion.key == record.conversion.key for other in self._rows()):
            return False
        if record.window_days < 1:
            raise IntegrityViolationError("An attribution window lasts at least a day.")
        self._tx.conversions.put(key, _detached(record))
        self._tracker.track(record)
        return True

    async def get(self, conversion_id: UUID) -> ConversionRecord | None:
        found = self._tx.conversions.get((self._tenant_id, conversion_id))
        return _detached(found) if found is not None else None

    async def get_by_key(self, key: ConversionKey) -> ConversionRecord | None:
        return next((_detached(r) for r in self._rows() if r.conversion.key == key), None)

    async def list(self, criteria: ConversionFilter, page: PageRequest) -> Page[ConversionRecord]:
        ordered = sorted((r for r in self._rows() if _matches(r, criteria)), key=lambda r: r.id)
        if page.after is not None:
            ordered = [r for r in ordered if r.id > page.after]
        kept = [_detached(r) for r in ordered[: page.limit]]
        return Page(items=kept, next_after=kept[-1].id if len(ordered) > page.limit else None)


class FakeTouchRepository(_Repository):
    def _origin(self, share_id: UUID) -> tuple[ShareOrigin, Share] | None:
        share = self._tx.shares.get((self._tenant_id, share_id))
        if share is None:
            return None
        origin = ShareOrigin(
            share_id=share.id,
            ambassador_id=share.ambassador_id,
            content_id=share.content_id,
            campaign_id=share.campaign_id,
        )
        return origin, share

    async def clicks(self, references: Sequence[str]) -> dict[str, ClickTouch]:
        found: dict[str, ClickTouch] = {}
        for reference in references:
            try:
                click_id = UUID(reference)
            except ValueError:
                continue
            click = self._tx.database.clicks.get((self._tenant_id, click_id))
            resolved = self._origin(click.share_id) if click is not None else None
            if click is not None and resolved is not None:
                found[reference] = ClickTouch(
                    click_id=click.id,
                    share=resolved[0],
                    clicked_at=click.clicked_at,
                    is_bot=not click.kind.by_person,
                    is_self=click.is_self,
                )
        return found

    async def link(self, code: str) -> LinkTouch | None:
        share = next(
            (s for s in self._tx.shares.rows() if s.tenant_id == self._tenant_id and s.code.value == code), None
        )
        resolved = self._origin(share.id) if share is not None else None
        if resolved is None:
            return None
        origin, row = resolved
        return LinkTouch(share=origin, created_at=row.created_at, posted_at=row.posted_at)


def add_share(
    database: FakeDatabase,
    tenant_id: UUID,
    origin: ShareOrigin,
    *,
    created_at: datetime,
    posted_at: datetime | None = None,
    code: str | None = None,
) -> Share:
    """A share row as the share use cases leave it: posted at ``posted_at``, else an open intent."""
    share = Share(
        id=origin.share_id,
        tenant_id=tenant_id,
        code=ShareCode(code) if code is not None else ShareCode.generate(),
        ambassador_id=origin.ambassador_id,
        content_id=origin.content_id,
        campaign_id=origin.campaign_id,
        network=Network.LINKEDIN,
        language="fr",
        caption="Nous recrutons",
        status=ShareStatus.POSTED if posted_at is not None else ShareStatus.INTENT,
        destination="https://acme.example/jobs?utm_source=linkedin",
        click_param="rl_click",
        created_at=created_at,
        posted_at=posted_at,
        updated_at=posted_at or created_at,
    )
    database.shares[(tenant_id, share.id)] = share
    return share


def add_click(
    database: FakeDatabase,
    tenant_id: UUID,
    share_id: UUID,
    clicked_at: datetime,
    kind: ClickKind = ClickKind.COUNTED,
    *,
    is_self: bool = False,
) -> str:
    """A click row as the redirect writes it; returns its reference (its id as text)."""
    click = StoredClick(
        tenant_id=tenant_id,
        id=uuid4(),
        share_id=share_id,
        clicked_at=clicked_at,
        visitor_hash=secrets.token_hex(16),
        network_hash=secrets.token_hex(16),
        kind=kind,
        is_unique=kind is ClickKind.COUNTED,
        is_self=is_self,
    )
    add_stored_click(database, click)
    return str(click.id)
