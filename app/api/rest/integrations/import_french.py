"""Roster imports' texts in French, keyed by English template (see ``app/api/rest/french.py``); with
them, those of the roster record every source reads."""

from __future__ import annotations

ROSTER_RECORDS = {
    "Must be at most {limit} characters.": "Au plus {limit} caractères.",
    "'{value}' is not a date; give YYYY-MM-DD.": "'{value}' n'est pas une date ; donnez AAAA-MM-JJ.",
    "Not a roster field; the fields are: {fields}.": (
        "Ce n'est pas un champ de l'effectif ; les champs sont : {fields}."
    ),
    "Required: the employee's id in the source system.": (
        "Obligatoire : l'identifiant du salarié dans le système source."
    ),
    "The roster record is not valid.": "La fiche de l'effectif n'est pas valide.",
}
ROSTER_IMPORTS = {
    "Send the file as {accepted}, not {content_type}.": "Envoyez le fichier en {accepted}, pas en {content_type}.",
    "The file is empty; its first line names the columns: {fields}.": (
        "Le fichier est vide ; sa première ligne nomme les colonnes : {fields}."
    ),
    "The row starting on line {line} is longer than any roster row.": (
        "La ligne commençant à la ligne {line} est plus longue que toute ligne d'effectif."
    ),
    "A quote opened on line {line} is never closed.": "Un guillemet ouvert à la ligne {line} n'est jamais fermé.",
    "Unknown columns: {unknown}. Rename or remove them; the columns a roster file may have are: {fields}.": (
        "Colonnes inconnues : {unknown}. Renommez-les ou retirez-les ; les colonnes possibles d'un fichier "
        "d'effectif sont : {fields}."
    ),
    "Columns named twice: {columns}; keep one.": "Colonnes nommées deux fois : {columns} ; gardez-en une.",
    "The external_id column is missing: it is how employees are matched.": (
        "La colonne external_id manque : c'est par elle que les salariés sont reconnus."
    ),
    "A quote is misplaced: quote whole cells, and double quotes inside them.": (
        "Un guillemet est mal placé : mettez les cellules entières entre guillemets, et doublez les guillemets "
        "qu'elles contiennent."
    ),
    "The row has {cells} cells where the header names {columns}; check the separators and quotes.": (
        "La ligne a {cells} cellules quand l'en-tête en nomme {columns} ; vérifiez les séparateurs et les guillemets."
    ),
    "Not a JSON object: each line holds one employee as JSON.": (
        "Ce n'est pas un objet JSON : chaque ligne décrit un salarié en JSON."
    ),
    "Line {line} is not UTF-8 (the file may be Latin-1 or Windows-1252); save the file as UTF-8 and send it again.": (
        "La ligne {line} n'est pas en UTF-8 (le fichier est peut-être en Latin-1 ou Windows-1252) ; enregistrez "
        "le fichier en UTF-8 et renvoyez-le."
    ),
    "Line {line} is longer than any roster row; is this a roster file?": (
        "La ligne {line} est plus longue que toute ligne d'effectif ; est-ce bien un fichier d'effectif ?"
    ),
    "The roster file cannot be read.": "Le fichier d'effectif ne peut pas être lu.",
    "The file holds more than {max_rows} rows; split it into partial imports of at most {max_rows} rows.": (
        "Le fichier compte plus de {max_rows} lignes ; découpez-le en imports partiels d'au plus {max_rows} lignes."
    ),
    "The roster changed since this import's dry run, so its counts no longer hold; send the file again for a "
    "new dry run, then apply that one.": (
        "L'effectif a changé depuis la simulation de cet import, ses comptes ne valent plus ; renvoyez le fichier "
        "pour une nouvelle simulation, puis appliquez celle-ci."
    ),
    "This import would terminate {terminations} of {active} active employees, more than the {percent}% allowed "
    "at once; check the file is the whole roster, then apply again confirming the mass termination.": (
        "Cet import mettrait fin au contrat de {terminations} des {active} salariés actifs, plus que les "
        "{percent} % permis d'un coup ; vérifiez que le fichier est bien l'effectif entier, puis appliquez-le de "
        "nouveau en confirmant les départs en masse."
    ),
    "This import was already applied; send the file again for a new dry run.": (
        "Cet import a déjà été appliqué ; renvoyez le fichier pour une nouvelle simulation."
    ),
    "No roster import with id {resource_id} exists.": "Aucun import d'effectif n'a l'identifiant {resource_id}.",
}
