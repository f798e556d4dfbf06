"""Content's problem details in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

CONTENT = {
    "No campaign with id {resource_id} exists.": "Aucune campagne n'a l'identifiant {resource_id}.",
    "Another campaign already has this slug.": "Une autre campagne a déjà ce slug.",
    "The content is not valid.": "Le contenu n'est pas valide.",
    "Unknown content fields.": "Champs de contenu inconnus.",
    "Must be later than publish_at.": "Doit être postérieur à publish_at.",
    "Give 1-{most} characters, without control characters.": (
        "Donnez de 1 à {most} caractères, sans caractères de contrôle."
    ),
    "At most {most} characters, no control characters.": "{most} caractères au plus, sans caractères de contrôle.",
    "At most {most} items.": "{most} éléments au plus.",
    "At most {most} languages.": "{most} langues au plus.",
    "{language} is given twice.": "{language} est indiqué deux fois.",
    "The default language {default_language} must be among the locales.": (
        "La langue par défaut {default_language} doit figurer parmi les versions linguistiques."
    ),
    "{network} counts {length} characters; its limit is {limit}.": (
        "{network} compte {length} caractères ; sa limite est de {limit}."
    ),
    "Give a caption without control characters, or leave the network out.": (
        "Donnez une légende sans caractères de contrôle, ou omettez le réseau."
    ),
    "The language filter is not valid.": "Le filtre de langue n'est pas valide.",
    # Review.
    "Four-eyes review is on: someone other than its author or last editor must approve it.": (
        "La relecture à quatre yeux est activée : une autre personne que son auteur ou son dernier rédacteur "
        "doit l'approuver."
    ),
    "A rejection needs a reason.": "Un refus doit être motivé.",
    "Say why, in 1-{most} characters without control characters.": (
        "Dites pourquoi, en 1 à {most} caractères sans caractères de contrôle."
    ),
    "Only an admin may override the weekly content budget.": (
        "Seul un administrateur peut passer outre le budget hebdomadaire de contenus."
    ),
    "Weekly content budget overridden.": "Budget hebdomadaire de contenus outrepassé.",
    "Approving this content would put {count} shareable contents between {starts_at} and {ends_at} in front "
    "of the same ambassadors; the weekly budget is {budget}. Publish it another week, narrow its audience, or "
    "ask an admin to override the cadence.": (
        "Approuver ce contenu mettrait {count} contenus partageables entre {starts_at} et {ends_at} devant les "
        "mêmes ambassadeurs ; le budget hebdomadaire est de {budget}. Publiez-le une autre semaine, restreignez "
        "son audience, ou demandez à un administrateur de passer outre la cadence."
    ),
    "Only members of the programme propose content; opt in first.": (
        "Seuls les membres du programme proposent des contenus ; inscrivez-vous d'abord."
    ),
    # Campaigns.
    "The campaign is not valid.": "La campagne n'est pas valide.",
    "Unknown campaign fields.": "Champs de campagne inconnus.",
    "Must be later than starts_at.": "Doit être postérieur à starts_at.",
    "A campaign needs a start to be launched.": "Une campagne doit avoir un début pour être lancée.",
    "Set when the campaign starts.": "Indiquez quand la campagne commence.",
    "The slug of a launched campaign is fixed.": "Le slug d'une campagne lancée ne change plus.",
    "It is the utm_campaign of links already shared; it cannot change now.": (
        "C'est l'utm_campaign des liens déjà partagés ; il ne peut plus changer."
    ),
    "Must be from 1 to {most}, or null.": "Doit être compris entre 1 et {most}, ou null.",
    "Must be from 1 to {most}.": "Doit être compris entre 1 et {most}.",
    "At most {most} conversion types.": "{most} types de conversion au plus.",
    "Name it with 1-40 lowercase letters, digits, _.": "Nommez-le avec 1 à 40 lettres minuscules, chiffres ou _.",
    "Must be from 1 to {most}, with at most two decimals.": (
        "Doit être compris entre 1 et {most}, avec au plus deux décimales."
    ),
    # The feed.
    "You are invited to the programme; accept by opting in to read its feed.": (
        "Vous êtes invité au programme ; acceptez en vous inscrivant pour lire son fil."
    ),
    "Your membership is paused; the feed comes back when a programme manager resumes it.": (
        "Votre adhésion est suspendue ; le fil reviendra quand un responsable du programme la réactivera."
    ),
    "You left the ambassador programme; opt in again to read its feed.": (
        "Vous avez quitté le programme ambassadeurs ; réinscrivez-vous pour lire son fil."
    ),
    "Your access token is not linked to an employee of this organisation.": (
        "Votre jeton d'accès n'est lié à aucun employé de cette organisation."
    ),
    # What a refused transition names.
    "content": "ce contenu",
    "campaign": "cette campagne",
    "submitted": "soumettre",
    "approved": "approuver",
    "rejected": "refuser",
    "archived": "archiver",
    "launched": "lancer",
    "given contents": "ajouter des contenus à",
    "added to a campaign": "ajouter à une campagne",
}
