"""Recognition's texts in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

RECOGNITION = {
    # Leaderboards.
    "A campaign's board needs the campaign.": "Le classement d'une campagne a besoin de la campagne.",
    "Name the campaign whose board to read.": "Nommez la campagne dont lire le classement.",
    "A campaign was named for a board that is not a campaign's.": (
        "Une campagne a été nommée pour un classement qui n'est pas celui d'une campagne."
    ),
    "Use scope=campaign, or leave campaign_id out.": "Utilisez scope=campaign, ou retirez campaign_id.",
    # Badges.
    "A badge of the tenant's own needs a counter or a streak.": (
        "Un badge propre à l'organisation a besoin d'un compteur ou d'une série."
    ),
    "Use a counter or a streak criterion.": "Utilisez un critère de compteur ou de série.",
    "The criterion is incomplete.": "Le critère est incomplet.",
    "The badge is not valid.": "Le badge n'est pas valide.",
    "A counter needs at_least; a streak needs weeks.": "Un compteur a besoin de at_least ; une série, de weeks.",
    "Posted a first share.": "A publié un premier partage.",
    "Posted 10 shares.": "A publié 10 partages.",
    "Posted 50 shares.": "A publié 50 partages.",
    "Posted 100 shares.": "A publié 100 partages.",
    "A first lead came through a share.": "Un premier prospect est venu d'un partage.",
    "A first hire was credited to a share.": "Une première embauche a été attribuée à un partage.",
    "Shares brought 100 unique visitors.": "Les partages ont amené 100 visiteurs uniques.",
    "Shared at least once a week, four weeks in a row.": (
        "A partagé au moins une fois par semaine, quatre semaines de suite."
    ),
    "A proposed content was approved.": "Un contenu proposé a été approuvé.",
    "Among the winners of a challenge.": "Parmi les gagnants d'un challenge.",
    "Give 1-40 lowercase letters, digits or dashes, starting and ending with a letter or a digit.": (
        "Donnez de 1 à 40 lettres minuscules, chiffres ou tirets, en commençant et en finissant par une lettre ou "
        "un chiffre."
    ),
}
