"""Tell the demo's recall story (``app/demo/recall_story.py``) through the use cases.

The take-downs are written by the worker's handler of ``content.recalled``, run here as the worker
would run it, so that Léa can confirm hers at its day; when the worker later delivers the event, it
finds every posted share taken down and writes nothing more (its notifications then reach Léa and
Amelia from the ``takedown.requested`` events).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from app.demo import recall_story as told
from app.demo.story_clock import StoryClock
from app.domain.events import EventType, RecordedEvent
from app.domain.roster.identity import Principal
from app.ports.community_recall import TakeDownFilter
from app.ports.pagination import PageRequest
from app.ports.system import IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.community.recall import RecallUseCases
from app.services.community.recall.handlers import RequestTakeDowns
from app.services.community.recall.recall_content import RecallContentCommand
from app.services.community.recall.takedowns import ConfirmTakeDownCommand
from app.services.content import ContentUseCases
from app.services.content.approve_content import ApproveContentCommand
from app.services.content.create_content import CreateContentCommand
from app.services.content.submit_content import ContentTransitionCommand
from app.services.programme import ProgrammeUseCases
from app.services.programme.update_settings import UpdateSettingsCommand
from app.services.sharing import SharingUseCases
from app.services.sharing.create_share import CreateShareCommand
from app.services.sharing.share_transitions import ConfirmShareCommand


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoRecallStory:
    """``members`` gives an ambassador's principal from their roster slug."""

    programme: ProgrammeUseCases
    content: ContentUseCases
    sharing: SharingUseCases
    recall: RecallUseCases
    uow: UnitOfWorkFactory
    ids: IdGenerator
    story: StoryClock
    admin: Principal
    members: Callable[[str], Principal]

    async def tell(self) -> UUID:
        """The recalled content's id."""
        self.story.go_to(told.NOTICE_SET)
        notice = UpdateSettingsCommand(changes={"recall_notice_url": told.NOTICE_URL})
        await self.programme.update_settings(self.admin, notice)
        content_id = await self._offer()
        for post in told.POSTS:
            self.story.go_to(post.posted)
            member = self.members(post.ambassador)
            share = await self.sharing.create_share(
                member, CreateShareCommand(content_id=content_id, network=post.network)
            )
            confirm = ConfirmShareCommand(share_id=share.view.share.id, post_url=post.post_url)
            await self.sharing.confirm_share(member, confirm)
        self.story.go_to(told.RECALLED)
        await self.recall.recall_content(self.admin, RecallContentCommand(content_id=content_id, reason=told.REASON))
        await self._take_downs(content_id)
        for post in told.POSTS:
            if post.taken_down is None:
                continue
            self.story.go_to(post.taken_down)
            member = self.members(post.ambassador)
            [mine] = (await self.recall.list_my_takedowns(member, TakeDownFilter(), PageRequest())).items
            await self.recall.confirm_takedown(member, ConfirmTakeDownCommand(take_down_id=mine.id))
        return content_id

    async def _offer(self) -> UUID:
        self.story.go_to(told.WRITTEN)
        values = {"locales": told.LOCALES, "format": told.FORMAT, "objective": told.OBJECTIVE, "link_url": told.LINK}
        content_id = (await self.content.create_content(self.admin, CreateContentCommand(values=values))).id
        await self.content.submit_content(self.admin, ContentTransitionCommand(content_id=content_id))
        self.story.go_to(told.APPROVED)
        approval = ApproveContentCommand(content_id=content_id, override_cadence=True)
        await self.content.approve_content(self.admin, approval)
        return content_id

    async def _take_downs(self, content_id: UUID) -> None:
        """What the worker does on ``content.recalled``, run at once (see the module's docstring)."""
        recalled = RecordedEvent(
            id=self.ids.new_id(),
            type=EventType.CONTENT_RECALLED.value,
            tenant_id=self.admin.require_tenant(),
            occurred_at=self.story.now(),
            data={"id": str(content_id), "reason": told.REASON},
        )
        await RequestTakeDowns(self.uow, self.story, self.ids)(recalled)
