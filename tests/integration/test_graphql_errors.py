"""How failures leave the GraphQL API: domain errors keep their code, anything else is masked."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from app.api.graphql.error_handlers import HANDLED, graphql_error
from app.api.graphql.schema import build_schema
from app.api.problem_types import REGISTRY
from app.domain import errors as domain
from app.domain.networks import Network
from app.domain.programme.compliance import Violation, ViolationCode
from app.domain.roster.identity import Principal
from app.domain.sharing import refusals as sharing

PRINCIPAL = Principal(tenant_id=None, subject="someone")
# Each registered domain error's own example, by class.
SAMPLE_ERRORS = {kind.error: kind.example for kind in REGISTRY if kind.error is not None}


def context_where_me_raises(error: Exception) -> Any:
    """Just enough context for ``{ me }``: its use case fails with ``error``."""

    async def get_me(principal: Principal) -> None:
        raise error

    return SimpleNamespace(services=SimpleNamespace(roster=SimpleNamespace(get_me=get_me)), principal=PRINCIPAL)


async def test_an_unexpected_failure_is_logged_and_masked(caplog: pytest.LogCaptureFixture) -> None:
    secret = "connection to 10.0.0.7 refused for user relais"
    with caplog.at_level(logging.ERROR, logger="relais.api"):
        result = await build_schema().execute(
            "{ me { subject } }", context_value=context_where_me_raises(OSError(secret))
        )

    [error] = result.errors or []
    assert secret not in str(error.formatted)
    assert error.formatted["extensions"] == {"code": "internal-error"}
    assert error.formatted["path"] == ["me"]
    assert any(secret in str(record.exc_info) for record in caplog.records)


async def test_a_domain_error_keeps_its_message_and_code_and_is_not_logged(caplog: pytest.LogCaptureFixture) -> None:
    refusal = domain.Forbidden("This action needs one of the roles: admin.")
    with caplog.at_level(logging.ERROR, logger="relais.api"):
        result = await build_schema().execute("{ me { subject } }", context_value=context_where_me_raises(refusal))

    [error] = result.errors or []
    assert error.formatted["message"] == refusal.detail
    assert error.formatted["extensions"] == {"code": "forbidden"}
    assert caplog.records == []


@pytest.mark.parametrize(("error_type", "domain_type"), HANDLED, ids=[error.__name__ for _, error in HANDLED])
def test_each_domain_error_maps_to_the_graphql_type_that_stands_for_it(
    error_type: type[Any], domain_type: type[domain.DomainError]
) -> None:
    error = SAMPLE_ERRORS[domain_type]
    assert isinstance(error, domain_type)
    mapped = graphql_error(error)
    assert type(mapped) is error_type
    assert mapped is not None
    assert (mapped.code, mapped.message) == (error.code, error.detail)


def test_a_refinement_of_a_domain_error_is_handled_before_the_error_it_refines() -> None:
    handled = [domain_type for _, domain_type in HANDLED]
    for position, domain_type in enumerate(handled):
        assert not any(issubclass(later, domain_type) and later is not domain_type for later in handled[position:])


def test_the_typed_fields_of_a_graphql_error_carry_the_domain_error_s_details() -> None:
    limit = graphql_error(sharing.ShareLimitReached(Network.X, 5, datetime(2030, 1, 2, tzinfo=UTC)))
    caption = graphql_error(
        sharing.CaptionNotCompliant([Violation(code=ViolationCode.BANNED_TERM, detail="No.", start=2, end=8)])
    )
    assert (getattr(limit, "limit", None), getattr(limit, "resets_at", None)) == (5, datetime(2030, 1, 2, tzinfo=UTC))
    assert [(v.start, v.end) for v in getattr(caption, "violations", [])] == [(2, 8)]
    assert getattr(graphql_error(sharing.ContentNotPublished("draft")), "content_status", None) == "draft"


def test_field_names_in_errors_are_spelled_as_in_the_schema() -> None:
    duplicate = graphql_error(domain.DuplicateValue("external_id", "Taken."))
    invalid = graphql_error(domain.ValidationFailed("Bad.", [domain.FieldError(("languages", 2), "No.")]))
    assert getattr(duplicate, "field", None) == "externalId"
    assert [item.path for item in getattr(invalid, "field_errors", [])] == [["languages", "2"]]
