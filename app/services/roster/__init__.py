"""Use cases of the roster: tenants, employees, memberships and social accounts.

``build_roster`` is how the composition root, the demo and the tests get them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.roster.create_employee import CreateEmployee
from app.services.roster.create_tenant import CreateTenant
from app.services.roster.find_tenant import FindTenant
from app.services.roster.get_ambassador import GetAmbassador
from app.services.roster.get_employee import GetEmployee
from app.services.roster.get_me import GetMe
from app.services.roster.invite_ambassador import InviteAmbassador
from app.services.roster.list_ambassadors import ListAmbassadors
from app.services.roster.list_employees import ListEmployees
from app.services.roster.load_related import LoadAmbassadorsByEmployee, LoadEmployees
from app.services.roster.manage_social_accounts import (
    ConnectSocialAccount,
    DisconnectSocialAccount,
    ListAudienceHistory,
    ListSocialAccounts,
    UpdateSocialAccount,
)
from app.services.roster.opt_in import OptIn
from app.services.roster.opt_out import OptOut
from app.services.roster.set_preferences import SetPreferences
from app.services.roster.terminate_employee import TerminateEmployee
from app.services.roster.update_ambassador import UpdateAmbassador
from app.services.roster.update_employee import UpdateEmployee


@dataclass(frozen=True, slots=True, kw_only=True)
class RosterUseCases:
    create_tenant: CreateTenant
    find_tenant: FindTenant
    create_employee: CreateEmployee
    get_employee: GetEmployee
    list_employees: ListEmployees
    update_employee: UpdateEmployee
    terminate_employee: TerminateEmployee
    invite_ambassador: InviteAmbassador
    get_ambassador: GetAmbassador
    list_ambassadors: ListAmbassadors
    update_ambassador: UpdateAmbassador
    get_me: GetMe
    opt_in: OptIn
    opt_out: OptOut
    set_preferences: SetPreferences
    list_social_accounts: ListSocialAccounts
    connect_social_account: ConnectSocialAccount
    disconnect_social_account: DisconnectSocialAccount
    update_social_account: UpdateSocialAccount
    list_audience_history: ListAudienceHistory
    load_employees: LoadEmployees
    load_ambassadors_by_employee: LoadAmbassadorsByEmployee


def build_roster(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> RosterUseCases:
    return RosterUseCases(
        create_tenant=CreateTenant(uow, clock, ids),
        find_tenant=FindTenant(uow, clock, ids),
        create_employee=CreateEmployee(uow, clock, ids),
        get_employee=GetEmployee(uow, clock, ids),
        list_employees=ListEmployees(uow, clock, ids),
        update_employee=UpdateEmployee(uow, clock, ids),
        terminate_employee=TerminateEmployee(uow, clock, ids),
        invite_ambassador=InviteAmbassador(uow, clock, ids),
        get_ambassador=GetAmbassador(uow, clock, ids),
        list_ambassadors=ListAmbassadors(uow, clock, ids),
        update_ambassador=UpdateAmbassador(uow, clock, ids),
        get_me=GetMe(uow, clock, ids),
        opt_in=OptIn(uow, clock, ids),
        opt_out=OptOut(uow, clock, ids),
        set_preferences=SetPreferences(uow, clock, ids),
        list_social_accounts=ListSocialAccounts(uow, clock, ids),
        connect_social_account=ConnectSocialAccount(uow, clock, ids),
        disconnect_social_account=DisconnectSocialAccount(uow, clock, ids),
        update_social_account=UpdateSocialAccount(uow, clock, ids),
        list_audience_history=ListAudienceHistory(uow, clock, ids),
        load_employees=LoadEmployees(uow, clock, ids),
        load_ambassadors_by_employee=LoadAmbassadorsByEmployee(uow, clock, ids),
    )
