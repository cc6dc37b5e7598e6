"""Missing pages answer with the product's own page, still a 404; a failure on our side says
honestly what may not have been saved."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client, RequestFactory
from django.views.defaults import server_error

from stepwise.people.models import User


@pytest.mark.django_db
def test_a_missing_page_is_a_styled_404(alice: User, client_for: Callable[[User], Client]) -> None:
    response = client_for(alice).get("/skills/assessments/999999/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "There is nothing here" in page and "app.css" in page


def test_the_500_page_promises_only_what_was_saved_before(rf: RequestFactory) -> None:
    response = server_error(rf.get("/goals/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "What you saved before is safe; the last change may not have been saved" in page
    assert "Nothing you wrote was lost" not in page
