"""The skills fixtures (assessments made through the actions) for the pages that show them."""

from tests.skills.conftest import assess, competency_keys

__all__ = ["assess", "competency_keys"]
