"""The odds in a real browser: the block and the chart's band drawn, following a range typed
into a people-time field without a CSP violation, and the page within a phone's width (with the
screenshots docs/screenshots/odds-*.png)."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_csp import WATCH_VIOLATIONS

# Twelve services, three of them stateful, deployed several times a day: people time from the
# drivers, every coefficient a range.
SHOP = "/?services=12&stateful=true&stateful_services=3&deploy_frequency=several-daily"


def test_the_odds_follow_a_range_typed_in(page: Page, live_server: str) -> None:
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.add_init_script(WATCH_VIOLATIONS)
    page.goto(live_server + SHOP)
    summary = page.locator(".odds-summary")
    expect(summary).to_contain_text("Docker is cheaper in")
    expect(summary).to_contain_text("the answer turns on Kubernetes hours per service")
    bands = page.locator(".chart .band")
    expect(bands).to_have_count(2)
    for index in range(2):
        box = bands.nth(index).bounding_box()
        assert box is not None and box["height"] > 10
    # Kubernetes' hours per service known to be 1.4 to 1.6: it no longer leads the spread
    field = page.locator("#field-k8s_service_hours")
    for fold in page.locator("details:has(#field-k8s_service_hours)").all():
        fold.evaluate("fold => { fold.open = true; }")  # the advanced group
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        field.fill("1.4/1.5/1.6")
    expect(page.locator("#results")).to_have_attribute("aria-busy", "false")
    expect(summary).not_to_contain_text("Kubernetes hours per service")
    page.locator(".flips summary").click()
    names = page.locator(".influence-name")
    expect(names.first).to_have_text("Kubernetes ramp-up hours")
    assert page.evaluate("window.__violations") == []
    assert [m for m in console if "Content Security Policy" in m] == []


def test_the_odds_fit_a_phone(browser: Browser, live_server: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, width in (("desktop-1280", 1280), ("phone-390", 390)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(live_server + SHOP)
        page.locator(".flips").evaluate("fold => { fold.open = true; }")
        expect(page.locator(".influence-name").first).to_be_visible()
        # the results from the totals to the chart
        top = page.locator("#results").bounding_box()
        end = page.locator(".chart-figure svg").bounding_box()
        assert top is not None and end is not None
        height = end["y"] + end["height"] + 12 - top["y"]
        clip = {"x": top["x"], "y": top["y"], "width": top["width"], "height": height}
        path = SCREENSHOTS / f"odds-{name}.png"
        page.screenshot(path=str(path), clip=clip, full_page=True)
        overflow = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
        assert overflow[0] <= overflow[1], (name, overflow)
        assert path.stat().st_size > 20_000
        context.close()
