"""Publish a new version of the programme charter."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.programme.charter import CharterVersion
from app.domain.roster.identity import Principal, Role
from app.services.base import UseCase


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishCharterVersionCommand:
    title: str
    body: str
    summary: str | None = None


class PublishCharterVersion(UseCase):
    """Admins only. The new version takes the next number and is in force at once: every member
    then needs to accept it (their ``charter_status`` becomes ``needs_acceptance``)."""

    async def __call__(self, principal: Principal, command: PublishCharterVersionCommand) -> CharterVersion:
        principal.require_any(frozenset({Role.ADMIN}))
        tenant_id = principal.require_tenant()
        async with self._uow(tenant_id) as uow:
            version = CharterVersion.publish(
                id=self._ids.new_id(),
                tenant_id=tenant_id,
                previous=await uow.charter.current_number(),
                title=command.title,
                body=command.body,
                summary=command.summary,
                published_by=principal.subject,
                now=self._clock.now(),
            )
            await uow.charter.add(version)
            await uow.commit()
        return version
