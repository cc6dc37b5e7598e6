"""Settings for the test suite: the real settings, read after a few test-run defaults.

The suite talks plain HTTP to Django's test client and live server, so HTTPS-only settings
are off unless a variable says otherwise (tests/lib/test_deploy.py checks them in a
subprocess with production values). Data (the generated secret key) goes to a temporary
directory unless STEPWISE_DATA_DIR is set.
"""

import os
import tempfile

os.environ.setdefault("STEPWISE_HTTPS", "false")
os.environ.setdefault("STEPWISE_DATA_DIR", tempfile.mkdtemp(prefix="stepwise-test-"))

from stepwise.settings import *  # noqa: F403
from stepwise.settings import STORAGES

# No collectstatic before tests: serve assets straight from the apps, unhashed.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# A file, not SQLite's shared in-memory database: the live server answers browser requests on
# several threads, and the in-memory database refuses concurrent writers ("table is locked")
# instead of waiting as a file database in WAL mode does.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(os.environ["STEPWISE_DATA_DIR"], "test.sqlite3")
    }
