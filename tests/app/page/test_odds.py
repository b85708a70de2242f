"""The odds on the page, the card and the image: the sentence, the quantiles, the inputs the
answer turns on and the chart's P10-P90 band, the same figures as the JSON's."""

from __future__ import annotations

import re
from decimal import Decimal

from fastapi.testclient import TestClient
from markupsafe import escape

from pricing.money import format_money

SHOP = {"services": "8", "stateful": "true", "stateful_services": "2"}


def _json_odds(client: TestClient, **extra: str) -> dict[str, object]:
    odds = client.get("/api/v1/estimate", params={**SHOP, **extra}).json()["odds"]
    assert isinstance(odds, dict)
    return odds


def test_the_page_says_the_odds_the_json_gives(client: TestClient) -> None:
    odds = _json_odds(client)
    page = client.get("/", params=SHOP).text
    section = page[page.index('id="odds"') : page.index("</article>", page.index('id="odds"'))]
    assert str(escape(odds["summary"])) in section
    for setup in ("docker", "kubernetes"):
        horizon = odds[setup]["horizon_total"]  # type: ignore[index]
        row = re.search(
            rf"<th scope=\"row\">{setup.title()}</th><td data-label=\"Total of\">12 months</td>"
            r"(.*?)</tr>",
            section,
        )
        assert row is not None
        shown = re.findall(r'data-label="P\d0">([^<]+)<', row.group(1))
        assert shown == [
            format_money(Decimal(str(horizon[q])), "USD") for q in ("p10", "p50", "p90")
        ]
    # the probability as a meter and in words: 0.0001 of the draws
    assert odds["kubernetes_cheaper_probability"] == 0.0001
    assert 'value="0.0001"' in section and "less than 1%" in section


def test_what_would_flip_the_answer_ranks_the_inputs(client: TestClient) -> None:
    turns_on = _json_odds(client)["turns_on"]
    page = client.get("/", params=SHOP).text
    listed = re.findall(r'<span class="influence-name">([^<]+)</span>', page)
    assert listed[0] == turns_on[0]["name"]  # type: ignore[index]
    assert listed == [i["name"] for i in turns_on if i["share"] >= 0.01][:6]  # type: ignore[union-attr]


def test_the_chart_draws_the_band_only_with_the_odds(client: TestClient) -> None:
    page = client.get("/", params=SHOP).text
    assert page.count('<polygon class="band') == 2
    assert "P10 to P90" in page
    off = client.get("/", params={**SHOP, "odds": "false"}).text
    assert '<polygon class="band' not in off and 'id="odds"' not in off
    assert "What the answer turns on" not in off


def test_the_card_and_the_image_say_the_odds(client: TestClient) -> None:
    odds = _json_odds(client)
    card = client.get("/embed", params=SHOP).text
    assert str(escape(odds["summary"])) in card
    horizon = odds["kubernetes"]["horizon_total"]  # type: ignore[index]
    assert format_money(Decimal(str(horizon["p90"])), "USD") in card
    assert "shaded from P10 to P90" in card
    svg = client.get("/embed.svg", params=SHOP).text
    assert 'fill-opacity="0.12"' in svg and "Docker is cheaper in more than 99%" in svg
    assert f"Kubernetes {format_money(Decimal(str(horizon['p10'])), 'USD')} to" in svg


def test_hours_entered_outright_leave_nothing_to_draw(client: TestClient) -> None:
    # The article enters every person-hour as one figure: the odds are its verdict, and the
    # page says why rather than a table of equal quantiles.
    page = client.get("/", params={"preset": "article"}).text
    section = page[page.index('id="odds"') : page.index("</article>", page.index('id="odds"'))]
    assert "Docker is cheaper in every plausible case." in section
    assert "Every people-time figure of this scenario is one number" in section
    assert "odds-table" not in section


def test_the_kubernetes_table_says_the_upgrades_no_steady_month_holds(client: TestClient) -> None:
    # upgrade_policy=current over 24 months: the team upgrades EKS six times (three minors a
    # year), 16 h each (the labour table's likely), each in its own month
    page = client.get("/", params={"upgrade_policy": "current", "horizon_months": "24"}).text
    assert (
        "Not in a steady month: 6 cluster upgrades over 24 months at 16 h each, billed in the "
        "months they fall in" in page
    )
    never = client.get("/", params={"upgrade_policy": "never", "horizon_months": "12"}).text
    assert "Not in a steady month" not in never
