"""Check a caption against the programme's rules before sharing it."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.compliance import ComplianceReport, check_caption
from app.domain.identity import Principal
from app.domain.networks import Network
from app.services.base import UseCase


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckCaptionCommand:
    network: Network
    text: str
    content_id: UUID | None = None


class CheckCaption(UseCase):
    """Anyone of the tenant may check a caption; nothing is stored. Banned terms, a missing
    disclosure, a missing link and a caption too long for the network block sharing; sensitive
    terms are warnings."""

    async def __call__(self, principal: Principal, command: CheckCaptionCommand) -> ComplianceReport:
        async with self._uow(principal.require_tenant()) as uow:
            settings = await uow.settings.get()
        return check_caption(command.text, command.network, settings)
