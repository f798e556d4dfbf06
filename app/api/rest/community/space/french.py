"""The community space's problem details in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

SPACE = {
    "The post is not valid.": "La publication n'est pas valide.",
    "The comment is not valid.": "Le commentaire n'est pas valide.",
    "Say why, in a reason of 1-{most} characters.": "Dites pourquoi, en un motif de 1 à {most} caractères.",
    "This text holds terms the programme bans; remove them (the errors name each one and its field).": (
        "Ce texte contient des termes que le programme interdit ; retirez-les (les erreurs nomment chacun et son "
        "champ)."
    ),
    "Only a question has an accepted answer, and this post is a {kind}; comment on it instead.": (
        "Seule une question a une réponse acceptée, et cette publication est de type {kind} ; commentez-la plutôt."
    ),
    "This {resource} is already hidden; restore it instead.": (
        "Cet élément ({resource}) est déjà masqué ; rétablissez-le plutôt."
    ),
    "This {resource} is not hidden; there is nothing to restore.": (
        "Cet élément ({resource}) n'est pas masqué ; il n'y a rien à rétablir."
    ),
    "Only its author changes or deletes this {resource}; a moderator may hide it.": (
        "Seul son auteur modifie ou supprime cet élément ({resource}) ; un modérateur peut le masquer."
    ),
    "“{value}” is not allowed in the community (banned: “{term}”).": (
        "« {value} » n'est pas permis dans la communauté (interdit : « {term} »)."
    ),
    "Your membership is {status}: join the programme again to read its space.": (
        "Votre adhésion est {status} : rejoignez à nouveau le programme pour lire son espace."
    ),
    "Your membership is {status}: only active ambassadors write in the space; ask a programme manager.": (
        "Votre adhésion est {status} : seuls les ambassadeurs actifs écrivent dans l'espace ; demandez à un "
        "responsable du programme."
    ),
    "No post with id {resource_id} exists.": "Aucune publication n'a l'identifiant {resource_id}.",
    "No comment with id {resource_id} exists.": "Aucun commentaire n'a l'identifiant {resource_id}.",
    "Posts of the kind {kind} are written by the space itself.": (
        "Les publications de type {kind} sont écrites par l'espace lui-même."
    ),
}
