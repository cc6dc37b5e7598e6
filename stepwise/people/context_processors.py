"""The navigation of the product loop: only pages that exist, and only for who may use them."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from stepwise.access.people import is_admin


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str

    @property
    def url(self) -> str:
        return reverse(self.url_name)


LOOP = (
    NavItem("Dashboard", "dashboard"),
    NavItem("Skills", "skills_home"),
    NavItem("Priorities", "priorities"),
    NavItem("Goals", "goal_list"),
    NavItem("Library", "library"),
    NavItem("Check a goal", "check_goal"),
)
ACCOUNT = (NavItem("Profile", "profile"),)
ADMIN = (NavItem("Organisation", "organisation"),)


def navigation(request: HttpRequest) -> dict[str, object]:
    if not request.user.is_authenticated:
        return {"nav_items": (), "nav_current": ""}
    items = LOOP + ACCOUNT + (ADMIN if is_admin(request.user) else ())
    match = getattr(request, "resolver_match", None)
    return {"nav_items": items, "nav_current": match.url_name if match else ""}
