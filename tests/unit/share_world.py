"""A programme ready to share on the fakes: settings, a charter, a member with LinkedIn, content."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.content.contents import Content
from app.domain.networks import Network
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.identity import Principal, Role
from app.services.content.approve_content import ApproveContentCommand
from app.services.content.create_content import CreateContentCommand
from app.services.content.submit_content import ContentTransitionCommand
from app.services.programme.publish_charter_version import PublishCharterVersionCommand
from app.services.programme.update_settings import UpdateSettingsCommand
from app.services.roster.manage_social_accounts import ConnectSocialAccountCommand
from app.services.sharing import SharingUseCases
from app.services.sharing.create_share import CreatedShare, CreateShareCommand
from tests.fake_sharing import FakeVisitorSaltStore
from tests.unit.world import World, two_tenants

RULES = {
    "link_domains": [{"domain": "acme.example"}],
    "networks": ["linkedin", "x", "instagram"],
    "weekly_content_budget": 50,
}
LINK = "https://acme.example/jobs"


@dataclass
class ShareWorld:
    world: World
    member: Principal
    ambassador: Ambassador

    @property
    def shares(self) -> SharingUseCases:
        return self.world.sharing

    @property
    def salts(self) -> FakeVisitorSaltStore:
        return self.world.salts

    @property
    def manager(self) -> Principal:
        return self.world.staff(Role.MANAGER)

    async def content(self, **changes: Any) -> Content:
        values = {"title": "We are hiring", "body": "Join us.", "link_url": LINK} | changes
        content = await self.world.content.create_content(self.manager, CreateContentCommand(values=values))
        await self.world.content.submit_content(self.manager, ContentTransitionCommand(content_id=content.id))
        moderator = self.world.staff(Role.MODERATOR)
        return await self.world.content.approve_content(moderator, ApproveContentCommand(content_id=content.id))

    async def share(
        self, content: Content, network: Network = Network.LINKEDIN, principal: Principal | None = None, **extra: Any
    ) -> CreatedShare:
        command = CreateShareCommand(content_id=content.id, network=network, **extra)
        return await self.shares.create_share(principal or self.member, command)

    async def connect(self, principal: Principal, network: Network = Network.LINKEDIN) -> None:
        command = ConnectSocialAccountCommand(network=network, handle=f"{principal.subject}-{network}")
        await self.world.roster.connect_social_account(principal, command)

    async def joined(self, name: str, **profile: Any) -> tuple[Principal, Ambassador]:
        """Another member who accepted the charter and connected LinkedIn."""
        principal, ambassador = await self.world.member(name, **profile)
        await self.world.programme.accept_charter(principal, 1)
        await self.connect(principal)
        return principal, ambassador


async def share_world(**member_profile: Any) -> ShareWorld:
    world = await two_tenants()
    await world.programme.update_settings(world.admin, UpdateSettingsCommand(changes=RULES))
    await world.programme.publish_charter_version(
        world.admin, PublishCharterVersionCommand(title="Charter", body="Be kind.")
    )
    principal, ambassador = await world.member("Ada", **member_profile)
    await world.programme.accept_charter(principal, 1)
    sharing = ShareWorld(world, principal, ambassador)
    await sharing.connect(principal)
    return sharing
