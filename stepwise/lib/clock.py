"""The app's clock: now, as every "today" reads it.

Tests hold it still at a chosen instant with :func:`stopped_at` (for example the moment when
Sydney is already on the next day and UTC is not); the running app reads the real time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from django.utils import timezone

_stopped: datetime | None = None


def now() -> datetime:
    """The current instant, aware."""
    return _stopped if _stopped is not None else timezone.now()


@contextmanager
def stopped_at(instant: datetime) -> Iterator[None]:
    """Hold the clock at ``instant`` (aware) for the ``with`` block, in every thread."""
    global _stopped
    if timezone.is_naive(instant):
        raise ValueError("stopped_at needs an aware datetime")
    before, _stopped = _stopped, instant
    try:
        yield
    finally:
        _stopped = before
