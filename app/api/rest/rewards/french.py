"""The catalogue's problem details in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

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
    "This costs {cost} points and your balance holds {balance}; earn {missing} more points first.": (
        "Cela coûte {cost} points et votre solde en compte {balance} ; gagnez d'abord {missing} points de plus."
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
