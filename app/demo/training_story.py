"""The demo's training: the manager writes and publishes « Bien partager » (the guide's four habits:
optimising one's profile, writing engaging posts, answering comments, growing one's network) with a
quiz; Camille and Amelia pass it, Léa fails once then passes, Hugo has read two lessons so far."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.community.training import Lesson, ModuleFields, Question, Quiz

WRITTEN = -34.0
PUBLISHED = -33.0

MODULE = ModuleFields(
    title="Bien partager : les quatre habitudes de l'ambassadeur",
    summary="Profil, publications, commentaires et réseau : vingt minutes pour partager avec impact.",
    lessons=(
        Lesson(
            title="Optimiser son profil",
            body="Une photo nette, un titre qui dit ce que vous faites, un résumé **à la première personne**.",
            links=("https://www.linkedin.com/help/linkedin/answer/a554351",),
        ),
        Lesson(
            title="Rédiger des publications engageantes",
            body="Un angle personnel, une phrase d'accroche, une question aux lecteurs ; le lien en dernier.",
            video_url="https://videos.demo-company.example/training/publications.mp4",
        ),
        Lesson(
            title="Interagir avec les commentaires",
            body="Répondez dans la journée, remerciez, et renvoyez vers un collègue quand la question le demande.",
        ),
        Lesson(
            title="Développer son réseau",
            body="Invitez les personnes rencontrées avec un mot personnel ; suivez les clients et partenaires.",
        ),
    ),
    quiz=Quiz(
        pass_mark=70,
        questions=(
            Question(
                prompt="Qu'est-ce qui rend une publication engageante ?",
                choices=("Un angle personnel", "Le lien seul", "Une question aux lecteurs"),
                correct=frozenset({0, 2}),
            ),
            Question(
                prompt="Quand répondre aux commentaires ?",
                choices=("Dans la journée", "Jamais", "À la fin du mois"),
                correct=frozenset({0}),
            ),
            Question(
                prompt="Que mettre dans le titre de son profil ?",
                choices=("Ce que l'on fait", "Rien"),
                correct=frozenset({0}),
            ),
        ),
    ),
)
RIGHT = ({0, 2}, {0}, {0})
WRONG = ({1}, {0}, {1})


@dataclass(frozen=True, slots=True)
class Step:
    """On ``day``, ``slug`` marks lessons done and then, if ``answers``, tries the quiz."""

    day: float
    slug: str
    lessons: tuple[int, ...] = ()
    answers: tuple[set[int], ...] | None = None


STEPS = (
    Step(-31.0, "camille", lessons=(1, 2, 3, 4), answers=RIGHT),
    Step(-30.0, "lea", lessons=(1, 2, 3, 4), answers=WRONG),
    Step(-29.5, "lea", answers=RIGHT),
    Step(-26.0, "hugo", lessons=(1, 2)),
    Step(-12.0, "amelia", lessons=(1, 2, 3, 4), answers=RIGHT),
)
COMPLETED_BY = ("camille", "lea", "amelia")
IN_PROGRESS = ("hugo",)
