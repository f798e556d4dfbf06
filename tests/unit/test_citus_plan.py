"""``relais db citus-plan``: the statements that distribute the schema, in an order Citus accepts."""

from __future__ import annotations

import re

from click.testing import CliRunner

from app.adapters.postgres.storage.distribution import REFERENCE_TABLES
from app.adapters.postgres.tables import metadata
from app.cli import main

STATEMENT = re.compile(
    r"SELECT create_(reference|distributed)_table\('(\w+)'(?:, 'tenant_id')?(?:, colocate_with => '(\w+)')?\);"
)


def _plan() -> list[tuple[str, str, str | None]]:
    result = CliRunner().invoke(main, ["db", "citus-plan"])
    assert result.exit_code == 0, result.output
    parsed = [STATEMENT.fullmatch(line) for line in result.output.splitlines()]
    assert all(parsed), result.output
    return [(match.group(1), match.group(2), match.group(3)) for match in parsed if match]


def test_the_plan_makes_the_declared_tables_reference_tables_first() -> None:
    plan = _plan()
    reference = [table for kind, table, _ in plan if kind == "reference"]

    assert set(reference) == set(REFERENCE_TABLES)
    assert plan[: len(reference)] == [("reference", table, None) for table in reference]


def test_the_plan_distributes_every_other_tenant_table_by_tenant_colocated_with_employees() -> None:
    plan = _plan()
    distributed = [(table, colocated) for kind, table, colocated in plan if kind == "distributed"]
    with_tenant = {table.name for table in metadata.sorted_tables if "tenant_id" in table.columns}

    assert distributed[0] == ("employees", None)
    assert {colocated for _, colocated in distributed[1:]} == {"employees"}
    assert {table for table, _ in distributed} == with_tenant - set(REFERENCE_TABLES)
    assert len(plan) == len(metadata.sorted_tables)


def test_each_table_is_distributed_after_the_tables_it_references() -> None:
    order = {table: position for position, (_, table, _) in enumerate(_plan())}

    for table in metadata.sorted_tables:
        for key in table.foreign_keys:
            referenced = key.column.table.name
            if referenced != table.name:
                assert order[referenced] < order[table.name], f"{table.name} before {referenced}"
