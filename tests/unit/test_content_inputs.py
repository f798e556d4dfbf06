"""GraphQL inputs of contents and campaigns become the same values REST gives the use cases."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import TypeVar

import pytest
import strawberry

from app.api.graphql.content.campaign_inputs import (
    CampaignChangesInput,
    CampaignInput,
    ConversionGoalInput,
    GoalsInput,
    campaign_changes,
    campaign_values,
)
from app.api.graphql.content.enums import ContentFormat, Objective
from app.api.graphql.content.inputs import (
    CaptionInput,
    ContentChangesInput,
    ContentInput,
    LocaleInput,
    TargetingInput,
    content_changes,
    content_values,
)
from app.api.graphql.roster.enums import Network
from app.domain.content import content_fields
from app.domain.content.campaigns import CampaignFields, Goals
from app.domain.content.content_fields import ContentFields
from app.domain.content.targeting import Targeting
from app.domain.errors import ValidationFailed
from app.domain.networks import Network as DomainNetwork

WHEN = datetime(2030, 1, 31, 9, 0, tzinfo=UTC)
T = TypeVar("T")


def sent(cls: type[T], **values: object) -> T:
    """An input whose fields are unsent but for ``values``."""
    fields: dict[str, object] = dict.fromkeys(cls.__annotations__)
    fields.update({name: strawberry.Some(value) for name, value in values.items()})
    return cls(**fields)


def test_a_new_content_keeps_the_shorthand_it_was_given_and_nothing_else() -> None:
    data = ContentInput(
        title="Nous recrutons",
        body="Rejoignez-nous.",
        captions=[CaptionInput(network=Network.X, text="On recrute")],
        format=ContentFormat.JOB_OFFER,
        targeting=TargetingInput(departments=["Sales"]),
        publish_at=WHEN,
    )
    values, language = content_values(data)
    assert language is None
    assert "locales" not in values
    fields = ContentFields.compose(values, default_language="fr")
    assert fields.default_locale.captions == {DomainNetwork.X: "On recrute"}
    assert fields.format is content_fields.ContentFormat.JOB_OFFER
    assert fields.targeting == Targeting(departments=("Sales",))
    assert fields.publish_at == WHEN


def test_a_network_captioned_twice_and_a_time_without_zone_are_refused_together() -> None:
    data = ContentInput(
        locales=[
            LocaleInput(
                language="fr",
                title="T",
                body="B",
                captions=[CaptionInput(network=Network.X, text="a"), CaptionInput(network=Network.X, text="b")],
            )
        ],
        publish_at=datetime(2030, 1, 31, 9, 0),  # noqa: DTZ001 - the mistake under test
    )
    with pytest.raises(ValidationFailed) as refused:
        content_values(data)
    assert [error.loc for error in refused.value.errors] == [("locales", 0, "captions", 1, "network"), ("publish_at",)]


def test_changes_are_the_fields_sent_and_null_clears_only_what_may_be_cleared() -> None:
    changes = content_changes(sent(ContentChangesInput, objective=None, link_url=None, pinned=True))
    assert changes == {"objective": None, "link_url": None, "pinned": True}
    with pytest.raises(ValidationFailed) as refused:
        content_changes(sent(ContentChangesInput, title=None, objective=Objective.LEADS))
    assert [error.loc for error in refused.value.errors] == [("title",)]


def test_a_campaign_input_becomes_campaign_fields() -> None:
    data = CampaignInput(
        name="Printemps",
        slug="printemps",
        starts_at=WHEN,
        goals=GoalsInput(shares=10, conversions=[ConversionGoalInput(type="lead", target=5)]),
        points_multiplier=1.25,
    )
    fields = CampaignFields(**campaign_values(data))
    assert fields.goals == Goals(shares=10, conversions={"lead": 5})
    assert fields.points_multiplier == Decimal("1.25")
    assert fields.validated() == fields


def test_campaign_changes_refuse_a_type_twice_and_a_null_name() -> None:
    goals = GoalsInput(
        conversions=[ConversionGoalInput(type="lead", target=1), ConversionGoalInput(type="lead", target=2)]
    )
    with pytest.raises(ValidationFailed) as refused:
        campaign_changes(sent(CampaignChangesInput, name=None, goals=goals))
    assert [error.loc for error in refused.value.errors] == [("name",), ("goals", "conversions", 1, "type")]
    assert campaign_changes(sent(CampaignChangesInput, ends_at=None)) == {"ends_at": None}
