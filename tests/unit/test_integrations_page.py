"""docs/integrations.md holds what integrators copy: JSON that parses and a sender that compiles, signing
as the intake checks."""

from __future__ import annotations

import json
import re
from pathlib import Path

from app.domain.integrations.hris_events import read_event

PAGE = (Path(__file__).resolve().parents[2] / "docs" / "integrations.md").read_text()


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", PAGE, re.S)


def test_the_schemas_parse_and_name_the_four_event_types() -> None:
    envelope, narrowed, _ = blocks("json")
    schema = json.loads(envelope)
    assert schema["properties"]["type"]["enum"] == list(json.loads(narrowed))
    fields = set(schema["$defs"]["record"]["properties"])
    assert fields == {"external_id", "email", "given_name", "family_name", "department", "location",
                      "manager_external_id", "language", "hired_on", "terminated_on"}  # fmt: skip


def test_every_example_is_an_event_relais_reads() -> None:
    [_, _, examples] = blocks("json")
    events = [json.loads(line) for line in re.split(r"\n(?=\{)", examples.strip())]
    assert [read_event(event).type.value for event in events] == [
        "employee.hired",
        "employee.updated",
        "employee.terminated",
        "employee.rehired",
    ]


def test_the_sender_compiles() -> None:
    [sender] = blocks("python")
    compile(sender, "sender.py", "exec")
    assert "Webhook(SECRET).sign(" in sender
