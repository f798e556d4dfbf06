"""What a SCIM write says of a user, read by the roster's rules."""

from __future__ import annotations

import pytest

from app.domain.errors import ValidationFailed
from app.domain.integrations.integrations import OWNABLE_FIELDS
from app.domain.integrations.scim_users import keeping_employee_number, owned_state, read_state

# As the SCIM mapper passes them: every field named, None when the user leaves it out.
NAMES = {"email": None, "given_name": "Ada", "family_name": "Lovelace", "language": None, "department": None}


def test_a_user_name_that_is_an_address_stands_for_a_missing_email() -> None:
    state = read_state(
        user_name="ada@Acme.example", external_id=None, active=True, fields=NAMES, employee_number=None, manager_id=None
    )

    assert state.record.get("email") == "ada@acme.example"


def test_no_employee_number_clears_it_but_an_adoption_keeps_the_hris_key() -> None:
    state = read_state(
        user_name="ada@acme.example", external_id="", active=True, fields=NAMES, employee_number=None, manager_id=None
    )

    assert state.record.gives("external_id")
    assert state.record.get("external_id") is None
    assert state.external_id is None
    assert not keeping_employee_number(state).record.gives("external_id")


def test_fields_the_integration_does_not_own_are_left_out() -> None:
    fields = NAMES | {"email": "ada@acme.example", "department": "R&D"}
    state = read_state(
        user_name="ada", external_id=None, active=True, fields=fields, employee_number="HR-1", manager_id=None
    )

    owned = owned_state(state, frozenset(OWNABLE_FIELDS) - {"department", "manager_external_id"})

    assert not owned.record.gives("department")
    assert owned.record.get("external_id") == "HR-1"
    assert owned.owns_manager is False


@pytest.mark.parametrize(
    ("user_name", "fields"),
    [("", NAMES), ("no-address", NAMES), ("ada@acme.example", NAMES | {"family_name": None}), ("a\x00b", NAMES)],
)
def test_a_user_without_a_name_an_address_or_a_clean_user_name_is_refused(
    user_name: str, fields: dict[str, str]
) -> None:
    with pytest.raises(ValidationFailed):
        read_state(
            user_name=user_name, external_id=None, active=True, fields=fields, employee_number=None, manager_id=None
        )
