"""A number joined to a noun by a hyphen gives the size of a thing, not how many there are."""

from __future__ import annotations

from datetime import date

import pytest

from stepwise.smart import Context, analyze

TODAY = Context(today=date(2026, 11, 22))


@pytest.mark.parametrize(
    "text",
    [
        "Publish a 1,500-word post on our engineering blog by 15 March 2027 so that "
        "candidates see how our product team works",
        "Run a 90-minute workshop on pricing with 3 sales leads by 31 January 2027 so that "
        "the team agrees the next price test",
    ],
)
def test_a_size_is_not_a_count(text: str) -> None:
    assert analyze(text, TODAY).criteria["achievable"].passed


def test_the_same_number_as_a_count_is_still_unrealistic() -> None:
    text = "Publish 1,500 blog posts by 15 March 2027 so that customers see how our team works"
    assert not analyze(text, TODAY).criteria["achievable"].passed
