"""The registry of problem types: every domain error is in it, and it renders what clients read."""

from __future__ import annotations

import importlib
import json
import pkgutil
from datetime import UTC, datetime
from typing import Any

import pytest

import app.domain
from app.api.problem_types import REGISTRY, ProblemType, problem_type_of, registered
from app.api.rest.problems import domain_problem
from app.domain import errors as domain
from app.domain.networks import Network
from app.domain.sharing import refusals as sharing


def every_domain_error() -> list[type[domain.DomainError]]:
    for module in pkgutil.walk_packages(app.domain.__path__, "app.domain."):
        importlib.import_module(module.name)
    found, todo = [], [domain.DomainError]
    while todo:
        kind = todo.pop()
        found.append(kind)
        todo.extend(kind.__subclasses__())
    return found


def test_every_domain_error_with_its_own_code_has_a_problem_type() -> None:
    registered_errors = {kind.error for kind in REGISTRY}
    missing = [
        f"{error.__module__}.{error.__qualname__}"
        for error in every_domain_error()
        if "code" in vars(error) and error not in registered_errors
    ]
    assert missing == [], f"add an entry to app/api/problem_types for {missing}"


def test_an_error_that_keeps_its_parent_s_code_answers_as_its_parent() -> None:
    assert problem_type_of(domain.MissingCredentials("No token.")) is registered("unauthenticated")
    assert problem_type_of(sharing.ContentNotShareable()).slug == "content-not-shareable"


def test_each_type_has_one_slug_its_error_s_code_and_a_meaning_and_a_fix() -> None:
    slugs = [kind.slug for kind in REGISTRY]
    assert len(slugs) == len(set(slugs))
    for kind in REGISTRY:
        assert all((kind.title, kind.means, kind.fix)), kind.slug
        if kind.error is not None:
            assert kind.slug == kind.error.code
            assert isinstance(kind.example, kind.error), kind.slug
            assert problem_type_of(kind.example) is kind


@pytest.mark.parametrize("kind", REGISTRY, ids=[kind.slug for kind in REGISTRY])
def test_each_type_s_members_are_those_its_model_describes(kind: ProblemType[Any]) -> None:
    _, members = kind.sample()
    model = kind.member_model()
    described = set(model.model_fields) if model else set()
    assert set(members) == described


def body(error: domain.DomainError) -> dict[str, Any]:
    answer = domain_problem(error)
    assert answer.headers["content-type"] == "application/problem+json"
    decoded: dict[str, Any] = json.loads(bytes(answer.body))
    return decoded


def test_a_refused_share_names_its_limit_and_when_it_resets() -> None:
    resets = datetime(2030, 1, 2, tzinfo=UTC)
    assert body(sharing.ShareLimitReached(Network.X, 5, resets)) == {
        "type": "urn:relais:problem:share-limit-reached",
        "title": "Conflict",
        "status": 409,
        "detail": "You reached today's limit of 5 shares on x; share again after 2030-01-02T00:00:00+00:00 "
        "(midnight UTC).",
        "network": "x",
        "limit": 5,
        "resets_at": "2030-01-02T00:00:00+00:00",
    }


def test_a_duplicate_value_is_listed_as_a_field_error_of_the_body() -> None:
    assert body(domain.DuplicateValue("email", "Taken.")) == {
        "type": "urn:relais:problem:duplicate-value",
        "title": "Conflict",
        "status": 409,
        "detail": "Taken.",
        "errors": [{"loc": ["body", "email"], "message": "Taken."}],
    }


def test_an_error_of_a_request_part_keeps_its_location() -> None:
    refused = domain.ValidationFailed("Bad.", [domain.FieldError(("query", "limit"), "Too big.")])
    assert body(refused)["errors"] == [{"loc": ["query", "limit"], "message": "Too big."}]


def test_a_missing_token_is_challenged_without_an_error_code() -> None:
    assert domain_problem(domain.MissingCredentials("No token.")).headers["www-authenticate"] == "Bearer"
    assert domain_problem(domain.Unauthenticated("Expired.")).headers["www-authenticate"] == (
        'Bearer error="invalid_token"'
    )
