"""Install (or update) the default framework from its data file after every migrate."""

from __future__ import annotations

from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from stepwise.skills.framework_file import default_framework_path
from stepwise.skills.models import FrameworkVersion


def install_default_framework() -> FrameworkVersion:
    """The shipped framework as the latest version of its key; a new version only when the
    file changed. It becomes the active framework when none is active."""
    from stepwise.skills.actions import do_import_framework

    path = default_framework_path()
    return do_import_framework(
        text=path.read_text(encoding="utf-8"), fmt="yaml", source_name=path.name, actor=None
    )


@receiver(post_migrate)
def _install_after_migrate(sender: Any, **kwargs: Any) -> None:
    if getattr(sender, "label", None) != "skills":
        return
    using = kwargs.get("using", DEFAULT_DB_ALIAS)
    if FrameworkVersion._meta.db_table in connections[using].introspection.table_names():
        install_default_framework()
