"""The embed card inside a real iframe on another origin, and the framing setting."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SCREENSHOTS
from tests.live import free_port, serve

HOST_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Team wiki</title>
<style>body{{font-family:sans-serif;max-width:760px;margin:24px auto}}
iframe{{border:0;width:100%}}</style>
</head><body><h1>Should we move to Kubernetes?</h1><p>Our numbers, live from the calculator:</p>
<iframe id="calc" src="{src}" height="150" title="Docker vs Kubernetes cost"></iframe>
<script>
window.addEventListener("message", function (e) {{
  if (e.data && e.data.type === "dockerk8s-cost:height") {{
    document.getElementById("calc").height = e.data.height;
  }}
}});
</script></body></html>"""


@pytest.fixture
def host_site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A static 'wiki' on its own port: a different origin from the calculator."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_card_renders_and_resizes_in_a_cross_origin_iframe(
    page: Page, live_server: str, host_site: tuple[Path, str]
) -> None:
    folder, origin = host_site
    (folder / "wiki.html").write_text(HOST_PAGE.format(src=f"{live_server}/embed?preset=article"))
    page.goto(f"{origin}/wiki.html")
    frame = page.frame_locator("#calc")
    expect(frame.locator('[data-total="docker"]')).to_contain_text("$730.00")
    expect(frame.locator('[data-total="kubernetes"]')).to_contain_text("$1,883.00")
    iframe = page.locator("#calc")
    expect(iframe).not_to_have_attribute("height", "150")
    height = int(iframe.get_attribute("height") or 0)
    assert height > 300
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "embed-in-wiki.png"), full_page=True)


def test_restricted_setting_makes_the_browser_refuse_framing(
    page: Page, host_site: tuple[Path, str]
) -> None:
    proc, url = serve({"CALC_EMBED_FRAME_ANCESTORS": "https://wiki.example.com"})
    try:
        folder, origin = host_site
        (folder / "wiki.html").write_text(HOST_PAGE.format(src=f"{url}/embed?preset=article"))
        page.goto(f"{origin}/wiki.html")
        page.wait_for_timeout(1500)
        frame = next(f for f in page.frames if f != page.main_frame)
        assert frame.locator("#card").count() == 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)
