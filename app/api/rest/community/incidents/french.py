"""Incidents' texts in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

INCIDENTS = {
    "No incident with id {resource_id} exists.": "Aucun incident n'a l'identifiant {resource_id}.",
    "This incident is resolved and its file is closed; report a new incident if something else happened.": (
        "Cet incident est résolu et son dossier est clos ; signalez un nouvel incident si autre chose s'est produit."
    ),
    "This incident names no {subject}; report the incident with one, or choose another action.": (
        "Cet incident ne nomme aucun(e) {subject} ; signalez l'incident avec, ou choisissez une autre action."
    ),
    "Give a text.": "Donnez un texte.",
    "Give {least}-{most} characters, without control characters.": (
        "Donnez de {least} à {most} caractères, sans caractères de contrôle."
    ),
    "Give at most {most} assignees.": "Donnez au plus {most} responsables.",
    "Give one of the roles: {allowed}.": "Donnez l'un des rôles : {allowed}.",
    "Leave ambassador_id out: the share names its ambassador.": (
        "Omettez ambassador_id : le partage nomme son ambassadeur."
    ),
    "Say in the note why the content is recalled: its readers and those who posted it read it.": (
        "Dites dans la note pourquoi le contenu est rappelé : ses lecteurs et ceux qui l'ont publié la lisent."
    ),
    "Give the content recalled: this incident names no share.": (
        "Donnez le contenu rappelé : cet incident ne nomme aucun partage."
    ),
    "Give at least one assignee from HR or communications.": (
        "Donnez au moins un responsable des RH ou de la communication."
    ),
    "The incident is not valid.": "L'incident n'est pas valide.",
    "Leave {name} out: a {kind} action takes only {allowed}.": (
        "Omettez {name} : une action {kind} ne prend que {allowed}."
    ),
    "Give the severity, the nature, or both.": "Donnez la gravité, la nature, ou les deux.",
    "The action is not valid.": "L'action n'est pas valide.",
}
