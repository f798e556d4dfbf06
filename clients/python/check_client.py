"""Type-checks only while the contract lets a Python client read a problem without casts: its `type`,
and an extension member (`errors`, the field-level list) typed from the schema."""

from __future__ import annotations

from relais_client import AuthenticatedClient
from relais_client.api.employees import create_employee_v1_employees_post as create_employee
from relais_client.models import EmployeeCreate, EmployeeOut, Problem


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
