"""The ranking of priorities: gaps first, interests lift, strengths sink, choices win."""

from __future__ import annotations

import pytest

from stepwise.skills.framework_file import default_framework_path, load_framework_file
from stepwise.skills.priorities import RatingFacts, rank_priorities

SPEC = load_framework_file(default_framework_path())
KEYS = [c.key for c in SPEC.competencies()]


def ranked(ratings: dict[str, RatingFacts], **kwargs: object) -> list[str]:
    options = {"level": "associate_pm", "target_level": "pm", **kwargs}
    return [
        p.competency_key
        for p in rank_priorities(spec=SPEC, ratings=ratings, **options)  # type: ignore[arg-type]
    ]


def everyone_at(score: int) -> dict[str, RatingFacts]:
    return {key: RatingFacts(score=score) for key in KEYS}


def test_the_biggest_gap_to_the_target_level_comes_first() -> None:
    ratings = everyone_at(2)
    ratings["data"] = RatingFacts(score=0)
    ratings["vision"] = RatingFacts(score=1)
    order = ranked(ratings)
    assert order[:2] == ["data", "vision"]


def test_an_interest_lifts_a_competency_above_an_equal_gap() -> None:
    ratings = everyone_at(1)
    ratings["leadership"] = RatingFacts(score=1, is_interest=True)
    assert ranked(ratings)[0] == "leadership"


def test_a_strength_sinks_below_an_equal_gap() -> None:
    ratings = everyone_at(1)
    ratings["delivery"] = RatingFacts(score=1, is_strength=True)
    assert ranked(ratings)[-1] == "delivery"


def test_below_the_current_level_outranks_a_gap_to_the_target() -> None:
    ratings = everyone_at(3)
    ratings["data"] = RatingFacts(score=1)  # below the current level (pm = 2)
    ratings["vision"] = RatingFacts(score=2)  # at current, one short of target
    order = ranked(ratings, level="pm", target_level="senior_pm")
    assert order.index("data") < order.index("vision")


def test_pinned_items_lead_and_dismissed_ones_trail_whatever_their_weight() -> None:
    ratings = everyone_at(1)
    ratings["data"] = RatingFacts(score=0)
    order = ranked(ratings, choices={"business": "pinned", "data": "dismissed"})
    assert order[0] == "business"
    assert order[-1] == "data"


def test_every_priority_has_a_one_sentence_reason_naming_the_gap() -> None:
    ratings = everyone_at(2)
    ratings["data"] = RatingFacts(score=0, is_interest=True, is_weakness=True)
    items = rank_priorities(spec=SPEC, ratings=ratings, level="pm", target_level="senior_pm")
    top = items[0]
    assert top.competency_key == "data"
    assert top.reason.startswith("Two levels below your current level of Product Manager")
    assert "you marked it as an interest" in top.reason
    assert top.reason.endswith(".") and top.reason.count(".") == 1
    at_target = next(p for p in items if p.competency_key == "delivery")
    assert at_target.reason == "One level short of the Senior PM expectation."


def test_unrated_competencies_ask_to_be_rated() -> None:
    items = rank_priorities(spec=SPEC, ratings={}, level="pm", target_level="senior_pm")
    assert all(p.reason.startswith("Not rated yet") for p in items)
    assert all(p.gap == 0 for p in items)


@pytest.mark.parametrize(("level", "target"), [(None, None), ("pm", None), ("nope", "pm")])
def test_a_missing_or_unknown_level_still_ranks_without_error(
    level: str | None, target: str | None
) -> None:
    items = rank_priorities(spec=SPEC, ratings=everyone_at(1), level=level, target_level=target)
    assert len(items) == len(KEYS)
