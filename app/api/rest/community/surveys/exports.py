"""/v1/exports/surveys/{id}: a survey's results as a CSV file, one line per figure."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from uuid import UUID

from fastapi import APIRouter, Response

from app.api import problem_types as problem
from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.metrics.csv_tables import cell_text
from app.api.rest.metrics.exports import CSV
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.community.surveys_answers import QuestionResult, SurveyResults
from app.services.community.surveys.access import SURVEY_READERS

router = APIRouter(prefix="/v1/exports", tags=["exports"], route_class=OperationRoute)

COLUMNS = ("question", "kind", "prompt", "replies", "measure", "option", "value")
Row = tuple[object, ...]

_FILE: dict[int | str, dict[str, object]] = {
    200: {
        "description": "The CSV file (RFC 4180, UTF-8, CRLF line ends): a header line, then one line per figure "
        "(`measure`: average, score, nps, promoters, passives, detractors, option, text or withheld). Text "
        "cells a spreadsheet would run as a formula start with a single quote.",
        "content": {CSV: {"schema": {"type": "string"}}},
        "headers": {
            "Content-Disposition": {
                "description": "`attachment` with the file's name, `survey-<id>-results.csv`.",
                "schema": {"type": "string"},
            }
        },
    }
}


@router.get(
    "/surveys/{survey_id}",
    dependencies=[allowed(SURVEY_READERS)],
    summary="Export a survey's results",
    response_class=Response,
    responses=_FILE | problems(problem.NOT_FOUND),
)
async def export_survey_results(survey_id: UUID, principal: PrincipalDep, services: ServicesDep) -> Response:
    """A survey's results as CSV (admin, manager, analyst), with the same floor as read over the API: below
    five answers, or five replies to a question, the figures are withheld and the line says why."""
    results = await services.surveys.get_survey_results(principal, survey_id)
    return Response(
        content=results_csv(results),
        media_type=CSV,
        headers={"Content-Disposition": f'attachment; filename="survey-{survey_id}-results.csv"'},
    )


def results_csv(results: SurveyResults) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for question in results.questions:
        for row in _rows(question):
            writer.writerow([cell_text(value) for value in row])  # type: ignore[arg-type]
    return buffer.getvalue()


def _rows(q: QuestionResult) -> Iterator[Row]:
    head = (q.question, q.kind.value, q.prompt, q.replies)
    if q.withheld:
        yield (*head, "withheld", None, q.reason)
        return
    if q.average is not None:
        yield (*head, "average", None, q.average)
    for score, count in q.scores:
        yield (*head, "score", str(score), count)
    if q.nps is not None:
        yield (*head, "nps", None, q.nps)
        yield (*head, "promoters", None, q.promoters)
        yield (*head, "passives", None, q.passives)
        yield (*head, "detractors", None, q.detractors)
    for option, count in q.options:
        yield (*head, "option", option, count)
    for text in q.texts:
        yield (*head, "text", None, text)
