"""Which language a problem is written in, and how its texts are said in French."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field, ValidationError, field_validator

from app.api.rest.languages import localised, preferred_language, translated, validation_message
from app.domain.errors import FieldError, InvalidTransition, NotFound, ValidationFailed
from app.domain.messages import Message, message_of


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "en"),
        ("", "en"),
        ("fr", "fr"),
        ("fr-FR", "fr"),
        ("FR-ca", "fr"),
        ("fr;q=0.9, en;q=0.5", "fr"),
        ("en;q=0.5, fr;q=0.9", "fr"),
        ("en-GB,en;q=0.9,fr;q=0.8", "en"),
        ("de-DE, fr;q=0.7, en;q=0.3", "fr"),
        ("de, es", "en"),
        ("fr;q=0", "en"),
        ("fr;q=0, *", "en"),
        ("*;q=0.1, fr;q=0.2", "fr"),
        ("fr;q=1.5, en;q=0.2", "en"),
        ("fr;q=0.0001", "en"),
        ("fr ; q = 0.8", "fr"),
        ("not a language!, fr;q=0.1", "fr"),
        ("fra", "fr"),
    ],
)
def test_the_language_is_the_best_weighted_one_we_speak_else_english(header: str | None, language: str) -> None:
    assert preferred_language(header) == language


def test_a_message_keeps_its_english_text_its_template_and_its_parameters() -> None:
    message = Message("At most {most} items.", most=20)
    assert (message, message.template, message.params) == ("At most 20 items.", "At most {most} items.", {"most": 20})
    assert Message("Give {domain, include_subdomains}.") == "Give {domain, include_subdomains}."
    assert message_of(ValueError(message)) is message
    assert message_of(ValueError("plain")) == "plain"


def test_a_domain_error_reads_in_french_with_its_values_in_place() -> None:
    error = NotFound("content", "0190f3a4")
    assert error.detail == "No content with id 0190f3a4 exists."
    assert translated(error.detail, "fr") == "Aucun contenu n'a l'identifiant 0190f3a4."
    assert translated(error.detail, "en") is error.detail


def test_words_a_message_names_are_translated_with_it() -> None:
    refused = InvalidTransition("campaign", "archived", "archived", [])
    assert refused.detail == "A campaign that is archived cannot be archived; allowed from archived: none."
    assert translated(refused.detail, "fr") == (
        "Action refusée : archiver cette campagne n'est pas possible à l'état « archived » ; "
        "possible depuis cet état : aucune."
    )


def test_a_text_the_catalogue_lacks_stays_english() -> None:
    assert translated(Message("Nobody wrote {this} in French.", this="that"), "fr") == "Nobody wrote that in French."
    assert translated("Not Found", "fr") == "Introuvable"


def test_only_texts_are_localised_never_the_values_clients_compare() -> None:
    problem = {
        "title": "Conflict",
        "detail": "The request body is not valid JSON.",
        "content_status": "draft",
        "errors": [{"loc": ["body", "title"], "message": Message("At most {most} items.", most=3)}],
        "violations": [{"code": "banned_term", "detail": Message("Add the link you are sharing to the caption.")}],
    }
    french = localised(problem, "fr")
    assert (french["title"], french["detail"]) == ("Conflit", "Le corps de la requête n'est pas du JSON valide.")
    assert french["content_status"] == "draft"
    assert french["errors"] == [{"loc": ["body", "title"], "message": "3 éléments au plus."}]
    assert french["violations"][0]["detail"] == "Ajoutez à la légende le lien que vous partagez."


def test_field_messages_of_a_domain_refusal_read_in_french() -> None:
    field = FieldError(("networks",), "Enable at least one network.")
    refused = ValidationFailed("The settings are not valid.", [field])
    assert translated(refused.detail, "fr") == "Les réglages ne sont pas valides."
    assert translated(refused.errors[0].message, "fr") == "Activez au moins un réseau."


class Body(BaseModel):
    title: str = Field(max_length=5)
    kind: str = "a"
    count: int = 0

    @field_validator("kind")
    @classmethod
    def known(cls, value: str) -> str:
        if value not in ("a", "b"):
            raise ValueError(Message("{field} cannot be null; omit the field to keep its value.", field="kind"))
        return value


def french_messages(**body: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as invalid:
        Body.model_validate(body)
    return {str(item["loc"][0]): translated(validation_message(item), "fr") for item in invalid.value.errors()}


def test_request_validation_messages_read_in_french_from_their_error_type() -> None:
    assert french_messages(count="many") == {"title": "Champ obligatoire.", "count": "Donnez un nombre entier."}
    assert french_messages(title="far too long") == {"title": "Donnez au plus 5 caractère(s)."}
    assert french_messages(title="ok", kind="c") == {
        "kind": "Valeur refusée : kind ne peut pas être null ; omettez le champ pour garder sa valeur."
    }


def test_request_validation_messages_stay_as_written_in_english() -> None:
    with pytest.raises(ValidationError) as invalid:
        Body.model_validate({"title": "far too long"})
    (item,) = invalid.value.errors()
    assert translated(validation_message(item), "en") == "String should have at most 5 characters"
