"""`stepwise.smart` is pure Python: importing it must not import Django (or dateparser)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_checker_does_not_import_django() -> None:
    code = (
        "import sys; import stepwise.smart as s; "
        "s.analyze('Ship the export by Friday'); "
        "print('django' in sys.modules, 'dateparser' in sys.modules)"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.split() == ["False", "False"]
