"""Type-checks only while the contract lets a Python client read a problem without casts: its `type`,
and the extension members typed from the schema (`errors`, a refused share's `violations` and `resets_at`)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from relais_client import AuthenticatedClient
from relais_client.api.employees import create_employee
from relais_client.api.shares import create_share
from relais_client.models import EmployeeCreate, EmployeeOut, Network, Problem, ShareCreate


def hire_ada(token: str) -> str:
    client = AuthenticatedClient(base_url="http://127.0.0.1:8000", token=token)
    body = EmployeeCreate(email="ada@acme.example", given_name="Ada", family_name="Lovelace")
    response = create_employee.sync_detailed(client=client, body=body)
    answer = response.parsed
    if isinstance(answer, Problem):
        kind: str = answer.type_
        fields = [f"{'.'.join(str(part) for part in field.loc)}: {field.message}" for field in answer.errors or []]
        return f"{answer.status} {kind} {answer.detail} {'; '.join(fields)}"
    if isinstance(answer, EmployeeOut):
        return f"{response.status_code} {answer.id}"
    return f"{response.status_code} unexpected"


def share_on_linkedin(token: str, content_id: UUID) -> str:
    client = AuthenticatedClient(base_url="http://127.0.0.1:8000", token=token)
    response = create_share.sync_detailed(
        client=client, body=ShareCreate(content_id=content_id, network=Network.LINKEDIN)
    )
    answer = response.parsed
    if not isinstance(answer, Problem):
        return "shared"
    violations = [f"{violation.code}: {violation.detail}" for violation in answer.violations or []]
    resets_at = answer.resets_at.isoformat() if isinstance(answer.resets_at, datetime) else ""
    return f"{answer.type_} {'; '.join(violations)} {resets_at}"
