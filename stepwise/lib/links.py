"""Web links that people store as evidence: http and https only, at every door.

A link is drawn as ``<a href>`` for whoever reads it, so ``javascript:``, ``data:`` and their
like would run in the reader's browser. Forms and actions refuse them with ``clean_links``;
pages draw a stored link as a link only when ``is_web_link`` (old data stays readable as
text).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

WEB_SCHEMES = ("http", "https")
_check_web_link = URLValidator(schemes=list(WEB_SCHEMES))


def is_web_link(link: str) -> bool:
    """True for a well-formed http or https address."""
    try:
        _check_web_link(link)
    except ValidationError:
        return False
    return True


def clean_links(text: str, *, field: str = "evidence_links", most: int = 20) -> list[str]:
    """The links in ``text``, one per line, blank lines dropped; raises ValidationError on
    ``field`` for too many links or for one that is not a web link."""
    links = [line.strip() for line in text.splitlines() if line.strip()]
    if len(links) > most:
        raise ValidationError({field: f"Up to {most} links, one per line."})
    for link in links:
        if not is_web_link(link):
            raise ValidationError(
                {field: f"“{link[:80]}” is not a web link (http:// or https://)."}
            )
    return links
