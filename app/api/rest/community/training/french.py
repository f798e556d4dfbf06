"""Training's texts in French, keyed by English template (see ``app/api/rest/french.py``)."""

from __future__ import annotations

TRAINING = {
    "training module": "module de formation",
    "published": "publié",
    "The training module is not valid.": "Le module de formation n'est pas valide.",
    "Give a percentage from 1 to 100.": "Donnez un pourcentage de 1 à 100.",
    "Give 1-{most} questions.": "Donnez de 1 à {most} questions.",
    "Give 2-{most} choices.": "Donnez de 2 à {most} choix.",
    "Each choice must differ from the others.": "Chaque choix doit différer des autres.",
    "Name at least one right choice by its position, counted from 0.": (
        "Nommez au moins un bon choix par sa position, comptée à partir de 0."
    ),
    "Some fields of the training module cannot be changed.": (
        "Certains champs du module de formation ne peuvent pas être modifiés."
    ),
    "A published module keeps its lessons and quiz; archive it and write a new one.": (
        "Un module publié garde ses leçons et son quiz ; archivez-le et écrivez-en un nouveau."
    ),
    "Give an https address of at most {most} characters.": "Donnez une adresse https d'au plus {most} caractères.",
    "Give 1-{most} lessons, in order.": "Donnez de 1 à {most} leçons, dans l'ordre.",
    "At most {most} links.": "Au plus {most} liens.",
    "No lesson with id {resource_id} exists.": "Aucune leçon n'a l'identifiant {resource_id}.",
    "No training module with id {resource_id} exists.": "Aucun module de formation n'a l'identifiant {resource_id}.",
    "Complete the required training before sharing: {titles}.": (
        "Terminez la formation requise avant de partager : {titles}."
    ),
    "This training module has no quiz: complete it by marking each of its lessons done.": (
        "Ce module de formation n'a pas de quiz : terminez-le en marquant chacune de ses leçons comme faite."
    ),
    "The quiz attempt is not valid.": "La tentative de quiz n'est pas valide.",
    "Answer each of the {count} questions, in order.": "Répondez à chacune des {count} questions, dans l'ordre.",
    "Pick choices by their positions, counted from 0.": "Choisissez par leurs positions, comptées à partir de 0.",
    "Give a training module's id.": "Donnez l'identifiant d'un module de formation.",
    "Your membership is {status}: only active ambassadors follow training; ask a programme manager.": (
        "Votre adhésion est {status} : seuls les ambassadeurs actifs suivent la formation ; demandez à un "
        "responsable du programme."
    ),
}
