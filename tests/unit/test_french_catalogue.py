"""Every text a problem can carry has its French, with the same parameters, and nothing more."""

from __future__ import annotations

from collections import Counter
from http import HTTPStatus
from string import Formatter

import pytest
from pydantic_core._pydantic_core import list_all_errors

from app.api.rest.french import FRENCH, FRENCH_VALIDATION, PARTS, TITLES
from tests.support.message_sources import formatted_texts, texts_for_people

# Every status a problem of this API is sent with.
STATUSES = (400, 401, 403, 404, 405, 406, 409, 410, 412, 413, 415, 422, 428, 429, 431, 500, 503)


def parameters(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_the_scan_finds_details_field_messages_and_the_words_they_name() -> None:
    texts = {found.text for found in texts_for_people()}
    assert "The access token has expired." in texts
    assert "Give 1-{most} characters, without control characters." in texts
    assert "No share with id {resource_id} exists." in texts
    assert {"content", "approved", "set to {wanted}"} <= texts


def test_no_text_for_people_is_an_f_string() -> None:
    found = [f"{item.where}: {item.text}" for item in formatted_texts()]
    assert found == [], "Write Message(template, **params) so the template can be translated:\n" + "\n".join(found)


def test_every_text_for_people_has_its_french() -> None:
    missing = sorted({f"{item.where}: {item.text!r}" for item in texts_for_people() if item.text not in FRENCH})
    assert missing == [], "Add these to the French catalogue of their capability:\n" + "\n".join(missing)


def test_the_catalogue_holds_no_text_the_source_no_longer_has() -> None:
    written = {item.text for item in texts_for_people()}
    stale = sorted(set(FRENCH) - written - set(TITLES))
    assert stale == []


@pytest.mark.parametrize("english", sorted(FRENCH))
def test_each_french_text_names_the_parameters_of_its_english(english: str) -> None:
    assert parameters(FRENCH[english]) == parameters(english)


def test_no_text_is_given_two_translations() -> None:
    counted = Counter(english for part in PARTS for english in part)
    assert [english for english, times in counted.items() if times > 1] == []


def test_every_status_has_a_french_title() -> None:
    assert [status for status in STATUSES if HTTPStatus(status).phrase not in TITLES] == []


def test_validation_messages_use_only_the_context_their_error_type_gives() -> None:
    templates: dict[str, str] = {str(error["type"]): error["message_template_python"] for error in list_all_errors()}
    unknown = {kind for kind in FRENCH_VALIDATION if kind not in templates}
    assert unknown == set()
    assert {
        kind: parameters(french) - parameters(templates[kind])
        for kind, french in FRENCH_VALIDATION.items()
        if parameters(french) - parameters(templates[kind])
    } == {}
