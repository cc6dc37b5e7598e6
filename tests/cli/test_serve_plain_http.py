"""`stepwise serve` by hand, with HTTPS on (the default) and no TLS proxy in front.

On this machine only it serves plain http with HTTPS off for the run, and says so; on an
address others can reach it refuses in one line with what to set, rather than sending every
browser to an https:// address that nothing answers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

STEPWISE = Path(sys.executable).with_name("stepwise")


def production_like(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STEPWISE_", "DJANGO_"))}
    env.update(STEPWISE_DATA_DIR=str(tmp_path), **extra)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def first_answer(url: str, server: subprocess.Popen[str], seconds: float = 90) -> int:
    """The status of the first answer the server gives to GET url, redirects not followed."""
    opener = urllib.request.build_opener(NoRedirects)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "stepwise serve stopped"
        try:
            with opener.open(url, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.2)
    raise AssertionError("stepwise serve did not answer")


def test_serving_on_a_shared_address_with_https_on_refuses_with_what_to_set(
    tmp_path: Path,
) -> None:
    result = subprocess.run(
        [str(STEPWISE), "serve", "--host", "0.0.0.0", "--port", str(free_port())],  # noqa: S104
        env=production_like(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "STEPWISE_PROXY_COUNT" in lines[0]
    assert "STEPWISE_HTTPS=false" in lines[0]


def test_serving_on_this_machine_with_https_on_answers_plain_http_and_says_so(
    tmp_path: Path,
) -> None:
    port = free_port()
    server = subprocess.Popen(
        [str(STEPWISE), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
        env=production_like(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        status = first_answer(f"http://127.0.0.1:{port}/login/", server)
    finally:
        server.send_signal(signal.SIGTERM)
        output = server.communicate(timeout=30)[0]
    assert status == 200, output
    assert "HTTPS redirects and secure cookies are off for this run" in " ".join(output.split())
