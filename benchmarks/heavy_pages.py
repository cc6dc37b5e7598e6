"""Dashboard and goal page server time for a heavy person vs. a bare signed-in page.

The person has 60 goals, 600 steps and 3 years of weekly check-ins on every goal (9,360
check-ins). Requests go through Django's full stack in-process (middleware, session, auth,
templates, SQLite), interleaved, so all three pages are measured side by side in one run.
Both wall-clock time and the process's CPU time are recorded; on a shared machine the CPU
time is the steadier measure of the server's own work, and the ratios use it.
Target (issue 4): dashboard and goal page at most 10x the bare page.

usage: python benchmarks/heavy_pages.py [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
os.environ.setdefault("STEPWISE_DATA_DIR", tempfile.mkdtemp(prefix="stepwise-bench-"))
os.environ.setdefault("STEPWISE_ALLOWED_HOSTS", "testserver")


def main() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from benchmarks.heavy_data import make_heavy_person

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    person = make_heavy_person()
    print(f"generated the heavy person in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    goal = person.goals.order_by("pk").first()
    assert goal is not None
    client = Client()
    client.force_login(person)
    pages = {"bare": "/bench/bare/", "dashboard": "/", "goal_page": f"/goals/{goal.pk}/"}
    timings: dict[str, list[float]] = {name: [] for name in pages}
    cpu: dict[str, list[float]] = {name: [] for name in pages}
    queries: dict[str, int] = {}
    for name, url in pages.items():  # warm up, and count queries once
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, name
        queries[name] = len(captured)
    for _ in range(rounds):
        for name, url in pages.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            cpu[name].append((time.process_time() - start_cpu) * 1000)
            timings[name].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
    report(timings, cpu, queries)


def report(
    timings: dict[str, list[float]], cpu: dict[str, list[float]], queries: dict[str, int]
) -> None:
    walls = {name: statistics.median(values) for name, values in timings.items()}
    medians = {name: statistics.median(values) for name, values in cpu.items()}
    result = {
        "rounds": len(timings["bare"]),
        "median_wall_ms": {name: round(value, 2) for name, value in walls.items()},
        "median_cpu_ms": {name: round(value, 2) for name, value in medians.items()},
        "queries": queries,
        "ratio_to_bare": {
            name: round(medians[name] / medians["bare"], 2) for name in ("dashboard", "goal_page")
        },
        "target_ratio": 10,
    }
    print(json.dumps(result, indent=2))
    for name in ("dashboard", "goal_page"):
        ratio = medians[name] / medians["bare"]
        verdict = "met" if ratio <= 10 else "MISSED"
        print(
            f"{name}: {medians[name]:.1f} ms CPU vs bare {medians['bare']:.1f} ms = {ratio:.1f}x "
            f"(target at most 10x: {verdict}); wall clock {walls[name]:.1f} vs "
            f"{walls['bare']:.1f} ms"
        )


if __name__ == "__main__":
    main()
