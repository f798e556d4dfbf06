"""The OpenAPI document is a contract generated clients can trust: every answer declared, every
error a typed problem, every operation named, described and illustrated."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

import app.api.rest
from app.api.problem_types import REGISTRY, registered
from app.api.rest.content.feed_schemas import FEED_JSON, FeedOut
from app.bootstrap.api import build_app
from app.settings import Settings

PROBLEM_JSON = "application/problem+json"
METHODS = ("get", "head", "post", "put", "patch", "delete")
Operation = tuple[str, str, dict[str, Any]]


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    served: dict[str, Any] = build_app(Settings()).openapi()
    return served


def operations(document: dict[str, Any]) -> Iterator[Operation]:
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def problem_slugs(operation: dict[str, Any], status: str) -> set[str]:
    content = operation["responses"].get(status, {}).get("content", {})
    return set(content.get(PROBLEM_JSON, {}).get("examples", {}))


def test_every_error_answer_is_a_problem_with_an_example_of_each_of_its_types(document: dict[str, Any]) -> None:
    for path, method, operation in operations(document):
        for status, response in operation["responses"].items():
            if status[0] not in "45":
                continue
            where = f"{method.upper()} {path} {status}"
            if path == "/graphql" and status == "429":
                # Answered as GraphQL clients read failures: an error with the problem type's code.
                for media in response["content"].values():
                    assert media["schema"] == {"$ref": "#/components/schemas/GraphQLResponse"}, where
                    assert media["example"]["errors"][0]["extensions"]["code"] == "rate-limited", where
                assert set(response["headers"]) >= {"Retry-After", "RateLimit", "RateLimit-Policy"}, where
                continue
            assert set(response["content"]) == {PROBLEM_JSON}, where
            described = response["content"][PROBLEM_JSON]
            assert described["schema"] == {"$ref": "#/components/schemas/Problem"}, where
            assert described["examples"], where
            for slug, example in described["examples"].items():
                kind = registered(slug)
                assert (str(kind.status), example["value"]["type"]) == (status, kind.uri), where
                assert f"`{slug}`" in response["description"], where


def test_operations_answer_the_problems_their_shape_allows(document: dict[str, Any]) -> None:
    for path, method, operation in operations(document):
        where = f"{method.upper()} {path}"
        parameters = {parameter["name"].lower() for parameter in operation.get("parameters", [])}
        if operation.get("security"):
            assert "unauthenticated" in problem_slugs(operation, "401"), where
            if path != "/graphql":
                assert "rate-limited" in problem_slugs(operation, "429"), where
                assert set(operation["responses"]["429"]["headers"]) == {"Retry-After", "RateLimit", "RateLimit-Policy"}
            else:
                assert "429" in operation["responses"], where
        if "requestBody" in operation and path.startswith("/v1/"):
            assert "malformed-json" in problem_slugs(operation, "400"), where
            assert "validation-failed" in problem_slugs(operation, "422"), where
        if method in ("post", "put", "patch"):
            assert "payload-too-large" in problem_slugs(operation, "413"), where
        if "if-match" in parameters:
            assert "precondition-failed" in problem_slugs(operation, "412"), where
        if path.startswith(("/v1/", "/graphql")):
            assert "not-acceptable" in problem_slugs(operation, "406"), where
        if path.startswith(("/v1/", "/r/", "/graphql")):
            assert "unavailable" in problem_slugs(operation, "503"), where
            assert "Retry-After" in operation["responses"]["503"]["headers"], where


def test_operation_ids_are_unique_and_camel_case(document: dict[str, Any]) -> None:
    ids = [operation["operationId"] for _, _, operation in operations(document)]
    assert len(ids) == len(set(ids))
    assert [name for name in ids if not re.fullmatch(r"[a-z][a-zA-Z0-9]*", name)] == []
    assert {"createShare", "listShares", "getShare", "confirmShare", "followTrackedLink"} <= set(ids)


def test_the_problem_schema_types_every_member_of_every_type(document: dict[str, Any]) -> None:
    schema = document["components"]["schemas"]["Problem"]
    assert set(schema["required"]) == {"type", "title", "status", "detail"}
    for kind in REGISTRY:
        _, members = kind.sample()
        assert set(members) <= set(schema["properties"]), kind.slug
    assert schema["properties"]["resets_at"] == {
        "description": "When sharing on this network opens again (the next midnight UTC).",
        "format": "date-time",
        "title": "Resets At",
        "type": "string",
    }


def test_the_paths_served_outside_the_router_are_documented(document: dict[str, Any]) -> None:
    paths = document["paths"]
    assert set(paths["/r/{code}"]) == {"get", "head"}
    assert set(paths["/r/{code}"]["get"]["responses"]) == {"302", "404", "410", "429", "503"}
    assert set(paths["/graphql"]) == {"get", "post"}
    assert "200" in paths["/.well-known/jwks.json"]["get"]["responses"]


def test_every_parameter_is_described_and_an_omitted_one_is_never_null(document: dict[str, Any]) -> None:
    for path, method, operation in operations(document):
        for parameter in operation.get("parameters", []):
            where = (method, path, parameter["name"])
            assert {"type": "null"} not in parameter["schema"].get("anyOf", []), where
            assert parameter.get("description"), where


def test_every_operation_is_summarised_described_and_illustrated(document: dict[str, Any]) -> None:
    for path, method, operation in operations(document):
        where = f"{method.upper()} {path}"
        assert operation.get("summary"), where
        assert operation.get("description"), where
        request = operation.get("requestBody", {}).get("content", {})
        assert all("example" in media for media in request.values()), where
        for status, response in operation["responses"].items():
            for media_type, media in response.get("content", {}).items():
                if status[0] == "2" and media_type.endswith("json"):
                    assert "example" in media, (where, status)
        redirect = operation["responses"].get("302")
        if redirect:
            assert redirect["headers"]["Location"]["example"].startswith("https://"), where


def test_every_schema_and_property_is_described(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    assert [name for name, schema in schemas.items() if not schema.get("description")] == []
    undescribed = [
        f"{name}.{prop}"
        for name, schema in schemas.items()
        for prop, described in schema.get("properties", {}).items()
        if not described.get("description")
    ]
    assert undescribed == []


def rest_models() -> Iterator[type[BaseModel]]:
    for module in pkgutil.walk_packages(app.api.rest.__path__, "app.api.rest."):
        importlib.import_module(module.name)
    todo: list[type[BaseModel]] = [BaseModel]
    while todo:
        model = todo.pop()
        todo.extend(model.__subclasses__())
        if model.__module__.startswith("app.api.rest."):
            yield model


@pytest.mark.parametrize("model", list(rest_models()), ids=lambda model: model.__qualname__)
def test_a_schema_s_examples_are_bodies_it_accepts(model: type[BaseModel]) -> None:
    extra = model.model_config.get("json_schema_extra")
    examples = extra.get("examples", []) if isinstance(extra, dict) else []
    assert isinstance(examples, list)
    for example in examples:
        assert isinstance(example, dict)
        model.model_validate(example)


def test_the_feed_s_example_is_a_feed_page() -> None:
    extra = FeedOut.__pydantic_config__.get("json_schema_extra")  # type: ignore[attr-defined]
    assert isinstance(extra, dict)
    [example] = extra["examples"]
    assert FEED_JSON.validate_python(example)["items"]
