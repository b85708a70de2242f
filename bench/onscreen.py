"""From the last keystroke to new results on screen, in headless Chromium (Debian's).

    .venv/bin/python -m bench.onscreen [--tries 40]

Starts the production server (one worker, 127.0.0.1), opens / in /usr/bin/chromium through
Playwright, and for each try types a new value into the Kubernetes node count (select the
field, type two or three characters 40 ms apart, as a quick typist does). The page records
performance.now() at every input event and at every htmx:afterSettle with the request's path;
the latency is from the last input event to the settle of the request carrying the final
value. Prints the median, p95 and every try. No assertion: it is a measurement.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from bench.servers import free_port, production_command, start

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RECORDER = """
window.__inputs = []; window.__settles = [];
document.addEventListener('input', () => window.__inputs.push(performance.now()), true);
document.body.addEventListener('htmx:afterSettle', (e) => {
  const info = e.detail && e.detail.pathInfo;
  window.__settles.push([performance.now(), info ? info.finalRequestPath || info.requestPath : '']);
});
"""
LATENCY = """(value) => {
  const last = window.__inputs[window.__inputs.length - 1];
  const wanted = 'k8s_nodes=' + value + '&';
  const hit = window.__settles.find(([t, path]) => t > last && path.includes(wanted));
  return hit ? hit[0] - last : null;
}"""


def _wait_latency(page: Page, value: str) -> float:
    """Poll (the page's CSP forbids wait_for_function's eval) until the final value settled;
    the times are the page's own, so polling does not move them."""
    for _ in range(2000):  # bounded: 10 s
        latency = page.evaluate(LATENCY, value)
        if latency is not None:
            return float(latency)
        page.wait_for_timeout(5)
    raise RuntimeError(f"no results for k8s_nodes={value} within 10 s")


def run(tries: int, keystroke_ms: int) -> list[float]:
    out = Path(tempfile.mkdtemp(prefix="bench-onscreen-"))
    server = start(
        "calculator", production_command(free_port()), {"CALC_WORKERS": "1"}, out / "server.log"
    )
    latencies: list[float] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.goto(server.base + "/")
            page.evaluate(RECORDER)
            field = page.locator("#field-k8s_nodes")
            for n in range(tries + 3):  # the first three warm up the page and the server
                value = str(101 + n * 7)
                field.click()
                page.keyboard.press("Control+A")
                page.keyboard.type(value, delay=keystroke_ms)
                latency = _wait_latency(page, value)
                if n >= 3:
                    latencies.append(latency)
                page.wait_for_timeout(150)  # let the debounce and any stray request finish
            browser.close()
    finally:
        server.stop()
    return latencies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tries", type=int, default=40)
    parser.add_argument("--keystroke-ms", type=int, default=40)
    args = parser.parse_args(argv)
    latencies = run(args.tries, args.keystroke_ms)
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    print(
        f"last keystroke -> results settled, {len(ordered)} tries: median "
        f"{statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, min {ordered[0]:.1f}, "
        f"max {ordered[-1]:.1f}"
    )
    print("every try (ms): " + ", ".join(f"{v:.0f}" for v in latencies))
    return 0


if __name__ == "__main__":
    sys.exit(main())
