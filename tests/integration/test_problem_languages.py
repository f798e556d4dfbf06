"""Problems speak the client's language: French on ``Accept-Language: fr``, today's English otherwise."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest

from app.adapters.auth.dev_issuer import DevIssuer
from tests.integration.conftest import Mint, bearer
from tests.integration.content_helpers import configure, create_content, staff, transition
from tests.integration.helpers import assert_problem, person
from tests.support.tokens import expired

FRENCH = {"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"}
MISSING = UUID("0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f506")


def in_language(response: httpx.Response, language: str) -> dict[str, Any]:
    assert response.headers["Content-Language"] == language
    assert "Accept-Language" in response.headers["Vary"]
    body: dict[str, Any] = response.json()
    return body


async def test_a_missing_resource_is_told_in_french(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    response = await client.get(f"/v1/contents/{MISSING}", headers=admin_a | FRENCH)
    problem = in_language(response, "fr")
    assert_problem(response, 404, "not-found")
    assert (problem["title"], problem["detail"]) == ("Introuvable", f"Aucun contenu n'a l'identifiant {MISSING}.")

    nowhere = await client.get("/v1/nowhere", headers=FRENCH)
    assert in_language(nowhere, "fr")["detail"] == "Aucune ressource à l'adresse /v1/nowhere."


async def test_an_invalid_request_is_told_in_french_field_by_field(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    body = {"given_name": "Ada", "family_name": "x" * 300, "hired_on": "yesterday"}
    response = await client.post("/v1/employees", json=body, headers=admin_a | {"Accept-Language": "fr"})

    problem = in_language(response, "fr")
    assert_problem(response, 422, "validation-failed")
    assert problem["title"] == "Requête invalide"
    assert problem["detail"] == "La requête n'est pas valide : vérifiez body.hired_on, body.email, body.family_name."
    assert {error["loc"][-1]: error["message"] for error in problem["errors"]} == {
        "hired_on": "Valeur refusée : Donnez une date RFC 3339, par exemple 2025-03-01.",
        "email": "Champ obligatoire.",
        "family_name": "Donnez au plus 200 caractère(s).",
    }


async def test_a_domain_refusal_names_its_fields_in_french(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    response = await client.post("/v1/employees", json=person(language="xx-!!"), headers=admin_a | FRENCH)
    problem = in_language(response, "fr")
    assert_problem(response, 422, "validation-failed")
    assert problem["detail"] == "L'employé n'est pas valide."
    assert problem["errors"] == [
        {
            "loc": ["body", "language"],
            "message": "'xx-!!' n'est pas une étiquette de langue BCP 47 valide (par exemple 'fr' ou 'en-GB').",
        }
    ]


async def test_a_conflict_is_told_in_french_with_the_statuses_clients_compare_unchanged(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    await configure(client, admin_a)
    manager, moderator = staff(mint, tenant_a, "manager"), staff(mint, tenant_a, "moderator")
    content = await create_content(client, manager)

    response = await transition(client, moderator | FRENCH, content["id"], "approve")

    problem = in_language(response, "fr")
    assert_problem(response, 409, "invalid-transition")
    assert problem["title"] == "Conflit"
    assert problem["detail"] == (
        "Action refusée : approuver ce contenu n'est pas possible à l'état « draft » ; possible depuis cet état : "
        + ", ".join(problem["allowed"])
        + "."
    )
    assert problem["current_status"] == "draft"


async def test_a_missing_or_expired_token_is_refused_in_french(client: httpx.AsyncClient, issuer: DevIssuer) -> None:
    missing = await client.get("/v1/employees", headers=FRENCH)
    problem = in_language(missing, "fr")
    assert_problem(missing, 401, "unauthenticated")
    assert problem["title"] == "Authentification requise"
    assert problem["detail"] == "Envoyez un jeton d'accès dans l'en-tête Authorization : 'Bearer <jeton>'."
    assert missing.headers["WWW-Authenticate"] == "Bearer"

    stale = await client.get("/v1/employees", headers=bearer(expired(issuer)) | FRENCH)
    assert in_language(stale, "fr")["detail"] == "Le jeton d'accès a expiré."


async def test_refusals_before_routing_speak_french_too(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    response = await client.post(
        "/v1/employees", content="<employee/>", headers=admin_a | FRENCH | {"Content-Type": "application/xml"}
    )
    problem = in_language(response, "fr")
    assert_problem(response, 415, "unsupported-media-type")
    assert problem == problem | {
        "title": "Type de contenu non pris en charge",
        "detail": "Envoyez le corps en application/json, et non en application/xml.",
    }


@pytest.mark.parametrize("accept", [None, "en", "en-US,en;q=0.9", "de-DE, fr;q=0", "fr;q=0.4, en;q=0.6"])
async def test_other_clients_get_the_english_they_always_had(
    client: httpx.AsyncClient, admin_a: dict[str, str], accept: str | None
) -> None:
    headers = admin_a | ({"Accept-Language": accept} if accept else {})
    response = await client.get(f"/v1/contents/{MISSING}", headers=headers)
    problem = in_language(response, "en")
    assert (problem["title"], problem["detail"]) == ("Not Found", f"No content with id {MISSING} exists.")

    invalid = await client.post("/v1/employees", json={"given_name": "Ada"}, headers=headers)
    body = in_language(invalid, "en")
    assert body["detail"] == "The request is not valid: check body.email, body.family_name."
    assert {error["message"] for error in body["errors"]} == {"Field required"}


async def test_a_french_client_still_gets_the_same_problem_type_and_members(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    english = (await client.get(f"/v1/contents/{MISSING}", headers=admin_a)).json()
    french = (await client.get(f"/v1/contents/{MISSING}", headers=admin_a | FRENCH)).json()
    assert {name: value for name, value in french.items() if name not in ("title", "detail")} == {
        name: value for name, value in english.items() if name not in ("title", "detail")
    }
