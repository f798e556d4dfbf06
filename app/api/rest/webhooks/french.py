"""Outgoing webhooks' texts in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

WEBHOOKS = {
    "The webhook URL is refused.": "L'URL du webhook est refusée.",
    "Give an https URL of at most {limit} characters.": "Donnez une URL https d'au plus {limit} caractères.",
    "Give an https URL with a host name.": "Donnez une URL https avec un nom d'hôte.",
    "Give the URL without a user name or password; the signature proves the sender.": (
        "Donnez l'URL sans nom d'utilisateur ni mot de passe ; la signature prouve l'expéditeur."
    ),
    "Webhooks are sent over https only.": "Les webhooks ne sont envoyés qu'en https.",
    "{address} is an internal address (loopback, private, link-local or reserved).": (
        "{address} est une adresse interne (boucle locale, privée, lien local ou réservée)."
    ),
    "The host {host} resolves to no address.": "L'hôte {host} ne correspond à aucune adresse.",
    "The host {host} resolves to an internal address ({addresses}); webhooks go to public addresses only.": (
        "L'hôte {host} correspond à une adresse interne ({addresses}) ; les webhooks ne vont qu'à des adresses "
        "publiques."
    ),
    "The webhook endpoint is not valid.": "Le point de réception du webhook n'est pas valide.",
    "Give at most {limit} characters on one line.": "Donnez au plus {limit} caractères sur une ligne.",
    "Name at least one event type, or * for every one.": "Nommez au moins un type d'événement, ou * pour tous.",
    "Name at most {limit} patterns.": "Nommez au plus {limit} motifs.",
    "'{pattern}' names no event type; give a type of the catalogue (share.posted), a resource's types (share.*) "
    "or *.": (
        "'{pattern}' ne nomme aucun type d'événement ; donnez un type du catalogue (share.posted), les types d'une "
        "ressource (share.*) ou *."
    ),
    "The event types are not valid.": "Les types d'événements ne sont pas valides.",
    "No webhook endpoint with id {resource_id} exists.": (
        "Aucun point de réception de webhook n'a l'identifiant {resource_id}."
    ),
    "No webhook delivery with id {resource_id} exists.": "Aucune livraison de webhook n'a l'identifiant {resource_id}.",
    "This resource changed since you read it; read it again and retry with its new version.": (
        "Cette ressource a changé depuis votre lecture ; relisez-la et réessayez avec sa nouvelle version."
    ),
}
