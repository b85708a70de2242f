"""GET /compare: the form, both sides compared, B starting as A, and each side's problems
inline; and the calculator's "Compare with…" link to it."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient

ARTICLE = "preset=article"


def test_without_sides_the_form_asks_for_them(client: TestClient) -> None:
    page = client.get("/compare")
    assert page.status_code == 200
    assert '<form class="inputs compare-form" method="get" action="/compare">' in page.text
    assert 'name="a"' in page.text and 'name="b"' in page.text
    assert "Paste two permalinks above" in page.text


def test_both_sides_compared(client: TestClient) -> None:
    page = client.get("/compare", params={"a": ARTICLE, "b": ARTICLE + "&k8s_nodes=4"})
    assert page.status_code == 200
    html = page.text
    # 4 nodes at the article's 0.159817 $/h: 2,920 h = 466.67 against 350.00, +116.67.
    assert 'data-change="kubernetes">+$116.67<span class="per">/month</span>' in html
    assert 'data-change="docker">no change' in html
    row = re.search(r'data-field="k8s_nodes">(.*?)</tr>', html, re.S)
    assert row is not None
    assert "Worker nodes" in row.group(1)
    assert '<td data-label="A">3</td><td data-label="B">4</td>' in row.group(1)
    assert "In both, Docker is cheaper over 12 months." in html
    # its JSON and CSV are the same two sides
    alternate = re.search(r'<link rel="alternate" type="text/csv" href="([^"]+)"', html)
    assert alternate is not None
    csv_answer = client.get(unescape(alternate.group(1)))
    assert csv_answer.status_code == 200 and "116.67" in csv_answer.text


def test_b_starts_as_a(client: TestClient) -> None:
    html = client.get("/compare", params={"a": ARTICLE}).text
    assert "None: A and B are the same scenario." in html
    assert html.count('data-change="') == 2 and html.count(">no change<") >= 2


def test_each_sides_problems_show_under_it(client: TestClient) -> None:
    page = client.get("/compare", params={"a": ARTICLE, "b": "k8s_nodes=0"})
    assert page.status_code == 422
    error = re.search(r'<p class="field-error" id="error-b">(.*?)</p>', page.text, re.S)
    assert error is not None and error.group(1).startswith("k8s_nodes: ")
    assert re.search(
        r'id="field-b" name="b" value="k8s_nodes=0"[^>]*aria-invalid="true"', page.text
    )
    assert '<p class="field-error" id="error-a"></p>' in page.text
    assert "Fix the scenarios above to compare them." in page.text


def test_an_unknown_parameter_is_named(client: TestClient) -> None:
    page = client.get("/compare", params={"a": ARTICLE, "c": "1"})
    assert page.status_code == 422
    assert "c: is not a known field" in page.text


def test_the_results_link_to_compare_with_this_scenario(client: TestClient) -> None:
    html = client.get("/?preset=article&k8s_nodes=5").text
    link = re.search(r'<a class="button secondary" href="([^"]+)">Compare with…</a>', html)
    assert link is not None
    url = urlsplit(unescape(link.group(1)))
    sides = parse_qs(url.query, keep_blank_values=True)
    assert url.path == "/compare"
    assert sides["a"] == sides["b"] and "k8s_nodes=5" in sides["a"][0]
    assert client.get(unescape(link.group(1))).status_code == 200
