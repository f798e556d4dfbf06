"""The dry run's statements: each one set-based over the whole import, so that a dry run costs the
same few statements for ten rows or 100,000.

$1 is the tenant, $2 the import (each statement says what its others are). A problem is stored as its
column, its English template and its parameters, so that it can be given in the reader's language.
"""

from __future__ import annotations

from app.domain.integrations.roster_imports import FIELD_BITS

# A UUIDv7 made in SQL (PostgreSQL 15 has no function for it): the clock's milliseconds over a
# random UUID, its version nibble turned from 4 to 7.
UUID7 = (
    "encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing "
    "substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), "
    "52, 1), 53, 1), 'hex')::uuid"
)


def gives(field: str, alias: str = "r") -> str:
    """SQL: the row gives ``field`` (a partial record changes only the fields it gives)."""
    return f"({alias}.given & {FIELD_BITS[field]}) <> 0"


def problem(column: str, template: str, params: str = "'{}'::jsonb") -> str:
    """SQL: one problem as stored; ``params`` is an SQL expression of a JSON object."""
    quoted = template.replace("'", "''")
    return f"jsonb_build_object('column', '{column}', 'template', '{quoted}', 'params', {params})"


ROWS = "roster_import_rows WHERE tenant_id = $1 AND import_id = $2"


def new_id(line: str, prefix: str) -> str:
    """SQL: the id a new employee gets: the import's id (a UUIDv7; the parameter ``prefix`` holds its
    first 24 hex digits) with the row's line in its last 32 bits. A row naming a new manager knows the
    manager's id within the same statement, the dry run and the apply find the same ids, and ids stay
    unique (two imports' ids differ in their first 64 bits)."""
    return f"({prefix}::text || lpad(to_hex({line}), 8, '0'))::uuid"


_OTHER_LINES = "array_to_string((array_remove(lines, line))[1:5], ', ')"

# The dry run's settings, with the statistics of what was just copied (so the diff joins by hash
# rather than row by row), in one round trip. A sample of 3,000 rows tells the planner all it uses (how
# many rows, how many distinct keys) for a tenth of a full ANALYZE's time; memory enough for the diff's
# hash tables over 100,000 rows, which would otherwise spill to disk; no JIT, whose compiling cost more
# than it saved on these statements.
PREPARE = (
    "SET LOCAL jit = off; SET LOCAL work_mem = '64MB'; SET LOCAL default_statistics_target = 10; "
    "ANALYZE roster_import_rows"
)

# The manager a row names, in the check: an employee of the roster, else (a marker id no employee's
# manager is) the file's row with that external id, whose id ``MANAGERS`` then puts on the row.
_FILE_MANAGER = "'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid"
_MANAGER = (
    f"CASE WHEN {gives('manager_external_id')} AND r.manager_external_id IS NOT NULL "
    f"THEN coalesce(m.id, {_FILE_MANAGER}) END"
)
# A field given and different from the employee's; a manager compared by the employee it resolves to.
_CHANGED = " OR ".join(
    f"({gives(name)} AND {new} IS DISTINCT FROM e.{column})"
    for name, new, column in (
        ("email", "r.email", "email"),
        ("given_name", "r.given_name", "given_name"),
        ("family_name", "r.family_name", "family_name"),
        ("department", "r.department", "department"),
        ("location", "r.location", "location"),
        ("manager_external_id", _MANAGER, "manager_id"),
        ("language", "r.language", "language"),
        ("hired_on", "r.hired_on", "hired_on"),
        ("terminated_on", "r.terminated_on", "terminated_on"),
    )
)
# What a row does: add an employee, change one, terminate one, or nothing.
_ACTION = f"""CASE
        WHEN e.id IS NULL THEN 'create'
        WHEN {gives("terminated_on")} AND r.terminated_on IS NOT NULL AND e.status = 'active' THEN 'terminate'
        WHEN {_CHANGED} THEN 'update'
    END"""


_HIRED_ON = f"CASE WHEN {gives('hired_on')} THEN r.hired_on ELSE e.hired_on END"
# An address given that is not the employee's own (lowered only when it differs as written: most are equal).
_NEW_ADDRESS = (
    f"{gives('email')} AND r.email IS NOT NULL AND r.email IS DISTINCT FROM e.email "
    "AND lower(r.email) IS DISTINCT FROM lower(e.email)"
)

