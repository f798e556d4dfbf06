"""deploy/kubernetes: manifests the API server accepts, one Relais image, probes on paths the processes
serve, selectors that find the API pods, documented settings and secrets kept out of the repository."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, cast

import kubernetes_validate
import pytest
import yaml
from prometheus_client import CollectorRegistry

from app.ports.health import ReadinessProbe
from app.settings import Settings
from app.worker import Worker, probe_app

ROOT = Path(__file__).resolve().parents[2]
MANIFESTS = ROOT / "deploy" / "kubernetes"
KUSTOMIZATION = MANIFESTS / "kustomization.yaml"
DOCUMENTED = {f"RELAIS_{name.upper()}" for name in Settings.model_fields}
API_PATHS = set(json.loads((ROOT / "openapi" / "openapi.json").read_text())["paths"])
# The oldest Kubernetes release the manifests are meant for, and the newest the schemas know.
VERSIONS = ("1.30", kubernetes_validate.latest_version())
SECRET_SETTINGS = {"RELAIS_DATABASE_URL", "RELAIS_LIVE_DATABASE_URL", "RELAIS_SECRETS_KEYS", "RELAIS_METRICS_TOKEN"}


def _manifest_files() -> list[Path]:
    return sorted(path for path in MANIFESTS.glob("*.yaml") if path != KUSTOMIZATION)


def _resources() -> dict[str, dict[str, Any]]:
    """Every object of the kustomization, by kind and name."""
    found: dict[str, dict[str, Any]] = {}
    for name in yaml.safe_load(KUSTOMIZATION.read_text())["resources"]:
        for document in yaml.safe_load_all((MANIFESTS / name).read_text()):
            found[f"{document['kind']}/{document['metadata']['name']}"] = document
    return found


def _pod_specs() -> dict[str, dict[str, Any]]:
    return {
        name: resource["spec"]["template"]["spec"]
        for name, resource in _resources().items()
        if resource["kind"] in {"Deployment", "Job"}
    }


def _container(deployment: str) -> dict[str, Any]:
    [container] = _resources()[deployment]["spec"]["template"]["spec"]["containers"]
    return cast(dict[str, Any], container)


def _worker_paths() -> set[str]:
    # Reading the routes of the worker's probe server calls neither the worker nor the probe.
    app = probe_app(cast(Worker, None), cast(ReadinessProbe, None), CollectorRegistry())
    return {getattr(route, "path", "") for route in app.routes}


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("path", _manifest_files(), ids=lambda path: path.name)
def test_every_manifest_follows_the_kubernetes_schemas(path: Path, version: str) -> None:
    # Strict: a misspelt or misplaced field is an error, not something the API server drops silently.
    for document in yaml.safe_load_all(path.read_text()):
        kubernetes_validate.validate(document, version, strict=True)


def test_the_kustomization_lists_every_manifest_but_the_example_secret() -> None:
    listed = yaml.safe_load(KUSTOMIZATION.read_text())["resources"]
    assert len(listed) == len(set(listed))
    on_disk = {path.name for path in _manifest_files()}
    assert set(listed) == on_disk - {"secret.example.yaml"}
    assert not any(resource["kind"] == "Secret" for resource in _resources().values())


def test_every_container_runs_the_one_relais_image() -> None:
    [image] = yaml.safe_load(KUSTOMIZATION.read_text())["images"]
    containers = [c for spec in _pod_specs().values() for c in spec["containers"] + spec.get("initContainers", [])]
    assert {c["image"] for c in containers} == {image["name"]}
    assert {tuple(c["command"]) for c in containers} == {
        ("relais", "serve"),
        ("relais", "worker"),
        ("relais", "db", "upgrade"),
    }


def test_the_migration_job_upgrades_the_schema_once_and_is_cleaned_up() -> None:
    job = _resources()["Job/relais-migrate"]
    [container] = job["spec"]["template"]["spec"]["containers"]
    assert container["command"] == ["relais", "db", "upgrade"]
    assert job["spec"]["template"]["spec"]["restartPolicy"] == "Never"
    assert 0 < job["spec"]["backoffLimit"] <= 5
    assert job["spec"]["ttlSecondsAfterFinished"] > 0


def _probes(container: dict[str, Any]) -> dict[str, tuple[str, int]]:
    """Each probe's path and the container port it names."""
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    return {
        kind: (container[kind]["httpGet"]["path"], ports[container[kind]["httpGet"]["port"]])
        for kind in ("startupProbe", "livenessProbe", "readinessProbe")
    }


