"""Integrations' texts in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

INTEGRATIONS = {
    "No integration with id {resource_id} exists.": "Aucune intégration n'a l'identifiant {resource_id}.",
    "Too many deliveries to this integration came from your address ({amount} in {window} seconds). "
    "Retry in {retry_after} seconds.": (
        "Trop de livraisons à cette intégration sont venues de votre adresse ({amount} en {window} secondes). "
        "Réessayez dans {retry_after} secondes."
    ),
    "The delivery is not signed with a valid secret of this integration (or its webhook-timestamp is more "
    "than 5 minutes from now); sign it as Standard Webhooks says, with the integration's current secret.": (
        "La livraison n'est pas signée avec un secret valide de cette intégration (ou son webhook-timestamp est à "
        "plus de 5 minutes de maintenant) ; signez-la comme le dit Standard Webhooks, avec le secret actuel de "
        "l'intégration."
    ),
    "The event is not valid.": "L'événement n'est pas valide.",
    "Send a JSON object: {type, timestamp, data}.": "Envoyez un objet JSON : {type, timestamp, data}.",
    "Not an envelope field; the fields are: {fields}.": "Pas un champ de l'enveloppe ; les champs sont : {fields}.",
    "Must be one of: {kinds}.": "Doit être l'une de ces valeurs : {kinds}.",
    "Give when it happened at the source, in RFC 3339 with its UTC offset.": (
        "Donnez quand cela s'est produit à la source, en RFC 3339 avec son décalage UTC."
    ),
    "Send the employee's fields as a JSON object.": "Envoyez les champs du salarié dans un objet JSON.",
    "The rotation is not valid.": "La rotation n'est pas valide.",
    "Give 0 to {limit} seconds.": "Donnez de 0 à {limit} secondes.",
    "The integration is not valid.": "L'intégration n'est pas valide.",
    "Give a name of 1 to {limit} characters on one line.": "Donnez un nom de 1 à {limit} caractères sur une ligne.",
    "Not fields an integration may own: {unknown}; they are: {fields}.": (
        "Champs qu'une intégration ne peut pas posséder : {unknown} ; ceux qu'elle peut posséder sont : {fields}."
    ),
    "The record cannot add an employee to the roster.": "L'enregistrement ne peut pas ajouter un salarié à l'effectif.",
    "Required for a new employee (and owned by the integration).": (
        "Obligatoire pour un nouveau salarié (et possédé par l'intégration)."
    ),
    "rehired": "réembaucher",
    "Hired.": "Embauché.",
    "Updated.": "Mis à jour.",
    "Already terminated.": "Départ déjà enregistré.",
    "Terminated; their membership of the programme ended (departure).": (
        "Départ enregistré ; son adhésion au programme a pris fin (départ)."
    ),
    "Rehired; their membership of the programme stays ended until they opt in again.": (
        "Réembauché ; son adhésion au programme reste terminée jusqu'à ce qu'il s'inscrive de nouveau."
    ),
    "The integration names employees by e-mail: send their email in data.": (
        "L'intégration désigne les salariés par leur e-mail : envoyez leur email dans data."
    ),
    "The source told of a later change to this employee first.": (
        "La source a d'abord fait part d'un changement plus récent de ce salarié."
    ),
    "No employee has this key yet; send {hired} first (a retry may find them).": (
        "Aucun salarié n'a encore cette clé ; envoyez d'abord {hired} (une nouvelle tentative pourra le trouver)."
    ),
    "This employee has left; send employee.rehired before changing them.": (
        "Ce salarié est parti ; envoyez employee.rehired avant de le modifier."
    ),
    "This webhook-id was processed before; nothing changed.": "Ce webhook-id a déjà été traité ; rien n'a changé.",
    # The roster record every source sends: ROSTER_RECORDS in import_french.py.
}
