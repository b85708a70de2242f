"""The page under its strict CSP: no inline style anywhere, no violation after many updates."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.request import Request, urlopen

from playwright.sync_api import Page, expect

# Recorded from the first script on the page, so nothing that happens later is missed.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " on " + (e.target && e.target.id));
});
"""
EDITS = [
    ("#field-k8s_nodes", ["4", "5", "6", "7", "8", "3"]),
    ("#field-devops_hourly_rate", ["90", "110", "120.5", "80"]),
    ("#field-docker_seats", ["2", "12", "20", "10"]),
    ("#field-k8s_steady_hours", ["10", "20", "12"]),
]


class StyleAttributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any(name == "style" for name, _ in attrs):
            self.found.append(tag)


def style_attributes(url: str, headers: dict[str, str] | None = None) -> list[str]:
    with urlopen(Request(url, headers=headers or {}), timeout=10) as response:
        parser = StyleAttributes()
        parser.feed(response.read().decode())
    return parser.found


def test_no_element_is_served_with_a_style_attribute(live_server: str) -> None:
    url = live_server + "/?preset=article&k8s_nodes=4"
    assert style_attributes(url) == []
    assert style_attributes(url, {"HX-Request": "true"}) == []
    assert style_attributes(live_server + "/embed?preset=article") == []


def test_many_live_updates_cause_no_csp_violation(page: Page, live_server: str) -> None:
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.add_init_script(WATCH_VIOLATIONS)
    page.goto(live_server + "/?preset=article")
    # A reader resizes the embed snippet (the browser then writes its height into the
    # element's style), which htmx's settle step used to copy back with setAttribute.
    page.click("text=Embed code")
    box = page.locator("#snippet-iframe").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + box["height"] - 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + box["height"] + 60, steps=5)
    page.mouse.up()
    assert "height" in (page.get_attribute("#snippet-iframe", "style") or "")
    swaps = 0
    for selector, values in EDITS:
        for value in values:
            with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
                page.fill(selector, value)
            # An assertion that retries, not wait_for_function: its string predicate is
            # re-evaluated with eval, which this page's CSP rightly refuses.
            expect(page.locator("#results")).to_have_attribute("aria-busy", "false")
            swaps += 1
    assert swaps == 17
    expect(page).to_have_url(re.compile(r"k8s_steady_hours=12"))
    expect(page.locator('[data-total="kubernetes"]')).to_contain_text("$")
    assert page.evaluate("window.__violations") == []
    assert [m for m in console if "Content Security Policy" in m] == []
