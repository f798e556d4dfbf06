"""``relais dev`` as a newcomer meets it: the banner's hints work as printed, and a front end signs in
as Camille against the real server over real HTTP."""

from __future__ import annotations

import html
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import OAuth2Client
from PIL import Image

pytestmark = pytest.mark.e2e
RELAIS = str(Path(sys.executable).with_name("relais"))
CHECKOUT = Path(__file__).resolve().parents[2]
CAMILLE = "camille.martin@demo.relais.example"
REDIRECT_URI = "http://localhost:5173/callback"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class DevServer:
    def __init__(self, process: subprocess.Popen[str], env: dict[str, str], banner: list[str]) -> None:
        self.process = process
        self.env = env
        self.banner = banner
        self.base = env["RELAIS_PUBLIC_BASE_URL"]
        self.worker = f"http://127.0.0.1:{env['RELAIS_WORKER_PORT']}"

    def hint(self, prefix: str) -> str:
        return next(line.split(prefix, 1)[1].strip() for line in self.banner if prefix in line)


@pytest.fixture(scope="module")
def dev(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevServer]:
    port = _free_port()
    env = {name: value for name, value in os.environ.items() if not name.startswith(("RELAIS_", "MAKE"))}
    env |= {
        "RELAIS_DATA_DIR": str(tmp_path_factory.mktemp("dev")),
        "RELAIS_PORT": str(port),
        "RELAIS_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
        "RELAIS_WORKER_PORT": str(_free_port()),
    }
    logs = (tmp_path_factory.mktemp("dev-logs") / "stderr.log").open("w")
    process = subprocess.Popen([RELAIS, "dev"], env=env, cwd=CHECKOUT, stdout=subprocess.PIPE, stderr=logs, text=True)
    assert process.stdout is not None
    banner: list[str] = []
    deadline = time.monotonic() + 180
    # The banner is written whole before the server starts; "Sign in from a front end" opens its last part.
    while time.monotonic() < deadline and not any("client_id relais-dev" in line for line in banner):
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            pytest.fail(f"relais dev stopped: {Path(logs.name).read_text()}")
        banner.append(line.rstrip("\n"))
    server = DevServer(process, env, banner)
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{server.base}/readyz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail(f"relais dev did not become ready:\n{Path(logs.name).read_text()}")
    yield server
    process.terminate()
    process.wait(timeout=60)
    logs.close()
    assert not _answers(f"{server.worker}/healthz"), "the event worker was left running"


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def test_the_event_worker_runs_beside_the_server_and_takes_the_demos_events(dev: DevServer) -> None:
    assert dev.hint("Event worker:") == f"health and metrics on {dev.worker}/metrics"
    deadline = time.monotonic() + 120
    metrics = ""
    while time.monotonic() < deadline and 'relais_worker_outbox_events_taken_total{type="share.posted"}' not in metrics:
        time.sleep(0.5)
        metrics = httpx.get(f"{dev.worker}/metrics", timeout=5).text if _answers(f"{dev.worker}/healthz") else ""

    assert 'relais_worker_outbox_events_taken_total{type="share.posted"}' in metrics
    assert httpx.get(f"{dev.worker}/readyz", timeout=5).json()["status"] == "ready"


def test_the_banners_token_hint_works_as_printed(dev: DevServer) -> None:
    hint = dev.hint("Mint more with:")
    assert " token --tenant demo --role manager " in hint

    minted = subprocess.run(shlex.split(hint), cwd=CHECKOUT, env=dev.env, capture_output=True, text=True, check=False)

    assert minted.returncode == 0, minted.stderr
    me = httpx.get(f"{dev.base}/v1/me", headers={"Authorization": f"Bearer {minted.stdout.strip()}"}, timeout=10)
    assert me.status_code == 200, me.text
    assert me.json()["roles"] == ["manager"]
    assert me.json()["email"] == "manager@demo.relais.example"


