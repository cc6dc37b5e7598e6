"""Errors that more than one app raises or answers, so that no app imports another's for them."""

from __future__ import annotations


class StaleEdit(Exception):
    """Someone saved a newer version first; the change was not applied."""

    def __init__(self, what: str = "goal") -> None:
        super().__init__(
            f"This {what} was changed elsewhere after you opened it. Nothing was saved: "
            "reload to see the latest version, then make your change again."
        )
