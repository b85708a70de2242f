"""Phones: no sideways scrolling, and every line-item cell shows which column it is."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import SCREENSHOTS

# A pre-negotiated price shows "list $0.384 / yours $0.273973", the widest cell there is.
URL = "/?preset=article&k8s_hourly_price=0.273973&workload_vcpu=20"


@pytest.mark.parametrize("width", [360, 390])
def test_no_horizontal_scroll_and_labelled_cells(
    browser: Browser, live_server: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(live_server + URL)
    assert page.locator("table.items tbody tr").count() > 4
    assert page.locator("table.fit-table").count() == 1
    overflow = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert overflow[0] <= overflow[1], overflow
    labels = page.evaluate(
        """() => [...document.querySelectorAll('table.items tbody td, table.fit-table tbody td')]
             .map(td => ({label: td.dataset.label,
                          shown: getComputedStyle(td, '::before').content,
                          right: td.getBoundingClientRect().right}))"""
    )
    assert labels
    for cell in labels:
        assert cell["label"], cell
        assert cell["shown"] == f'"{cell["label"]}"', cell
        assert cell["right"] <= width, cell
    context.close()


def test_screenshots_at_desktop_and_phone_width(browser: Browser, live_server: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, width in (("desktop-1280", 1280), ("phone-390", 390)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(live_server + URL)
        path = SCREENSHOTS / f"line-items-{name}.png"
        page.locator(".breakdown").screenshot(path=str(path))
        assert path.stat().st_size > 5_000
        context.close()


def test_the_grouped_vm_type_selects_fit_a_phone(browser: Browser, live_server: str) -> None:
    # 141 AWS types in 8 family groups: the select keeps to the screen's width (its options
    # are the phone's own picker), at 390 px as at 360.
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(live_server + "/?docker_instance_type=t3.small")
    host = page.locator("#field-docker_instance_type")
    assert host.locator("optgroup").count() == 8
    assert host.locator("optgroup[label=Burstable] option").count() == 6
    assert host.input_value() == "t3.small"
    for box in page.evaluate(
        "[...document.querySelectorAll('select')].map(s => s.getBoundingClientRect().right)"
    ):
        assert box <= 390, box
    overflow = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert overflow[0] <= overflow[1], overflow
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / "vm-type-select-phone-390.png"
    host.locator("xpath=..").screenshot(path=str(path))
    assert path.stat().st_size > 1_000
    context.close()
