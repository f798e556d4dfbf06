"""The French catalogue of problem details, keyed by English template.

Each capability keeps its own texts beside its routes (``app/api/rest/<capability>/french.py``);
this module holds what they share (access tokens, addresses, requests, the titles of HTTP
statuses) and the messages of request validation, keyed by their error type. A French text
names the same ``{parameters}`` as its English template; ``tests/unit/test_french_catalogue.py``
finds every English text in the source and fails on one without its French.
"""

from __future__ import annotations

from app.api.rest.attribution.french import ATTRIBUTION
from app.api.rest.community.incidents.french import INCIDENTS
from app.api.rest.community.recall.french import RECALL
from app.api.rest.community.recruiting.french import RECRUITING
from app.api.rest.community.space.french import SPACE
from app.api.rest.community.surveys.french import SURVEYS
from app.api.rest.community.training.french import TRAINING
from app.api.rest.content.french import CONTENT
from app.api.rest.integrations.french import INTEGRATIONS
from app.api.rest.integrations.import_french import ROSTER_IMPORTS, ROSTER_RECORDS
from app.api.rest.metrics.french import METRICS
from app.api.rest.notifications.french import NOTIFICATIONS
from app.api.rest.programme.french import PROGRAMME
from app.api.rest.rewards.french import CATALOGUE, REWARDS
from app.api.rest.rewards.recognition_french import RECOGNITION
from app.api.rest.roster.french import ROSTER
from app.api.rest.sharing.french import SHARING
from app.api.rest.webhooks.french import WEBHOOKS
from app.api.scim.french import SCIM

TITLES = {
    "Bad Request": "Requête incorrecte",
    "Unauthorized": "Authentification requise",
    "Forbidden": "Accès refusé",
    "Not Found": "Introuvable",
    "Method Not Allowed": "Méthode non autorisée",
    "Not Acceptable": "Format non disponible",
    "Conflict": "Conflit",
    "Gone": "Retiré définitivement",
    "Precondition Failed": "Précondition non satisfaite",
    "Request Entity Too Large": "Corps de requête trop volumineux",
    "Content Too Large": "Corps de requête trop volumineux",
    "Unsupported Media Type": "Type de contenu non pris en charge",
    "Unprocessable Entity": "Requête invalide",
    "Precondition Required": "Précondition requise",
    "Request Header Fields Too Large": "En-têtes de requête trop volumineux",
    "Too Many Requests": "Trop de requêtes",
    "Internal Server Error": "Erreur interne",
    "Service Unavailable": "Service indisponible",
}

ACCESS = {
    "Send an access token in the Authorization header: 'Bearer <token>'.": (
        "Envoyez un jeton d'accès dans l'en-tête Authorization : 'Bearer <jeton>'."
    ),
    "The access token is malformed.": "Le jeton d'accès est mal formé.",
    "The access token's signature is invalid.": "La signature du jeton d'accès n'est pas valide.",
    "The access token was issued by an issuer this service does not trust.": (
        "Le jeton d'accès a été émis par un émetteur auquel ce service ne fait pas confiance."
    ),
    "The access token is meant for another audience.": "Le jeton d'accès est destiné à un autre service.",
    "The access token is not valid yet.": "Le jeton d'accès n'est pas encore valide.",
    "The access token was issued in the future.": "Le jeton d'accès a été émis dans le futur.",
    "The access token's expiry is invalid.": "La date d'expiration du jeton d'accès n'est pas valide.",
    "The access token names no subject.": "Le jeton d'accès ne désigne aucun sujet.",
    "The access token names no tenant.": "Le jeton d'accès ne désigne aucune organisation.",
    "The access token has expired.": "Le jeton d'accès a expiré.",
    "The access token was signed by an unknown key.": "Le jeton d'accès a été signé par une clé inconnue.",
    "The access token is signed with an algorithm this service does not accept.": (
        "Le jeton d'accès est signé avec un algorithme que ce service n'accepte pas."
    ),
    "The access token lacks required claims: {missing}.": (
        "Il manque au jeton d'accès des revendications obligatoires : {missing}."
    ),
    "The access token carries header parameters this service does not accept: {rejected}.": (
        "L'en-tête du jeton d'accès contient des paramètres que ce service n'accepte pas : {rejected}."
    ),
    "The token is not an access token.": "Ce jeton n'est pas un jeton d'accès.",
    "The access token's email claim is not a string.": (
        "La revendication email du jeton d'accès n'est pas une chaîne de caractères."
    ),
    "The access token's tenant_id claim is not a valid id.": (
        "La revendication tenant_id du jeton d'accès n'est pas un identifiant valide."
    ),
    "The access token's roles claim is not a list.": "La revendication roles du jeton d'accès n'est pas une liste.",
    "The access token's scope claim is not a string.": (
        "La revendication scope du jeton d'accès n'est pas une chaîne de caractères."
    ),
    "The token issuer's keys could not be fetched.": "Les clés de l'émetteur du jeton n'ont pas pu être récupérées.",
    "The organisation your access token names does not exist here; ask a platform operator to create it.": (
        "L'organisation que désigne votre jeton d'accès n'existe pas ici ; demandez à un opérateur de la plateforme "
        "de la créer."
    ),
    "This deployment uses an external token issuer; fetch its keys there.": (
        "Ce déploiement utilise un émetteur de jetons externe ; récupérez ses clés auprès de lui."
    ),
}

