"""The programme's problem details in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

PROGRAMME = {
    "No charter has been published for this programme yet.": "Aucune charte n'a encore été publiée pour ce programme.",
    "Another charter version was published at the same moment; publish again.": (
        "Une autre version de la charte a été publiée au même moment ; publiez à nouveau."
    ),
    "The charter version is not valid.": "La version de la charte n'est pas valide.",
    "Give the text in Markdown, 1-{most} characters.": "Donnez le texte en Markdown, de 1 à {most} caractères.",
    "Give the text in Markdown, without control characters other than line breaks and tabs.": (
        "Donnez le texte en Markdown, sans caractères de contrôle autres que les sauts de ligne et les tabulations."
    ),
    "The settings are not valid.": "Les réglages ne sont pas valides.",
    "Not a settings field.": "Ce n'est pas un champ des réglages.",
    "Must be a string.": "Doit être une chaîne de caractères.",
    "Must be a list.": "Doit être une liste.",
    "Must be true or false.": "Doit valoir true ou false.",
    "Must be an object mapping a network to its required text.": (
        "Doit être un objet associant à chaque réseau le texte qu'il exige."
    ),
    "Give 1-{max_length} characters, without control characters.": (
        "Donnez de 1 à {max_length} caractères, sans caractères de contrôle."
    ),
    "At most {max_items} items.": "{max_items} éléments au plus.",
    "Not a network; use one of: {choices}.": "Ce n'est pas un réseau ; utilisez l'un de ceux-ci : {choices}.",
    "Enable at least one network.": "Activez au moins un réseau.",
    "Give {domain, include_subdomains}.": "Donnez {domain, include_subdomains}.",
    "A term needs at least one letter or digit.": "Un terme doit contenir au moins une lettre ou un chiffre.",
    "Must be a whole number from 1 to {most}.": "Doit être un nombre entier de 1 à {most}.",
    "Must be a whole number from {low} to {high}.": "Doit être un nombre entier de {low} à {high}.",
    "Use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.": (
        "Utilisez de 1 à 64 lettres, chiffres, '.', '_' ou '-', en commençant par une lettre ou un chiffre."
    ),
    "Use 1-64 letters, digits, '.', '_' or '-', starting with a letter and not with 'utm_'.": (
        "Utilisez de 1 à 64 lettres, chiffres, '.', '_' ou '-', en commençant par une lettre, et pas par 'utm_'."
    ),
    "Use one of: {choices}.": "Utilisez l'une de ces valeurs : {choices}.",
    "Name an IANA time zone, such as Europe/Paris or UTC.": (
        "Nommez un fuseau horaire IANA, comme Europe/Paris ou UTC."
    ),
    # Caption compliance.
    "{network} allows {limit} characters; this caption counts {length}.": (
        "{network} accepte {limit} caractères ; cette légende en compte {length}."
    ),
    "Captions on {network} must say that you work for the company: add “{required}”.": (
        "Sur {network}, une légende doit dire que vous travaillez pour l'entreprise : ajoutez « {required} »."
    ),
    "“{value}” is not allowed in shared captions (banned: “{term}”).": (
        "« {value} » n'est pas autorisé dans les légendes partagées (terme banni : « {term} »)."
    ),
    "“{value}” is a sensitive term (“{term}”); check the wording.": (
        "« {value} » est un terme sensible (« {term} ») ; vérifiez la formulation."
    ),
    "Add the link you are sharing to the caption.": "Ajoutez à la légende le lien que vous partagez.",
    "Add the content's link to the caption: {link}": "Ajoutez à la légende le lien du contenu : {link}",
    "Give an ISO 4217 currency code in three capital letters, such as EUR.": (
        "Donnez un code de devise ISO 4217 en trois lettres majuscules, par exemple EUR."
    ),
    "Must be an object keyed by network.": "Doit être un objet dont les clés sont des réseaux.",
    "Give a rate above 0 and at most 1, with at most {places} decimals: 0.021 for 2.1%.": (
        "Donnez un taux supérieur à 0 et d'au plus 1, avec au plus {places} décimales : 0.021 pour 2,1 %."
    ),
}
