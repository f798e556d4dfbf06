"""A programme ready to share on the fakes: settings, a charter, a member with LinkedIn, content."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.content.contents import Content
from app.domain.networks import Network
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.identity import Principal, Role
from app.services.content.approve_content import ApproveContent, ApproveContentCommand
from app.services.content.create_content import CreateContent, CreateContentCommand
from app.services.content.submit_content import ContentTransitionCommand, SubmitContent
from app.services.programme.accept_charter import AcceptCharter
from app.services.programme.publish_charter_version import PublishCharterVersion, PublishCharterVersionCommand
from app.services.programme.update_settings import UpdateSettings, UpdateSettingsCommand
from app.services.roster.create_tenant import CreateTenant, CreateTenantCommand
from app.services.roster.manage_social_accounts import ConnectSocialAccount, ConnectSocialAccountCommand
from app.services.sharing.create_share import CreatedShare, CreateShare, CreateShareCommand
from app.services.sharing.share_access import ShareReadingUseCase, ShareUseCase
from tests.fake_sharing import FakeShareFiguresReader, FakeVisitorSaltStore
from tests.fakes import FakeUnitOfWorkFactory, FixedClock, SequentialIds
from tests.unit.test_services import NOW, OPERATOR, World

BASE_URL = "https://relais.example"
RULES = {
    "link_domains": [{"domain": "acme.example"}],
    "networks": ["linkedin", "x", "instagram"],
    "weekly_content_budget": 50,
}
LINK = "https://acme.example/jobs"


@dataclass
class ShareWorld:
    world: World
    salts: FakeVisitorSaltStore
    member: Principal
    ambassador: Ambassador

    def use(self, use_case: type[ShareUseCase]) -> Any:
        ports = (self.world.uow, self.world.clock, self.world.ids, BASE_URL)
        if use_case is CreateShare:
            return CreateShare(*ports, self.salts)
        if issubclass(use_case, ShareReadingUseCase):
            return use_case(*ports, FakeShareFiguresReader(self.world.uow.database))
        return use_case(*ports)

    @property
    def manager(self) -> Principal:
        return self.world.staff(Role.MANAGER)

    async def content(self, **changes: Any) -> Content:
        values = {"title": "We are hiring", "body": "Join us.", "link_url": LINK} | changes
        content = await self.world.use(CreateContent)(self.manager, CreateContentCommand(values=values))
        await self.world.use(SubmitContent)(self.manager, ContentTransitionCommand(content_id=content.id))
        moderator = self.world.staff(Role.MODERATOR)
        return await self.world.use(ApproveContent)(moderator, ApproveContentCommand(content_id=content.id))

    async def share(
        self, content: Content, network: Network = Network.LINKEDIN, principal: Principal | None = None, **extra: Any
    ) -> CreatedShare:
        command = CreateShareCommand(content_id=content.id, network=network, **extra)
        created: CreatedShare = await self.use(CreateShare)(principal or self.member, command)
        return created

    async def connect(self, principal: Principal, network: Network = Network.LINKEDIN) -> None:
        command = ConnectSocialAccountCommand(network=network, handle=f"{principal.subject}-{network}")
        await self.world.use(ConnectSocialAccount)(principal, command)

    async def joined(self, name: str, **profile: Any) -> tuple[Principal, Ambassador]:
        """Another member who accepted the charter and connected LinkedIn."""
        principal, ambassador = await self.world.member(name, **profile)
        await self.world.use(AcceptCharter)(principal, 1)
        await self.connect(principal)
        return principal, ambassador


async def share_world(**member_profile: Any) -> ShareWorld:
    ids = SequentialIds()
    uow = FakeUnitOfWorkFactory(ids)
    clock = FixedClock(NOW)
    create = CreateTenant(uow, clock, ids)
    acme = await create(OPERATOR, CreateTenantCommand(slug="acme", name="Acme"))
    globex = await create(OPERATOR, CreateTenantCommand(slug="globex", name="Globex"))
    world = World(uow, clock, ids, acme, globex)
    await world.use(UpdateSettings)(world.admin, UpdateSettingsCommand(changes=RULES))
    await world.use(PublishCharterVersion)(world.admin, PublishCharterVersionCommand(title="Charter", body="Be kind."))
    principal, ambassador = await world.member("Ada", **member_profile)
    await world.use(AcceptCharter)(principal, 1)
    sharing = ShareWorld(world, FakeVisitorSaltStore(), principal, ambassador)
    await sharing.connect(principal)
    return sharing
