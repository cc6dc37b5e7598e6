"""``{{ link|is_web_link }}``: draw a stored link as a link only when it is http or https."""

from __future__ import annotations

from django import template

from stepwise.lib.links import is_web_link as _is_web_link

register = template.Library()


@register.filter
def is_web_link(link: str) -> bool:
    return _is_web_link(str(link))
