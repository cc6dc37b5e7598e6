"""Take screenshots of pages of a running Stepwise, signed in, at desktop and phone widths.

usage: python scripts/screenshots.py BASE_URL OUTDIR USERNAME PASSWORD PATH...
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-sandbox",
]
WIDTHS = {"desktop": 1280, "phone": 390}


def main(base: str, outdir: str, username: str, password: str, *paths: str) -> None:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for label, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{base}/login/")
            if username != "-":
                page.fill("#id_username", username)
                page.fill("#id_password", password)
                page.click("button[type=submit]")
            for path in paths:
                page.goto(f"{base}{path}")
                name = path.strip("/").replace("/", "_") or "home"
                page.screenshot(path=str(out / f"{name}-{label}.png"), full_page=True)
                print(out / f"{name}-{label}.png")
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
