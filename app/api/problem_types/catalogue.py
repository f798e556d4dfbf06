"""docs/problems.md: the catalogue of problem types, written from the registry (and drift-tested)."""

from __future__ import annotations

import json
from typing import Any

from app.api.problem_types import INTERNAL_ERROR, REGISTRY, ProblemType
from app.api.rest.problems import problem_body

HEADER = """# Problem types

Every error Relais answers over REST is an [RFC 9457](https://www.rfc-editor.org/rfc/rfc9457)
`application/problem+json` document. Its `type` is one of the URNs below, stable across
versions: branch on it, never on `title` (the HTTP status's name) or `detail` (written for
people, and it may change). `status` repeats the HTTP status; members besides `type`,
`title`, `status` and `detail` appear only on the types that list them. The OpenAPI
document (`openapi/openapi.json`) lists the types each operation can answer, with an
example of each, and types every member in its `Problem` schema.

Over GraphQL, a mutation's expected failures are members of its result union (the
GraphQL type named below, with the same `code`); any other failure is a top-level error
whose `extensions.code` is the slug below.

This page is generated from the registry in `app/api/problem_types/` by
`relais openapi export`; a test fails when it differs.
"""


def render_catalogue() -> str:
    rows = ["| Type | Status | Title | GraphQL |", "| --- | --- | --- | --- |"]
    rows += [
        f"| [`{kind.slug}`](#{kind.slug}) | {kind.status} | {kind.title} | {_graphql(kind)} |" for kind in REGISTRY
    ]
    sections = [_section(kind) for kind in REGISTRY]
    return "\n".join([HEADER, *rows, "", *sections]).rstrip() + "\n"


def _graphql(kind: ProblemType[Any]) -> str:
    if kind.graphql is not None:
        return f"`{kind.graphql.type.__name__}`"
    # Any failure a resolver meets is a top-level error; the HTTP exchange's own are REST's alone.
    if kind.error is not None or kind is INTERNAL_ERROR:
        return "top-level error"
    return "REST only"


def _section(kind: ProblemType[Any]) -> str:
    detail, members = kind.sample()
    lines = [
        f"## {kind.slug}",
        "",
        f"**{kind.title}** · `{kind.uri}` · HTTP {kind.status} · GraphQL: {_graphql(kind)}",
        "",
        f"- **What it means:** {kind.means}",
        f"- **How to fix it:** {kind.fix}",
    ]
    model = kind.member_model()
    if model is not None:
        lines.append("- **Members:**")
        lines += [f"  - `{name}`: {field.description}" for name, field in model.model_fields.items()]
    example = json.dumps(problem_body(kind, detail, members), indent=2, ensure_ascii=False)
    lines += ["", "```json", example, "```", ""]
    return "\n".join(lines)
