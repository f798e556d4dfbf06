"""Domain objects to REST bodies."""

from __future__ import annotations

from app.api.rest.roster.schemas import (
    AmbassadorOut,
    AudienceObservationOut,
    EmployeeOut,
    MeOut,
    PreferencesBody,
    SocialAccountOut,
    TenantOut,
)
from app.domain.metrics.audience import AudienceObservation
from app.domain.roster.ambassadors import Ambassador, SocialAccount
from app.domain.roster.employees import Employee
from app.domain.roster.tenants import Tenant
from app.services.roster.get_me import Me


def tenant_out(tenant: Tenant) -> TenantOut:
    return TenantOut(id=tenant.id, slug=tenant.slug, name=tenant.name, created_at=tenant.created_at)


def employee_out(employee: Employee) -> EmployeeOut:
    profile = employee.profile
    return EmployeeOut(
        id=employee.id,
        external_id=profile.external_id,
        email=profile.email,
        given_name=profile.given_name,
        family_name=profile.family_name,
        department=profile.department,
        location=profile.location,
        language=profile.language,
        manager_id=profile.manager_id,
        idp_subject=profile.idp_subject,
        status=employee.status,
        hired_on=profile.hired_on,
        terminated_on=employee.terminated_on,
        created_at=employee.created_at,
        updated_at=employee.updated_at,
    )


def ambassador_out(ambassador: Ambassador) -> AmbassadorOut:
    preferences = ambassador.preferences
    return AmbassadorOut(
        id=ambassador.id,
        employee_id=ambassador.employee_id,
        status=ambassador.status,
        invited_at=ambassador.invited_at,
        consented_at=ambassador.consented_at,
        left_at=ambassador.left_at,
        notes=ambassador.notes,
        preferences=PreferencesBody(
            languages=list(preferences.languages),
            topics=list(preferences.topics),
            max_shares_per_week=preferences.max_shares_per_week,
            leaderboard_visible=preferences.leaderboard_visible,
        ),
        charter_version=ambassador.charter_version,
        charter_accepted_at=ambassador.charter_accepted_at,
        created_at=ambassador.created_at,
        updated_at=ambassador.updated_at,
    )


def social_account_out(account: SocialAccount) -> SocialAccountOut:
    return SocialAccountOut(
        id=account.id,
        network=account.network,
        handle=account.handle,
        audience_size=account.audience_size,
        created_at=account.created_at,
    )


def audience_observation_out(observation: AudienceObservation) -> AudienceObservationOut:
    return AudienceObservationOut(observed_at=observation.observed_at, audience_size=observation.audience_size)


def me_out(me: Me) -> MeOut:
    return MeOut(
        subject=me.principal.subject,
        tenant_id=me.principal.tenant_id,
        email=me.principal.email,
        roles=sorted(me.principal.roles),
        employee=employee_out(me.employee) if me.employee else None,
        ambassador=ambassador_out(me.ambassador) if me.ambassador else None,
        social_accounts=[social_account_out(account) for account in me.social_accounts],
        charter_status=me.charter_status,
    )
