"""The metrics' texts in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

METRICS = {
    "The metrics query is not valid.": "La requête de métriques n'est pas valide.",
    "Managers read the metrics of their own department, and no department is on your employee record.": (
        "Les managers lisent les métriques de leur propre service, et votre fiche d'employé n'en indique aucun."
    ),
    "Not known: {name}. Use one of: {choices}.": "Inconnu : {name}. Utilisez l'un de : {choices}.",
    "The period must start on or before its last day (to).": (
        "La période doit commencer au plus tard le jour de sa fin (to)."
    ),
    "A period covers at most {days} days; read a longer one in parts.": (
        "Une période couvre au plus {days} jours ; lisez-en une plus longue en plusieurs fois."
    ),
    "Give 1 to {most} rows.": "Demandez de 1 à {most} lignes.",
    "Not offered here: {name}. Use one of: {choices}.": "Non proposé ici : {name}. Utilisez l'un de : {choices}.",
    "Rows by {grouping} have no {kpi} to sort by: sort by a KPI they break down (the KPI catalogue lists them).": (
        "Les lignes par {grouping} n'ont pas de {kpi} selon lequel trier : triez selon un indicateur qu'elles "
        "détaillent (le catalogue des indicateurs les liste)."
    ),
    "The top list query is not valid.": "La requête de classement n'est pas valide.",
    "The programme cost is not valid.": "Le coût du programme n'est pas valide.",
    "Some programme cost fields cannot be changed.": (
        "Certains champs du coût du programme ne peuvent pas être modifiés."
    ),
    "Costs are recorded in the programme's currency, {currency}: convert the amount to it, or change the "
    "programme's currency in its settings first.": (
        "Les coûts sont enregistrés dans la devise du programme, {currency} : convertissez-y le montant, ou "
        "changez d'abord la devise dans les paramètres du programme."
    ),
    "No programme cost with id {resource_id} exists.": "Aucun coût du programme n'a l'identifiant {resource_id}.",
    "The period is not valid.": "La période n'est pas valide.",
    "Use period=campaign, or leave campaign_id out.": "Utilisez period=campaign, ou retirez campaign_id.",
    "The report's month is not valid.": "Le mois du rapport n'est pas valide.",
    "Give the month as YYYY-MM, such as 2026-03, not {text}.": (
        "Donnez le mois sous la forme AAAA-MM, par exemple 2026-03, et non {text}."
    ),
}
