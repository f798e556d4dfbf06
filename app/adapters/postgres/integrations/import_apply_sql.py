"""The apply's statements: the import locked with the roster's stamp read, then ONE statement that
adds, changes and terminates employees as the staging rows' verdicts say (the dry run's, on the roster
the stamp proves unchanged), terminates the absent, ends the departed ambassadors' memberships,
records the events and marks the import applied.

$1 tenant, $2 import, $3 now, $4 today, $5 mode, $6 who applies, $7 mass termination confirmed.
"""

from __future__ import annotations

from app.adapters.postgres.integrations.import_diff_sql import STAMP, UUID7, absent, gives

# The import, locked against a second apply, with what the checks need: the roster's stamp now and
# the programme's mass-termination threshold (None: the default). It also sets the transaction's
# planner settings for the apply (no JIT, memory for its hash tables), as the dry run's do.
LOCK = f"""
SELECT set_config('jit', 'off', true) AS jit, set_config('work_mem', '64MB', true) AS work_mem,
       i.*, ({STAMP}) AS current_stamp,
       (SELECT count(*) FROM roster_import_rows WHERE tenant_id = $1 AND import_id = $2) AS staged_rows,
       (SELECT (document ->> 'mass_termination_percent')::int FROM programme_settings WHERE tenant_id = $1)
           AS mass_termination_percent
FROM roster_imports AS i
WHERE i.tenant_id = $1 AND i.id = $2
FOR UPDATE OF i
"""


def _given_or_kept(name: str, column: str | None = None) -> str:
    column = column or name
    return f"{column} = CASE WHEN {gives(name, 's')} THEN s.{column} ELSE e.{column} END"


_TERMINATED_ON = f"CASE WHEN {gives('terminated_on', 's')} THEN s.terminated_on ELSE e.terminated_on END"

APPLY = f"""
WITH staged AS MATERIALIZED (
    SELECT * FROM roster_import_rows WHERE tenant_id = $1 AND import_id = $2 AND action IS NOT NULL
),
created AS (
    INSERT INTO employees (
        tenant_id, id, external_id, email, given_name, family_name, department, location, language,
        manager_id, status, hired_on, terminated_on, version, created_at, updated_at
    )
    SELECT $1, employee_id, external_id, email, given_name, family_name, department, location, language,
           manager_id, CASE WHEN terminated_on IS NULL THEN 'active' ELSE 'terminated' END, hired_on,
           terminated_on, 1, $3, $3
    FROM staged WHERE action = 'create'
    RETURNING id
),
changed AS (
    UPDATE employees AS e
    SET {_given_or_kept("email")}, {_given_or_kept("given_name")}, {_given_or_kept("family_name")},
        {_given_or_kept("department")}, {_given_or_kept("location")}, {_given_or_kept("language")},
        {_given_or_kept("manager_external_id", "manager_id")}, {_given_or_kept("hired_on")},
        terminated_on = {_TERMINATED_ON},
        status = CASE WHEN {_TERMINATED_ON} IS NULL THEN 'active' ELSE 'terminated' END,
        version = e.version + 1, updated_at = $3
    FROM staged AS s
    WHERE e.tenant_id = $1 AND e.id = s.employee_id AND s.action IN ('update', 'terminate')
    RETURNING e.id, s.action
),
departed AS (
    UPDATE employees AS e
    SET status = 'terminated', terminated_on = greatest($4::date, coalesce(e.hired_on, $4::date)),
        version = e.version + 1, updated_at = $3
    WHERE {absent("$5")}
    RETURNING e.id
),
ended AS (
    UPDATE ambassadors AS a
    SET status = 'left', left_at = $3, version = a.version + 1, updated_at = $3
    WHERE a.tenant_id = $1 AND a.status IN ('invited', 'active', 'paused')
      AND a.employee_id IN (SELECT id FROM changed WHERE action = 'terminate' UNION ALL SELECT id FROM departed)
    RETURNING a.id, a.employee_id
),
events AS (
    INSERT INTO outbox (tenant_id, id, type, occurred_at, data, recorded_at)
    SELECT $1, {UUID7}, 'ambassador.left', $3,
           jsonb_build_object('id', a.id, 'employee_id', a.employee_id, 'status', 'left', 'reason', 'departure'), $3
    FROM ended AS a
    UNION ALL
    SELECT $1, {UUID7}, 'roster.imported', $3,
           jsonb_build_object(
               'id', $2::uuid, 'mode', $5::text,
               'created', (SELECT count(*) FROM created),
               'updated', (SELECT count(*) FROM changed WHERE action = 'update'),
               'terminated', (SELECT count(*) FROM changed WHERE action = 'terminate')
                   + (SELECT count(*) FROM departed),
               'memberships_ended', (SELECT count(*) FROM ended)
           ), $3
    RETURNING id
)
UPDATE roster_imports
SET status = 'applied', applied_by = $6, applied_at = $3, mass_termination_confirmed = $7,
    version = version + 1
WHERE tenant_id = $1 AND id = $2 AND (SELECT count(*) FROM events) >= 1
RETURNING *
"""
