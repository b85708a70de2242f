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

DOCS = Path(__file__).resolve().parents[2] / "docs" / "EMBEDDING.md"


def documented(block_start: str, server: str) -> str:
    """A snippet from docs/EMBEDDING.md, pointed at ``server``: the recipe a user copies."""
    text = DOCS.read_text()
    begin = text.index(block_start)
    snippet = text[begin : text.index("```", begin)]
    return snippet.replace("https://calc.example.com", server)


def host_page(server: str, query: str) -> str:
    """A wiki page on another origin with the documented iframe and resize script."""
    iframe = documented('<iframe src="https://calc.example.com/embed', server)
    iframe = iframe.replace("/embed?preset=article", f"/embed?{query}")
    iframe = iframe.replace('height="460"', 'height="150" id="calc"')
    script = documented("<script>", server)
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>Team wiki</title></head>'
        f"<body><h1>Should we move to Kubernetes?</h1><p>Our numbers:</p>{iframe}{script}"
        "</body></html>"
    )


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
    (folder / "wiki.html").write_text(host_page(live_server, "preset=article"))
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
        (folder / "wiki.html").write_text(host_page(url, "preset=article"))
        page.goto(f"{origin}/wiki.html")
        page.wait_for_timeout(1500)
        frame = next(f for f in page.frames if f != page.main_frame)
        assert frame.locator("#card").count() == 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)
