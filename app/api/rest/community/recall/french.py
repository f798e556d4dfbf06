"""Recall's texts in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

RECALL = {
    "This content was already recalled on {recalled_at}; follow its take-downs instead of recalling it again.": (
        "Ce contenu a déjà été rappelé le {recalled_at} ; suivez ses retraits au lieu de le rappeler à nouveau."
    ),
    "This content was recalled: it can no longer be shared, and posts of it are to be taken down.": (
        "Ce contenu a été rappelé : il ne peut plus être partagé, et ses publications sont à retirer."
    ),
    "This link was recalled: the content it led to was withdrawn and is no longer offered.": (
        "Ce lien a été rappelé : le contenu vers lequel il menait a été retiré et n'est plus proposé."
    ),
    "A recall needs a reason.": "Un rappel demande une raison.",
    # What a refused transition names.
    "recalled": "rappeler",
    "Give an https:// address, or null for none.": "Donnez une adresse https://, ou null pour aucune.",
    "No take-down with id {resource_id} exists.": "Aucun retrait n'a l'identifiant {resource_id}.",
}