REQUESTS = {
    "The cursor belongs to the order {paged}, not {sort}.": "Ce curseur appartient à l'ordre {paged}, pas à {sort}.",
    "This cursor pages the list sorted by {paged}, not by {sort}: ask with sort={paged}, "
    "or leave out the cursor to start over in the new order.": (
        "Ce curseur parcourt la liste triée par {paged}, pas par {sort} : demandez sort={paged}, "
        "ou omettez le curseur pour repartir du début dans le nouvel ordre."
    ),
    "The request body is not valid JSON.": "Le corps de la requête n'est pas du JSON valide.",
    "The request body is not valid JSON: send it encoded in UTF-8.": (
        "Le corps de la requête n'est pas du JSON valide : envoyez-le encodé en UTF-8."
    ),
    "The request body holds a number longer than {most} characters.": (
        "Le corps de la requête contient un nombre de plus de {most} caractères."
    ),
    "The request body holds a number too large to be read.": (
        "Le corps de la requête contient un nombre trop grand pour être lu."
    ),
    "The request body holds {name}, which JSON does not have: send a number or null.": (
        "Le corps de la requête contient {name}, qui n'existe pas en JSON : envoyez un nombre ou null."
    ),
    "The request body nests deeper than {most} levels.": (
        "Le corps de la requête s'imbrique sur plus de {most} niveaux."
    ),
    "The request body holds a lone UTF-16 surrogate escape, which is no character.": (
        "Le corps de la requête contient un demi-caractère UTF-16 (surrogate) isolé, qui n'est pas un caractère."
    ),
    "The request body names the member {name} twice in one object: send it once.": (
        "Le corps de la requête nomme le membre {name} deux fois dans un même objet : envoyez-le une seule fois."
    ),
    "The request is not valid: check {where}.": "La requête n'est pas valide : vérifiez {where}.",
    "No resource at {path}.": "Aucune ressource à l'adresse {path}.",
    "{method} is not allowed on {path}.": "{method} n'est pas autorisé sur {path}.",
    "Send the body as application/json, not {content_type}.": (
        "Envoyez le corps en application/json, et non en {content_type}."
    ),
    "Send the body as application/json, not without a Content-Type.": (
        "Envoyez le corps en application/json, avec son en-tête Content-Type."
    ),
    "The request body exceeds {max_bytes} bytes.": "Le corps de la requête dépasse {max_bytes} octets.",
    "You have sent more requests than your budget allows ({amount} in {window} seconds). "
    "Retry in {retry_after} seconds.": (
        "Vous avez envoyé plus de requêtes que votre budget n'en permet ({amount} en {window} secondes). "
        "Réessayez dans {retry_after} secondes."
    ),
    "Your organisation has sent more requests than its budget allows ({amount} in {window} seconds). "
    "Retry in {retry_after} seconds.": (
        "Votre organisation a envoyé plus de requêtes que son budget n'en permet ({amount} en {window} secondes). "
        "Réessayez dans {retry_after} secondes."
    ),
    "Too many requests without a valid access token came from your address ({amount} in {window} seconds). "
    "Retry in {retry_after} seconds.": (
        "Trop de requêtes sans jeton d'accès valide sont venues de votre adresse ({amount} en {window} secondes). "
        "Réessayez dans {retry_after} secondes."
    ),
    "Too many visits to tracked links came from your address ({amount} in {window} seconds). "
    "Retry in {retry_after} seconds.": (
        "Trop de visites de liens suivis sont venues de votre adresse ({amount} en {window} secondes). "
        "Réessayez dans {retry_after} secondes."
    ),
    "Something went wrong on our side. Retry later, quoting the X-Request-ID of this response.": (
        "Une erreur s'est produite de notre côté. Réessayez plus tard, en citant l'en-tête X-Request-ID de "
        "cette réponse."
    ),
    "The version you sent is no version of this resource (it is at version {current}); "
    "read it again and retry with the version you read.": (
        "La version envoyée n'est aucune version de cette ressource (elle est à la version {current}) ; "
        "relisez-la et réessayez avec la version lue."
    ),
    "This resource already exists (at version {current}), and the change was asked only if it did not; "
    "read it and change it with the version you read.": (
        "Cette ressource existe déjà (à la version {current}), et la modification n'était demandée que si elle "
        "n'existait pas ; lisez-la et modifiez-la avec la version lue."
    ),
    "This resource changed since you read it (version {current}, you sent {expected}); read it again and "
    "retry with its new version.": (
        "Cette ressource a changé depuis votre lecture (version {current}, vous avez envoyé {expected}) ; "
        "relisez-la et réessayez avec sa nouvelle version."
    ),
    "A {resource} that is {current} cannot be {wanted}; allowed from {current}: {allowed}.": (
        "Action refusée : {wanted} {resource} n'est pas possible à l'état « {current} » ; possible depuis "
        "cet état : {allowed}."
    ),
    "none": "aucune",
    "edited": "modifier",
    "The cursor is not valid.": "Le curseur n'est pas valide.",
    "Pass back the next_cursor of a previous page, unchanged.": (
        "Renvoyez tel quel le next_cursor d'une page précédente."
    ),
    "The period is empty.": "La période est vide.",
    "A filter holds control characters.": "Un filtre contient des caractères de contrôle.",
    "{field} cannot be null; omit the field to keep its value.": (
        "{field} ne peut pas être null ; omettez le champ pour garder sa valeur."
    ),
    "Not ready.": "Pas prêt.",
    "This answers in {offered}; the Accept header allows none of them.": (
        "Cette ressource répond en {offered} ; l'en-tête Accept n'en autorise aucun."
    ),
    "Send one operation per request: a list of operations is not accepted.": (
        "Envoyez une seule opération par requête : une liste d'opérations n'est pas acceptée."
    ),
    "Send a JSON object holding the operation in query, and variables if it has any.": (
        "Envoyez un objet JSON portant l'opération dans query, et ses variables s'il en a."
    ),
    "Send the GraphQL document in query.": "Envoyez le document GraphQL dans query.",
    "GraphiQL is not served here; send operations with POST, or with GET and a query parameter.": (
        "GraphiQL n'est pas servi ici ; envoyez les opérations en POST, ou en GET avec un paramètre query."
    ),
    "A mutation is sent with POST, not GET.": "Une mutation s'envoie en POST, pas en GET.",
    "The service cannot reach its database at the moment; retry in {seconds} seconds.": (
        "Le service ne peut pas joindre sa base de données pour le moment ; réessayez dans {seconds} secondes."
    ),
    "Give a whole number.": "Donnez un nombre entier.",
    "Give a number, such as 1.5.": "Donnez un nombre, par exemple 1.5.",
    "Give a number, such as 0.021.": "Donnez un nombre, par exemple 0.021.",
    "Give an RFC 3339 date-time with its offset, such as 2025-03-01T09:00:00Z.": (
        "Donnez une date et heure RFC 3339 avec son décalage, par exemple 2025-03-01T09:00:00Z."
    ),
    "Give an RFC 3339 date, such as 2025-03-01.": "Donnez une date RFC 3339, par exemple 2025-03-01.",
    "Give a date-time in the years {first} to {last} (UTC), such as 2025-03-01T09:00:00Z.": (
        "Donnez une date et heure des années {first} à {last} (UTC), par exemple 2025-03-01T09:00:00Z."
    ),
    "Give a date in the years {first} to {last}, such as 2025-03-01.": (
        "Donnez une date des années {first} à {last}, par exemple 2025-03-01."
    ),
}

