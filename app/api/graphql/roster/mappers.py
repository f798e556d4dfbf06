"""Domain objects to GraphQL types, field by field, so neither side leaks into the other."""

from __future__ import annotations

from app.api.graphql.global_ids import global_id, optional_global_id
from app.api.graphql.roster.types import (
    Ambassador,
    AudienceObservation,
    Employee,
    Invitation,
    Me,
    Preferences,
    SocialAccount,
)
from app.domain.metrics.audience import AudienceObservation as Observation
from app.domain.roster import ambassadors as membership
from app.domain.roster import employees as roster
from app.services.roster.get_me import Me as MeResult
from app.services.roster.invite_ambassador import Invitation as InvitationResult


def employee_node(employee: roster.Employee) -> Employee:
    profile = employee.profile
    return Employee(
        id=employee.id,
        external_id=profile.external_id,
        email=profile.email,
        given_name=profile.given_name,
        family_name=profile.family_name,
        department=profile.department,
        location=profile.location,
        language=profile.language,
        manager_id=optional_global_id("Employee", profile.manager_id),
        idp_subject=profile.idp_subject,
        status=employee.status,
        hired_on=profile.hired_on,
        terminated_on=employee.terminated_on,
        created_at=employee.created_at,
        updated_at=employee.updated_at,
        version=employee.version,
    )


def preferences_node(preferences: membership.Preferences) -> Preferences:
    return Preferences(
        languages=list(preferences.languages),
        topics=list(preferences.topics),
        max_shares_per_week=preferences.max_shares_per_week,
        leaderboard_visible=preferences.leaderboard_visible,
    )


def ambassador_node(ambassador: membership.Ambassador) -> Ambassador:
    return Ambassador(
        id=ambassador.id,
        employee_id=global_id("Employee", ambassador.employee_id),
        status=ambassador.status,
        invited_at=ambassador.invited_at,
        consented_at=ambassador.consented_at,
        left_at=ambassador.left_at,
        notes=ambassador.notes,
        preferences=preferences_node(ambassador.preferences),
        charter_version=ambassador.charter_version,
        charter_accepted_at=ambassador.charter_accepted_at,
        created_at=ambassador.created_at,
        updated_at=ambassador.updated_at,
        version=ambassador.version,
    )


def audience_observation_node(observation: Observation) -> AudienceObservation:
    return AudienceObservation(observed_at=observation.observed_at, audience_size=observation.audience_size)


def social_account_node(account: membership.SocialAccount) -> SocialAccount:
    return SocialAccount(
        id=account.id,
        network=account.network,
        handle=account.handle,
        audience_size=account.audience_size,
        created_at=account.created_at,
    )


def invitation_node(invitation: InvitationResult) -> Invitation:
    return Invitation(ambassador=ambassador_node(invitation.ambassador), created=invitation.created)


def me_node(me: MeResult) -> Me:
    return Me(
        subject=me.principal.subject,
        tenant_id=me.principal.tenant_id,
        email=me.principal.email,
        roles=sorted(me.principal.roles),
        employee=employee_node(me.employee) if me.employee else None,
        ambassador=ambassador_node(me.ambassador) if me.ambassador else None,
        social_accounts=[social_account_node(account) for account in me.social_accounts],
        charter_status=me.charter_status,
    )
