"""`stepwise serve` on PostgreSQL: forked workers never share the master's database connection.

The master migrates and checks for the demo before it forks its workers. A connection it left
open would be inherited by every worker: one socket for several processes, so one person's
sign-in could read another query's rows. This test starts the real server on a database of its
own and signs several people in at once in its first seconds.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

from stepwise.people.demo import DEMO_PASSWORD, PEOPLE

DATABASE_URL = os.environ.get("STEPWISE_DATABASE_URL", "")
ON_POSTGRES = DATABASE_URL.startswith(("postgres://", "postgresql://"))

pytestmark = pytest.mark.skipif(
    not ON_POSTGRES,
    reason="forked workers sharing a connection is a PostgreSQL failure; "
    "run under scripts/with-postgres.sh (make test's PostgreSQL pass)",
)

STEPWISE = Path(sys.executable).with_name("stepwise")
SIGNED_IN_PEOPLE = [p for p in PEOPLE if p.username in {"alice", "bob", "carol", "dan"}]
ROUNDS = 25
SIGN_IN_EVERY = 5  # a fresh sign-in every few rounds: Argon2 is slow on purpose
REQUEST_TIMEOUT = 20
ENOUGH_PROBLEMS = 3  # per person: a hung worker makes every later request wait


@pytest.fixture
def server_database() -> Iterator[str]:
    """A database of the test's own on the same cluster, dropped afterwards."""
    import psycopg

    url = urllib.parse.urlsplit(DATABASE_URL)
    name = f"stepwise_serve_{secrets.token_hex(4)}"
    with psycopg.connect(DATABASE_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlunsplit(url._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(DATABASE_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _environment(database_url: str, data_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("STEPWISE_", "DJANGO_"))
    }
    env.update(
        STEPWISE_DATABASE_URL=database_url,
        STEPWISE_DATA_DIR=str(data_dir),
        STEPWISE_HTTPS="false",
        STEPWISE_DEBUG="false",
    )
    return env


def _wait_for_port(port: int, server: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"stepwise serve exited early:\n{server.stdout and server.stdout.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("stepwise serve did not open its port within a minute")


class Browser:
    """A person's own cookie jar against the server."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def get(self, path: str) -> tuple[int, str]:
        return self._open(path)

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, str]:
        return self._open(path, urllib.parse.urlencode(fields).encode())

    def _open(self, path: str, body: bytes | None = None) -> tuple[int, str]:
        request = urllib.request.Request(self.base + path, data=body)  # noqa: S310 (http://127.0.0.1)
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")
        except OSError as error:  # a hung or crashed worker: no answer at all
            return 0, f"no answer: {error}"


def _sign_in(base: str, username: str) -> tuple[Browser, list[str]]:
    browser = Browser(base)
    status, page = browser.get("/login/")
    if status != 200:
        return browser, [f"{username}: sign-in page answered {status}"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token is None:
        return browser, [f"{username}: no CSRF token on the sign-in page"]
    fields = {"username": username, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": token[1]}
    status, _ = browser.post("/login/", fields)
    return browser, [] if status == 200 else [f"{username}: sign-in answered {status}"]


def _visit_as(base: str, username: str, name: str) -> list[str]:
    """ROUNDS rounds of dashboard and /api/v1/me; the problems seen, empty when all was right."""
    problems: list[str] = []
    browser = Browser(base)
    for round_number in range(ROUNDS):
        if len(problems) >= ENOUGH_PROBLEMS:
            break
        if round_number % SIGN_IN_EVERY == 0:
            browser, failed = _sign_in(base, username)
            problems += failed
        status, page = browser.get("/")
        greeting = re.search(r"<h1>[^<]*</h1>", page)
        if status != 200 or greeting is None or name not in greeting[0]:
            problems.append(f"{username}: dashboard {status} {greeting and greeting[0]!r}")
        status, me = browser.get("/api/v1/me")
        if status != 200 or f'"username": "{username}"' not in me.replace('":"', '": "'):
            problems.append(f"{username}: /api/v1/me {status} {me[:120]!r}")
    return problems


def _stop(server: subprocess.Popen[str]) -> str:
    """Stop the server and its workers; what it printed."""
    server.terminate()
    try:
        return server.communicate(timeout=15)[0]
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        return server.communicate(timeout=15)[0]


def test_concurrent_sign_ins_in_the_first_seconds_each_get_their_own_answers(
    server_database: str, tmp_path: Path
) -> None:
    env = _environment(server_database, tmp_path)
    demo = subprocess.run(
        [str(STEPWISE), "demo"], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert demo.returncode == 0, demo.stderr
    port = _free_port()
    server = subprocess.Popen(
        [str(STEPWISE), "serve", "--port", str(port), "--workers", "3"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, to stop hung workers with it
    )
    try:
        _wait_for_port(port, server)
        base = f"http://127.0.0.1:{port}"
        with ThreadPoolExecutor(max_workers=len(SIGNED_IN_PEOPLE)) as pool:
            runs = [pool.submit(_visit_as, base, p.username, p.name) for p in SIGNED_IN_PEOPLE]
            problems = [problem for run in runs for problem in run.result()]
    finally:
        output = _stop(server)
    assert problems == [], "\n".join(problems[:20]) + "\n--- server output ---\n" + output[-3000:]
