"""Creating once per key when two copies of one request race (stepwise/people/retries.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from stepwise.people.models import RememberedRequest, Team, User
from stepwise.people.retries import Answer, Request, answer_once


@pytest.mark.django_db(transaction=True)
def test_a_copy_arriving_while_the_first_is_still_creating_waits_and_gets_its_answer(
    alice: User,
) -> None:
    """The first copy has claimed the key and not committed yet when the second arrives: the
    second waits on the unique key (PostgreSQL) or the write lock (SQLite), then replays."""
    sent = Request(person=alice, key="race", method="POST", path="/x", body_hash="h")
    claimed, go = threading.Event(), threading.Event()
    answers: dict[str, Answer] = {}

    def creating(name: str, hold: bool) -> Callable[[], Answer]:
        def create() -> Answer:
            if hold:
                claimed.set()
                go.wait(10)
            team = Team.objects.create(name=f"Made by the {name} copy")
            return Answer(status=201, body=str(team.pk))

        return create

    def send(name: str, hold: bool) -> None:
        try:
            answers[name] = answer_once(sent, creating(name, hold))
        finally:
            connection.close()

    first = threading.Thread(target=send, args=("first", True))
    first.start()
    assert claimed.wait(10)
    second = threading.Thread(target=send, args=("second", False))
    second.start()
    second.join(0.5)
    assert second.is_alive()  # waiting for the first copy to finish
    go.set()
    first.join(10)
    second.join(10)
    assert Team.objects.filter(name__startswith="Made by").count() == 1
    assert answers["second"] == Answer(status=201, body=answers["first"].body, replayed=True)
    assert RememberedRequest.objects.count() == 1
