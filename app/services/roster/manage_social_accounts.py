"""An ambassador's connected social accounts: list, connect, disconnect."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.networks import Network
from app.domain.roster.ambassadors import SocialAccount
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.roster.linking import require_membership


@dataclass(frozen=True, slots=True, kw_only=True)
class ConnectSocialAccountCommand:
    network: Network
    handle: str
    audience_size: int = 0


class ListSocialAccounts(UseCase):
    async def __call__(self, principal: Principal) -> list[SocialAccount]:
        async with self._uow(principal.require_tenant()) as uow:
            ambassador = await require_membership(uow, principal, self._clock.now(), for_update=True)
            accounts = await uow.social_accounts.list_for(ambassador.id)
            await uow.commit()
        return accounts


class ConnectSocialAccount(UseCase):
    """The same handle cannot be connected twice on one network (``duplicate-value``)."""

    async def __call__(self, principal: Principal, command: ConnectSocialAccountCommand) -> SocialAccount:
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            ambassador = await require_membership(uow, principal, now, for_update=True)
            account = SocialAccount.connect(
                id=self._ids.new_id(),
                tenant_id=ambassador.tenant_id,
                ambassador_id=ambassador.id,
                network=command.network,
                handle=command.handle,
                audience_size=command.audience_size,
                now=now,
            )
            await uow.social_accounts.add(account)
            await uow.commit()
        return account


class DisconnectSocialAccount(UseCase):
    """Only the owner can disconnect an account; anyone else's id is simply not found."""

    async def __call__(self, principal: Principal, account_id: UUID) -> None:
        async with self._uow(principal.require_tenant()) as uow:
            ambassador = await require_membership(uow, principal, self._clock.now(), for_update=True)
            account = await uow.social_accounts.get(account_id)
            if account is None or account.ambassador_id != ambassador.id:
                raise NotFound("social account", account_id)
            await uow.social_accounts.remove(account_id)
            await uow.commit()
