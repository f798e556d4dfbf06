"""The ``demo`` tenant's surveys and idea box, told by ``app/demo/seed_surveys.py``: an anonymous winter
pulse every member answered, closed with its results; a spring survey on contents, open now, that Léa
answered (its results withheld until five have); and three ideas, one accepted, one declined, one pending.
Days count from the seeding, like the rest of the story."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.community.surveys import Question, QuestionKind
from app.domain.community.surveys_answers import Reply


@dataclass(frozen=True, slots=True)
class DemoAnswer:
    member: str  # a roster slug
    day: float
    replies: tuple[Reply, ...]


@dataclass(frozen=True, slots=True)
class DemoSurvey:
    key: str
    title: str
    description: str
    questions: tuple[Question, ...]
    anonymous: bool
    opens: float
    closes: float
    answers: tuple[DemoAnswer, ...]
    closed: float | None = None  # the day staff closed it, if they did


@dataclass(frozen=True, slots=True)
class DemoIdea:
    member: str
    title: str
    body: str
    day: float
    decided: float | None = None
    declined_because: str | None = None  # None with a decision: accepted


PULSE = (
    Question(kind=QuestionKind.SATISFACTION, prompt="How satisfied are you with the ambassador programme?"),
    Question(kind=QuestionKind.NPS, prompt="How likely are you to recommend the programme to a colleague?"),
    Question(
        kind=QuestionKind.MULTIPLE_CHOICE,
        prompt="Which contents do you share most gladly?",
        options=("Job offers", "Product news", "Behind the scenes", "Events"),
        multiple=True,
    ),
    Question(kind=QuestionKind.FREE_TEXT, prompt="What would make sharing easier for you?"),
)
CONTENTS_SURVEY = (
    Question(kind=QuestionKind.SATISFACTION, prompt="How useful were this month's contents?"),
    Question(
        kind=QuestionKind.MULTIPLE_CHOICE,
        prompt="Which format would you like more of?",
        options=("Short videos", "Articles", "Photos"),
    ),
)


def _pulse(satisfaction: int, nps: int, choices: tuple[str, ...], text: str | None = None) -> tuple[Reply, ...]:
    replies = (Reply(question=0, score=satisfaction), Reply(question=1, score=nps), Reply(question=2, choices=choices))
    return replies + ((Reply(question=3, text=text),) if text else ())


SURVEYS = (
    DemoSurvey(
        "winter-pulse",
        "Winter pulse",
        "Five minutes on how the programme works for you; nobody can tell who answered what.",
        PULSE,
        anonymous=True,
        opens=-30.0,
        closes=-14.0,
        closed=-16.0,
        answers=(
            DemoAnswer("camille", -29.5, _pulse(5, 10, ("Job offers", "Behind the scenes"), "Ready-made captions.")),
            DemoAnswer("lea", -29.0, _pulse(4, 9, ("Product news",), "Shorter links on mobile.")),
            DemoAnswer("hugo", -27.0, _pulse(4, 8, ("Behind the scenes",), "A reminder when a job offer fits.")),
            DemoAnswer("amelia", -26.0, _pulse(3, 6, ("Events", "Job offers"), "More contents in English.")),
            DemoAnswer("noah", -24.0, _pulse(5, 9, ("Behind the scenes", "Events"), "Photos of the Berlin team.")),
        ),
    ),
    DemoSurvey(
        "spring-contents",
        "This month's contents",
        "Tell us which contents helped you most.",
        CONTENTS_SURVEY,
        anonymous=False,
        opens=-3.0,
        closes=11.0,
        answers=(DemoAnswer("lea", -2.0, (Reply(question=0, score=4), Reply(question=1, choices=("Short videos",)))),),
    ),
)
IDEAS = (
    DemoIdea(
        "camille",
        "Behind the scenes of the Paris lab",
        "A short video tour of the lab, with the team explaining what they test each week.",
        day=-12.0,
        decided=-10.0,
    ),
    DemoIdea(
        "hugo",
        "Hackathon recap",
        "A thread of photos from the autumn hackathon and the projects that came out of it.",
        day=-9.0,
        decided=-8.0,
        declined_because="The hackathon was covered in November; suggest it again for the spring edition.",
    ),
    DemoIdea(
        "amelia",
        "A customer story from London",
        "How our London customers use the product, told by their team in a short interview.",
        day=-1.0,
    ),
)