# What needs the whole file or the roster: repeated keys and addresses, addresses another employee
# holds, what a new employee lacks, a departure before the hiring, a row naming itself as manager;
# and what each good row does, kept on the rows that change the roster. $5: the first 24 hex digits of
# the import's id (see ``new_id``).
CHECK = f"""
-- Only the rows whose key or address an earlier row had too ($3, $4: their lines, comma-separated,
-- noted as the file streamed in), with the rows they share it with, gather each other's lines; $4 is
-- null when PostgreSQL must find them by counting. (Text rather than arrays, which asyncpg would look
-- up the type of on each connection.)
WITH keys AS (
    SELECT line, array_agg(line) OVER (PARTITION BY external_id) AS lines
    FROM {ROWS} AND $3::text <> '' AND external_id IN (
        SELECT external_id FROM {ROWS} AND line IN (SELECT unnest(string_to_array($3::text, ',')::int[]))
    )
),
addresses AS (
    SELECT line, array_agg(line) OVER (PARTITION BY lower(email)) AS lines
    FROM roster_import_rows AS r
    WHERE r.tenant_id = $1 AND r.import_id = $2 AND {gives("email")} AND r.email IS NOT NULL
      AND coalesce($4::text, '-') <> '' AND lower(email) IN (
        SELECT lower(email) FROM roster_import_rows AS r
        WHERE r.tenant_id = $1 AND r.import_id = $2 AND {gives("email")} AND CASE
            WHEN $4::text IS NOT NULL THEN line IN (SELECT unnest(string_to_array($4::text, ',')::int[]))
            ELSE true
        END
        GROUP BY lower(email) HAVING $4::text IS NOT NULL OR count(*) > 1
    )
),
-- One pass over the rows and their employees: the checks that need the roster, for the rows one of
-- them may refuse (a new address, a new employee, a last day, a row naming itself as manager), and
-- what each row would do.
checked AS MATERIALIZED (
    -- Kept: the rows with a problem to check or a change to make, not the many that change nothing.
    SELECT * FROM (
    SELECT r.line, r.problems IS NULL AS readable, CASE WHEN ({_NEW_ADDRESS}) OR (r.problems IS NULL AND e.id IS NULL)
        OR ({gives("terminated_on")} AND r.terminated_on IS NOT NULL)
        OR ({gives("manager_external_id")} AND r.manager_external_id = r.external_id)
    THEN ARRAY[
        -- An address is held by one employee at most (a unique index): by the row's own employee when it
        -- is theirs already, so only a new address is looked up, by the index.
        CASE WHEN {_NEW_ADDRESS} THEN (
            SELECT {
    problem(
        "email",
        "Another employee ({holder}) already has this address; change one of them.",
        "jsonb_build_object('holder', coalesce(h.external_id, h.id::text))",
    )
}
            FROM employees AS h
            WHERE h.tenant_id = $1 AND lower(h.email) = lower(r.email) AND h.external_id IS DISTINCT FROM r.external_id
            LIMIT 1
        ) END,
        CASE WHEN r.problems IS NULL AND e.id IS NULL AND NOT ({gives("email")} AND r.email IS NOT NULL)
            THEN {problem("email", "Required to add a new employee.")} END,
        CASE WHEN r.problems IS NULL AND e.id IS NULL AND NOT ({gives("given_name")} AND r.given_name IS NOT NULL)
            THEN {problem("given_name", "Required to add a new employee.")} END,
        CASE WHEN r.problems IS NULL AND e.id IS NULL AND NOT ({gives("family_name")} AND r.family_name IS NOT NULL)
            THEN {problem("family_name", "Required to add a new employee.")} END,
        CASE WHEN {gives("terminated_on")} AND r.terminated_on < {_HIRED_ON} THEN {
    problem(
        "terminated_on",
        "Give their last day on or after {hired_on}, when they were hired.",
        f"jsonb_build_object('hired_on', ({_HIRED_ON})::text)",
    )
} END,
        CASE WHEN {gives("manager_external_id")} AND r.manager_external_id = r.external_id
            THEN {problem("manager_external_id", "An employee cannot be their own manager.")} END
    ] END AS items,
    {_ACTION} AS action, coalesce(e.id, {new_id("r.line", "$5")}) AS employee_id, {_MANAGER} AS manager_id
    FROM roster_import_rows AS r
    LEFT JOIN employees AS e ON e.tenant_id = $1 AND e.external_id = r.external_id
    LEFT JOIN employees AS m ON m.tenant_id = $1 AND m.external_id = r.manager_external_id
    WHERE r.tenant_id = $1 AND r.import_id = $2
    ) AS pass WHERE items IS NOT NULL OR (readable AND action IS NOT NULL)
),
found AS (
    SELECT line, {
    problem(
        "external_id",
        "The same external id is on line {lines} too; keep one row per employee.",
        f"jsonb_build_object('lines', {_OTHER_LINES})",
    )
} AS item
    FROM keys WHERE cardinality(lines) > 1
    UNION ALL
    SELECT line, {
    problem(
        "email",
        "The same address is on line {lines} too; each employee needs their own.",
        f"jsonb_build_object('lines', {_OTHER_LINES})",
    )
} FROM addresses WHERE cardinality(lines) > 1
    UNION ALL
    SELECT line, item FROM checked, unnest(items) AS item WHERE item IS NOT NULL
),
grouped AS (SELECT line, jsonb_agg(item) AS items FROM found GROUP BY line),
-- Each row refused, with its problems, or changing the roster, with its verdict; never both.
settled AS (
    SELECT g.line, g.items, NULL AS action, NULL::uuid AS employee_id, NULL::uuid AS manager_id FROM grouped AS g
    UNION ALL
    SELECT c.line, NULL, c.action, c.employee_id, c.manager_id FROM checked AS c
    WHERE c.readable AND c.action IS NOT NULL AND NOT EXISTS (SELECT 1 FROM grouped AS g WHERE g.line = c.line)
)
UPDATE roster_import_rows AS r
SET problems = CASE WHEN s.items IS NULL THEN r.problems ELSE coalesce(r.problems, '[]'::jsonb) || s.items END,
    action = s.action, employee_id = s.employee_id, manager_id = s.manager_id
FROM settled AS s
WHERE r.tenant_id = $1 AND r.import_id = $2 AND r.line = s.line
"""

