"""Explicit row <-> domain mapping, so tables never leak past the adapter."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.domain.networks import Network
from app.domain.roster.ambassadors import Ambassador, MembershipStatus, Preferences, SocialAccount
from app.domain.roster.employees import Employee, EmployeeProfile, EmployeeStatus
from app.domain.roster.tenants import Tenant


def tenant_from_row(row: Any) -> Tenant:
    return Tenant(id=row.id, slug=row.slug, name=row.name, created_at=row.created_at)


def employee_values(employee: Employee) -> dict[str, Any]:
    return asdict(employee.profile) | {
        "tenant_id": employee.tenant_id,
        "id": employee.id,
        "status": employee.status.value,
        "terminated_on": employee.terminated_on,
        "source_timestamp": employee.source_timestamp,
        "pending_manager_external_id": employee.pending_manager_external_id,
        "version": employee.version,
        "created_at": employee.created_at,
        "updated_at": employee.updated_at,
    }


def employee_from_row(row: Any) -> Employee:
    return Employee(
        id=row.id,
        tenant_id=row.tenant_id,
        profile=EmployeeProfile(
            email=row.email,
            given_name=row.given_name,
            family_name=row.family_name,
            external_id=row.external_id,
            department=row.department,
            location=row.location,
            language=row.language,
            manager_id=row.manager_id,
            idp_subject=row.idp_subject,
            hired_on=row.hired_on,
        ),
        status=EmployeeStatus(row.status),
        terminated_on=row.terminated_on,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        source_timestamp=row.source_timestamp,
        pending_manager_external_id=row.pending_manager_external_id,
    )


def ambassador_values(ambassador: Ambassador) -> dict[str, Any]:
    preferences = asdict(ambassador.preferences)
    return {
        "tenant_id": ambassador.tenant_id,
        "id": ambassador.id,
        "employee_id": ambassador.employee_id,
        "status": ambassador.status.value,
        "invited_at": ambassador.invited_at,
        "invited_by": ambassador.invited_by,
        "consented_at": ambassador.consented_at,
        "left_at": ambassador.left_at,
        "notes": ambassador.notes,
        "preferences": preferences
        | {"languages": list(preferences["languages"]), "topics": list(preferences["topics"])},
        "charter_version": ambassador.charter_version,
        "charter_accepted_at": ambassador.charter_accepted_at,
        "version": ambassador.version,
        "created_at": ambassador.created_at,
        "updated_at": ambassador.updated_at,
    }


def ambassador_from_row(row: Any) -> Ambassador:
    stored = row.preferences
    return Ambassador(
        id=row.id,
        tenant_id=row.tenant_id,
        employee_id=row.employee_id,
        status=MembershipStatus(row.status),
        invited_at=row.invited_at,
        invited_by=row.invited_by,
        consented_at=row.consented_at,
        left_at=row.left_at,
        notes=row.notes,
        preferences=Preferences(
            languages=tuple(stored.get("languages", ())),
            topics=tuple(stored.get("topics", ())),
            max_shares_per_week=stored.get("max_shares_per_week"),
            leaderboard_visible=bool(stored.get("leaderboard_visible", False)),
        ),
        charter_version=row.charter_version,
        charter_accepted_at=row.charter_accepted_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


def social_account_values(account: SocialAccount) -> dict[str, Any]:
    return asdict(account) | {"network": account.network.value}


def social_account_from_row(row: Any) -> SocialAccount:
    return SocialAccount(
        id=row.id,
        tenant_id=row.tenant_id,
        ambassador_id=row.ambassador_id,
        network=Network(row.network),
        handle=row.handle,
        audience_size=row.audience_size,
        created_at=row.created_at,
    )
