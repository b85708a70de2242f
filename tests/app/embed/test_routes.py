"""/embed, /embed.svg and /oembed: content, caching and framing headers."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings

SVG = "{http://www.w3.org/2000/svg}"


def test_embed_card_shows_both_totals_and_links_back(client: TestClient) -> None:
    response = client.get("/embed", params={"preset": "article"})
    assert response.status_code == 200
    html = response.text
    assert 'data-total="docker">$730.00' in html
    assert 'data-total="kubernetes">$1,883.00' in html
    assert 'target="_blank"' in html and "http://testserver/?docker_hourly_price=" in html
    assert "application/json+oembed" in html
    assert "<form" not in html


def test_svg_parses_and_has_title_and_totals(client: TestClient) -> None:
    response = client.get("/embed.svg", params={"preset": "article"})
    assert response.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(response.text)
    title = root.find(f"{SVG}title")
    assert title is not None and "$730.00" in (title.text or "")
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "$730.00" in texts and "$1,883.00" in texts
    api = client.get("/api/v1/value?preset=article&field=kubernetes.monthly_total").text
    assert f"${float(api):,.2f}" in texts


def test_svg_is_cacheable(client: TestClient) -> None:
    first = client.get("/embed.svg")
    assert "max-age" in first.headers["cache-control"]
    again = client.get("/embed.svg", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_svg_escapes_text_from_the_catalog(tmp_path: Path) -> None:
    # An operator's override file is text the SVG shows (its catalog version) and that no
    # input validation stands in front of: the .svg template must escape it itself.
    override = tmp_path / "override.json"
    override.write_text(json.dumps({"version": '2026 <script>alert("x")</script> & co'}))
    with TestClient(create_app(Settings(catalog_override=override))) as client:
        response = client.get("/embed.svg", params={"preset": "article"})
    assert response.status_code == 200
    assert "<script>" not in response.text
    assert "2026 &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co" in response.text


def test_oembed_rich_response_honours_max_size(client: TestClient) -> None:
    url = "http://testserver/?preset=article"
    body = client.get("/oembed", params={"url": url, "maxwidth": 400, "maxheight": 300}).json()
    assert body["type"] == "rich" and body["version"] == "1.0"
    assert (body["width"], body["height"]) == (400, 300)
    assert 'src="http://testserver/embed?' in body["html"] and 'width="400"' in body["html"]


@pytest.mark.parametrize(
    "url", ["https://evil.example/?k8s_nodes=3", "http://testserver/api/v1/estimate", "nonsense"]
)
def test_oembed_refuses_other_urls(client: TestClient, url: str) -> None:
    response = client.get("/oembed", params={"url": url})
    assert response.status_code == 404
    assert response.json()["detail"][0]["field"] == "url"


def test_oembed_format_must_be_json(client: TestClient) -> None:
    response = client.get("/oembed", params={"url": "http://testserver/", "format": "xml"})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"field": "format", "message": "must be json (the only format served)"}
    ]


def test_framing_policy_per_route(client: TestClient) -> None:
    page = client.get("/").headers["content-security-policy"]
    embed = client.get("/embed").headers["content-security-policy"]
    assert "frame-ancestors 'self'" in page
    assert "frame-ancestors *" in embed
    assert "x-frame-options" not in client.get("/embed").headers
    for csp in (page, embed):
        assert "unsafe-inline" not in csp and "script-src 'self'" in csp


def test_framing_setting_restricts_embed() -> None:
    settings = Settings(embed_frame_ancestors="https://wiki.example.com")
    with TestClient(create_app(settings)) as restricted:
        csp = restricted.get("/embed").headers["content-security-policy"]
        assert "frame-ancestors https://wiki.example.com" in csp
        assert "frame-ancestors 'self'" in restricted.get("/").headers["content-security-policy"]


def test_page_and_embed_advertise_oembed(client: TestClient) -> None:
    for path in ("/", "/embed"):
        assert 'rel="alternate" type="application/json+oembed"' in client.get(path).text


def test_results_in_another_currency_are_labelled_everywhere(client: TestClient) -> None:
    q = "preset=article&currency=EUR&exchange_rate=0.92"
    body = client.get("/oembed", params={"url": f"http://testserver/?{q}"}).json()
    assert body["title"] == "Docker 671.60 EUR vs Kubernetes 1,732.36 EUR per month"
    svg = client.get(f"/embed.svg?{q}").text
    assert "$" not in svg.split("<desc")[1].split("</desc>")[0]
    assert "k EUR" in svg


def test_oembed_refuses_a_url_whose_query_was_not_encoded(client: TestClient) -> None:
    # ?url=http://testserver/?preset=article&k8s_nodes=5 : k8s_nodes is oEmbed's, not the url's.
    response = client.get("/oembed?url=http://testserver/?preset=article&k8s_nodes=5")
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "field": "k8s_nodes",
            "message": "is not an oEmbed parameter: percent-encode the url if it was part of it",
        }
    ]
