"""Fixtures for the SMART checker: a fixed today, so every date in words has one answer."""

from __future__ import annotations

from datetime import date

import pytest

from stepwise.smart import Context

TODAY = date(2026, 11, 22)  # a Sunday


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def text_only() -> Context:
    """The context of the CLI and API without a goal: today's date only."""
    return Context(today=TODAY)