FIELDS = {
    "Not an editable field.": "Ce champ n'est pas modifiable.",
    "Must not contain control characters.": "Ne doit pas contenir de caractères de contrôle.",
    "At most {most} characters.": "{most} caractères au plus.",
    "At most {most} topics.": "{most} thèmes au plus.",
    "Give 1-{most} characters on one line.": "Donnez de 1 à {most} caractères sur une seule ligne.",
    "Use 1-63 lowercase letters, digits or inner hyphens.": (
        "Utilisez de 1 à 63 lettres minuscules, chiffres ou tirets intérieurs."
    ),
    "Use 1-64 letters, digits, spaces or . & + -.": "Utilisez de 1 à 64 lettres, chiffres, espaces ou . & + -.",
    "{network} is not enabled for this programme.": "{network} n'est pas activé pour ce programme.",
    "You have not joined the ambassador programme; opt in first.": (
        "Vous n'avez pas rejoint le programme ambassadeurs ; inscrivez-vous d'abord."
    ),
    "No content with id {resource_id} exists.": "Aucun contenu n'a l'identifiant {resource_id}.",
}

ADDRESSES = {
    "Give an https:// address.": "Donnez une adresse https://.",
    "An address holds neither control characters nor spaces.": (
        "Une adresse ne contient ni caractères de contrôle ni espaces."
    ),
    "An address holds no backslash.": "Une adresse ne contient pas de barre oblique inversée.",
    "Protocol-relative addresses are refused; start with https://.": (
        "Les adresses relatives au protocole sont refusées ; commencez par https://."
    ),
    "Give an absolute https:// address.": "Donnez une adresse https:// absolue.",
    "Only https addresses are accepted, not {scheme}:.": "Seules les adresses https sont acceptées, pas {scheme}:.",
    "Give an absolute address: https://host/path.": "Donnez une adresse absolue : https://hôte/chemin.",
    "The host is not valid: {error}": "L'hôte n'est pas valide : {error}",
    "{host} is not one of the programme's allowed link domains.": (
        "{host} ne fait pas partie des domaines de liens autorisés par le programme."
    ),
    "An address must not carry a user name or password.": (
        "Une adresse ne doit contenir ni nom d'utilisateur ni mot de passe."
    ),
    "The address has no host.": "L'adresse n'a pas d'hôte.",
    "The port is not valid.": "Le port n'est pas valide.",
    "'{host}' is a wildcard; list the domain and let its subdomains in with include_subdomains.": (
        "'{host}' est un joker ; indiquez le domaine et acceptez ses sous-domaines avec include_subdomains."
    ),
    "'{host}' is not a host name; give the domain alone, such as 'example.com'.": (
        "'{host}' n'est pas un nom d'hôte ; donnez le domaine seul, par exemple 'example.com'."
    ),
    "'{host}' is not a valid domain name: {error}.": "'{host}' n'est pas un nom de domaine valide : {error}.",
    "'{host}' is not a valid domain name.": "'{host}' n'est pas un nom de domaine valide.",
    "'{host}' is not a public domain name (give a name such as 'example.com', not an address).": (
        "'{host}' n'est pas un nom de domaine public (donnez un nom comme 'example.com', pas une adresse)."
    ),
    "'{tag}' is not a valid BCP 47 language tag (for example 'fr' or 'en-GB').": (
        "'{tag}' n'est pas une étiquette de langue BCP 47 valide (par exemple 'fr' ou 'en-GB')."
    ),
    "'{address}' is not a valid e-mail address: {error}": "'{address}' n'est pas une adresse e-mail valide : {error}",
}

