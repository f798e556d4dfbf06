"""The demo's community space: Camille's success with comments and reactions, Amelia's question with
the answer she accepted, Léa's discussion, and a comment a moderator hid. Kudos for Amelia (the catalogue's
story) reach the space as a post once the worker handles them. Days count from the seeding."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.community.space import PostKind, Reaction


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoComment:
    key: str
    author: str  # a member's slug
    body: str
    day: float
    accepted: bool = False  # the question's author accepts it as the answer
    hidden_because: str | None = None  # a moderator hides it, with this reason


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoPost:
    key: str
    author: str
    kind: PostKind
    title: str | None
    body: str
    day: float
    comments: tuple[DemoComment, ...] = ()
    reactions: tuple[tuple[str, Reaction], ...] = ()


POSTS = (
    DemoPost(
        key="usine",
        author="camille",
        kind=PostKind.SUCCESS,
        title="Trois candidatures grâce à un post !",
        body="Mon post LinkedIn sur la nouvelle usine de Lyon a amené trois candidatures au poste de technicien. "
        "Merci à tous ceux qui l'ont partagé !",
        day=-12.0,
        comments=(
            DemoComment(key="bravo", author="lea", body="Bravo Camille ! Je le repartage côté Sales.", day=-11.8),
            DemoComment(
                key="photos",
                author="amelia",
                body="Brilliant! The photos of the line made all the difference.",
                day=-11.5,
            ),
            DemoComment(
                key="pub",
                author="hugo",
                body="Pour booster vos posts, essayez mon appli perso, lien en privé !",
                day=-11.0,
                hidden_because="Promotion of a personal business, outside the programme.",
            ),
        ),
        reactions=(("lea", Reaction.CELEBRATE), ("amelia", Reaction.LIKE), ("hugo", Reaction.CELEBRATE)),
    ),
    DemoPost(
        key="timing",
        author="amelia",
        kind=PostKind.QUESTION,
        title="Best time to post on LinkedIn?",
        body="My Friday afternoon posts get few views. When do yours do best?",
        day=-9.0,
        comments=(
            DemoComment(
                key="mardi",
                author="hugo",
                body="Tuesday or Wednesday before 9am: my last three posts doubled their views.",
                day=-8.9,
                accepted=True,
            ),
            DemoComment(key="midi", author="lea", body="Lunchtime works well for the French audience too.", day=-8.6),
        ),
        reactions=(("camille", Reaction.INSIGHTFUL), ("lea", Reaction.LIKE)),
    ),
    DemoPost(
        key="salon",
        author="lea",
        kind=PostKind.DISCUSSION,
        title="Qui vient au salon VivaTech ?",
        body="Je serai sur le stand jeudi. Qui veut qu'on prépare ensemble quelques posts pendant le salon ?",
        day=-4.0,
        comments=(DemoComment(key="moi", author="camille", body="Moi ! Je m'occupe des photos.", day=-3.7),),
        reactions=(("camille", Reaction.LIKE),),
    ),
)
