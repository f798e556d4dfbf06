"""compose.yaml, the single-host deployment: valid Compose, one Relais image, the migration before the
processes, probes the processes answer, documented settings and no secret in the repository."""

from __future__ import annotations

import ipaddress
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from app.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "compose.yaml"
ENV_EXAMPLE = ROOT / ".env.example"
DOCUMENTED = {f"RELAIS_{name.upper()}" for name in Settings.model_fields}
API_PATHS = set(json.loads((ROOT / "openapi" / "openapi.json").read_text())["paths"])
REQUIRED = re.compile(r"^\$\{(\w+):\?[^}]+\}$")
INTERPOLATED = re.compile(r"\$\{(\w+)")


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return loaded


def _relais_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The services that run the `relais` command."""
    return {name: s for name, s in compose["services"].items() if s.get("command", [""])[0] == "relais"}


def _image_healthcheck() -> list[str]:
    """The Dockerfile's HEALTHCHECK command, in Compose's exec form."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    found = re.search(r"^HEALTHCHECK .*?CMD (\[.*?\])$", dockerfile, re.MULTILINE | re.DOTALL)
    assert found is not None, "the Dockerfile declares no HEALTHCHECK"
    return ["CMD", *json.loads(found.group(1))]


def test_compose_file_follows_the_compose_specification() -> None:
    # The schema check-jsonschema vendors from compose-spec (its vendor.compose-spec builtin).
    vendored = resources.files("check_jsonschema.builtin_schemas.vendor") / "compose-spec.json"
    schema = json.loads(vendored.read_text())
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(_compose())]
    assert errors == []


def test_every_relais_process_runs_the_one_image_built_from_the_dockerfile() -> None:
    services = _relais_services(_compose())
    assert {s["command"][1] for s in services.values()} == {"db", "serve", "worker"}
    assert len({s["image"] for s in services.values()}) == 1
    assert {s["build"] for s in services.values()} == {"."}
    assert (ROOT / "Dockerfile").is_file()


def test_the_api_and_the_worker_start_once_the_migration_has_succeeded() -> None:
    compose = _compose()
    services = _relais_services(compose)
    migrations = [name for name, s in services.items() if s["command"] == ["relais", "db", "upgrade"]]
    assert len(migrations) == 1
    migration = migrations[0]
    assert services[migration]["restart"] == "no"
    for name, service in services.items():
        if name != migration:
            assert service["depends_on"][migration] == {"condition": "service_completed_successfully"}, name
    # The migration and the processes wait for a database that answers, and anything waited on as
    # healthy has a health check.
    assert services[migration]["depends_on"]["db"] == {"condition": "service_healthy"}
    for name, service in compose["services"].items():
        for needed, condition in service.get("depends_on", {}).items():
            if condition["condition"] == "service_healthy":
                check = compose["services"][needed].get("healthcheck", {})
                assert check.get("test"), f"{name} waits on {needed}, which has no health check"
                assert not check.get("disable"), f"{name} waits on {needed}, whose health check is off"


def test_the_processes_are_probed_as_the_image_probes_them() -> None:
    compose = _compose()
    services = _relais_services(compose)
    for command in ("serve", "worker"):
        [service] = [s for s in services.values() if s["command"] == ["relais", command]]
        assert service["healthcheck"]["test"] == _image_healthcheck()
    assert compose["services"]["db"]["healthcheck"]["test"][1].startswith("pg_isready")
    assert compose["services"]["redis"]["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]


def test_two_api_replicas_sit_behind_the_proxy_which_alone_is_trusted() -> None:
    compose = _compose()
    api = compose["services"]["api"]
    proxy = compose["services"]["proxy"]
    assert api["command"] == ["relais", "serve"]
    assert api["deploy"]["replicas"] == 2
    mounted = {volume.split(":")[1]: ROOT / volume.split(":")[0] for volume in proxy["volumes"]}
    config = mounted["/usr/local/etc/haproxy/haproxy.cfg"].read_text()
    # Every replica of the api service, on the port it serves, checked on a path the API answers.
    assert re.search(rf"^\s*server-template \w+ \d+ api:{api['environment']['RELAIS_PORT']} check", config, re.M)
    checked = re.search(r"^\s*option httpchk GET (\S+)$", config, re.MULTILINE)
    assert checked is not None
    assert checked.group(1) == "/readyz"
    assert checked.group(1) in API_PATHS
    assert re.search(r"^\s*option forwardfor$", config, re.MULTILINE)
    assert proxy["healthcheck"]["test"][-1].removeprefix("http://127.0.0.1:8080") in API_PATHS
    # The API believes X-Forwarded-For from the proxy's fixed address, on a network they share.
    address = proxy["networks"]["edge"]["ipv4_address"]
    assert api["environment"]["RELAIS_TRUSTED_PROXIES"] == address
    assert "edge" in api["networks"]
    subnet = compose["networks"]["edge"]["ipam"]["config"][0]["subnet"]
    assert ipaddress.ip_address(address) in ipaddress.ip_network(subnet)


def test_every_relais_variable_set_is_a_documented_setting() -> None:
    compose = _compose()
    names = {n for s in _relais_services(compose).values() for n in s["environment"] if n.startswith("RELAIS_")}
    assert "RELAIS_DATABASE_URL" in names
    assert "RELAIS_RATE_LIMIT_STORAGE" in names
    assert names - DOCUMENTED == set()


def test_secrets_come_from_the_environment_and_are_never_committed() -> None:
    services = _relais_services(_compose())
    for name, service in services.items():
        environment = service["environment"]
        assert REQUIRED.match(environment["RELAIS_SECRETS_KEYS"]), name
        password = re.match(r"^postgresql://relais:(.+)@db:5432/relais$", environment["RELAIS_DATABASE_URL"])
        assert password is not None
        assert REQUIRED.match(password.group(1)), name
    assert REQUIRED.match(_compose()["services"]["db"]["environment"]["POSTGRES_PASSWORD"])
    # The file that holds the real values stays out of git and out of the image's build context.
    assert ".env" in (ROOT / ".gitignore").read_text().split()
    assert ".env" in (ROOT / ".dockerignore").read_text().split()


def test_the_example_env_file_names_every_variable_compose_reads() -> None:
    example = {line.split("=", 1)[0] for line in ENV_EXAMPLE.read_text().splitlines() if re.match(r"^\w+=", line)}
    assert set(INTERPOLATED.findall(COMPOSE.read_text())) == example
    assert {n for n in example if n.startswith("RELAIS_")} - DOCUMENTED == set()
