"""A deployment on one machine: a fresh database migrated by ``relais db upgrade``, two ``relais serve``
replicas and two ``relais worker`` processes on it, counting requests in one Redis, and a webhook
receiver; any process may be killed (SIGKILL) and started again with the same settings."""

from __future__ import annotations

import asyncio
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import httpx
import pytest
from cryptography.fernet import Fernet
from sqlalchemy.engine import make_url

from app.adapters.auth.dev_issuer import DevIssuer
from bench.webhook_receiver import running_receiver
from tests.conftest import _recreate_database
from tests.e2e.live_replicas import RELAIS, ready, replica_environment
from tests.support.tcp_proxy import free_port

SERVES = ("serve-a", "serve-b")
WORKERS = ("worker-1", "worker-2")
# What a worker holds when it dies comes back after this long (before the load ends, the kill being
# at a quarter of it); the handler and webhook timeouts are half of it, generous on a loaded machine,
# where a timed-out webhook attempt would wait five minutes for its retry.
LEASE_SECONDS = 20
# The anonymous budget the rate-limit check spends, and the one address it spends it from.
ANONYMOUS_BUDGET = 20
WEBHOOK_CONCURRENCY = 16


@dataclass(slots=True)
class Cluster:
    database: str
    issuer: DevIssuer
    bases: dict[str, str]
    receiver: str
    received: Path
    logs: Path
    environment: dict[str, dict[str, str]]
    processes: dict[str, subprocess.Popen[str]] = field(default_factory=dict)
    log_files: list[IO[str]] = field(default_factory=list)

    @property
    def a(self) -> str:
        return self.bases["serve-a"]

    @property
    def b(self) -> str:
        return self.bases["serve-b"]

    def mint(self, tenant_id: uuid.UUID | None, *roles: str, subject: str, email: str | None = None) -> str:
        return self.issuer.mint(
            tenant_id=tenant_id, subject=subject, roles=list(roles), email=email, now=datetime.now(UTC)
        )

    def start(self, name: str) -> None:
        """Start ``name`` (again), its output appended to its log file, never to a pipe nobody reads."""
        log = (self.logs / f"{name}.log").open("a")
        self.log_files.append(log)
        command = "serve" if name in SERVES else "worker"
        self.processes[name] = subprocess.Popen(
            [RELAIS, command], env=self.environment[name], stdout=log, stderr=subprocess.STDOUT, text=True
        )

    def wait_ready(self, name: str) -> None:
        process = self.processes[name]
        if name in SERVES:
            ready(self.bases[name], process)
            return
        port = self.environment[name]["RELAIS_WORKER_PORT"]
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"{name} stopped; its log is {self.logs / name}.log")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        pytest.fail(f"{name} did not become ready within 180 s; its log is {self.logs / name}.log")

    def kill(self, name: str) -> None:
        """SIGKILL: no shutdown, no release of what it holds."""
        process = self.processes[name]
        process.kill()
        process.wait(timeout=30)

    def stop_all(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for name, process in self.processes.items():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)
            assert name  # every process was waited for
        for log in self.log_files:
            log.close()


def migrate(url: str) -> None:
    """``relais db upgrade``, the command an operator runs once per release."""
    upgraded = subprocess.run(
        [RELAIS, "db", "upgrade"],
        env=replica_environment(url, Path("/nonexistent"), "http://127.0.0.1"),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert upgraded.returncode == 0, upgraded.stdout + upgraded.stderr


def _settings(url: str, data_dir: Path, public_base: str, redis_url: str) -> dict[str, str]:
    return replica_environment(url, data_dir, public_base) | {
        # Shared by every process: the sealing key of webhook secrets (made once, not by racing processes).
        "RELAIS_SECRETS_KEYS": Fernet.generate_key().decode("ascii"),
        "RELAIS_RATE_LIMIT_STORAGE": redis_url,
        # The load's callers and visitors are not what is measured: their budgets are out of reach...
        "RELAIS_RATE_LIMIT_CALLER": "5000/second",
        "RELAIS_RATE_LIMIT_TENANT": "1000000/minute",
        "RELAIS_RATE_LIMIT_TRACKED_LINKS": "1000/minute",
        # ...but the anonymous budget is small, and windows start at their first request: spent within
        # the hour, whatever the moment.
        "RELAIS_RATE_LIMIT_ANONYMOUS": f"{ANONYMOUS_BUDGET}/hour",
        "RELAIS_WEBHOOK_ALLOWED_HOSTS": "localhost",
        "RELAIS_WEBHOOK_TIMEOUT_SECONDS": str(LEASE_SECONDS // 2),
        "RELAIS_WEBHOOK_CONCURRENCY": str(WEBHOOK_CONCURRENCY),
        "RELAIS_WORKER_LEASE_SECONDS": str(LEASE_SECONDS),
        "RELAIS_WORKER_HANDLER_TIMEOUT_SECONDS": str(LEASE_SECONDS // 2),
        # A handler's try that failed (a timeout on the loaded machine) comes back within seconds: the
        # retry schedule is not what is tested, and the drain must not wait for its hours.
        "RELAIS_WORKER_RETRY_DELAY_SECONDS": "1",
        "RELAIS_WORKER_RETRY_MAX_DELAY_SECONDS": "4",
        "RELAIS_WORKER_CLICK_SETTLE_SECONDS": "1",
        "RELAIS_WORKER_POLL_SECONDS": "0.2",
        "RELAIS_DB_POOL_SIZE": "5",
        "RELAIS_DB_POOL_OVERFLOW": "10",
    }


@contextmanager
def running_cluster(database_server: str, tmp: Path, redis_url: str) -> Iterator[Cluster]:
    """The database (dropped afterwards) and the serve replicas started; the workers are started by
    ``start_workers`` once the programme is seeded, as a release would."""
    base = make_url(database_server)
    name = f"{base.database or 'relais'}_scale_{uuid.uuid4().hex[:8]}"
    asyncio.run(_recreate_database(database_server, name))
    url = base.set(database=name).render_as_string(hide_password=False)
    data_dir, logs = tmp / "data", tmp / "logs"
    data_dir.mkdir()
    logs.mkdir()
    with ExitStack() as stack:
        stack.callback(lambda: asyncio.run(_recreate_database(database_server, name, create=False)))
        migrate(url)
        received = tmp / "received"
        receiver = stack.enter_context(running_receiver(free_port(), received))
        bases = {serve: f"http://127.0.0.1:{free_port()}" for serve in SERVES}
        # The development issuer's key, made before any process starts rather than by whichever is first.
        issuer = DevIssuer.load_or_create(data_dir, bases["serve-a"])
        shared = _settings(url, data_dir, bases["serve-a"], redis_url)
        environment = {serve: shared | {"RELAIS_PORT": bases[serve].rsplit(":", 1)[1]} for serve in SERVES} | {
            worker: shared | {"RELAIS_WORKER_PORT": str(free_port())} for worker in WORKERS
        }
        cluster = Cluster(url, issuer, bases, receiver, received, logs, environment)
        stack.callback(cluster.stop_all)
        for serve in SERVES:
            cluster.start(serve)
        for serve in SERVES:
            cluster.wait_ready(serve)
        yield cluster


def start_workers(cluster: Cluster) -> None:
    for worker in WORKERS:
        cluster.start(worker)
    for worker in WORKERS:
        cluster.wait_ready(worker)
