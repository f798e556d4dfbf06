"""Use cases of surveys and of the idea box.

``build_surveys`` is how the composition root, the demo and the tests get them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.community.surveys.answer_survey import AnswerSurvey, GetSurveyResults
from app.services.community.surveys.ideas import (
    AcceptIdea,
    DeclineIdea,
    GetIdea,
    ListIdeas,
    ListMyIdeas,
    SubmitIdea,
)
from app.services.community.surveys.manage_surveys import (
    CloseSurvey,
    CreateSurvey,
    GetSurvey,
    ListMySurveys,
    ListSurveys,
    OpenSurvey,
    UpdateSurvey,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class SurveysUseCases:
    create_survey: CreateSurvey
    update_survey: UpdateSurvey
    open_survey: OpenSurvey
    close_survey: CloseSurvey
    get_survey: GetSurvey
    list_surveys: ListSurveys
    list_my_surveys: ListMySurveys
    answer_survey: AnswerSurvey
    get_survey_results: GetSurveyResults
    submit_idea: SubmitIdea
    list_my_ideas: ListMyIdeas
    list_ideas: ListIdeas
    get_idea: GetIdea
    accept_idea: AcceptIdea
    decline_idea: DeclineIdea


def build_surveys(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> SurveysUseCases:
    args = (uow, clock, ids)
    return SurveysUseCases(
        create_survey=CreateSurvey(*args),
        update_survey=UpdateSurvey(*args),
        open_survey=OpenSurvey(*args),
        close_survey=CloseSurvey(*args),
        get_survey=GetSurvey(*args),
        list_surveys=ListSurveys(*args),
        list_my_surveys=ListMySurveys(*args),
        answer_survey=AnswerSurvey(*args),
        get_survey_results=GetSurveyResults(*args),
        submit_idea=SubmitIdea(*args),
        list_my_ideas=ListMyIdeas(*args),
        list_ideas=ListIdeas(*args),
        get_idea=GetIdea(*args),
        accept_idea=AcceptIdea(*args),
        decline_idea=DeclineIdea(*args),
    )
