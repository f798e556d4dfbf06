"""Tell the catalogue's part of the demo story (``app/demo/catalogue_story.py``) through the use cases,
and the welcome points through the ledger port, as an admin adjustment."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from app.demo.catalogue_story import (
    ASSOCIATIONS,
    CATALOGUE_OPENED,
    DONATIONS,
    KUDOS,
    REASON_WELCOME,
    REDEMPTIONS,
    REWARDS,
    WELCOME_POINTS,
)
from app.demo.story_clock import StoryClock
from app.domain.errors import NotAnAmbassador
from app.domain.rewards.catalogue import RewardFields
from app.domain.rewards.donations import AssociationFields
from app.domain.rewards.ledger import ADJUSTMENT_RULE, EntryKind, PointEntry
from app.domain.roster.identity import Principal
from app.ports.system import IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.rewards.catalogue_use_cases import CatalogueUseCases
from app.services.rewards.donate_points import DonateCommand
from app.services.rewards.send_kudos import SendKudosCommand


class DemoCatalogueStory:
    """``members`` gives an ambassador's principal from their roster slug; ``manager`` and ``admin`` act
    for the programme."""

    def __init__(
        self,
        catalogue: CatalogueUseCases,
        uow: UnitOfWorkFactory,
        ids: IdGenerator,
        story: StoryClock,
        *,
        manager: Principal,
        admin: Principal,
        members: Callable[[str], Principal],
    ) -> None:
        self._catalogue = catalogue
        self._uow = uow
        self._ids = ids
        self._story = story
        self._manager = manager
        self._admin = admin
        self._members = members

    async def tell(self) -> None:
        self._story.go_to(CATALOGUE_OPENED)
        associations = {}
        for association in ASSOCIATIONS:
            fields = AssociationFields(
                name=association.name, description=association.description, website=association.website
            )
            associations[association.key] = (await self._catalogue.create_association(self._manager, fields)).id
        rewards = {}
        for reward in REWARDS:
            reward_fields = RewardFields(
                name=reward.name,
                description=reward.description,
                kind=reward.kind,
                cost=reward.cost,
                stock=reward.stock,
                per_person_limit=reward.per_person_limit,
                requires_approval=reward.requires_approval,
            )
            rewards[reward.key] = (await self._catalogue.create_reward(self._manager, reward_fields)).id
        for slug, points, day in WELCOME_POINTS:
            self._story.go_to(day)
            await self._welcome(self._members(slug), points)
        for slug, key, day in REDEMPTIONS:
            self._story.go_to(day)
            await self._catalogue.redeem_reward(self._members(slug), rewards[key])
        for slug, receiver, points, day in DONATIONS:
            self._story.go_to(day)
            command = DonateCommand(association_id=associations[receiver], points=points)
            await self._catalogue.donate_points(self._members(slug), command)
        for slug, message, day in KUDOS:
            self._story.go_to(day)
            member = await self._membership(self._members(slug))
            await self._catalogue.send_kudos(self._manager, SendKudosCommand(ambassador_id=member, message=message))

    async def _membership(self, member: Principal) -> UUID:
        async with self._uow(member.require_tenant()) as uow:
            employee = await uow.employees.find_by_subject(member.subject)
            ambassador = await uow.ambassadors.get_by_employee(employee.id) if employee else None
        if ambassador is None:
            raise NotAnAmbassador("The demo story names an ambassador who never joined.")
        return ambassador.id

    async def _welcome(self, member: Principal, points: int) -> None:
        """An admin adjustment of the ledger, announced as points awarded."""
        ambassador_id = await self._membership(member)
        now = self._story.now()
        entry = PointEntry(
            id=self._ids.new_id(),
            tenant_id=member.require_tenant(),
            ambassador_id=ambassador_id,
            points=points,
            kind=EntryKind.ADJUSTMENT,
            rule=ADJUSTMENT_RULE,
            reason=REASON_WELCOME,
            actor=self._admin.subject,
            occurred_at=now,
            recorded_at=now,
        )
        async with self._uow(member.require_tenant()) as uow:
            await uow.points.append([entry])
            await uow.commit()
