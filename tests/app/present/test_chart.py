"""The cumulative chart's geometry: the lines through each month, and a mark where something
happens to a setup, on that setup's line, titled with what happens."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.inputs import parse_scenario
from app.present.chart import chart_of
from pricing import Catalog, Engine

# The article's cluster on EKS 1.35 from 2026-02, never upgraded, for 30 months: extended
# support from month 15 (2027-04; standard support ends 2027-03-27), and AWS upgrades the
# control plane to 1.36 in month 27 (2028-04; extended support ends 2028-03-27).
NEVER = {
    "preset": "article",
    "start_month": "2026-02",
    "upgrade_policy": "never",
    "horizon_months": "30",
}


def test_each_event_is_marked_on_its_setups_line(catalog: Catalog) -> None:
    comparison = Engine(catalog, None).estimate(parse_scenario(NEVER)).comparison
    chart = chart_of(comparison)
    assert [(m.setup, m.shape) for m in chart.marks] == [("kubernetes", "version")] * 2
    extended, upgraded = chart.marks
    assert extended.label == "Month 15 (2027-04), Kubernetes: extended support starts for 1.35"
    assert upgraded.label.startswith(
        "Month 27 (2028-04), Kubernetes: Amazon EKS upgrades the cluster 1.35 → 1.36"
    )
    # 640 px wide, 56 to the left of the plot and 12 to its right: month 15 of 30 is at
    # 56 + 572 x 15 / 30 = 342.0 px, on the Kubernetes line's point for month 15
    assert extended.x == 342.0
    points = chart.kubernetes_points.split(" ")  # month 0 first
    assert points[15] == f"{extended.x:.1f},{extended.y:.1f}"
    assert points[27] == f"{upgraded.x:.1f},{upgraded.y:.1f}"
    assert chart.description.endswith(" 2 marks where something happens to a setup.")


def test_a_grown_setup_is_marked_with_a_circle(catalog: Catalog) -> None:
    # DigitalOcean's one Docker host no longer holds 4 x 1.1^8 = 8.57 vCPU in month 9
    values = {"provider": "digitalocean", "workload_vcpu": "4", "growth_percent_per_month": "10"}
    comparison = Engine(catalog, None).estimate(parse_scenario(values)).comparison
    (mark,) = [m for m in chart_of(comparison).marks if m.setup == "docker"]
    assert mark.shape == "growth"
    assert mark.label == (
        "Month 9 (2027-08), Docker: production: 1 → 2 Docker hosts (s-8vcpu-16gb)"
    )


def test_the_card_and_the_image_mark_the_events_too(client: TestClient) -> None:
    title = "<title>Month 15 (2027-04), Kubernetes: extended support starts for 1.35</title>"
    card = client.get("/embed", params=NEVER).text
    assert f'<g class="mark kubernetes version">{title}<polygon points=' in card
    image = client.get("/embed.svg", params=NEVER).text
    assert f'stroke-width="1.5">{title}<polygon points=' in image
