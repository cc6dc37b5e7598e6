"""With production values, Django's deployment checklist has nothing to report."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path


def run_check_deploy(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "STEPWISE_DATA_DIR": str(tmp_path),
        "STEPWISE_DEBUG": "false",
        "STEPWISE_SECRET_KEY": secrets.token_urlsafe(50),
        "STEPWISE_ALLOWED_HOSTS": "stepwise.example.com",
        **extra,
    }
    for inherited in ("STEPWISE_HTTPS", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(inherited, None)
    env.update(extra)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    result = run_check_deploy(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_notices_plain_http(tmp_path: Path) -> None:
    """The check above is meaningful: turning HTTPS off makes it complain."""
    result = run_check_deploy(tmp_path, STEPWISE_HTTPS="false")
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr or "security.W008" in result.stderr


def test_check_deploy_warns_when_any_host_name_is_allowed(tmp_path: Path) -> None:
    result = run_check_deploy(tmp_path, STEPWISE_ALLOWED_HOSTS="stepwise.example.com,*")
    assert result.returncode != 0
    assert "stepwise.W001" in result.stderr
    assert "STEPWISE_ALLOWED_HOSTS" in result.stderr
