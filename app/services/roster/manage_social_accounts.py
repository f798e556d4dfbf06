"""An ambassador's connected social accounts: list, connect, change the audience, read its history,
disconnect. Each audience given (on connecting, then on every change) is kept as an observation, so
the programme's network growth can be shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.metrics.audience import AudienceObservation
from app.domain.networks import Network
from app.domain.roster.ambassadors import SocialAccount
from app.domain.roster.identity import Principal
from app.ports.metrics import AudiencePage
from app.ports.unit_of_work import UnitOfWork
from app.services.base import UseCase
from app.services.roster.linking import require_membership


@dataclass(frozen=True, slots=True, kw_only=True)
class ConnectSocialAccountCommand:
    network: Network
    handle: str
    audience_size: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateSocialAccountCommand:
    account_id: UUID
    audience_size: int


@dataclass(frozen=True, slots=True, kw_only=True)
class AudienceHistoryRequest:
    account_id: UUID
    before: datetime | None = None
    limit: int = 20


def _observed(account: SocialAccount, now: datetime) -> AudienceObservation:
    return AudienceObservation(
        tenant_id=account.tenant_id, social_account_id=account.id, observed_at=now, audience_size=account.audience_size
    )


class ListSocialAccounts(UseCase):
    async def __call__(self, principal: Principal) -> list[SocialAccount]:
        async with self._uow(principal.require_tenant()) as uow:
            ambassador = await require_membership(uow, principal, self._clock.now(), for_update=True)
            accounts = await uow.social_accounts.list_for(ambassador.id)
            await uow.commit()
        return accounts


class ConnectSocialAccount(UseCase):
    """The same handle cannot be connected twice on one network (``duplicate-value``). The audience
    given is the account's first observation."""

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
            await uow.audience.record(_observed(account, now))
            await uow.commit()
        return account


async def _own_account(uow: UnitOfWork, principal: Principal, account_id: UUID, now: datetime) -> SocialAccount:
    """The caller's own account; anyone else's is simply not found."""
    ambassador = await require_membership(uow, principal, now, for_update=True)
    account = await uow.social_accounts.get(account_id)
    if account is None or account.ambassador_id != ambassador.id:
        raise NotFound("social account", account_id)
    return account


class UpdateSocialAccount(UseCase):
    """Only the owner changes an account's audience; the size given is recorded as an observation even
    when it did not change (it says the audience was still that size then). Shares confirmed from now on
    take it as their potential reach; those confirmed before keep theirs."""

    async def __call__(self, principal: Principal, command: UpdateSocialAccountCommand) -> SocialAccount:
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            account = (await _own_account(uow, principal, command.account_id, now)).with_audience(command.audience_size)
            await uow.social_accounts.save(account)
            await uow.audience.record(_observed(account, now))
            await uow.commit()
        return account


class ListAudienceHistory(UseCase):
    """The audiences the owner gave one of their accounts, newest first."""

    async def __call__(self, principal: Principal, request: AudienceHistoryRequest) -> AudiencePage:
        async with self._uow(principal.require_tenant()) as uow:
            account = await _own_account(uow, principal, request.account_id, self._clock.now())
            history = await uow.audience.list(account.id, request.before, request.limit)
            await uow.commit()
        return history


class DisconnectSocialAccount(UseCase):
    """Only the owner can disconnect an account (its audience history goes with it); anyone else's id is
    simply not found. Shares already confirmed keep their potential reach."""

    async def __call__(self, principal: Principal, account_id: UUID) -> None:
        async with self._uow(principal.require_tenant()) as uow:
            account = await _own_account(uow, principal, account_id, self._clock.now())
            await uow.social_accounts.remove(account.id)
            await uow.commit()