# Request validation, by the validation library's error type; ``{...}`` are its context.
FRENCH_VALIDATION = {
    "missing": "Champ obligatoire.",
    "extra_forbidden": "Champ inconnu : retirez-le.",
    "string_type": "Donnez une chaîne de caractères.",
    "string_too_short": "Donnez au moins {min_length} caractère(s).",
    "string_too_long": "Donnez au plus {max_length} caractère(s).",
    "string_pattern_mismatch": "La valeur doit correspondre au motif '{pattern}'.",
    "int_type": "Donnez un nombre entier.",
    "int_parsing": "Donnez un nombre entier.",
    "int_from_float": "Donnez un nombre entier, sans partie décimale.",
    "float_type": "Donnez un nombre.",
    "float_parsing": "Donnez un nombre.",
    "bool_type": "Donnez true ou false.",
    "bool_parsing": "Donnez true ou false.",
    "uuid_type": "Donnez un UUID.",
    "uuid_parsing": "Donnez un UUID valide.",
    "date_type": "Donnez une date.",
    "date_parsing": "Donnez une date valide au format AAAA-MM-JJ.",
    "date_from_datetime_parsing": "Donnez une date valide au format AAAA-MM-JJ.",
    "date_from_datetime_inexact": "Donnez une date sans heure.",
    "datetime_type": "Donnez une date et une heure.",
    "datetime_parsing": "Donnez une date et une heure valides (RFC 3339).",
    "datetime_from_date_parsing": "Donnez une date, ou une date et une heure, valides.",
    "timezone_aware": "Précisez le fuseau horaire (par exemple Z ou +02:00).",
    "timezone_naive": "Ne précisez pas de fuseau horaire.",
    "time_type": "Donnez une heure.",
    "time_parsing": "Donnez une heure valide au format HH:MM.",
    "enum": "Donnez l'une de ces valeurs : {expected}.",
    "literal_error": "Donnez l'une de ces valeurs : {expected}.",
    "greater_than": "Donnez une valeur supérieure à {gt}.",
    "greater_than_equal": "Donnez une valeur supérieure ou égale à {ge}.",
    "less_than": "Donnez une valeur inférieure à {lt}.",
    "less_than_equal": "Donnez une valeur inférieure ou égale à {le}.",
    "too_short": "Donnez au moins {min_length} élément(s).",
    "too_long": "Donnez au plus {max_length} élément(s).",
    "list_type": "Donnez une liste.",
    "dict_type": "Donnez un objet.",
    "model_type": "Donnez un objet.",
    "model_attributes_type": "Donnez un objet.",
    "url_type": "Donnez une adresse.",
    "url_parsing": "Donnez une adresse valide.",
    "url_too_long": "Donnez une adresse de {max_length} caractère(s) au plus.",
    "url_scheme": "L'adresse doit commencer par {expected_schemes}.",
    "json_type": "Donnez du JSON.",
    "value_error": "Valeur refusée : {error}",
}

