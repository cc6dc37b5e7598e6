"""The target a goal's words name, as the builder proposes it."""

from __future__ import annotations

import pytest

from stepwise.smart.targets import Target, find_target
from tests.smart.conftest import TODAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Raise NPS from 30 to 45 by end of Q2", Target(45, 30, "")),
        ("Raise CSAT to 4/5 by March", Target(4, None, "out of 5")),
        ("Run 8 interviews by 3/4", Target(8, None, "interviews")),
        ("Grow activation to 40% this year", Target(40, None, "%")),
        ("Cut churn from 5% to 3% in H1", Target(3, 5, "%")),
        ("Ship the pricing page by Q3", None),
        ("Publish the teardown by 12/31", None),  # a date, not a score
    ],
)
def test_find_target_reads_the_number_to_reach(text: str, expected: Target | None) -> None:
    assert find_target(text, today=TODAY) == expected
