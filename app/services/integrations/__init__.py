"""Use cases of integrations: roster sources registered, their credentials, and HRIS deliveries.

``build_integrations`` is how the composition root, the demo and the tests get them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.integrations import Credentials, SecretBox
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.integrations.manage_integrations import RevokeCredentials, RotateCredential, UpdateIntegration
from app.services.integrations.read_integrations import GetIntegration, ListDeliveries, ListIntegrations
from app.services.integrations.receive_hris_event import ReceiveHrisEvent
from app.services.integrations.register_integration import RegisterIntegration


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegrationsUseCases:
    register_integration: RegisterIntegration
    get_integration: GetIntegration
    list_integrations: ListIntegrations
    update_integration: UpdateIntegration
    rotate_credential: RotateCredential
    revoke_credentials: RevokeCredentials
    list_deliveries: ListDeliveries
    receive_hris_event: ReceiveHrisEvent


def build_integrations(
    uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, *, credentials: Credentials, box: SecretBox
) -> IntegrationsUseCases:
    return IntegrationsUseCases(
        register_integration=RegisterIntegration(uow, clock, ids, credentials=credentials, box=box),
        get_integration=GetIntegration(uow, clock, ids),
        list_integrations=ListIntegrations(uow, clock, ids),
        update_integration=UpdateIntegration(uow, clock, ids),
        rotate_credential=RotateCredential(uow, clock, ids, credentials=credentials, box=box),
        revoke_credentials=RevokeCredentials(uow, clock, ids),
        list_deliveries=ListDeliveries(uow, clock, ids),
        receive_hris_event=ReceiveHrisEvent(uow, clock, ids, credentials=credentials, box=box),
    )
