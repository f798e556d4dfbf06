"""The notifications' problem details in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

NOTIFICATIONS = {
    "Give the push token as the platform issued it: 1-{most} characters, no spaces.": (
        "Donnez le jeton de notification tel que la plateforme l'a émis : 1 à {most} caractères, sans espace."
    ),
    "Give a local time as HH:MM, from 00:00 to 23:59.": "Donnez une heure locale au format HH:MM, de 00:00 à 23:59.",
    "The push token is not valid.": "Le jeton de notification n'est pas valide.",
    "Give both start and end, or no quiet hours at all.": ("Donnez le début et la fin, ou aucune plage de silence."),
    "Quiet hours must end at another time than they start.": (
        "La plage de silence doit se terminer à une autre heure que son début."
    ),
    "The notification preferences are not valid.": "Les préférences de notification ne sont pas valides.",
    "No device with id {resource_id} exists.": "Aucun appareil n'a l'identifiant {resource_id}.",
    "No notification with id {resource_id} exists.": "Aucune notification n'a l'identifiant {resource_id}.",
    "Your notification preferences changed while this change was made; read them and retry.": (
        "Vos préférences de notification ont changé pendant cette modification ; relisez-les et réessayez."
    ),
}
