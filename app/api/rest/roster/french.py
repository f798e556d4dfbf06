"""The roster's problem details in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

ROSTER = {
    "{value} is not a role to sign in with.": "{value} n'est pas un rôle avec lequel se connecter.",
    "Choose one of: {allowed}.": "Choisissez parmi : {allowed}.",
    "No tenant with id {resource_id} exists.": "Aucune organisation n'a l'identifiant {resource_id}.",
    "No employee with id {resource_id} exists.": "Aucun employé n'a l'identifiant {resource_id}.",
    "No ambassador with id {resource_id} exists.": "Aucun ambassadeur n'a l'identifiant {resource_id}.",
    "No social account with id {resource_id} exists.": "Aucun compte social n'a l'identifiant {resource_id}.",
    "No employee with this id exists.": "Aucun employé n'a cet identifiant.",
    "A tenant with this slug already exists.": "Une organisation a déjà ce slug.",
    "Another employee already has this e-mail.": "Un autre employé a déjà cette adresse e-mail.",
    "Another employee already has this external_id.": "Un autre employé a déjà cet external_id.",
    "Another employee is already linked to this identity-provider subject.": (
        "Un autre employé est déjà lié à ce sujet du fournisseur d'identité."
    ),
    "The manager does not exist.": "Ce responsable n'existe pas.",
    "This employee already has a membership of the programme.": "Cet employé est déjà membre du programme.",
    "This account is already connected for this network.": "Ce compte est déjà connecté pour ce réseau.",
    "This action needs a token issued for a tenant.": "Cette action demande un jeton émis pour une organisation.",
    "This action needs one of the roles: {wanted}.": "Cette action demande l'un de ces rôles : {wanted}.",
    "Your access token is not linked to an employee of this organisation: its subject matches no employee's "
    "idp_subject and it carries no verified e-mail on the roster.": (
        "Votre jeton d'accès n'est lié à aucun employé de cette organisation : son sujet ne correspond à "
        "l'idp_subject d'aucun employé et il ne porte aucune adresse e-mail vérifiée de l'annuaire."
    ),
    "A terminated employee cannot join the ambassador programme.": (
        "Un employé parti de l'entreprise ne peut pas rejoindre le programme ambassadeurs."
    ),
    "This employee is already an ambassador ({status}).": "Cet employé est déjà ambassadeur ({status}).",
    "You left the programme; opt in again before accepting its charter.": (
        "Vous avez quitté le programme ; réinscrivez-vous avant d'en accepter la charte."
    ),
    "No charter has been published yet; there is nothing to accept.": (
        "Aucune charte n'a encore été publiée ; il n'y a rien à accepter."
    ),
    "Version {version} is not the current charter; read and accept version {current}.": (
        "La version {version} n'est pas la charte en vigueur ; lisez et acceptez la version {current}."
    ),
    "The tenant is not valid.": "L'organisation n'est pas valide.",
    "The name must not be blank nor hold control characters.": (
        "Le nom ne doit être ni vide ni contenir de caractères de contrôle."
    ),
    "The employee is not valid.": "L'employé n'est pas valide.",
    "Unknown employee fields.": "Champs d'employé inconnus.",
    "An employee cannot be their own manager.": "Un employé ne peut pas être son propre responsable.",
    "Must not be the employee's own id.": "Ne doit pas être l'identifiant de l'employé lui-même.",
    "Must not be blank.": "Ne doit pas être vide.",
    "The employee cannot leave before they were hired.": "L'employé ne peut pas partir avant son embauche.",
    "Give their last day on or after {hired_on}, when they were hired.": (
        "Donnez un dernier jour le {hired_on} ou après, date de son embauche."
    ),
    "Must not be blank; omit it or send null.": "Ne doit pas être vide ; omettez-le ou envoyez null.",
    "The preferences are not valid.": "Les préférences ne sont pas valides.",
    "Must be between 0 and {most}, or null.": "Doit être compris entre 0 et {most}, ou null.",
    "The social account is not valid.": "Le compte social n'est pas valide.",
    "Give the account's handle or profile URL (1-200 characters).": (
        "Donnez l'identifiant du compte ou l'adresse de son profil (1 à 200 caractères)."
    ),
    "Must be from 0 to {most}.": "Doit être compris entre 0 et {most}.",
    "The notes are not valid.": "Les notes ne sont pas valides.",
    "Remove control characters.": "Retirez les caractères de contrôle.",
    # What a refused transition names.
    "employee": "cet employé",
    "membership": "cette adhésion",
    "terminated": "déclarer le départ de",
    "set to {wanted}": "faire passer à « {wanted} »",
}