# Managers named by external id: an employee of the roster, or a good row of the file; a row whose
# manager is neither is refused, and so, in turn, is any row whose only manager is a refused row. A row
# whose manager is a good row of the file gets the id that row's new employee will have ($3: the first
# 24 hex digits of the import's id, see ``new_id``); a refused row loses the verdict the check gave it.
MANAGERS = f"""
WITH RECURSIVE wanted AS (
    -- The good rows whose manager the check found among no employees (it gave them the marker id).
    SELECT line, manager_external_id AS manager FROM {ROWS} AND problems IS NULL AND manager_id = {_FILE_MANAGER}
),
-- The good rows that may be such a manager: a few, whatever the planner guesses of ``wanted``.
good AS MATERIALIZED (
    SELECT line, external_id FROM {ROWS} AND problems IS NULL AND external_id IN (SELECT manager FROM wanted)
),
unknown (line) AS (
    SELECT w.line FROM wanted AS w
    WHERE NOT EXISTS (SELECT 1 FROM good AS g WHERE g.external_id = w.manager)
    UNION
    SELECT w.line FROM wanted AS w
    JOIN good AS g ON g.external_id = w.manager
    JOIN unknown AS u ON u.line = g.line
),
settled AS (
    SELECT w.line, u.line IS NOT NULL AS refused, g.line AS manager_line
    FROM wanted AS w
    LEFT JOIN good AS g ON g.external_id = w.manager
    LEFT JOIN unknown AS u ON u.line = w.line
)
UPDATE roster_import_rows AS r
SET problems = CASE WHEN s.refused THEN jsonb_build_array({
    problem(
        "manager_external_id",
        "No employee has the external id {manager}, in the roster or among the file's valid rows; add the "
        "manager's row, fix it, or leave the cell empty.",
        "jsonb_build_object('manager', r.manager_external_id)",
    )
}) END,
    manager_id = CASE WHEN NOT s.refused THEN {new_id("s.manager_line", "$3")} END,
    action = CASE WHEN NOT s.refused THEN r.action END,
    employee_id = CASE WHEN NOT s.refused THEN r.employee_id END
FROM settled AS s
WHERE r.tenant_id = $1 AND r.import_id = $2 AND r.line = s.line
"""


# The roster's stamp: any change to an employee raises its version, any addition the count.
STAMP_OF = "count(*)::text || ':' || coalesce(sum(version), 0)::text"
STAMP = f"SELECT {STAMP_OF} FROM employees WHERE tenant_id = $1"


def absent(mode: str) -> str:
    """SQL: a condition on the employee ``e``: active, with an external id, and named by no row, when
    the import (whose mode is the parameter ``mode``) is full; never for a partial one."""
    return f"""
    e.tenant_id = $1 AND {mode}::text = 'full' AND e.status = 'active' AND e.external_id IS NOT NULL
      AND NOT EXISTS (
          SELECT 1 FROM roster_import_rows AS r
          WHERE r.tenant_id = $1 AND r.import_id = $2 AND r.external_id = e.external_id
      )
    """


# The dry run's counts, from the rows' problems and verdicts, and the stamp of the roster it saw,
# written on the import. $3 is the import's mode.
SUMMARY = f"""
-- The bad rows by their index; $4 is how many rows the COPY staged.
WITH counted AS (
    SELECT $4::int AS rows, count(*) AS bad_rows, coalesce(sum(jsonb_array_length(problems)), 0) AS error_count
    FROM {ROWS} AND problems IS NOT NULL
),
acted AS (
    SELECT count(*) FILTER (WHERE action = 'create') AS to_create,
           count(*) FILTER (WHERE action = 'update') AS to_update,
           count(*) FILTER (WHERE action = 'terminate') AS terminating,
           count(*) FILTER (WHERE action IS NULL AND problems IS NULL) AS unchanged
    FROM {ROWS}
),
roster AS (
    SELECT count(*) FILTER (WHERE status = 'active') AS active, {STAMP_OF} AS stamp
    FROM employees WHERE tenant_id = $1
),
absent AS (SELECT count(*) AS terminating FROM employees AS e WHERE {absent("$3")})
UPDATE roster_imports AS i
SET rows = c.rows, bad_rows = c.bad_rows, error_count = c.error_count, to_create = a.to_create,
    to_update = a.to_update, to_terminate = a.terminating + absent.terminating, unchanged = a.unchanged,
    active_employees = roster.active, roster_stamp = roster.stamp
FROM counted AS c, acted AS a, roster, absent
WHERE i.tenant_id = $1 AND i.id = $2
RETURNING i.*
"""
