"""Recruiting's texts in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

RECRUITING = {
    "These employees cannot be invited (unknown to the organisation or terminated): {employees}; "
    "remove them from the wave and create it again.": (
        "Ces salariés ne peuvent pas être invités (inconnus de l'organisation ou partis) : {employees} ; "
        "retirez-les de la vague et créez-la à nouveau."
    ),
    "You already invited {limit} colleagues today, as many as one may; invite more tomorrow (UTC).": (
        "Vous avez déjà invité {limit} collègues aujourd'hui, le maximum ; invitez-en d'autres demain (UTC)."
    ),
    "Give the wave a name of 1-{most} characters on one line.": (
        "Donnez à la vague un nom de 1 à {most} caractères sur une ligne."
    ),
    "Keep the note under {most} characters, without control characters.": (
        "Gardez la note sous {most} caractères, sans caractère de contrôle."
    ),
    "The wave is not valid.": "La vague n'est pas valide.",
    "No prospect matches this department and location: everyone there is already a member, or nobody "
    "works there; check the spelling against the prospects' counts, or name the employees.": (
        "Aucun prospect ne correspond à ce service et à ce site : tous y sont déjà membres, ou personne n'y "
        "travaille ; vérifiez l'orthographe avec les décomptes des prospects, ou désignez les salariés."
    ),
    "The wave names nobody to invite.": "La vague ne désigne personne à inviter.",
    "Name at least one employee, or a filter that matches at least one prospect.": (
        "Désignez au moins un salarié, ou un filtre qui retient au moins un prospect."
    ),
    "The wave is too large.": "La vague est trop grande.",
    "At most {most} employees per wave; split it or narrow the filter.": (
        "Au plus {most} salariés par vague ; divisez-la ou resserrez le filtre."
    ),
    "Say whom the wave invites.": "Dites qui la vague invite.",
    "Send either employee_ids or a department and/or location, not both.": (
        "Envoyez soit employee_ids, soit un service et/ou un site, pas les deux."
    ),
    "Only active ambassadors invite colleagues; your membership is {status}.": (
        "Seuls les ambassadeurs actifs invitent des collègues ; votre adhésion est {status}."
    ),
    "This colleague no longer works for the organisation; invite someone else.": (
        "Ce collègue ne travaille plus pour l'organisation ; invitez quelqu'un d'autre."
    ),
    "This colleague is already an ambassador ({status}); invite someone else.": (
        "Ce collègue est déjà ambassadeur ({status}) ; invitez quelqu'un d'autre."
    ),
    "No invitation wave with id {resource_id} exists.": "Aucune vague d'invitations n'a l'identifiant {resource_id}.",
    "a colleague you invited joined": "un collègue que vous avez invité a rejoint le programme",
}