# The event worker: what operators read of a parked event.
EVENTS = {
    "No parked event with id {resource_id} exists.": "Aucun événement en attente n'a l'identifiant {resource_id}.",
    "The handler did not finish within {seconds} seconds.": "Le traitement n'a pas abouti en {seconds} secondes.",
    "All {attempts} tries were used, the last ones ending with the worker that ran them before the handler "
    "finished (the event may stop the worker itself); the last error recorded: {last_error}": (
        "Les {attempts} essais ont été utilisés, les derniers interrompus avec le processus qui les menait avant "
        "la fin du traitement (l'événement fait peut-être tomber le processus lui-même) ; dernière erreur "
        "enregistrée : {last_error}"
    ),
    "All {attempts} tries ended with the worker that ran them before the handler finished: the event may stop "
    "the worker itself (memory, a crash in a library).": (
        "Les {attempts} essais ont été interrompus avec le processus qui les menait avant la fin du traitement : "
        "l'événement fait peut-être tomber le processus lui-même (mémoire, erreur fatale d'une bibliothèque)."
    ),
}

PARTS = (
    TITLES,
    ACCESS,
    REQUESTS,
    FIELDS,
    ADDRESSES,
    ROSTER,
    PROGRAMME,
    CONTENT,
    SHARING,
    ATTRIBUTION,
    EVENTS,
    REWARDS,
    CATALOGUE,
    RECOGNITION,
    NOTIFICATIONS,
    METRICS,
    INTEGRATIONS,
    # Roster imports
    ROSTER_RECORDS,
    ROSTER_IMPORTS,
    # SCIM provisioning
    SCIM,
    # Outgoing webhooks
    WEBHOOKS,
    RECRUITING,
    TRAINING,
    # Incidents
    INCIDENTS,
    SURVEYS,
    RECALL,
    SPACE,
)
FRENCH: dict[str, str] = {english: french for part in PARTS for english, french in part.items()}
