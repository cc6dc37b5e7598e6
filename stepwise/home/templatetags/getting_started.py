"""``{% getting_started_guide person as guide %}``: the getting-started guide for a page of a
lower app (the profile) that points to the guide's next step.

The guide reads the person's assessments and goals, so only ``home`` may work it out; a
template of another app asks for it here instead of its view importing upward.
"""

from __future__ import annotations

from django import template

from stepwise.home.onboarding import Guide, guide_for
from stepwise.people.models import User

register = template.Library()


@register.simple_tag
def getting_started_guide(person: User) -> Guide | None:
    """The person's guide, or nothing once they have hidden it."""
    return None if person.guide_dismissed_at else guide_for(person)
