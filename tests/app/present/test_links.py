"""Every URL a face shows, built in one place: the permalink, the page's own JSON and CSV, the
card, the image, oEmbed, the flips and the sizing form, with and without a path prefix."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.present.links import CARD_HEIGHT, CARD_WIDTH, Links, page_path

BASE = "https://calc.example/tools/"


def test_the_defaults_links_carry_no_query() -> None:
    links = Links("/tools", BASE, "")
    assert links.page == "/tools/"
    assert links.permalink == BASE
    assert links.json == "/tools/api/v1/estimate?"
    assert links.csv == "/tools/api/v1/estimate?format=csv"
    assert links.sensitivity == "/tools/api/v1/estimate?sensitivity=true"
    assert links.flips == "/tools/flips?"
    assert links.size == "/tools/size"
    assert links.embed == BASE + "embed"
    assert links.image == BASE + "embed.svg"
    # The page's oEmbed link names the page with an empty query ("?" percent-encoded as %3F).
    assert links.oembed == "/tools/oembed?format=json&url=https%3A//calc.example/tools/%3F"
    assert links.card_oembed == BASE + "oembed?format=json&url=https%3A//calc.example/tools/"


def test_a_scenarios_links_carry_its_permalink() -> None:
    links = Links("", "http://testserver/", "k8s_nodes=4&provider=gcp")
    assert links.page == "/?k8s_nodes=4&provider=gcp"
    assert links.permalink == "http://testserver/?k8s_nodes=4&provider=gcp"
    assert links.csv == "/api/v1/estimate?k8s_nodes=4&provider=gcp&format=csv"
    assert links.flips == "/flips?k8s_nodes=4&provider=gcp"
    assert links.size == "/size?k8s_nodes=4&provider=gcp"
    assert links.image == "http://testserver/embed.svg?k8s_nodes=4&provider=gcp"
    assert links.card_oembed == (
        "http://testserver/oembed?format=json&url=http%3A//testserver/%3Fk8s_nodes%3D4%26provider%3Dgcp"
    )
    assert page_path("", "k8s_nodes=4") == links.page.split("&")[0]


def test_the_snippets_embed_the_card_and_the_image() -> None:
    iframe, markdown, html = Links("", "http://wiki.test/", "preset=k3s").snippets()
    assert 'src="http://wiki.test/embed?preset=k3s"' in iframe.code
    assert markdown.code == (
        "[![Docker vs Kubernetes cost](http://wiki.test/embed.svg?preset=k3s)]"
        "(http://wiki.test/?preset=k3s)"
    )
    assert html.code.startswith('<a href="http://wiki.test/?preset=k3s"><img src=')


def test_the_page_links_its_own_json_and_csv(client: TestClient) -> None:
    page = client.get("/", params={"provider": "gcp", "k8s_nodes": "4"}).text
    # The permalink keeps what differs from the defaults, in field order; & is written &amp;.
    query = "provider=gcp&amp;k8s_nodes=4"
    assert f'<link rel="alternate" type="application/json" href="/api/v1/estimate?{query}">' in page
    assert f'href="/api/v1/estimate?{query}&amp;format=csv" download>Download CSV</a>' in page
    assert f'action="/size?{query}"' in page
    assert f'data-copy="http://testserver/?{query}"' in page


def test_the_iframe_snippet_has_the_card_size_everywhere(client: TestClient) -> None:
    page = client.get("/", params={"preset": "article"}).text
    oembed = client.get("/oembed", params={"url": "http://testserver/?preset=article"}).json()
    size = f'width="{CARD_WIDTH}" height="{CARD_HEIGHT}"'
    assert size.replace('"', "&#34;") in page
    assert size in oembed["html"]
