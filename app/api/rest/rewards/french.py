"""Rewards' texts in French, keyed by English template (see ``app/api/rest/french.py``): the rules and
the points (``REWARDS``), the catalogue's problem details (``CATALOGUE``)."""

from __future__ import annotations

REWARDS = {
    "{points} points for {what} (rule {key}, rule set version {version})": (
        "{points} points pour {what} (règle {key}, version {version} des règles)"
    ),
    "weighted {weight} on {network}": "pondérés {weight} sur {network}",
    "multiplied by the campaign's {multiplier}": "multipliés par le {multiplier} de la campagne",
    "for a credit of {numerator}/{denominator}": "pour un crédit de {numerator}/{denominator}",
    ": {earned} points, rounded half up": " : {earned} points, arrondis au plus proche (la moitié vers le haut)",
    "; the daily cap of {cap} left {kept}": " ; le plafond quotidien de {cap} en a laissé {kept}",
    "; the share's cap of {cap} from clicks left {kept}": (
        " ; le plafond de {cap} du partage pour les clics en a laissé {kept}"
    ),
    "; withheld for review: many clicks on this share from few visitors in a short time": (
        " ; retenus pour examen : beaucoup de clics sur ce partage, de peu de visiteurs, en peu de temps"
    ),
    "posting a share": "la publication d'un partage",
    "a first share": "un premier partage",
    "a counted click by a unique visitor": "un clic compté d'un visiteur unique",
    "an engagement milestone": "un palier d'engagement",
    "a conversion": "une conversion",
    "content proposed and approved": "un contenu proposé et approuvé",
    "accepting the charter": "l'acceptation de la charte",
    "a training completed": "une formation terminée",
    "a survey answered": "une enquête remplie",
    "A cap is a number of points, 0 or more.": "Un plafond est un nombre de points, 0 ou plus.",
    "Only counted clicks have a cap per share.": "Seuls les clics comptés ont un plafond par partage.",
    "Between 1 minute and a day (1440).": "Entre 1 minute et un jour (1440).",
    "At least 2 clicks.": "Au moins 2 clics.",
    "At least 1, and fewer than the clicks it watches.": "Au moins 1, et moins que les clics surveillés.",
    "The rule {key} is already in this set.": "La règle {key} figure déjà dans cet ensemble.",
    "At most {most} rules.": "Au plus {most} règles.",
    "Rules apply from now or later, never to events already judged; give a later time.": (
        "Les règles s'appliquent à partir de maintenant ou plus tard, jamais aux événements déjà jugés ; "
        "donnez une heure plus tardive."
    ),
    "These reward rules cannot be used as they are.": (
        "Ces règles de récompense ne peuvent pas être utilisées telles quelles."
    ),
    "Between 0 and {most} points.": "Entre 0 et {most} points.",
    "A conversion rule, and only one, names a conversion type.": (
        "Une règle de conversion, et seulement elle, nomme un type de conversion."
    ),
    "A milestone rule, and only one, names a metric and a threshold.": (
        "Une règle de palier, et seulement elle, nomme une mesure et un seuil."
    ),
    "A threshold is at least 1.": "Un seuil vaut au moins 1.",
    "A weight is between 0 and {most}, with two decimals at most.": (
        "Une pondération est comprise entre 0 et {most}, avec deux décimales au plus."
    ),
    "Say why.": "Dites pourquoi.",
    "An adjustment moves some points.": "Un ajustement déplace des points.",
    "A whole number of points, not 0, at most {most} either way.": (
        "Un nombre entier de points, différent de 0, au plus {most} dans un sens ou dans l'autre."
    ),
    ": {points} points of entry {entry} taken back.": " : {points} points de l'écriture {entry} repris.",
    "The share was cancelled": "Le partage a été annulé",
    "The conversion was reported invalid ({reason})": "La conversion a été déclarée invalide ({reason})",
    "conversion": "conversion",
    "invalidated": "invalidée",
    "No points entry with id {resource_id} exists.": "Aucune écriture de points n'a l'identifiant {resource_id}.",
    "points entry": "écriture de points",
    "The rules were changed at the same moment; read them again and retry.": (
        "Les règles ont été modifiées au même moment ; relisez-les et réessayez."
    ),
}

REWARDS["A version of the rules is already scheduled from {scheduled_from}; start this one then or later."] = (
    "Une version des règles est déjà prévue à partir du {scheduled_from} ; faites commencer celle-ci à ce moment-là "
    "ou plus tard."
)

CATALOGUE = {
    "reward": "récompense",
    "redemption": "échange",
    "association": "association",
    "fulfilled": "remis",
    "No reward with id {resource_id} exists.": "Aucune récompense n'a l'identifiant {resource_id}.",
    "No redemption with id {resource_id} exists.": "Aucun échange n'a l'identifiant {resource_id}.",
    "No association with id {resource_id} exists.": "Aucune association n'a l'identifiant {resource_id}.",
    "The reward is not valid.": "La récompense n'est pas valide.",
    "Some reward fields cannot be changed.": "Certains champs de la récompense ne peuvent pas changer.",
    "Must be from 1 to {most} points.": "Doit aller de 1 à {most} points.",
    "Must be from 0 to {most}, or null.": "Doit aller de 0 à {most}, ou être null.",
    "Must be later than available_from.": "Doit être postérieur à available_from.",
    "A donation names its association; other kinds name none.": (
        "Un don nomme son association ; les autres sortes n'en nomment aucune."
    ),
    "This reward was withdrawn from the catalogue; choose another one.": (
        "Cette récompense a été retirée du catalogue ; choisissez-en une autre."
    ),
    "This reward is offered from {start}; redeem it then.": (
        "Cette récompense est proposée à partir du {start} ; échangez-la à ce moment-là."
    ),
    "This reward was offered until {end}; choose another one.": (
        "Cette récompense était proposée jusqu'au {end} ; choisissez-en une autre."
    ),
    "The association is not valid.": "L'association n'est pas valide.",
    "Unknown association fields.": "Champs d'association inconnus.",
    "The donation is not valid.": "Le don n'est pas valide.",
    "The kudos is not valid.": "Les félicitations ne sont pas valides.",
    "Say why the redemption is rejected.": "Dites pourquoi l'échange est refusé.",
    "This takes {cost} points but the balance holds only {balance}; earn more points first, or take fewer.": (
        "Cela demande {cost} points mais le solde n'en compte que {balance} ; gagnez d'abord plus de points, "
        "ou prenez-en moins."
    ),
    "No unit of this reward is left; choose another one, or ask staff to restock it.": (
        "Il ne reste aucune unité de cette récompense ; choisissez-en une autre, ou demandez à l'équipe du "
        "programme de la réapprovisionner."
    ),
    "You already hold {limit} redemptions of this reward, as many as one person may; choose another reward.": (
        "Vous détenez déjà {limit} échanges de cette récompense, autant qu'une personne le peut ; choisissez une "
        "autre récompense."
    ),
    "This redemption awaits approval: approve it (or reject it) before fulfilling it.": (
        "Cet échange attend d'être approuvé : approuvez-le (ou refusez-le) avant de le remettre."
    ),
    "This association was withdrawn from the programme's list; choose another one.": (
        "Cette association a été retirée de la liste du programme ; choisissez-en une autre."
    ),
    "Your membership is {status}: only active ambassadors spend points; ask a programme manager.": (
        "Votre adhésion est {status} : seuls les ambassadeurs actifs dépensent des points ; adressez-vous à un "
        "responsable du programme."
    ),
}
