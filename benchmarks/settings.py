"""Benchmark settings: the app's own settings plus a no-op endpoint to compare against."""

import os
import tempfile

os.environ.setdefault("STEPWISE_HTTPS", "false")
os.environ.setdefault("STEPWISE_DEBUG", "false")
os.environ.setdefault("STEPWISE_DATA_DIR", tempfile.mkdtemp(prefix="stepwise-bench-"))

from stepwise.settings import *  # noqa: F403
from stepwise.settings import STORAGES

ROOT_URLCONF = "benchmarks.urls"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
