"""GET /api/v1/catalog in JSON and CSV, each price with its source and date."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient


def test_catalog_json(client: TestClient) -> None:
    body = client.get("/api/v1/catalog").json()
    aws = next(p for p in body["providers"] if p["key"] == "aws")
    east = next(r for r in aws["regions"] if r["key"] == "us-east-1")
    m6i = next(i for i in east["instances"] if i["type"] == "m6i.xlarge")
    assert (m6i["vcpu"], m6i["memory_gib"], m6i["hourly"], m6i["monthly"]) == (4, 16, 0.192, 140.16)
    assert m6i["source"].startswith("https://") and m6i["as_of"]
    assert {p["key"] for p in body["plans"]} == {"personal", "pro", "team", "business"}


def test_catalog_csv_has_a_source_on_every_row(client: TestClient) -> None:
    text = client.get("/api/v1/catalog", params={"format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) > 100
    assert all(r["source"].startswith("https://") and r["as_of"] for r in rows)
    kinds = {r["kind"] for r in rows}
    assert {"instance", "control_plane", "load_balancer", "disk", "plan"} <= kinds


def test_catalog_json_lists_this_rounds_data(client: TestClient) -> None:
    body = client.get("/api/v1/catalog").json()
    aws = next(p for p in body["providers"] if p["key"] == "aws")
    # Fargate, Linux x86 in us-east-1: $0.04048 per vCPU-hour and $0.004445 per GB-hour
    fargate = next(s for s in aws["managed_containers"] if s["key"] == "fargate-x86")
    (rates,) = fargate["rates"]
    assert (rates["regions"], rates["per"], rates["vcpu"], rates["memory"]) == (
        ["us-east-1"],
        "hour",
        0.04048,
        0.004445,
    )
    assert fargate["leaves_out"] and fargate["source"].startswith("https://")
    # t3 burstables sustain 20% of each vCPU (t3.medium), and CPU above it is $0.05 a vCPU-hour
    medium = next(b for b in aws["burstable_baselines"] if b["type"] == "t3.medium")
    assert (medium["percent"], medium["confidence"]) == (20, "A")
    assert any(
        c["families"] == ["t3", "t3a"] and c["vcpu_hour"] == 0.05 for c in aws["surplus_credits"]
    )
    # the standard EKS tier follows the eks policy and runs EKS's system pods
    standard = next(c for c in aws["control_planes"] if c["key"] == "eks-standard")
    assert (standard["version_policy"], standard["system_pods"]) == ("eks", "eks")
    assert aws["nat_gateway"]["source"].startswith("https://")
    gcp = next(p for p in body["providers"] if p["key"] == "gcp")
    assert {s["key"] for s in gcp["managed_containers"]} == {
        "cloud-run",
        "cloud-run-requests",
        "gke-autopilot",
    }
    hetzner = next(p for p in body["providers"] if p["key"] == "hetzner")
    assert hetzner["managed_containers"] == []


def test_catalog_json_lists_the_version_calendars_and_system_pods(client: TestClient) -> None:
    body = client.get("/api/v1/catalog").json()
    versions = body["versions"]
    eks = next(c for c in versions["calendars"] if c["key"] == "eks")
    v135 = next(v for v in eks["versions"] if v["version"] == "1.35")
    assert (v135["released"], v135["standard_ends"], v135["extended_ends"]) == (
        "2026-01-28",
        "2027-03-27",
        "2028-03-27",
    )
    policy = next(p for p in versions["policies"] if p["key"] == "eks")
    assert (policy["extended_tier"], policy["at_end"]) == ("eks-extended", "upgrade")
    assert {"provider": "aws", "control_plane": "eks-standard"} in policy["tiers"]
    # extended support is billed at the eks-extended tier's fee, $0.60 an hour
    aws = next(p for p in body["providers"] if p["key"] == "aws")
    assert next(c for c in aws["control_planes"] if c["key"] == "eks-extended")["hourly"] == 0.6
    assert versions["upgrade_hours"]["likely"] == 16
    eks_pods = next(d for d in body["system_pods"] if d["key"] == "eks")
    coredns = next(p for p in eks_pods["cluster"] if p["name"] == "coredns")
    assert (coredns["replicas"], coredns["cpu_millicores"], coredns["memory_mib"]) == (2, 100, 70)


def test_catalog_csv_has_a_row_for_each_new_figure(client: TestClient) -> None:
    text = client.get("/api/v1/catalog", params={"format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert all(r["source"].startswith("https://") and r["as_of"] for r in rows)

    def row(kind: str, key: str, region: str = "") -> dict[str, str]:
        (found,) = [r for r in rows if (r["kind"], r["key"], r["region"]) == (kind, key, region)]
        return found

    assert row("container_vcpu", "fargate-x86", "us-east-1")["price"] == "0.04048"
    # Cloud Run by request: $0.40 a million, the first 2,000,000 a month free
    requests = row("container_requests", "cloud-run-requests", "us-central1")
    assert (requests["price"], requests["unit"]) == (
        "0.4",
        "million requests, first 2,000,000 requests a month free",
    )
    assert row("container_idle_vcpu", "container-apps", "westus2")["price"] == "0.000004"
    assert row("burstable_baseline", "t3.medium")["price"] == "20"
    assert row("surplus_credits", "t3 t3a")["unit"] == "vCPU-hour"
    assert "standard support to 2027-03-27" in row("kubernetes_version", "eks 1.35")["label"]
    assert "eks-extended tier's fee" in row("version_policy", "eks")["label"]
    # CoreDNS on EKS: two replicas of 100m CPU and 70 MiB each
    coredns = row("system_pod", "eks coredns")
    assert (coredns["vcpu"], coredns["memory_gib"], coredns["currency"]) == (
        "0.1",
        "0.068359375",
        "",
    )
