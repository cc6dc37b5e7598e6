"""``{% form_token %}``: the one-time token that makes a create form safe to send twice."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from stepwise.people.retries import FORM_TOKEN_FIELD, new_form_token

register = template.Library()


@register.simple_tag
def form_token() -> SafeString:
    """A hidden field with a fresh token each time the form is drawn; ``submit_once`` saves
    a form once per token."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', FORM_TOKEN_FIELD, new_form_token()
    )
