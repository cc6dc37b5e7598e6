"""CLI tests read tables at the width each test asks for (``COLUMNS`` in the runner's env)."""

from __future__ import annotations

import pytest

from stepwise.lib import cli


@pytest.fixture(autouse=True)
def _width_from_each_test(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rich fixes a console's width when COLUMNS is set at import (pytest-xdist workers set
    # it); forget that width so each invocation reads COLUMNS again.
    for console in (cli.out, cli.err):
        monkeypatch.setattr(console, "_width", None)
