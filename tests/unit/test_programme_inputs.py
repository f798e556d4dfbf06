"""GraphQL inputs of the programme become the same values REST sends the use cases."""

from __future__ import annotations

from uuid import UUID

import pytest
import strawberry
from strawberry.relay import GlobalID

from app.api.graphql.programme.inputs import (
    MAX_CAPTION,
    CaptionCheckInput,
    DisclosureInput,
    LinkDomainInput,
    SettingsChangesInput,
    caption_check_command,
    settings_changes,
)
from app.api.graphql.roster.enums import Network
from app.domain.errors import ValidationFailed
from app.domain.networks import Network as DomainNetwork
from app.domain.programme.settings import ProgrammeSettings


def changes_input(**sent: object) -> SettingsChangesInput:
    fields = dict.fromkeys(SettingsChangesInput.__annotations__)
    fields.update({name: strawberry.Some(value) for name, value in sent.items()})
    return SettingsChangesInput(**fields)


def test_only_the_fields_sent_become_changes_in_the_document_shape() -> None:
    data = changes_input(
        networks=[Network.X, Network.LINKEDIN],
        link_domains=[LinkDomainInput(domain="acme.example", include_subdomains=True)],
        disclosures=[DisclosureInput(network=Network.LINKEDIN, text="#employee")],
        weekly_content_budget=3,
    )

    changes = settings_changes(data)

    assert changes == {
        "networks": ["x", "linkedin"],
        "link_domains": [{"domain": "acme.example", "include_subdomains": True}],
        "disclosures": {"linkedin": "#employee"},
        "weekly_content_budget": 3,
    }
    assert ProgrammeSettings.defaults().apply(changes).disclosure_for(DomainNetwork.LINKEDIN) == "#employee"


def test_a_network_given_two_disclosures_is_refused_at_the_second() -> None:
    twice = [DisclosureInput(network=Network.X, text="#a"), DisclosureInput(network=Network.X, text="#b")]

    with pytest.raises(ValidationFailed) as raised:
        settings_changes(changes_input(disclosures=twice))

    assert [error.loc for error in raised.value.errors] == [("disclosures", 1, "network")]


def test_a_caption_longer_than_any_network_takes_is_refused() -> None:
    content_id = UUID(int=7)
    global_id = strawberry.ID(str(GlobalID("Content", str(content_id))))
    command = caption_check_command(CaptionCheckInput(network=Network.X, text="x" * MAX_CAPTION, content_id=global_id))

    assert (command.network, command.content_id) == (DomainNetwork.X, content_id)
    with pytest.raises(ValidationFailed) as raised:
        caption_check_command(CaptionCheckInput(network=Network.X, text="x" * (MAX_CAPTION + 1)))
    assert [error.loc for error in raised.value.errors] == [("text",)]
