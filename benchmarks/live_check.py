"""Live SMART check round trip vs. a no-op endpoint of the same app, over real HTTP.

Starts Stepwise under gunicorn (one sync worker) on a throwaway SQLite database, signs in,
then times, interleaved, POST /goals/check/ as htmx sends it while someone types (the
verdicts partial) and POST /bench/noop/ (same middleware, session, CSRF; no work).
Target (issue 3): the check's median within 3x the no-op's.

usage: python benchmarks/live_check.py [--rounds N]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOALS = [
    "Interview 8 customers about onboarding by end of Q1 so that we can fix the biggest drop-off",
    "get better at market research",
    "Increase trial-to-paid conversion from 4% to 6% by the end of H1 to grow revenue",
    "Write a weekly status update for my manager every Friday this quarter",
    "Learn how our regression tests work and pair with QA on 3 releases before my next review",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, data_dir: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "STEPWISE_DATA_DIR": data_dir,
        "PYTHONPATH": str(ROOT),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    subprocess.run(
        [
            *manage,
            "shell",
            "-c",
            "from stepwise.people.models import User; "
            "User.objects.create_user('bench', 'bench@example.com', 'bench-pass-phrase-1')",
        ],
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "benchmarks.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "1",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


class Session:
    """A signed-in browser session over one keep-alive connection."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(
        self,
        method: str,
        path: str,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        body = urllib.parse.urlencode(form) if form is not None else None
        sent = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=sent)
        response = self.connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, content

    def sign_in(self) -> str:
        status, page = self.request("GET", "/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert status == 200 and token, "no sign-in form"
        status, _ = self.request(
            "POST",
            "/login/",
            {
                "csrfmiddlewaretoken": token.group(1).decode(),
                "username": "bench",
                "password": "bench-pass-phrase-1",
            },
        )
        assert status == 302, f"sign-in failed: {status}"
        return self.cookies["csrftoken"]


def timed(
    session: Session, path: str, form: dict[str, str], headers: dict[str, str], expect: int
) -> float:
    start = time.perf_counter()
    status, _ = session.request("POST", path, form, headers)
    elapsed = time.perf_counter() - start
    assert status == expect, f"{path} answered {status}"
    return elapsed * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=400)
    rounds = parser.parse_args().rounds
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="stepwise-bench-") as data_dir:
        server = start_server(port, data_dir)
        try:
            session = Session(port)
            csrf = session.sign_in()
            headers = {"X-CSRFToken": csrf, "HX-Request": "true", "HX-Target": "verdicts"}
            check_ms, noop_ms = [], []
            for index in range(rounds + 20):
                text = GOALS[index % len(GOALS)]
                check = timed(session, "/goals/check/", {"text": text}, headers, 200)
                noop = timed(session, "/bench/noop/", {"text": text}, headers, 204)
                if index >= 20:  # warm-up rounds are not counted
                    check_ms.append(check)
                    noop_ms.append(noop)
        finally:
            server.terminate()
            server.wait(timeout=10)
    report(check_ms, noop_ms)


def report(check_ms: list[float], noop_ms: list[float]) -> None:
    def p95(values: list[float]) -> float:
        return sorted(values)[int(len(values) * 0.95) - 1]

    check, noop = statistics.median(check_ms), statistics.median(noop_ms)
    result = {
        "rounds": len(check_ms),
        "live_check_median_ms": round(check, 2),
        "live_check_p95_ms": round(p95(check_ms), 2),
        "noop_median_ms": round(noop, 2),
        "noop_p95_ms": round(p95(noop_ms), 2),
        "ratio_median": round(check / noop, 2),
        "target_ratio": 3.0,
    }
    print(json.dumps(result, indent=2))
    print(
        f"live check {check:.2f} ms vs no-op {noop:.2f} ms (median): "
        f"{check / noop:.2f}x, target at most 3x: {'met' if check / noop <= 3 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