def test_make_token_prints_only_a_token(dev: DevServer) -> None:
    minted = subprocess.run(
        ["make", "token", "ROLE=ambassador", f"EMAIL={CAMILLE}", "SUBJECT=demo|camille"],
        cwd=CHECKOUT,
        env=dev.env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert minted.returncode == 0, minted.stderr
    token = minted.stdout.strip()
    assert "\n" not in token
    me = httpx.get(f"{dev.base}/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert me.json()["employee"]["email"] == CAMILLE


def test_a_front_end_signs_in_as_camille_and_reads_her_feed(dev: DevServer) -> None:
    with (
        OAuth2Client(
            client_id="relais-dev",
            token_endpoint_auth_method="none",
            scope="openid profile email",
            redirect_uri=REDIRECT_URI,
            code_challenge_method="S256",
            timeout=10,
        ) as oidc,
        httpx.Client(base_url=dev.base, timeout=10) as browser,
    ):
        metadata = browser.get("/.well-known/openid-configuration").json()
        verifier = generate_token(64)
        url, _ = oidc.create_authorization_url(metadata["authorization_endpoint"], code_verifier=verifier)
        page = browser.get(url)
        assert page.status_code == 200
        row = next(row for row in re.findall(r"<tr>.*?</tr>", page.text) if "Sign in as Camille Martin" in row)
        action = html.unescape(re.findall(r'action="([^"]*)"', row)[0])
        person = re.findall(r'name="person" value="([^"]*)"', row)[0]
        redirect = browser.post(action, data={"person": person, "role": "ambassador"})
        assert redirect.status_code == 302
        assert parse_qs(urlsplit(redirect.headers["location"]).query)["code"]
        token = oidc.fetch_token(
            metadata["token_endpoint"], authorization_response=redirect.headers["location"], code_verifier=verifier
        )
        auth = {"Authorization": f"Bearer {token['access_token']}"}
        me = browser.get("/v1/me", headers=auth)
        feed = browser.get("/v1/me/feed", headers=auth)

    assert me.status_code == 200, me.text
    assert me.json()["employee"]["email"] == CAMILLE
    assert me.json()["ambassador"]["status"] == "active"
    assert feed.status_code == 200, feed.text
    assert feed.json()["items"], "Camille's feed has contents to share"


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: `make install` installs Debian's chromium package.")
        pytest.skip("Chromium is not installed (make install brings it, as root).")
    return found


def _demo_has_rolled_up(dev: DevServer, headers: dict[str, str]) -> bool:
    """Whether the worker has filed the demo's posted shares and counted clicks in the rollups."""
    today = time.strftime("%Y-%m-%d", time.gmtime())
    first = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 90 * 86_400))
    answer = httpx.get(
        f"{dev.base}/v1/exports/metrics.csv",
        params={"kpi": ["posted_shares", "clicks"], "from": first, "to": today, "tz": "UTC"},
        headers=headers,
        timeout=10,
    )
    totals = answer.text.strip().splitlines()[-1].split(",")
    return answer.status_code == 200 and totals[0] == "total" and int(totals[2]) > 0 and int(totals[3]) > 0


def test_the_programme_report_renders_in_a_real_browser_with_nothing_from_elsewhere(
    dev: DevServer, tmp_path: Path
) -> None:
    chromium = _chromium()
    token = subprocess.run(
        [RELAIS, "token", "--tenant", "demo", "--role", "analyst"],
        env=dev.env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    headers = {"Authorization": f"Bearer {token}"}
    deadline = time.monotonic() + 120
    while not _demo_has_rolled_up(dev, headers):
        assert time.monotonic() < deadline, "the worker did not roll the demo's shares and clicks up"
        time.sleep(1)
    month = time.strftime("%Y-%m", time.gmtime())
    answer = httpx.get(f"{dev.base}/v1/reports/programme", params={"month": month}, headers=headers, timeout=60)
    assert answer.status_code == 200, answer.text
    # Loaded from a file, the page can reach nothing: what it shows, it holds.
    page = tmp_path / "report.html"
    page.write_text(answer.text, encoding="utf-8")
    picture = tmp_path / "report.png"

    subprocess.run(
        [
            chromium,
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--hide-scrollbars",
            f"--screenshot={picture}",
            "--window-size=1280,2400",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )

    with Image.open(picture) as shot:
        assert shot.size == (1280, 2400)
        pixels = shot.convert("RGB")
        colours = pixels.getcolors(maxcolors=1 << 20) or []
        assert len(colours) > 200, "a blank or unstyled page"
        # The charts' own colours are drawn: the active ambassadors' blue and the earned media value's teal.
        drawn = {colour for _, colour in colours}
        assert (0x25, 0x63, 0xEB) in drawn
        assert (0x0D, 0x94, 0x88) in drawn
