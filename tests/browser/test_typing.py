"""Live updates while typing: a short debounce, and fast typing does not pile up requests."""

from __future__ import annotations

import re

from playwright.sync_api import Page, Request, expect


def test_form_debounces_briefly_and_replaces_requests(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    form = page.locator("#calc")
    delay = re.search(r"input delay:(\d+)ms", form.get_attribute("hx-trigger") or "")
    assert delay is not None
    assert int(delay.group(1)) <= 100
    assert form.get_attribute("hx-sync") == "this:replace"


def test_typing_fast_sends_few_requests_and_shows_the_final_value(
    page: Page, live_server: str
) -> None:
    page.goto(live_server + "/?preset=article")
    sent: list[Request] = []
    page.on("request", lambda r: sent.append(r) if r.headers.get("hx-request") else None)
    field = page.locator("#field-devops_hourly_rate")
    field.fill("")
    page.wait_for_timeout(300)
    sent.clear()
    field.press_sequentially("000000000096.123456", delay=15)  # 19 keys, 12 digits + 6 places
    expect(page).to_have_url(re.compile(r"devops_hourly_rate=96\.123456"))
    page.wait_for_timeout(300)
    assert 1 <= len(sent) <= 4, [r.url for r in sent]
    # 5 Docker DevOps hours at $96.123456 an hour: $480.62
    expect(page.locator("table.items.docker")).to_contain_text("$480.62")
