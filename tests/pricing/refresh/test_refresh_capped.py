"""Linode, DigitalOcean and Hetzner end to end, on copies of small data files in tmp_path:
hourly prices and monthly caps, re-sourcing, byte identity, --check, bad input, downloads."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pricing.catalog import Provider
from pricing.refresh import digitalocean, download, hetzner, linode
from pricing.refresh.cli import main
from pricing.refresh.model import RefreshError

LINODE = "linode-v4-linode-types.json"
DIGITALOCEAN = "digitalocean-v2-sizes.json"
HETZNER = "hetzner-v1-server-types.json"
SAMPLES = {"linode": LINODE, "digitalocean": DIGITALOCEAN, "hetzner": HETZNER}


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def refresh(capped_dir: Path) -> Callable[..., Result]:
    def run(*argv: str | Path, fetch: Any = None) -> Result:
        out, err = io.StringIO(), io.StringIO()
        args = [*map(str, argv), "--data-dir", str(capped_dir)]
        code = main(args, out=out, err=err) if fetch is None else main(args, fetch, out, err)
        return Result(code, out.getvalue(), err.getvalue())

    return run


def instances(folder: Path, provider: str, region: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads((folder / f"{provider}.json").read_text())["regions"]
    return dict(found[region]["instances"])


def rows(result: Result) -> list[list[str]]:
    return [line.split() for line in result.out.splitlines()]


def test_linode_updates_hourly_and_caps_per_region(
    refresh: Callable[..., Result], formats: Path, capped_dir: Path
) -> None:
    result = refresh("linode", "--input", formats / LINODE, "--as-of", "2026-12-01")
    assert result.code == 0, result.err
    us_east = instances(capped_dir, "linode", "us-east")
    assert us_east["g6-dedicated-4"] == {
        "hourly": "0.108",
        "monthly_cap": "72.00",
        "source": linode.SOURCE,
        "as_of": "2026-12-01",
        "confidence": "A",
        "note": f"From GET {linode.SOURCE} (python -m pricing.refresh linode): g6-dedicated-4, "
        "the base price (USD).",
    }
    jakarta = instances(capped_dir, "linode", "id-cgk")["g6-standard-2"]
    assert (jakarta["hourly"], jakarta["monthly_cap"]) == ("0.043", "28.80")  # region_prices
    assert "region_prices id-cgk" in jakarta["note"]
    g8 = us_east["g8-dedicated-4-2"]
    assert "monthly_cap" not in g8  # monthly null: billed hourly without a cap
    assert (g8["hourly"], g8["confidence"]) == ("0.12", "A")
    assert us_east["g6-standard-1"]["source"] == "https://example.com/pricing/"  # not listed
    Provider.model_validate(json.loads((capped_dir / "linode.json").read_text()))


def test_linode_report(refresh: Callable[..., Result], formats: Path) -> None:
    result = refresh("linode", "--input", formats / LINODE, "--as-of", "2026-12-01")
    assert result.out.splitlines()[0] == (
        "linode: 3 changed, 1 re-sourced (same price, now from the price list), 0 new, "
        "1 disappeared (kept as they were), 0 requested but not in the price list, 0 unchanged"
    )
    table = rows(result)
    assert table[2] == [
        "status",
        "region",
        "instance",
        "type",
        "old",
        "new",
        "old",
        "monthly",
        "new",
        "monthly",
        "change",
    ]
    assert [
        "changed",
        "id-cgk",
        "g6-standard-2",
        "0.036",
        "0.043",
        "24",
        "28.8",
        "+19.44%,",
        "monthly",
        "+20.00%",
    ] in table
    assert [
        "changed",
        "us-east",
        "g8-dedicated-4-2",
        "0.12",
        "0.12",
        "80",
        "-",
        "monthly",
        "cap",
        "removed",
    ] in table
    resourced = ["re-sourced", "us-east", "g6-standard-2", "0.036", "0.036", "24", "24"]
    assert [*resourced, "source", "now", "the", "price", "list"] in table
    disappeared = ["disappeared", "us-east", "g6-standard-1", "0.018", "-", "12", "-"]
    assert [*disappeared, "kept", "unchanged"] in table


def test_resourcing_keeps_the_price_text_and_only_the_provenance_changes(
    refresh: Callable[..., Result], formats: Path, capped_dir: Path
) -> None:
    refresh("linode", "--input", formats / LINODE, "--as-of", "2026-12-01")
    entry = instances(capped_dir, "linode", "us-east")["g6-standard-2"]
    assert list(entry) == ["hourly", "monthly_cap", "source", "as_of", "confidence", "note"]
    assert (entry["hourly"], entry["monthly_cap"]) == ("0.036", "24.00")  # 24.0 in the API
    assert (entry["source"], entry["as_of"], entry["confidence"]) == (
        linode.SOURCE,
        "2026-12-01",
        "A",
    )


@pytest.mark.parametrize("provider", ["linode", "digitalocean", "hetzner"])
def test_a_second_refresh_leaves_the_file_byte_identical(
    refresh: Callable[..., Result], formats: Path, capped_dir: Path, provider: str
) -> None:
    sample = formats / SAMPLES[provider]
    path = capped_dir / f"{provider}.json"
    before = path.read_bytes()
    check = refresh(provider, "--input", sample, "--check")
    assert check.code == 1
    assert "would change; nothing written" in check.out
    assert path.read_bytes() == before
    assert refresh(provider, "--input", sample, "--as-of", "2026-12-01").code == 0
    written = path.read_bytes()
    assert written != before
    again = refresh(provider, "--input", sample, "--as-of", "2027-01-15")
    assert again.code == 0
    assert f"no change: {path} left as it was" in again.out
    assert path.read_bytes() == written
    assert refresh(provider, "--input", sample, "--check").code == 0


def test_linode_new_type_takes_its_size_from_the_api(
    refresh: Callable[..., Result], formats: Path, capped_dir: Path
) -> None:
    result = refresh("linode", "--input", formats / LINODE, "--types", "g6-nanode-1")
    assert result.code == 0, result.err
    data = json.loads((capped_dir / "linode.json").read_text())
    assert data["instance_types"]["g6-nanode-1"] == {
        "vcpu": 1,
        "memory_gib": 1,
        "family": "shared CPU",
    }
    nanode = data["regions"]["id-cgk"]["instances"]["g6-nanode-1"]
    assert (nanode["hourly"], nanode["monthly_cap"], nanode["confidence"]) == ("0.009", "6.00", "A")
    assert ["new", "us-east", "g6-nanode-1", "-", "0.0075", "-", "5"] in rows(result)


def test_a_new_type_without_its_transfer_allowance_is_refused(
    refresh: Callable[..., Result], formats: Path, capped_dir: Path
) -> None:
    path = capped_dir / "linode.json"
    data = json.loads(path.read_text())
    allowances = dict.fromkeys(data["instance_types"], "4000")
    data["egress"] = {
        "label": "Outbound transfer beyond the pooled allowance",
        "unit": "GB",
        "tiers": [{"up_to": None, "price": "0.005"}],
        "included_per_vm": allowances,
    } | {"source": "https://example.com/transfer", "as_of": "2026-11-01", "confidence": "B"}
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    result = refresh("linode", "--input", formats / LINODE, "--types", "g6-nanode-1")
    # the price list's transfer is not read: the operator adds the allowance by hand
    assert result.code == 2, result.out
    assert f"{path}: entry egress.included_per_vm.g6-nanode-1: " in result.err
    assert "no transfer allowance" in result.err
    assert path.read_bytes() == before


def test_digitalocean_sizes_not_offered_in_a_region_are_reported_and_kept(
    refresh: Callable[..., Result], formats: Path, capped_dir: Path
) -> None:
    result = refresh("digitalocean", "--input", formats / DIGITALOCEAN, "--as-of", "2026-12-01")
    assert result.code == 0, result.err
    table = rows(result)
    assert ["disappeared", "sfo3", "s-2vcpu-4gb", "0.03571", "-", "24", "-", "kept"] in [
        row[:8] for row in table
    ]
    assert ["disappeared", "nyc3", "g-2vcpu-8gb", "0.09375", "-", "63", "-", "kept"] in [
        row[:8] for row in table
    ]  # available: false
    nyc3 = instances(capped_dir, "digitalocean", "nyc3")
    assert (nyc3["c-2"]["hourly"], nyc3["c-2"]["monthly_cap"]) == ("0.0625", "42.00")
    assert nyc3["c-2"]["source"] == digitalocean.SOURCE
    assert nyc3["s-2vcpu-4gb"]["confidence"] == "A"  # re-sourced
    sfo3 = instances(capped_dir, "digitalocean", "sfo3")
    assert sfo3["s-2vcpu-4gb"]["source"] == "https://example.com/pricing/"
    assert sfo3["c-2"]["hourly"] == "0.0625"


def test_digitalocean_float_artefacts_are_rounded(
    refresh: Callable[..., Result], formats: Path, capped_dir: Path
) -> None:
    result = refresh("digitalocean", "--input", formats / DIGITALOCEAN, "--types", "s-1vcpu-1gb")
    assert result.code == 0, result.err
    new = instances(capped_dir, "digitalocean", "sfo3")["s-1vcpu-1gb"]
    assert (new["hourly"], new["monthly_cap"]) == ("0.00744", "5.00")


def test_hetzner_uses_net_eur_prices_per_location(
    refresh: Callable[..., Result], formats: Path, capped_dir: Path
) -> None:
    result = refresh("hetzner", "--input", formats / HETZNER, "--as-of", "2026-12-01")
    assert result.code == 0, result.err
    fsn1 = instances(capped_dir, "hetzner", "fsn1")
    assert (fsn1["cax11"]["hourly"], fsn1["cax11"]["monthly_cap"]) == ("0.0104", "6.49")
    assert fsn1["cx23"]["source"] == hetzner.SOURCE  # same price: re-sourced
    assert "net (EUR excl. VAT)" in fsn1["cx23"]["note"]
    assert instances(capped_dir, "hetzner", "nbg1")["cax11"]["hourly"] == "0.0096"  # no nbg1
    assert "1 disappeared" in result.out


def test_hetzner_refuses_a_file_in_another_currency(
    refresh: Callable[..., Result], formats: Path, capped_dir: Path
) -> None:
    path = capped_dir / "hetzner.json"
    path.write_text(path.read_text().replace('"currency": "EUR"', '"currency": "USD"'))
    result = refresh("hetzner", "--input", formats / HETZNER)
    assert result.code == 2
    assert f"{path}: currency: is USD, but the hetzner price list gives EUR prices" in result.err


def _linode_standard_2(data: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = next(r for r in data["data"] if r["id"] == "g6-standard-2")
    return row


def _do_size(data: dict[str, Any], slug: str = "c-2") -> dict[str, Any]:
    size: dict[str, Any] = next(s for s in data["sizes"] if s["slug"] == slug)
    return size


def _hetzner_cx23(data: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = data["server_types"][0]
    return row


BAD = [
    ("linode", lambda d: d.pop("data"), ': not a Linode types list: no "data" array'),
    (
        "linode",
        lambda d: _linode_standard_2(d)["price"].update(hourly="cheap"),
        ": type g6-standard-2: price.hourly is not a number: 'cheap'",
    ),
    (
        "linode",
        lambda d: _linode_standard_2(d)["region_prices"][0].update(hourly=0),
        ": type g6-standard-2: price 0 for g6-standard-2 in id-cgk must be positive",
    ),
    (
        "linode",
        lambda d: _linode_standard_2(d)["price"].update(monthly=-24),
        ": type g6-standard-2: monthly price -24 for g6-standard-2 in us-east must be positive",
    ),
    (
        "linode",
        lambda d: _linode_standard_2(d)["price"].pop("monthly"),
        ': type g6-standard-2: missing key "monthly"',
    ),
    ("digitalocean", lambda d: d.pop("sizes"), ': not a DigitalOcean sizes list: no "sizes"'),
    (
        "digitalocean",
        lambda d: _do_size(d).pop("price_monthly"),
        ': size c-2: missing key "price_monthly"',
    ),
    (
        "digitalocean",
        lambda d: _do_size(d).update(regions="nyc3"),
        ": size c-2: regions must be a JSON array",
    ),
    (
        "digitalocean",
        lambda d: _do_size(d).update(price_hourly=-1),
        ": size c-2: price -1 for c-2 in nyc3 must be positive",
    ),
    ("hetzner", lambda d: d.pop("server_types"), ": not a Hetzner server types list: no"),
    (
        "hetzner",
        lambda d: _hetzner_cx23(d)["prices"][0]["price_hourly"].update(net="n/a"),
        ": server type cx23: price_hourly.net (fsn1) is not a number: 'n/a'",
    ),
    (
        "hetzner",
        lambda d: _hetzner_cx23(d)["prices"][1].pop("price_monthly"),
        ': server type cx23: missing key "price_monthly"',
    ),
]


@pytest.mark.parametrize(("provider", "change", "message"), BAD)
def test_bad_input_exits_2_names_file_and_entry_and_writes_nothing(
    refresh: Callable[..., Result],
    formats: Path,
    capped_dir: Path,
    tmp_path: Path,
    provider: str,
    change: Callable[[Any], Any],
    message: str,
) -> None:
    data = json.loads((formats / SAMPLES[provider]).read_text())
    change(data)
    bad = tmp_path / f"bad-{provider}.json"
    bad.write_text(json.dumps(data))
    before = {path.name: path.read_bytes() for path in capped_dir.iterdir()}
    result = refresh(provider, "--input", bad)
    assert result.code == 2, result.out
    assert result.err.startswith(f"pricing.refresh: error: {bad}{message}"), result.err
    assert "nothing was written" in result.err
    assert {path.name: path.read_bytes() for path in capped_dir.iterdir()} == before


@pytest.mark.parametrize("provider", ["linode", "digitalocean", "hetzner"])
def test_truncated_json_exits_2(
    refresh: Callable[..., Result], formats: Path, tmp_path: Path, provider: str
) -> None:
    text = (formats / SAMPLES[provider]).read_text()
    truncated = tmp_path / "truncated.json"
    truncated.write_text(text[: len(text) // 2])
    result = refresh(provider, "--input", truncated)
    assert result.code == 2
    assert f"{truncated}: not valid JSON (truncated or corrupt?)" in result.err


class Web:
    """Answers each URL from a dict and remembers the URLs and headers it was asked with."""

    def __init__(self, pages: dict[str, Any]) -> None:
        self.pages = pages
        self.asked: list[tuple[str, dict[str, str]]] = []

    def __call__(self, url: str, headers: Mapping[str, str] | None = None) -> bytes:
        self.asked.append((url, dict(headers or {})))
        body = self.pages[url]
        return body if isinstance(body, bytes) else json.dumps(body).encode()


def test_linode_download_follows_pages_without_a_token(
    refresh: Callable[..., Result], formats: Path, capped_dir: Path, tmp_path: Path
) -> None:
    sample = json.loads((formats / LINODE).read_text())
    first = sample | {"data": sample["data"][:2], "pages": 2}
    second = sample | {"data": sample["data"][2:], "page": 2, "pages": 2}
    web = Web({linode.SOURCE: first, f"{linode.SOURCE}?page=2": second})
    pages = tmp_path / "pages"
    result = refresh("linode", "--download", "--save", pages, fetch=web)
    assert result.code == 0, result.err
    assert web.asked == [(linode.SOURCE, {}), (f"{linode.SOURCE}?page=2", {})]
    assert sorted(path.name for path in pages.iterdir()) == ["linode-0001.json", "linode-0002.json"]
    assert instances(capped_dir, "linode", "us-east")["g6-dedicated-4"]["hourly"] == "0.108"


@pytest.mark.parametrize(
    ("provider", "variable"),
    [("digitalocean", "DIGITALOCEAN_TOKEN"), ("hetzner", "HCLOUD_TOKEN")],
)
def test_download_needs_a_token(
    refresh: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    provider: str,
    variable: str,
) -> None:
    monkeypatch.delenv(variable, raising=False)
    result = refresh(provider, "--download", fetch=Web({}))
    assert result.code == 2
    assert result.err.startswith(f"pricing.refresh: error: {variable}: set it to a ")


def test_digitalocean_download_sends_the_token_only_as_a_header(
    refresh: Callable[..., Result],
    formats: Path,
    capped_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DIGITALOCEAN_TOKEN", "dop_v1_SECRET")
    sample = json.loads((formats / DIGITALOCEAN).read_text())
    first_url = f"{digitalocean.SOURCE}?per_page=200"
    next_url = f"{digitalocean.SOURCE}?page=2&per_page=200"
    first = sample | {"sizes": sample["sizes"][:2], "links": {"pages": {"next": next_url}}}
    second = sample | {"sizes": sample["sizes"][2:]}
    web = Web({first_url: first, next_url: second})
    pages = tmp_path / "pages"
    result = refresh("digitalocean", "--download", "--save", pages, fetch=web)
    assert result.code == 0, result.err
    assert [url for url, _ in web.asked] == [first_url, next_url]
    assert all(h["Authorization"] == "Bearer dop_v1_SECRET" for _, h in web.asked)
    assert "SECRET" not in result.out + result.err
    assert all(b"SECRET" not in path.read_bytes() for path in pages.iterdir())
    assert b"SECRET" not in (capped_dir / "digitalocean.json").read_bytes()


def test_digitalocean_never_follows_a_next_link_to_another_host(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DIGITALOCEAN_TOKEN", "SECRET")
    first_url = f"{digitalocean.SOURCE}?per_page=200"
    page = {"sizes": [], "links": {"pages": {"next": "https://evil.example/v2/sizes?page=2"}}}
    web = Web({first_url: page})
    with pytest.raises(RefreshError, match=r"is not on https://api\.digitalocean\.com/"):
        download.download_digitalocean(web)
    assert len(web.asked) == 1


def test_hetzner_download_follows_pagination(
    refresh: Callable[..., Result],
    formats: Path,
    capped_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HCLOUD_TOKEN", "SECRET")
    sample = json.loads((formats / HETZNER).read_text())
    first_url = f"{hetzner.SOURCE}?per_page=50"
    second_url = f"{hetzner.SOURCE}?per_page=50&page=2"
    first = {"server_types": sample["server_types"][:1], "meta": {"pagination": {"next_page": 2}}}
    second = {"server_types": sample["server_types"][1:], "meta": {"pagination": {}}}
    web = Web({first_url: first, second_url: second})
    result = refresh("hetzner", "--download", fetch=web)
    assert result.code == 0, result.err
    assert [url for url, _ in web.asked] == [first_url, second_url]
    assert all(h["Authorization"] == "Bearer SECRET" for _, h in web.asked)
    assert instances(capped_dir, "hetzner", "fsn1")["cax11"]["hourly"] == "0.0104"
    assert "SECRET" not in result.out + result.err
