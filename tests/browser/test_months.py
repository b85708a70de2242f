"""The months ahead in a real browser: the chart's event marks drawn and visible after live
updates, no CSP violation on the way, and the months' page without sideways scroll on a phone
(with the screenshots docs/screenshots/months-*.png)."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_csp import WATCH_VIOLATIONS

# The article's cluster on EKS 1.35 from 2026-02, never upgraded: extended support from month
# 15 (2027-04), AWS's upgrades to 1.36 in month 27 (2028-04), to 1.37 in 32, to 1.38 in 36.
NEVER = "/?preset=article&start_month=2026-02&upgrade_policy=never&horizon_months=30"
# The screenshots' scenario: the same EKS cluster never upgraded, staging and dev beside
# production (a cluster each), and a 2-vCPU workload growing 5% a month on t3 hosts, whose
# one production host steps up to a t3.2xlarge in month 15 and stops being enough in month 30.
GROWING = (
    "/?docker_instance_type=t3.xlarge&upgrade_policy=never&horizon_months=36&environments=3"
    "&growth_percent_per_month=5&workload_vcpu=2&workload_memory_gib=4&start_month=2026-02"
)


def test_the_marks_are_drawn_and_follow_live_updates(page: Page, live_server: str) -> None:
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.add_init_script(WATCH_VIOLATIONS)
    page.goto(live_server + NEVER)
    marks = page.locator(".chart .mark")
    expect(marks).to_have_count(2)
    for index in range(2):
        expect(marks.nth(index)).to_be_visible()
        box = marks.nth(index).bounding_box()
        assert box is not None and box["width"] >= 6 and box["height"] >= 6
    expect(marks.first.locator("title")).to_have_text(
        "Month 15 (2027-04), Kubernetes: extended support starts for 1.35"
    )
    expect(page.locator(".events")).to_contain_text("Month 27 (2028-04)")
    # six more months: AWS's upgrades in months 32 and 36 are marked too
    for horizon, count in (("36", 4), ("12", 0), ("36", 4)):
        with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
            page.fill("#field-horizon_months", horizon)
        expect(page.locator("#results")).to_have_attribute("aria-busy", "false")
        expect(marks).to_have_count(count)
    expect(marks.last).to_be_visible()
    assert page.evaluate("window.__violations") == []
    assert [m for m in console if "Content Security Policy" in m] == []


def test_the_months_page_fits_a_phone(browser: Browser, live_server: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, width in (("desktop-1280", 1280), ("phone-390", 390)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(live_server + GROWING)
        expect(page.locator(".difference")).to_contain_text(
            "One Docker host stops being enough in month 30 (2028-07)"
        )
        # the results from the totals to the list of events under the chart
        top, end = page.locator("#results").bounding_box(), page.locator(".events").bounding_box()
        assert top is not None and end is not None
        height = end["y"] + end["height"] + 12 - top["y"]
        clip = {"x": top["x"], "y": top["y"], "width": top["width"], "height": height}
        path = SCREENSHOTS / f"months-{name}.png"
        page.screenshot(path=str(path), clip=clip, full_page=True)
        # the month-by-month table, opened, stays within the width too
        page.locator(".chart-figure details").last.evaluate("fold => { fold.open = true; }")
        overflow = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
        assert overflow[0] <= overflow[1], (name, overflow)
        assert path.stat().st_size > 20_000
        context.close()
