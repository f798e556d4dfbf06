"""SCIM provisioning's texts in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

SCIM = {
    "Another group already has this displayName.": "Un autre groupe porte déjà ce displayName.",
    "Another user already has this userName.": "Un autre utilisateur a déjà ce userName.",
    "Give the department's name: 1 to {limit} characters on one line.": (
        "Donnez le nom du département : 1 à {limit} caractères sur une ligne."
    ),
    "Give a userName of 1 to {limit} characters on one line.": (
        "Donnez un userName de 1 à {limit} caractères sur une ligne."
    ),
    "Give the SCIM id of another user of this organisation.": (
        "Donnez l'identifiant SCIM d'un autre utilisateur de cette organisation."
    ),
    "No group with id {resource_id} exists.": "Aucun groupe n'a l'identifiant {resource_id}.",
    "No user with id {resource_id} exists.": "Aucun utilisateur n'a l'identifiant {resource_id}.",
    "Not users of this organisation: {ids}.": "Pas des utilisateurs de cette organisation : {ids}.",
    "Send the bearer token of a SCIM integration of your organisation, as issued when it was registered or "
    "rotated; a revoked or expired token is refused.": (
        "Envoyez le jeton d'une intégration SCIM de votre organisation, tel que délivré à son enregistrement ou à "
        "sa rotation ; un jeton révoqué ou expiré est refusé."
    ),
    "The group is not valid.": "Le groupe n'est pas valide.",
    "The integration does not own the employees' department; let it own department to push groups.": (
        "L'intégration ne possède pas le département des employés ; donnez-lui department pour pousser des groupes."
    ),
    "The user changed since you read it (it is at version {version}); read it again.": (
        "L'utilisateur a changé depuis votre lecture (il est à la version {version}) ; relisez-le."
    ),
    "The user is not valid.": "L'utilisateur n'est pas valide.",
}
