"""What several faces say, written once in app/present/words.py, and said alike by every face."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.inputs import parse_scenario
from app.present import words as present
from pricing import Catalog, Engine, Estimate

# Both setups free: every price your own zero, nothing else bought.
EQUAL = {
    "docker_hourly_price": "0",
    "docker_disk_gb": "0",
    "docker_seats": "0",
    "k8s_hourly_price": "0",
    "k8s_disk_gb": "0",
    "k8s_seats": "0",
    "k8s_load_balancers": "0",
    "control_plane": "self-managed",
    "devops_hourly_rate": "0",
}


def estimate(catalog: Catalog, **values: str) -> Estimate:
    return Engine(catalog, None).estimate(parse_scenario(values))


def test_headline_of_the_article(catalog: Catalog) -> None:
    result = estimate(catalog, preset="article")
    assert present.spoken(present.headline(result.comparison)) == (
        "At steady state Kubernetes costs $1,153.00 more per month; over 12 months Docker "
        "is cheaper by $28,236.00."
    )
    with_ratio = present.spoken(present.headline(result.comparison, with_ratio=True))
    assert "per month (2.58× Docker); over 12 months" in with_ratio


def test_equal_cost_is_said_plainly(catalog: Catalog) -> None:
    result = estimate(catalog, **EQUAL)
    assert result.comparison.difference.cheaper == "equal"
    assert present.spoken(present.headline(result.comparison)) == (
        "Over 12 months both setups cost the same."
    )
    assert present.advice_summary(result) == result.advice.verdict


def test_the_monthly_gap_is_stressed_in_html(catalog: Catalog) -> None:
    result = estimate(catalog, preset="article")
    html = present.stressed_html(present.headline(result.comparison))
    assert "costs <strong>$1,153.00 more</strong> per month" in html
    assert "<strong>Docker</strong> is cheaper by <strong>$28,236.00</strong>" in html


@pytest.mark.parametrize("path", ["/", "/embed", "/embed.svg"])
def test_every_face_says_equal_cost_the_same_way(client: TestClient, path: str) -> None:
    text = client.get(path, params=EQUAL).text
    assert "both setups cost the same" in text.replace("Over", "over")
    assert "Equal is cheaper" not in text and "neither is cheaper" not in text


@pytest.mark.parametrize("path", ["/", "/embed"])
def test_every_face_says_the_headline_alike(client: TestClient, path: str) -> None:
    text = client.get(path, params={"preset": "article"}).text
    assert "At steady state Kubernetes costs <strong>$1,153.00 more</strong> per month" in text
    assert "<strong>Docker</strong> is cheaper by <strong>$28,236.00</strong>" in text


def test_the_image_breaks_the_headline_in_two_lines(client: TestClient) -> None:
    svg = client.get("/embed.svg", params={"preset": "article"}).text
    assert "At steady state Kubernetes costs $1,153.00 more per month;</text>" in svg
    assert ">over 12 months Docker is cheaper by $28,236.00.</text>" in svg


def test_node_range_in_words(catalog: Catalog) -> None:
    result = estimate(catalog, k8s_nodes="4", k8s_nodes_min="2", k8s_nodes_max="6")
    words = present.node_range(result.comparison)
    assert words is not None and words.startswith("Autoscaling between 2 and 6 nodes: $")
    assert words.endswith("a month (4 on average).")
    assert present.node_range(estimate(catalog).comparison) is None


def test_each_setup_says_what_its_provider_promises(client: TestClient) -> None:
    page = client.get("/", params={"preset": "article"}).text
    assert "99.95% (EKS control plane SLA)" in page
    assert "99.5% (one EC2 instance, instance-level SLA)" in page
    free = client.get("/", params={"provider": "azure", "control_plane": "aks-free"}).text
    assert "None published" in free


def test_the_currency_note_names_the_users_rates(catalog: Catalog) -> None:
    hetzner = estimate(catalog, preset="hetzner-k3s").comparison
    assert present.currency_note(hetzner) == (
        "Amounts in EUR: Hetzner Cloud's prices as listed in EUR; the US-dollar amounts "
        "(DevOps rate, Docker seats, prices you enter) at 0.86 per US dollar (your rates)."
    )
    in_dollars = estimate(catalog, provider="hetzner", eur_rate="1.1").comparison
    assert present.currency_note(in_dollars) == (
        "Amounts in USD: Hetzner Cloud's EUR prices at 1.1 per EUR (your rate)."
    )
    assert present.currency_note(estimate(catalog).comparison) is None


@pytest.mark.parametrize("path", ["/embed", "/embed.svg"])
def test_the_embeds_say_which_currency_and_rate(client: TestClient, path: str) -> None:
    text = client.get(path, params={"preset": "hetzner-k3s"}).text
    assert "Hetzner Cloud&#39;s prices as listed in EUR" in text or (
        "Hetzner Cloud's prices as listed in EUR" in text
    )
    assert "at 0.86 per US dollar (your rates)" in text
    assert "your rate" not in client.get(path, params={"preset": "article"}).text


# tests/pricing/test_growth.py's growing workload: 4 vCPU of requests growing 10% a month,
# people left out ($0 an hour), from the catalog's month (2026-12).
GROWING = {
    "workload_vcpu": "4",
    "growth_percent_per_month": "10",
    "horizon_months": "12",
    "devops_hourly_rate": "0",
    "upgrade_policy": "current",
}
# On DigitalOcean one s-8vcpu-16gb host ($181.00 a month in all) holds the workload until
# month 9 (4 x 1.1^8 = 8.57 vCPU > 7.91 held), then two ($287.00), against DOKS's $246.00:
# Docker stops being enough and costs more a month in the same month, 2026-12 + 8 = 2027-08.
OUTGROWN = {**GROWING, "provider": "digitalocean"}


def test_the_headline_names_the_months_ahead(catalog: Catalog) -> None:
    outgrown = estimate(catalog, **OUTGROWN).comparison
    assert present.spoken(present.headline(outgrown)).endswith(
        ". One Docker host stops being enough in month 9 (2027-08), the month the monthly "
        "Kubernetes bill first drops below Docker's."
    )
    html = present.stressed_html(present.headline(outgrown))
    assert "stops being enough in <strong>month 9 (2027-08)</strong>, the month" in html
    # On AWS the host steps up through its family instead, and 5 nodes ($886.03) cost less
    # than the m6a.8xlarge ($1,092.15) from month 16, 2026-12 + 15; the m6a.8xlarge is the
    # largest a host grows to (32 vCPU), so a second one comes in month 23 (2028-10).
    grown = estimate(catalog, **{**GROWING, "horizon_months": "24"}).comparison
    assert present.spoken(present.headline(grown)).endswith(
        ". The monthly Kubernetes bill first drops below Docker's in month 16 (2028-03)."
        " One Docker host stops being enough in month 23 (2028-10)."
    )
    assert present.spoken(present.headline(grown)).startswith(
        "At steady state in month 1 Kubernetes costs $234.39 more per month;"
    )
    # Two hosts to start with: they stop being enough, not "one"
    # (two hold 2 x 7.91 = 15.82 vCPU; month 16 needs 4 x 1.1^15 = 16.71; 2026-12 + 15)
    two = estimate(catalog, **{**OUTGROWN, "docker_hosts": "2", "horizon_months": "24"})
    assert "2 Docker hosts stop being enough in month 16 (2028-03)" in present.spoken(
        present.headline(two.comparison)
    )


def test_nothing_is_said_of_months_where_nothing_changes(catalog: Catalog) -> None:
    result = estimate(catalog, preset="article")
    assert present.months_ahead(result.comparison) == ()
    assert present.advice_summary(result, with_months=True) == present.advice_summary(result)


def test_the_json_summary_says_the_months_and_the_page_says_them_once(
    client: TestClient,
) -> None:
    said = "One Docker host stops being enough in month 9 (2027-08)"
    summary = client.get("/api/v1/estimate", params=OUTGROWN).json()["advice"]["summary"]
    assert summary.startswith("Stay with Docker") and said in summary
    page = client.get("/", params=OUTGROWN).text
    assert page.count("stops being enough in <strong>month 9 (2027-08)</strong>") == 1
    assert page.count("stops being enough") == 1  # not again in the advice box
    assert (
        "stops being enough in <strong>month 9 (2027-08)</strong>"
        in client.get("/embed", params=OUTGROWN).text
    )


def test_the_image_gives_the_months_their_own_lines(client: TestClient) -> None:
    svg = client.get("/embed.svg", params=OUTGROWN).text
    # the sentence (121 characters) broken at 84, below the gap and the verdict
    assert (
        ">One Docker host stops being enough in month 9 (2027-08), the month the monthly</text>"
        in svg
    )
    assert (
        '<text x="20" y="138" font-size="12.5" fill="#1b1f24">'
        "Kubernetes bill first drops below Docker&#39;s.</text>" in svg
    )
    # then the odds' sentence, the fifth line: 84 + 4 x 18 = 156
    assert (
        '<text x="20" y="156" font-size="12.5" fill="#1b1f24">'
        "Docker is cheaper in every plausible case.</text>" in svg
    )
    # five lines of 18 px: the chart starts 54 px lower than under two (112 + 54)
    assert '<g transform="translate(20, 166)"' in svg
    # without the odds, four lines: 36 px lower
    plain = client.get("/embed.svg", params={**OUTGROWN, "odds": "false"}).text
    assert "plausible" not in plain
    assert '<g transform="translate(20, 148)"' in plain
