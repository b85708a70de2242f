"""The calculator in a real browser: live updates, permalinks, no-JS, errors, presets, a11y."""

from __future__ import annotations

import json
import re
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import SCREENSHOTS


def total(page: Page, setup: str) -> str:
    return page.locator(f'[data-total="{setup}"]').inner_text().split("/")[0]


def test_changing_a_field_updates_totals_without_reload(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    page.evaluate("window.__marker = 'same page'")
    before = total(page, "kubernetes")
    page.fill("#field-k8s_nodes", "6")
    expect(page.locator('[data-total="kubernetes"]')).not_to_have_text(before)
    assert page.evaluate("window.__marker") == "same page"
    expect(page).to_have_url(re.compile(r"/\?k8s_nodes=6$"))


def test_permalink_reopens_with_the_same_totals(
    page: Page, browser: Browser, live_server: str
) -> None:
    page.goto(live_server + "/")
    page.fill("#field-k8s_nodes", "5")
    page.fill("#field-devops_hourly_rate", "120")
    expect(page).to_have_url(re.compile(r"devops_hourly_rate=120"))
    expect(page).to_have_url(re.compile(r"k8s_nodes=5"))
    totals = (total(page, "docker"), total(page, "kubernetes"))
    fresh = browser.new_page()
    fresh.goto(page.url)
    assert (total(fresh, "docker"), total(fresh, "kubernetes")) == totals
    assert fresh.input_value("#field-k8s_nodes") == "5"
    fresh.close()


def test_form_works_without_javascript(browser: Browser, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(live_server + "/")
    pg.fill("#field-k8s_nodes", "4")
    pg.click("text=Calculate")
    pg.wait_for_url(re.compile(r"k8s_nodes=4"))
    assert pg.input_value("#field-k8s_nodes") == "4"
    assert "m6i.xlarge × 4 nodes" in pg.inner_text("#results")
    context.close()


def test_bad_value_shows_inline_error_and_keeps_input(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    good = total(page, "kubernetes")
    page.fill("#field-k8s_nodes", "-2")
    error = page.locator("#error-k8s_nodes")
    expect(error).to_contain_text("whole number")
    expect(page.locator("#field-k8s_nodes")).to_have_attribute("aria-invalid", "true")
    assert page.input_value("#field-k8s_nodes") == "-2"
    expect(page.locator("#results")).to_have_class(re.compile("stale"))
    assert total(page, "kubernetes") == good
    page.fill("#field-k8s_nodes", "3")
    expect(error).to_have_text("")
    expect(page.locator("#results")).not_to_have_class(re.compile("stale"))


def test_article_preset_shows_the_articles_figures(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    page.select_option("#preset", "article")
    page.wait_for_url(re.compile(r"preset=article"))
    expect(page.locator('[data-infra="docker"]')).to_have_text("$250.00")
    expect(page.locator('[data-infra="kubernetes"]')).to_have_text("$443.00")


def test_provider_change_updates_instance_choices(page: Page, live_server: str) -> None:
    page.goto(live_server + "/?devops_hourly_rate=110")
    page.select_option("#field-provider", "gcp")
    # the first group, general purpose, smallest first: t2d-standard-1 (1 vCPU) today
    expect(page.locator("#field-k8s_instance_type option").first).to_have_attribute(
        "value", re.compile(r"^(e2|n2|n4|c3|c4|t2d)-")
    )
    assert page.input_value("#field-devops_hourly_rate") == "110"
    expect(page.locator("#results")).to_contain_text("GKE")


def test_provider_change_empties_the_own_price_of_the_replaced_vm_type(
    page: Page, live_server: str
) -> None:
    page.goto(live_server + "/?preset=article")
    assert page.input_value("#field-docker_hourly_price") == "0.273973"
    page.select_option("#field-provider", "gcp")
    expect(page.locator("#field-docker_hourly_price")).to_have_value("")
    expect(page.locator("#results")).to_contain_text("GKE")
    # The next edit sends the emptied box: the e2 host stays at its list price.
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.fill("#field-k8s_nodes", "4")
    expect(page).to_have_url(re.compile(r"k8s_nodes=4"))
    assert "docker_hourly_price" not in page.url
    expect(page.locator("table.items.docker tr.cat-compute")).not_to_contain_text("your price")


def test_an_error_in_a_folded_group_opens_the_group(page: Page, live_server: str) -> None:
    # Hetzner prices in euros: the euro rate (in a folded group) must be given, and is shown.
    page.goto(live_server + "/")
    page.select_option("#field-provider", "hetzner")
    expect(page.locator("#error-eur_rate")).to_be_visible()
    expect(page.locator("#error-eur_rate")).to_contain_text("enter the USD per euro rate")
    expect(page.locator("#field-eur_rate")).to_have_attribute("aria-invalid", "true")


def test_axe_finds_no_serious_violations(page: Page, live_server: str) -> None:
    page.goto(live_server + "/?preset=article")
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, indent=1)[:3000]


def test_screenshots(browser: Browser, live_server: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, size in (("desktop", (1280, 900)), ("phone", (390, 844))):
        context = browser.new_context(viewport={"width": size[0], "height": size[1]})
        pg = context.new_page()
        pg.goto(live_server + "/?preset=article")
        path = Path(SCREENSHOTS / f"calculator-{name}.png")
        pg.screenshot(path=str(path), full_page=name == "desktop")
        assert path.stat().st_size > 10_000
        context.close()


def test_sensitivity_loads_when_opened(page: Page, live_server: str) -> None:
    page.goto(live_server + "/?devops_hourly_rate=20&k8s_steady_hours=5&k8s_rampup_months=0")
    page.click("text=What would flip the answer?")
    expect(page.locator("details.flips")).to_contain_text("Kubernetes worker nodes: from 3 to 1")


def test_depth_inputs_show_in_results(page: Page, live_server: str) -> None:
    page.goto(live_server + "/?workload_vcpu=20&k8s_nodes_min=2&k8s_nodes_max=6")
    expect(page.locator("#fold-capacity")).to_have_attribute("open", "")
    expect(page.locator(".fit-table")).to_contain_text("No")
    expect(page.locator(".range")).to_contain_text("between 2 and 6 nodes")
    page.click("text=Buying options, currency")
    page.fill("#field-currency", "EUR")
    page.fill("#field-exchange_rate", "0.92")
    expect(page.locator('[data-total="docker"]')).to_contain_text("EUR")


def test_first_load_is_light_and_first_party(page: Page, live_server: str) -> None:
    page.goto(live_server + "/?preset=article")
    page.wait_for_load_state("networkidle")
    entries = page.evaluate(
        """() => performance.getEntriesByType('navigation')
              .concat(performance.getEntriesByType('resource'))
              .map(e => ({name: e.name, size: e.transferSize}))"""
    )
    assert all(e["name"].startswith(live_server) for e in entries), entries
    total = sum(e["size"] for e in entries)
    assert 0 < total <= 100_000, entries


def test_embed_code_link_unfolds_the_snippets(page: Page, live_server: str) -> None:
    page.goto(live_server + "/?preset=article")
    page.click("text=Embed code")
    snippet = page.locator("#snippet-iframe")
    expect(snippet).to_be_visible()
    assert f'src="{live_server}/embed?' in snippet.input_value()
