"""In-memory conversion and touch repositories, behaving as the PostgreSQL ones do.

The touches a conversion's references resolve to are what the ``clicks`` and ``shares`` tables
hold; tests put them in ``FakeDatabase.click_touches`` and ``link_touches`` (see ``add_click`` and
``add_link``). ``tests/contract`` holds both implementations to the same promises.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from uuid import UUID

from app.domain.attribution import ClickTouch, LinkTouch
from app.domain.conversion_records import ConversionRecord
from app.domain.conversions import ConversionKey
from app.domain.errors import Forbidden
from app.ports.conversions import ConversionFilter
from app.ports.pagination import Page, PageRequest
from tests.fakes import FakeDatabase, IntegrityViolationError, _as_json, _Repository

NO_TENANT = "The organisation your access token names does not exist here; ask a platform operator to create it."


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
    async def clicks(self, references: Sequence[str]) -> dict[str, ClickTouch]:
        found: dict[str, ClickTouch] = {}
        for reference in references:
            try:
                click_id = UUID(reference)
            except ValueError:
                continue
            touch = self._tx.database.click_touches.get((self._tenant_id, click_id))
            if touch is not None:
                found[reference] = touch
        return found

    async def link(self, code: str) -> LinkTouch | None:
        return self._tx.database.link_touches.get((self._tenant_id, code))


def add_click(database: FakeDatabase, tenant_id: UUID, touch: ClickTouch) -> str:
    """A click row (with its share) as the redirect writes it; returns its reference."""
    database.click_touches[(tenant_id, touch.click_id)] = touch
    return str(touch.click_id)


def add_link(database: FakeDatabase, tenant_id: UUID, code: str, touch: LinkTouch) -> None:
    """A share whose tracked link has ``code``."""
    database.link_touches[(tenant_id, code)] = touch
