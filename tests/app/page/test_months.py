"""The page shows the months ahead and the managed containers: what the results partial is
given (app/page/presenter.py) and what it draws."""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.requests import Request

from app.inputs import parse_scenario
from app.page.presenter import results_context
from app.web.state import engine_of

HX = {"HX-Request": "true"}
# The article's cluster on EKS 1.35 from 2026-02, never upgraded (tests/app/api/test_months.py
# has the months' arithmetic): extended support from month 15, 2027-04, at $365.00 more a
# month (730 h x ($0.60 - $0.10)); AWS upgrades the control plane in month 27, 2028-04.
NEVER = {
    "preset": "article",
    "start_month": "2026-02",
    "upgrade_policy": "never",
    "horizon_months": "30",
}


def context_for(app: FastAPI, values: dict[str, str]) -> dict[str, Any]:
    scope = {"type": "http", "method": "GET", "path": "/", "query_string": b"", "headers": []}
    request = Request({**scope, "server": ("testserver", 80), "scheme": "http", "app": app})
    engine = engine_of(request)
    return results_context(request, engine, engine.estimate(parse_scenario(values)))


def test_the_results_are_given_the_months_and_their_marks(app: FastAPI) -> None:
    context = context_for(app, NEVER)
    timeline = context["timeline"]
    assert len(timeline) == 30
    assert [p.month for p in timeline if p.events] == [15, 27]
    # month 14: $443.00 of infrastructure and 15 h x $96 = $1,440.00; month 15 adds $365.00
    assert [p.kubernetes_month for p in timeline[13:15]] == [1883, 2248]
    assert [m.label[:19] for m in context["chart"].marks] == [
        "Month 15 (2027-04),",
        "Month 27 (2028-04),",
    ]
    assert context["managed"] == ()  # no workload given


def test_the_page_draws_the_marks_lists_the_events_and_each_months_cost(
    client: TestClient,
) -> None:
    html = client.get("/", params=NEVER, headers=HX).text
    assert "Cumulative cost, month by month from 2026-02" in html
    marks = re.findall(r'<g class="mark (\w+) (\w+)"><title>([^<]*)</title>', html)
    assert marks[0] == (
        "kubernetes",
        "version",
        "Month 15 (2027-04), Kubernetes: extended support starts for 1.35",
    )
    assert len(marks) == 2
    # the list under the chart, open (two months), and the timeline table's month 15 row
    assert '<details class="events" data-print-open open>' in html
    assert (
        '<li><span class="when">Month 15 (2027-04)</span>\n          <ul><li class="event '
        'kubernetes"><span class="who">Kubernetes:</span> extended support starts for 1.35'
    ) in html
    row = html.split('<th scope="row">15 <span class="calendar-month">2027-04</span></th>')[1]
    cells = re.findall(r"<td[^>]*>([^<]*)", row.split("</tr>")[0])
    # Docker's month ($730.00: $250.00 + 5 h x $96), Kubernetes' ($2,248.00), the sums to date
    # (15 x $730.00 = $10,950.00; the first 6 months with 40 h of ramp-up, $443.00 + 40 x
    # $96 = $4,283.00: 6 x $4,283.00 + 8 x $1,883.00 + $2,248.00 = $43,010.00)
    assert cells[:4] == ["$730.00", "$2,248.00", "$10,950.00", "$43,010.00"]


def test_a_long_list_of_events_is_folded(client: TestClient) -> None:
    # 4 vCPU growing 10% a month, with staging, over 36 months: nodes added most months
    values = {
        "workload_vcpu": "4",
        "growth_percent_per_month": "10",
        "horizon_months": "36",
        "environments": "2",
    }
    html = client.get("/", params=values, headers=HX).text
    folded = re.search(
        r'<details class="events" data-print-open>\s*<summary[^>]*>What happens, month by '
        r"month \((\d+) months\)",
        html,
    )
    assert folded is not None and int(folded.group(1)) > 8


def test_managed_containers_are_a_reference_under_the_totals(client: TestClient) -> None:
    # 1 replica of 1 vCPU and 2 GiB on Fargate x86 for 730 h: 730 x $0.04048 = $29.55 and
    # 2 x 730 x $0.004445 = $6.49, $36.04; on Arm 730 x $0.03238 = $23.64 and
    # 1,460 x $0.00356 = $5.20, $28.84
    values = {"workload_vcpu": "1", "workload_memory_gib": "2", "workload_pods": "1"}
    html = client.get("/", params=values, headers=HX).text
    section = html.split('<section class="managed"')[1].split("</section>")[0]
    assert html.index('<section class="managed"') > html.index('class="totals"')
    assert 'data-managed="fargate-x86">$36.04<span class="per">/month</span>' in section
    assert 'data-managed="fargate-arm">$28.84<span class="per">/month</span>' in section
    assert "Leaves out" in section and "No load balancer" in section
    assert 'href="https://aws.amazon.com/fargate/pricing/"' in section


def test_a_service_without_a_price_says_why(client: TestClient) -> None:
    values = {"provider": "gcp", "workload_vcpu": "1", "workload_memory_gib": "2"}
    html = client.get("/", params=values, headers=HX).text
    assert 'data-managed="cloud-run-requests">no price</span>' in html
    assert "No price: enter monthly_requests and request_ms to price billing by request." in html


def test_managed_containers_are_off_where_the_provider_has_none(client: TestClient) -> None:
    values = {"provider": "linode", "workload_vcpu": "1", "workload_memory_gib": "2"}
    html = client.get("/", params=values, headers=HX).text
    assert "managed" not in html
    hint = client.get("/", headers=HX).text  # AWS without a workload: how to see them
    assert "priced on the managed container services of Amazon Web Services too" in hint


def test_the_new_fields_say_what_an_empty_box_means(client: TestClient) -> None:
    html = client.get("/").text

    def control(name: str) -> str:
        return html.split(f'id="field-{name}"')[1].split(">")[0]

    # only a price left empty is the list price
    assert 'placeholder="list price"' in control("docker_hourly_price")
    for name in ("monthly_requests", "request_ms", "workload_vcpu", "start_month"):
        assert "placeholder" not in control(name), name
    assert '<label for="field-start_month">First month <span class="unit">(YYYY-MM)' in html
    assert "Empty: the month the catalog was read." in html
