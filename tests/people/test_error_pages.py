"""Missing pages answer with the product's own page, still a 404."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from stepwise.people.models import User


@pytest.mark.django_db
def test_a_missing_page_is_a_styled_404(alice: User, client_for: Callable[[User], Client]) -> None:
    response = client_for(alice).get("/skills/assessments/999999/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "There is nothing here" in page and "app.css" in page
