"""Install (or update) the default framework from its data file after every migrate."""

from __future__ import annotations

from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from stepwise.skills.actions import do_install_default_framework
from stepwise.skills.models import FrameworkVersion


@receiver(post_migrate)
def _install_after_migrate(sender: Any, **kwargs: Any) -> None:
    if getattr(sender, "label", None) != "skills":
        return
    using = kwargs.get("using", DEFAULT_DB_ALIAS)
    if FrameworkVersion._meta.db_table in connections[using].introspection.table_names():
        do_install_default_framework()
