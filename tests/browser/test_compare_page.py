"""The compare page in Chromium: from the calculator's "Compare with…" to a second scenario
pasted as B, without JavaScript too, on a phone without sideways scrolling, under the CSP; and
its screenshots for the docs."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_csp import WATCH_VIOLATIONS, style_attributes

A = "preset=article"
# A fourth node, and a load balancer (100 GB of traffic) before the Docker host.
B = "preset=article&k8s_nodes=4&docker_load_balancers=1&docker_lb_usage=100"
SHOWN = "/compare?" + urlencode({"a": A, "b": B})


def test_compare_with_a_second_permalink(page: Page, live_server: str) -> None:
    page.add_init_script(WATCH_VIOLATIONS)
    page.goto(live_server + "/?" + A)
    page.click("text=Compare with…")
    expect(page.locator("table.field-changes")).to_contain_text("None: A and B are the same")
    # B is pasted as a whole permalink, as "Copy link" gives it.
    page.fill("#field-b", live_server + "/?" + A + "&k8s_nodes=4")
    page.click("button:text('Compare')")
    # 4 nodes at the article's 0.159817 $/h: 2,920 h = 466.67 against 350.00.
    expect(page.locator('[data-change="kubernetes"]')).to_have_text("+$116.67/month")
    expect(page.locator('[data-change="docker"]')).to_have_text("no change")
    expect(page.locator('[data-field="k8s_nodes"]')).to_contain_text("Worker nodes")
    page.click("text=Swap A and B")
    expect(page.locator('[data-change="kubernetes"]')).to_have_text("-$116.67/month")
    assert page.evaluate("window.__violations") == []


def test_it_works_without_javascript(browser: Browser, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/compare")
    page.fill("#field-a", A)
    page.fill("#field-b", "k8s_nodes=0")
    page.click("button:text('Compare')")
    expect(page.locator("#error-b")).to_contain_text("k8s_nodes: ")
    expect(page.locator("#field-b")).to_have_attribute("aria-invalid", "true")
    page.fill("#field-b", B)
    page.click("button:text('Compare')")
    expect(page.locator('[data-change="docker"]')).to_have_text("+$17.23/month")
    context.close()


def test_no_style_attribute_is_served(live_server: str) -> None:
    assert style_attributes(live_server + SHOWN) == []


@pytest.mark.parametrize("width", [360, 390])
def test_no_sideways_scroll_on_a_phone(browser: Browser, live_server: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(live_server + SHOWN)
    widths = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    cells = page.evaluate(
        """() => [...document.querySelectorAll('.compare-items td.num, .field-changes td')]
             .map(td => ({label: td.dataset.label, right: td.getBoundingClientRect().right,
                          shown: getComputedStyle(td, '::before').content}))"""
    )
    assert len(cells) > 20
    for cell in cells:
        assert cell["shown"] == f'"{cell["label"]}"', cell
        assert cell["right"] <= width, cell
    context.close()


def test_screenshots(browser: Browser, live_server: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(live_server + SHOWN)
        path = SCREENSHOTS / f"compare-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 20_000
        context.close()


def test_axe_finds_no_serious_violations(page: Page, live_server: str) -> None:
    page.goto(live_server + SHOWN)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, indent=1)[:3000]
