"""Integrations in the domain: owned fields, credentials through rotations and revocations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from app.domain.errors import ValidationFailed
from app.domain.integrations.integrations import (
    DEFAULT_OVERLAP,
    OWNABLE_FIELDS,
    Credential,
    Integration,
    IntegrationKind,
)
from app.domain.integrations.roster_records import read_record

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TENANT = UUID(int=1)


def credential(number: int, at: datetime = NOW) -> Credential:
    return Credential(id=UUID(int=100 + number), issued_at=at, sealed_secret=f"sealed-{number}")


def hris(**changes: object) -> Integration:
    fields: dict[str, object] = {
        "id": UUID(int=2),
        "tenant_id": TENANT,
        "kind": IntegrationKind.HRIS_WEBHOOK,
        "name": " Workday ",
        "credential": credential(1),
        "now": NOW,
    } | changes
    return Integration.register(**fields)  # type: ignore[arg-type]


def test_a_new_integration_owns_every_roster_field_but_its_key_and_trims_its_name() -> None:
    integration = hris()

    assert integration.owned_fields == frozenset(OWNABLE_FIELDS)
    assert integration.name == "Workday"
    assert integration.valid_credentials(NOW) == [credential(1)]


@pytest.mark.parametrize("owned", [["salary"], ["external_id"], ["department", "idp_subject"]])
def test_only_roster_fields_may_be_owned(owned: list[str]) -> None:
    with pytest.raises(ValidationFailed) as refused:
        hris(owned_fields=owned)

    assert [error.loc for error in refused.value.errors] == [("owned_fields",)]


@pytest.mark.parametrize("name", ["", "   ", "Work\nday", "x" * 201])
def test_a_name_is_one_visible_line(name: str) -> None:
    with pytest.raises(ValidationFailed):
        hris(name=name)


def test_a_record_is_narrowed_to_the_owned_fields_and_keeps_its_key() -> None:
    integration = hris(owned_fields=["department"])
    record = read_record({"external_id": "HR-1", "department": "Ops", "location": "Paris"})

    owned = integration.owned(record)

    assert dict(owned.values) == {"external_id": "HR-1", "department": "Ops"}


def test_during_the_overlap_of_a_rotation_both_credentials_are_valid_newest_first() -> None:
    integration = hris()
    later = NOW + timedelta(hours=1)

    integration.rotate(credential(2, later), overlap=DEFAULT_OVERLAP, now=later)

    assert integration.valid_credentials(later + DEFAULT_OVERLAP - timedelta(seconds=1)) == [
        credential(2, later),
        credential(1).expiring(later + DEFAULT_OVERLAP),
    ]
    assert integration.valid_credentials(later + DEFAULT_OVERLAP) == [credential(2, later)]
    assert integration.version == 2


def test_a_rotation_without_overlap_ends_the_old_credential_at_once_and_forgets_ended_ones() -> None:
    integration = hris()
    integration.rotate(credential(2), overlap=timedelta(0), now=NOW)
    integration.rotate(credential(3), overlap=timedelta(0), now=NOW + timedelta(minutes=1))

    assert integration.valid_credentials(NOW + timedelta(minutes=1)) == [credential(3)]
    assert [c.id for c in integration.credentials] == [credential(2).id, credential(3).id]


def test_a_rotation_cannot_stretch_an_overlap_already_running_nor_exceed_a_week() -> None:
    integration = hris()
    integration.rotate(credential(2), overlap=timedelta(hours=1), now=NOW)
    integration.rotate(credential(3), overlap=timedelta(hours=5), now=NOW)

    assert integration.credentials[0].expires_at == NOW + timedelta(hours=1)
    with pytest.raises(ValidationFailed):
        integration.rotate(credential(4), overlap=timedelta(days=8), now=NOW)


def test_a_revocation_ends_every_credential_now() -> None:
    integration = hris()
    integration.rotate(credential(2), overlap=DEFAULT_OVERLAP, now=NOW)

    integration.revoke(NOW + timedelta(minutes=5))

    assert integration.valid_credentials(NOW + timedelta(minutes=5)) == []
