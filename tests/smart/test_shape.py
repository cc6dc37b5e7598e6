"""`Analysis.to_dict()` is exactly the stable JSON shape of SMART.md."""

from __future__ import annotations

import doctest
import json
from datetime import date

import stepwise.smart
from stepwise.smart import CRITERIA, Context, Verdict, analyze
from tests.smart.conftest import TODAY


def test_to_dict_has_exactly_the_documented_keys() -> None:
    body = analyze("Publish a competitor teardown by end of Q1", Context(today=TODAY)).to_dict()
    assert list(body) == ["text", "criteria", "score", "rewrite"]
    assert list(body["criteria"]) == list(CRITERIA)
    for name, verdict in body["criteria"].items():
        expected = {"passed", "reason", "suggestion"} | (
            {"deadline"} if name == "time_bound" else set()
        )
        assert set(verdict) == expected
        assert isinstance(verdict["passed"], bool)
        assert isinstance(verdict["reason"], str) and verdict["reason"]
    assert body["criteria"]["time_bound"]["deadline"] == "2027-03-31"
    json.dumps(body)  # serialisable as is


def test_score_counts_the_passed_criteria() -> None:
    analysis = analyze("Improve communication skills", Context(today=TODAY))
    body = analysis.to_dict()
    assert body["score"] == analysis.score == sum(v["passed"] for v in body["criteria"].values())


def test_suggestion_only_when_failing() -> None:
    body = analyze("Improve communication skills", Context(today=TODAY)).to_dict()
    for verdict in body["criteria"].values():
        assert (verdict["suggestion"] is None) == verdict["passed"]


def test_deadline_is_null_when_there_is_none() -> None:
    body = analyze("Send a weekly update", Context(today=TODAY)).to_dict()
    assert body["criteria"]["time_bound"] == {
        "passed": True,
        "reason": body["criteria"]["time_bound"]["reason"],
        "suggestion": None,
        "deadline": None,
    }


def test_reasons_quote_the_words_they_rest_on() -> None:
    analysis = analyze("Get promoted by Q3 so that I lead the payments team", Context(today=TODAY))
    assert '"Get promoted"' in analysis.achievable.reason
    assert '"so that I lead the payments team"' in analysis.relevant.reason
    assert '"by Q3"' in analysis.time_bound.reason


def test_a_goal_that_passes_gets_no_rewrite() -> None:
    text = "Publish the pricing teardown to the product team by 31 January 2027"
    analysis = analyze(text, Context(today=TODAY))
    assert analysis.score == 5
    assert analysis.rewrite is None
    assert analysis.to_dict()["rewrite"] is None


def test_default_today_is_the_real_today() -> None:
    analysis = analyze("Ship it by the end of the month")
    assert analysis.deadline is not None and analysis.deadline >= date.today()


def test_verdict_without_deadline_key_outside_time_bound() -> None:
    assert "deadline" not in Verdict(True, "ok").to_dict()


def test_the_package_docstring_example_holds() -> None:
    assert doctest.testmod(stepwise.smart).failed == 0
