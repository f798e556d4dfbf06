"""Sharing's problem details in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

SHARING = {
    "No share with id {resource_id} exists.": "Aucun partage n'a l'identifiant {resource_id}.",
    "No tracked link has this address. Check that the link was copied whole.": (
        "Aucun lien suivi n'a cette adresse. Vérifiez que le lien a été copié en entier."
    ),
    "This link was withdrawn: the content it led to is no longer offered.": (
        "Ce lien a été retiré : le contenu vers lequel il menait n'est plus proposé."
    ),
    # Refused shares, in the order they are checked.
    "You are invited to the programme; accept by opting in before sharing.": (
        "Vous êtes invité au programme ; acceptez en vous inscrivant avant de partager."
    ),
    "Your membership is paused; you can share again when a programme manager resumes it.": (
        "Votre adhésion est suspendue ; vous pourrez de nouveau partager quand un responsable du programme la "
        "réactivera."
    ),
    "You left the ambassador programme; opt in again to share.": (
        "Vous avez quitté le programme ambassadeurs ; réinscrivez-vous pour partager."
    ),
    "Accept version {current_version} of the programme charter before sharing: read the charter in force, "
    "then accept it.": (
        "Acceptez la version {current_version} de la charte du programme avant de partager : lisez la charte en "
        "vigueur, puis acceptez-la."
    ),
    "The programme does not share on {network}; choose one of its enabled networks.": (
        "Le programme ne partage pas sur {network} ; choisissez l'un de ses réseaux activés."
    ),
    "Connect your {network} account to your social accounts first, then share.": (
        "Ajoutez d'abord votre compte {network} à vos comptes sociaux, puis partagez."
    ),
    "You have no {network} account connected.": "Vous n'avez connecté aucun compte {network}.",
    "This content is {status}, not published: only published content can be shared.": (
        "Ce contenu est à l'état « {status} », non publié : seul un contenu publié peut être partagé."
    ),
    "This content is for reading only: its editors did not make it shareable.": (
        "Ce contenu est à lire seulement : ses rédacteurs ne l'ont pas rendu partageable."
    ),
    "This content is meant for another audience (department, location or language) than yours.": (
        "Ce contenu est destiné à une autre audience (service, site ou langue) que la vôtre."
    ),
    "This content has no link, so there is nothing to track; it cannot be shared from Relais.": (
        "Ce contenu n'a pas de lien, il n'y a donc rien à suivre ; il ne peut pas être partagé depuis Relais."
    ),
    "You reached today's limit of {limit} shares on {network}; share again after {resets_at} (midnight UTC).": (
        "Vous avez atteint la limite du jour de {limit} partages sur {network} ; partagez de nouveau après "
        "{resets_at} (minuit UTC)."
    ),
    "The caption breaks the programme's rules; change it (checking the caption lists every rule it breaks).": (
        "La légende enfreint les règles du programme ; modifiez-la (la vérification de la légende liste chaque "
        "règle enfreinte)."
    ),
    "The caption is not valid.": "La légende n'est pas valide.",
    "Give 1-{most} characters without control characters, or none.": (
        "Donnez de 1 à {most} caractères sans caractères de contrôle, ou aucune légende."
    ),
    # Lists, transitions and engagement.
    "Must be after created_from.": "Doit être postérieur à created_from.",
    "The post's address is not valid.": "L'adresse de la publication n'est pas valide.",
    "A post on {network} has an address on {domains}, not on {host}: give the address of your post.": (
        "Une publication sur {network} a une adresse sur {domains}, pas sur {host} : donnez l'adresse de votre "
        "publication."
    ),
    "This share is {status}: engagement is recorded for posted shares only; confirm it first.": (
        "Ce partage est à l'état « {status} » : l'engagement n'est enregistré que pour les partages publiés ; "
        "confirmez-le d'abord."
    ),
    "The engagement snapshot is not valid.": "Le relevé d'engagement n'est pas valide.",
    "Give a whole number from 0 to {most}.": "Donnez un nombre entier de 0 à {most}.",
    "Give the time with its UTC offset.": "Donnez l'heure avec son décalage UTC.",
    "An observation cannot be in the future.": "Une observation ne peut pas être dans le futur.",
    "At most the impressions ({impressions}): only people who saw the post react to it, comment on it or reshare it.": (
        "Au plus le nombre d'impressions ({impressions}) : seules les personnes qui ont vu la publication y "
        "réagissent, la commentent ou la partagent."
    ),
    "At most {most} when you report them yourself: {reach} times your audience of {audience} on {network}, or "
    "{floor}. Figures this high are reported by your programme's integration.": (
        "Au plus {most} quand vous les déclarez vous-même : {reach} fois votre audience de {audience} sur "
        "{network}, ou {floor}. Des chiffres aussi élevés sont transmis par l'intégration de votre programme."
    ),
    # What a refused transition names.
    "share": "ce partage",
    "confirmed": "confirmer",
    "confirmed again with another post_url": "confirmer de nouveau avec une autre post_url",
    "cancelled": "annuler",
}
