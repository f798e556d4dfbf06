"""Surveys' and the idea box's texts in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

SURVEYS = {
    "survey": "enquête",
    "opened": "ouverte",
    "closed": "fermée",
    "No survey with id {resource_id} exists.": "Aucune enquête n'a l'identifiant {resource_id}.",
    "No idea with id {resource_id} exists.": "Aucune idée n'a l'identifiant {resource_id}.",
    "The survey is not valid.": "L'enquête n'est pas valide.",
    "Some survey fields cannot be changed.": "Certains champs de l'enquête ne peuvent pas être modifiés.",
    "Give each option once.": "Donnez chaque option une seule fois.",
    "Only a multiple choice question has options.": "Seule une question à choix multiple a des options.",
    "Ask 1 to {most} questions.": "Posez de 1 à {most} questions.",
    "Give {least} to {most} options.": "Donnez de {least} à {most} options.",
    "Must be later than opens_at.": "Doit être postérieur à opens_at.",
    "This survey's window ended at {closes_at}; move closes_at later before opening it.": (
        "La période de cette enquête s'est terminée le {closes_at} ; repoussez closes_at avant de l'ouvrir."
    ),
    "This survey is not open yet; answer it once staff open it.": (
        "Cette enquête n'est pas encore ouverte ; répondez-y quand l'équipe l'aura ouverte."
    ),
    "This survey closed at {closes_at}; it takes no more answers.": (
        "Cette enquête a fermé le {closes_at} ; elle ne prend plus de réponses."
    ),
    "This survey opens at {opens_at}; answer it then.": "Cette enquête ouvre le {opens_at} ; répondez-y à ce moment.",
    "You already answered this survey, and a survey is answered once.": (
        "Vous avez déjà répondu à cette enquête, et on ne répond qu'une fois à une enquête."
    ),
    "This survey is meant for other departments, locations or languages than yours; answer the surveys "
    "listed for you.": (
        "Cette enquête s'adresse à d'autres services, sites ou langues que les vôtres ; répondez aux enquêtes "
        "listées pour vous."
    ),
    "The answer does not fit the survey's questions.": "La réponse ne correspond pas aux questions de l'enquête.",
    "This survey's questions are 0 to {last}.": "Les questions de cette enquête vont de 0 à {last}.",
    "Reply to each question once.": "Répondez une seule fois à chaque question.",
    "Reply to question {question}.": "Répondez à la question {question}.",
    "Give a score from {least} to {most}, and only a score.": (
        "Donnez une note de {least} à {most}, et seulement une note."
    ),
    "Pick one of the question's options.": "Choisissez une des options de la question.",
    "Pick one or more of the question's options, each once.": (
        "Choisissez une ou plusieurs options de la question, chacune une fois."
    ),
    "Write 1-{most} characters, or leave this question out.": (
        "Écrivez de 1 à {most} caractères, ou laissez cette question de côté."
    ),
    "Only {count} answers: results of fewer than {least} answers are never shown, so no one can be recognised "
    "in them.": (
        "Seulement {count} réponses : les résultats de moins de {least} réponses ne sont jamais montrés, pour "
        "que personne ne puisse y être reconnu."
    ),
    "Only {count} replies to this question: figures of fewer than {least} replies are never shown.": (
        "Seulement {count} réponses à cette question : les chiffres de moins de {least} réponses ne sont jamais "
        "montrés."
    ),
    "Only members of the programme answer surveys and suggest ideas; opt in first.": (
        "Seuls les membres du programme répondent aux enquêtes et proposent des idées ; inscrivez-vous d'abord."
    ),
    "The idea is not valid.": "L'idée n'est pas valide.",
    "Say why the idea is declined.": "Dites pourquoi l'idée est refusée.",
    "This idea was already {status}; an idea is decided once.": (
        "Cette idée a déjà été décidée ({status}) ; une idée n'est décidée qu'une fois."
    ),
}
