"""/docs renders Swagger UI from the package under the strict CSP."""

from __future__ import annotations

from playwright.sync_api import ConsoleMessage, Page, expect


def test_swagger_ui_renders_without_csp_violations(page: Page, live_server: str) -> None:
    problems: list[str] = []

    def watch(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(message.text)

    page.on("console", watch)
    page.goto(live_server + "/docs")
    expect(page.locator(".opblock-summary-path").first).to_be_visible(timeout=15_000)
    expect(page.locator("body")).to_contain_text("/api/v1/estimate")
    assert not [p for p in problems if "Content Security Policy" in p], problems


def test_calculator_page_has_no_console_errors(page: Page, live_server: str) -> None:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(live_server + "/?preset=article")
    page.fill("#field-k8s_nodes", "4")
    expect(page.locator('[data-total="kubernetes"]')).to_contain_text("$")
    page.wait_for_timeout(600)
    assert problems == []
