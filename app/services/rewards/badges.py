"""Read badges: the tenant's catalogue, the caller's own badges, and another member's as others see
them; change the catalogue (admins)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.domain.messages import Message
from app.domain.rewards.badges import Badge, Counter, Criterion, EarnedBadge, Streak, catalogue, criterion_of
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.identity import PROGRAMME_STAFF, ROSTER_READERS, Principal, Role
from app.domain.values import has_control_characters, is_blank
from app.ports.unit_of_work import UnitOfWork
from app.services.base import UseCase
from app.services.rewards.leaderboards import BOARD_READERS
from app.services.roster.linking import require_linked_employee

BADGE_KEY_MAX = 40
BADGE_NAME_MAX = 80
# A badge's key, as URLs and clients spell it: the REST contract states the same pattern.
BADGE_KEY = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?")


@dataclass(frozen=True, slots=True, kw_only=True)
class HeldBadge:
    badge: Badge
    earned: EarnedBadge


async def _held(uow: UnitOfWork, ambassador_id: UUID) -> list[HeldBadge]:
    by_key = {badge.key: badge for badge in catalogue(await uow.recognition.own_badges())}
    return [
        HeldBadge(badge=by_key[earned.badge_key], earned=earned)
        for earned in await uow.recognition.earned(ambassador_id)
        if earned.badge_key in by_key
    ]


class ListBadges(UseCase):
    """The tenant's catalogue: the default badges (unless disabled) and its own, with their criteria.
    Anyone of the tenant who reads boards may read it."""

    async def __call__(self, principal: Principal) -> list[Badge]:
        principal.require_any(BOARD_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            return catalogue(await uow.recognition.own_badges())


class ListMyBadges(UseCase):
    """The caller's badges, in the order they were earned (a member of the programme only)."""

    async def __call__(self, principal: Principal) -> list[HeldBadge]:
        async with self._uow(principal.require_tenant()) as uow:
            employee = await require_linked_employee(uow, principal, self._clock.now())
            member = await uow.ambassadors.get_by_employee(employee.id)
            if member is None:
                return []
            held = await _held(uow, member.id)
            await uow.commit()  # a first use may have linked the caller's identity
            return held


class ListAmbassadorBadges(UseCase):
    """A member's badges as others see them: staff see anyone's; an ambassador sees their own, and
    another member's only when that member is active and chose to appear on boards (else the member
    is not found, as if absent)."""

    async def __call__(self, principal: Principal, ambassador_id: UUID) -> list[HeldBadge]:
        principal.require_any(ROSTER_READERS | PROGRAMME_STAFF | frozenset({Role.AMBASSADOR}))
        async with self._uow(principal.require_tenant()) as uow:
            member = await uow.ambassadors.get(ambassador_id)
            if member is None:
                raise NotFound("ambassador", ambassador_id)
            if not principal.roles & (ROSTER_READERS | PROGRAMME_STAFF):
                employee = await uow.employees.find_by_subject(principal.subject)
                own = employee is not None and employee.id == member.employee_id
                shown = member.status is MembershipStatus.ACTIVE and member.preferences.leaderboard_visible
                if not (own or shown):
                    raise NotFound("ambassador", ambassador_id)
            return await _held(uow, member.id)


@dataclass(frozen=True, slots=True, kw_only=True)
class BadgeChange:
    key: str
    name: str
    description: str
    criterion: Mapping[str, Any]
    enabled: bool = True


class SaveBadge(UseCase):
    """Add a badge of the tenant's own, or change one (admins): name, description, criterion
    (a counter or a streak) and whether it can be earned. A default badge can only be disabled or
    enabled again (its key named, the rest kept). Badges already earned stay earned."""

    async def __call__(self, principal: Principal, change: BadgeChange) -> Badge:
        principal.require_any(frozenset({Role.ADMIN}))
        async with self._uow(principal.require_tenant()) as uow:
            current = {badge.key: badge for badge in catalogue(await uow.recognition.own_badges())}
            existing = current.get(change.key)
            if existing is not None and existing.builtin:
                badge = Badge(
                    key=existing.key,
                    name=existing.name,
                    description=existing.description,
                    criterion=existing.criterion,
                    enabled=change.enabled,
                    builtin=True,
                )
            else:
                _check_texts(change)
                badge = Badge(
                    key=change.key,
                    name=change.name.strip(),
                    description=change.description.strip(),
                    criterion=_criterion(change.criterion),
                    enabled=change.enabled,
                )
            await uow.recognition.save_badge(badge, self._clock.now())
            await uow.commit()
            return badge


def _criterion(document: Mapping[str, Any]) -> Criterion:
    try:
        criterion = criterion_of(document)
    except (ValueError, KeyError, TypeError) as error:
        raise ValidationFailed(
            "The criterion is incomplete.",
            [FieldError(("criterion",), "A counter needs at_least; a streak needs weeks.")],
        ) from error
    if not isinstance(criterion, Counter | Streak):
        raise ValidationFailed(
            "A badge of the tenant's own needs a counter or a streak.",
            [FieldError(("criterion",), "Use a counter or a streak criterion.")],
        )
    return criterion


def _check_texts(change: BadgeChange) -> None:
    errors = [
        FieldError((name,), Message("Give 1-{most} characters, without control characters.", most=most))
        for name, text, most in (("name", change.name, BADGE_NAME_MAX), ("description", change.description, 300))
        if is_blank(text) or len(text.strip()) > most or has_control_characters(text)
    ]
    if BADGE_KEY.fullmatch(change.key) is None:
        message = "Give 1-40 lowercase letters, digits or dashes, starting and ending with a letter or a digit."
        errors.append(FieldError(("key",), Message(message)))
    if errors:
        raise ValidationFailed("The badge is not valid.", errors)