def _environment(container: dict[str, Any]) -> dict[str, str]:
    return {variable["name"]: variable["value"] for variable in container.get("env", [])}


def test_the_api_is_probed_on_paths_it_serves_on_its_port() -> None:
    api = _container("Deployment/relais-api")
    port = int(_environment(api)["RELAIS_PORT"])
    assert _probes(api) == {
        "startupProbe": ("/healthz", port),
        "livenessProbe": ("/healthz", port),
        "readinessProbe": ("/readyz", port),
    }
    assert {"/healthz", "/readyz"} <= API_PATHS


def test_the_worker_is_probed_on_paths_its_health_port_serves() -> None:
    worker = _container("Deployment/relais-worker")
    port = int(_environment(worker)["RELAIS_WORKER_PORT"])
    assert _probes(worker) == {
        "startupProbe": ("/healthz", port),
        "livenessProbe": ("/healthz", port),
        "readinessProbe": ("/readyz", port),
    }
    assert {"/healthz", "/readyz"} <= _worker_paths()


def _selects(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return selector.items() <= labels.items()


def test_the_service_and_the_disruption_budget_select_the_api_pods_only() -> None:
    resources = _resources()
    pods = {
        name: resource["spec"]["template"]["metadata"]["labels"]
        for name, resource in resources.items()
        if resource["kind"] in {"Deployment", "Job"}
    }
    service = resources["Service/relais-api"]
    budget = resources["PodDisruptionBudget/relais-api"]
    for selector in (service["spec"]["selector"], budget["spec"]["selector"]["matchLabels"]):
        assert {name for name, labels in pods.items() if _selects(selector, labels)} == {"Deployment/relais-api"}
    assert budget["spec"]["minAvailable"] == 1
    assert resources["Deployment/relais-api"]["spec"]["replicas"] == 2
    api_ports = {port["name"] for port in _container("Deployment/relais-api")["ports"]}
    assert {port["targetPort"] for port in service["spec"]["ports"]} <= api_ports


def test_every_relais_variable_set_is_a_documented_setting() -> None:
    configmap = _resources()["ConfigMap/relais-config"]["data"]
    secret = yaml.safe_load((MANIFESTS / "secret.example.yaml").read_text())["stringData"]
    containers = [c for spec in _pod_specs().values() for c in spec["containers"]]
    names = set(configmap) | set(secret) | {n for c in containers for n in _environment(c)}
    assert {"RELAIS_DATABASE_URL", "RELAIS_RATE_LIMIT_STORAGE", "RELAIS_PORT", "RELAIS_WORKER_PORT"} <= names
    assert names - DOCUMENTED == set()


def test_settings_come_from_the_configmap_and_secrets_from_the_secret_only() -> None:
    configmap = _resources()["ConfigMap/relais-config"]
    secret = yaml.safe_load((MANIFESTS / "secret.example.yaml").read_text())
    assert set(configmap["data"]) & SECRET_SETTINGS == set()
    assert set(secret["stringData"]) <= SECRET_SETTINGS
    for name, spec in _pod_specs().items():
        for container in spec["containers"]:
            assert container["envFrom"] == [
                {"configMapRef": {"name": configmap["metadata"]["name"]}},
                {"secretRef": {"name": secret["metadata"]["name"]}},
            ], name
            assert set(_environment(container)) & SECRET_SETTINGS == set(), name
    # The example's values say what they are.
    assert all(re.search(r"not-a-real", value) for value in secret["stringData"].values())


def test_containers_run_unprivileged_on_a_read_only_root_with_their_writable_paths_mounted() -> None:
    data_dir = re.search(r"RELAIS_DATA_DIR=(\S+)", (ROOT / "Dockerfile").read_text())
    assert data_dir is not None
    for name, spec in _pod_specs().items():
        assert spec["securityContext"]["runAsNonRoot"] is True, name
        assert spec["automountServiceAccountToken"] is False, name
        for container in spec["containers"]:
            context = container["securityContext"]
            assert context["readOnlyRootFilesystem"] is True, name
            assert context["allowPrivilegeEscalation"] is False, name
            assert context["capabilities"]["drop"] == ["ALL"], name
            assert container["resources"]["requests"], name
            assert container["resources"]["limits"], name
            mounted = {mount["mountPath"] for mount in container["volumeMounts"]}
            assert "/tmp" in mounted, name  # noqa: S108 (the container's, where Python's tempfile writes)
            if container["command"][1] in {"serve", "worker"}:
                assert data_dir.group(1) in mounted, name
