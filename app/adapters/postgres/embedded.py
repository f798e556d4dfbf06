"""The embedded PostgreSQL, from the ``pgserver`` wheel, for machines without a server."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any


class EmbeddedPostgresUnavailable(RuntimeError):
    """This installation has no embedded PostgreSQL (the container image ships none)."""


class EmbeddedPostgres:
    """Starts (or joins) a PostgreSQL cluster kept in ``data_dir/postgres``.

    pgserver counts the processes using a cluster and stops it when the last one leaves,
    so ``relais db upgrade`` and ``relais serve`` can share it.
    """

    def __init__(self, data_dir: Path) -> None:
        self.pgdata = data_dir.resolve() / "postgres"
        self._server: Any = None

    @property
    def exists(self) -> bool:
        """Whether the cluster was initialised: ``start`` would otherwise create an empty one."""
        return (self.pgdata / "PG_VERSION").is_file()

    def start(self) -> str:
        try:
            with warnings.catch_warnings():
                # pgserver asks platformdirs for a runtime dir it does not need; its warning is noise.
                warnings.simplefilter("ignore")
                import pgserver
        except ImportError as error:
            raise EmbeddedPostgresUnavailable(
                "Embedded PostgreSQL needs the 'embedded' extra (pip install 'relais[embedded]'), "
                "or set RELAIS_DATABASE_URL to an external PostgreSQL."
            ) from error
        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self._server = pgserver.get_server(self.pgdata, cleanup_mode="stop")  # type: ignore[attr-defined]
        return str(self._server.get_uri())

    def stop(self) -> None:
        if self._server is not None:
            self._server.cleanup()
            self._server = None
