"""The "Size from your files" panel in a real browser: paste, submit, report and results."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import httpx
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from pricing.money import format_money
from tests.browser.conftest import SCREENSHOTS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sizing"
COMPOSE = (FIXTURES / "article-compose.yml").read_text()


def watch_console(page: Page) -> list[str]:
    problems: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            problems.append(message.text)

    page.on("console", record)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    return problems


def size_pasted(page: Page, live_server: str, text: str) -> None:
    page.goto(live_server + "/")
    page.click("#sizing-panel > summary")
    page.fill("#sizing-yaml", text)
    page.click("#sizing-form button[type=submit]")


def test_paste_compose_shows_report_and_sized_results(page: Page, live_server: str) -> None:
    problems = watch_console(page)
    size_pasted(page, live_server, COMPOSE)
    report = page.locator(".sizing-report")
    expect(report).to_contain_text("Sized from your files")
    # t3.xlarge sustains 40% of 4 vCPU, under the 3.6 needed: c6i.xlarge (docs/SIZING.md)
    expect(report).to_contain_text("1 × c6i.xlarge")
    expect(report.locator(".workloads tbody tr")).to_have_count(4)
    expect(report).to_contain_text("runner-up")
    # 3 x c6i.large nodes: postgres keeps data on a volume, so no surge room is held for it
    expect(report.locator(".node")).to_have_count(3)
    expect(report.locator(".node-bar rect.pod").first).to_be_attached()
    expect(report).to_contain_text("states no cpu or memory")
    expect(page).to_have_url(re.compile(r"/\?.*docker_instance_type=c6i.xlarge"))
    expect(page.locator("#field-docker_instance_type")).to_have_value("c6i.xlarge")
    # $207.10 of infrastructure and 7.5 h of people from the file's drivers at $96 (see
    # tests/deploy/test_cli_size.py): $927.10
    expect(page.locator('[data-total="docker"]')).to_contain_text("$927.10")
    expect(page.locator("#sizing-status")).to_contain_text("Sized 4 workloads")
    assert page.evaluate("document.activeElement.id") == "sizing-title"
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.screenshot(path=str(SCREENSHOTS / "sizing-panel.png"), full_page=False)
    results = Axe().run(page, context=".sizing-report, #sizing-panel")
    assert results.violations_count == 0, results.generate_report()
    # the permalink reopens the same totals
    docker = page.locator('[data-total="docker"]').inner_text()
    page.goto(page.url)
    expect(page.locator('[data-total="docker"]')).to_have_text(docker)
    assert problems == []


def test_bad_yaml_shows_line_and_column_in_the_panel(page: Page, live_server: str) -> None:
    problems = watch_console(page)
    size_pasted(page, live_server, "services:\n  api:\n    image: [unclosed\n")
    errors = page.locator("#sizing-errors")
    expect(errors).to_contain_text("line 4, column 1")
    expect(page.locator("#sizing-yaml")).to_have_attribute("aria-invalid", "true")
    assert page.evaluate("document.activeElement.id") == "sizing-yaml"
    expect(page.locator(".sizing-report")).to_have_count(0)
    # a 422 in the browser's console is the answer, not a script error
    assert [p for p in problems if "422" not in p] == []


def test_upload_without_javascript(browser: Browser, live_server: str, tmp_path: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/?provider=gcp")
    page.click("#sizing-panel > summary")
    first = tmp_path / "compose.yml"
    first.write_text(COMPOSE)
    second = tmp_path / "override.yml"
    second.write_text("services:\n  api:\n    deploy:\n      replicas: 3\n")
    page.set_input_files("#sizing-files", [str(first), str(second)])
    page.click("#sizing-form button[type=submit]")
    expect(page.locator(".sizing-report")).to_contain_text("Sized from your files")
    assert page.input_value("#field-provider") == "gcp"
    assert "3" in page.locator(".workloads tbody tr").first.inner_text()
    context.close()


def test_narrow_screen(browser: Browser, live_server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(live_server + "/")
    before = page.evaluate("document.documentElement.scrollWidth")
    size_pasted(page, live_server, COMPOSE)
    expect(page.locator(".sizing-report")).to_contain_text("c6i.xlarge")
    box = page.locator(".sizing-report").bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    after = page.evaluate("document.documentElement.scrollWidth")
    assert after <= before, f"sizing made the page scroll sideways ({before} -> {after}px)"
    page.locator(".sizing-report").screenshot(path=str(SCREENSHOTS / "sizing-panel-390.png"))
    context.close()


def test_sizing_again_gives_the_same_answer_as_the_api(page: Page, live_server: str) -> None:
    size_pasted(page, live_server, COMPOSE)
    expect(page.locator(".sizing-report")).to_contain_text("3 × c6i.large")
    page.fill("#sizing-yaml", COMPOSE)
    page.click("#sizing-form button[type=submit]")
    expect(page.locator(".sizing-report")).to_contain_text("29 pods allocatable each")
    answer = httpx.post(
        f"{live_server}/api/v1/size",
        content=COMPOSE,
        headers={"content-type": "application/yaml"},
    ).json()["comparison"]
    for setup in ("docker", "kubernetes"):
        total = format_money(Decimal(str(answer[setup]["monthly_total"])))
        expect(page.locator(f'[data-total="{setup}"]')).to_contain_text(total)
