"""Attribution's problem details in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

ATTRIBUTION = {
    "No conversion with id {resource_id} exists.": "Aucune conversion n'a l'identifiant {resource_id}.",
    "A {conversion_type} conversion with external_id '{external_id}' was already recorded with different "
    "details; send the same payload to repeat it, or a new external_id for a new conversion.": (
        "Une conversion {conversion_type} d'external_id '{external_id}' a déjà été enregistrée avec d'autres "
        "détails ; renvoyez le même contenu pour la répéter, ou un nouvel external_id pour une nouvelle conversion."
    ),
    "The conversion is not valid.": "La conversion n'est pas valide.",
    "Give 1-{most} visible ASCII characters.": "Donnez de 1 à {most} caractères ASCII visibles.",
    "Give a time with its UTC offset.": "Donnez une heure avec son décalage UTC.",
    "Give a JSON object: text keys, JSON values.": "Donnez un objet JSON : des clés textuelles, des valeurs JSON.",
    "Give at most {most} bytes of JSON.": "Donnez au plus {most} octets de JSON.",
    "Remove the NUL characters (\\u0000) from its keys and texts.": (
        "Retirez les caractères NUL (\\u0000) de ses clés et de ses textes."
    ),
    "Give a list of click references.": "Donnez une liste de références de clic.",
    "Give at most {most} click references.": "Donnez au plus {most} références de clic.",
    "Give a whole amount in minor units (cents), from 0 to {most}.": (
        "Donnez un montant entier en unités mineures (centimes), de 0 à {most}."
    ),
    "Give an ISO 4217 code such as EUR.": "Donnez un code ISO 4217, par exemple EUR.",
    "Give value_minor and currency together, or neither.": (
        "Donnez value_minor et currency ensemble, ou aucun des deux."
    ),
    "Give an occurred_to later than occurred_from.": "Donnez un occurred_to postérieur à occurred_from.",
    "Send one of click_ref, click_refs and link_code, or none.": (
        "Envoyez un seul de click_ref, click_refs et link_code, ou aucun."
    ),
    "Give at least one click reference, or leave click_refs out.": (
        "Donnez au moins une référence de clic, ou omettez click_refs."
    ),
}
