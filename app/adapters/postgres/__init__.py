"""PostgreSQL adapters: tables, repositories, the unit of work, migrations, embedded server."""
