"""The SVG image looks the same in Chromium and in an image viewer's renderer (librsvg)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageChops
from playwright.sync_api import Page

WIDTH, HEIGHT = 640, 360


def ink(png: bytes) -> Image.Image:
    """Where something is drawn: dark or coloured pixels on the white card, as a mask."""
    grey = Image.open(io.BytesIO(png)).convert("RGBA")
    flat = Image.new("RGBA", grey.size, "white")
    flat.alpha_composite(grey)
    return flat.convert("L").point(lambda v: 255 if v < 200 else 0)


def test_svg_renders_alike_in_chromium_and_librsvg(
    page: Page, live_server: str, tmp_path: Path
) -> None:
    rsvg = shutil.which("rsvg-convert")
    assert rsvg, "rsvg-convert is missing: `make test` installs Debian's librsvg2-bin"
    url = f"{live_server}/embed.svg?preset=article"
    svg = tmp_path / "card.svg"
    svg.write_bytes(page.request.get(url).body())
    viewer = subprocess.run([rsvg, str(svg)], capture_output=True, check=True).stdout
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    page.goto(url)
    browser = page.screenshot(clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
    a, b = ink(viewer), ink(browser)
    assert a.size == b.size == (WIDTH, HEIGHT)
    differing = ImageChops.difference(a, b).histogram()[255]
    drawn = a.histogram()[255]
    assert drawn > 5_000
    assert differing / drawn < 0.25, f"{differing} of {drawn} drawn pixels differ"
