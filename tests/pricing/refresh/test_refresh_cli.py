"""The command end to end, on copies of data files in tmp_path: the round trip to an
estimate, the report, --check, byte identity when nothing changed, and every bad input."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pricing import Scenario, estimate
from pricing.catalog import Catalog, Provider
from pricing.refresh.aws import QUERY_SOURCE
from pricing.refresh.cli import main
from pricing.refresh.jsonio import format_data, parse_json

ROOT = Path(__file__).resolve().parents[3]
BULK = "aws-bulk-offer-ec2-c4large.json"
ITEM = "aws-getproducts-item-m5large.json"
AZURE = "azure-retail-prices-d8v4-westeurope.json"
GCP = "gcp-billing-catalog-skus.json"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def refresh(data_dir: Path) -> Callable[..., Result]:
    """Run the command against the tmp_path data folder."""

    def run(*argv: str | Path) -> Result:
        out, err = io.StringIO(), io.StringIO()
        code = main([*map(str, argv), "--data-dir", str(data_dir)], out=out, err=err)
        return Result(code, out.getvalue(), err.getvalue())

    return run


def aws_inputs(formats: Path) -> list[Path]:
    return [formats / BULK, formats / ITEM]


def test_round_trip_refresh_catalog_estimate(
    refresh: Callable[..., Result], formats: Path, data_dir: Path
) -> None:
    result = refresh("aws", "--input", *aws_inputs(formats), "--as-of", "2026-12-01")
    assert result.code == 0, result.err
    provider = Provider.model_validate(json.loads((data_dir / "aws.json").read_text()))
    m5 = provider.regions["us-east-1"].instances["m5.large"]
    assert (m5.hourly, m5.source, m5.as_of) == (Decimal("0.096"), QUERY_SOURCE, date(2026, 12, 1))
    c4 = provider.regions["us-east-1"].instances["c4.large"]
    assert (c4.hourly, c4.as_of) == (Decimal("0.1"), date(2026, 7, 20))  # same price: untouched
    plans = json.loads((ROOT / "pricing" / "data" / "docker.json").read_text())["plans"]
    versions = json.loads((ROOT / "pricing" / "data" / "versions.json").read_text())
    versions["tiers"] = {}  # the fixture's provider has its own tiers: no calendar for them
    labour = json.loads((ROOT / "pricing" / "data" / "labour.json").read_text())
    catalog = Catalog(
        version="test", providers={"aws": provider}, plans=plans, versions=versions, labour=labour
    )
    scenario = Scenario(provider="aws", region="us-east-1", docker_instance_type="m5.large")
    compute = estimate(scenario, catalog).docker.line_items[0]
    assert compute.unit_price == Decimal("0.096")
    assert compute.source == QUERY_SOURCE


def test_only_the_changed_line_changes(
    refresh: Callable[..., Result], formats: Path, data_dir: Path
) -> None:
    before = (data_dir / "aws.json").read_text().splitlines()
    assert refresh("aws", "--input", *aws_inputs(formats), "--as-of", "2026-12-01").code == 0
    after = (data_dir / "aws.json").read_text().splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    expected = (
        f'        "m5.large": {{"hourly": "0.096", "source": "{QUERY_SOURCE}", '
        '"as_of": "2026-12-01", "confidence": "A"},'
    )
    assert [new for _, new in changed] == [expected]


def test_report_lists_changes_and_disappeared_entries(
    refresh: Callable[..., Result], formats: Path
) -> None:
    result = refresh("aws", "--input", *aws_inputs(formats), "--as-of", "2026-12-01")
    lines = result.out.splitlines()
    assert lines[0] == (
        "aws: 1 changed, 0 new, 1 disappeared (kept as they were), "
        "0 requested but not in the price list, 1 unchanged"
    )
    assert lines[2].split() == ["status", "region", "instance", "type", "old", "new", "change"]
    assert lines[3].split() == ["changed", "us-east-1", "m5.large", "0.09", "0.096", "+6.67%"]
    assert lines[4].split() == [
        "disappeared",
        "us-east-1",
        "t3.nano",
        "0.0052",
        "-",
        "kept",
        "unchanged",
    ]
    assert lines[-1].startswith("wrote ")


def test_disappeared_entries_stay_in_the_file(
    refresh: Callable[..., Result], formats: Path, data_dir: Path
) -> None:
    refresh("aws", "--input", *aws_inputs(formats))
    data = json.loads((data_dir / "aws.json").read_text())
    assert data["regions"]["us-east-1"]["instances"]["t3.nano"]["hourly"] == "0.0052"


def test_no_price_change_leaves_the_file_byte_identical(
    refresh: Callable[..., Result], formats: Path, data_dir: Path
) -> None:
    assert refresh("aws", "--input", *aws_inputs(formats), "--as-of", "2026-12-01").code == 0
    written = (data_dir / "aws.json").read_bytes()
    again = refresh("aws", "--input", *aws_inputs(formats), "--as-of", "2027-01-01")
    assert again.code == 0
    assert "no change" in again.out
    assert (data_dir / "aws.json").read_bytes() == written
    assert refresh("aws", "--input", *aws_inputs(formats), "--check").code == 0


def test_gcp_real_sample_with_the_same_prices_changes_nothing(
    refresh: Callable[..., Result], formats: Path, data_dir: Path
) -> None:
    path = data_dir / "gcp.json"
    data = json.loads(path.read_text())
    instances = data["regions"]["us-central1"]["instances"]
    instances["e2-standard-2"]["hourly"] = "0.06701142"  # the sample's IDR prices in USD
    instances["e2-standard-4"]["hourly"] = "0.13402284"
    path.write_text(format_data(data))
    before = path.read_bytes()
    result = refresh("gcp", "--input", formats / GCP, "--check")
    assert (result.code, path.read_bytes()) == (0, before)
    assert "2 unchanged" in result.out


def test_check_exits_1_and_writes_nothing(
    refresh: Callable[..., Result], formats: Path, data_dir: Path
) -> None:
    before = (data_dir / "aws.json").read_bytes()
    result = refresh("aws", "--input", *aws_inputs(formats), "--check")
    assert result.code == 1
    assert "would change; nothing written" in result.out
    assert (data_dir / "aws.json").read_bytes() == before


def test_as_of_defaults_to_today(
    refresh: Callable[..., Result], formats: Path, data_dir: Path
) -> None:
    refresh("aws", "--input", *aws_inputs(formats))
    instances = json.loads((data_dir / "aws.json").read_text())["regions"]["us-east-1"]["instances"]
    assert instances["m5.large"]["as_of"] == date.today().isoformat()


def test_publication_date_wins_over_as_of(
    refresh: Callable[..., Result], formats: Path, data_dir: Path, tmp_path: Path
) -> None:
    offer = json.loads((formats / ITEM).read_text())
    page = {"formatVersion": "v1.0", "publicationDate": "2026-11-30T00:00:00Z", "products": {}}
    page["products"] = {offer["product"]["sku"]: offer["product"]}
    page["terms"] = {"OnDemand": {offer["product"]["sku"]: offer["terms"]["OnDemand"]}}
    (tmp_path / "offer.json").write_text(json.dumps(page))
    assert refresh("aws", "--input", tmp_path / "offer.json", "--as-of", "2026-12-05").code == 0
    data = json.loads((data_dir / "aws.json").read_text())
    assert data["regions"]["us-east-1"]["instances"]["m5.large"]["as_of"] == "2026-11-30"


def test_added_types_and_regions(
    refresh: Callable[..., Result], formats: Path, data_dir: Path
) -> None:
    result = refresh(
        "azure",
        "--input",
        formats / AZURE,
        formats / "azure-retail-prices-items-savingsplan.json",
        "--regions",
        "australiacentral",
        "--types",
        "Standard_B16als_v2=16:32:burstable",
        "--as-of",
        "2026-12-01",
    )
    assert result.code == 0, result.err
    rows = [line.split() for line in result.out.splitlines()]
    assert ["new", "australiacentral", "Standard_B16als_v2", "-", "0.673"] in rows
    assert ["not", "found", "westeurope", "Standard_B16als_v2", "-", "-", "not", "added"] in rows
    provider = Provider.model_validate(json.loads((data_dir / "azure.json").read_text()))
    assert provider.instance_types["Standard_B16als_v2"].family == "burstable"
    new_region = provider.regions["australiacentral"]
    assert new_region.instances["Standard_B16als_v2"].hourly == Decimal("0.673")
    assert provider.regions["westeurope"].instances["Standard_D8_v4"].hourly == Decimal("0.46")


def test_a_new_aws_type_takes_its_size_and_house_spelling_from_the_file(
    refresh: Callable[..., Result], formats: Path, data_dir: Path, tmp_path: Path
) -> None:
    offer = json.loads((formats / BULK).read_text())
    offer["products"]["4C7N4APU9GEUZ6H6"]["attributes"]["instanceType"] = "c4.xlarge"
    (tmp_path / "offer.json").write_text(json.dumps(offer))
    assert refresh("aws", "--input", tmp_path / "offer.json", "--types", "c4.xlarge").code == 0
    data = json.loads((data_dir / "aws.json").read_text())
    assert data["instance_types"]["c4.xlarge"] == {
        "vcpu": 2,
        "memory_gib": 3.75,
        "family": "compute optimised",  # AWS says "Compute optimized"; the file says optimised
    }


def test_a_new_azure_type_needs_its_size(refresh: Callable[..., Result], formats: Path) -> None:
    result = refresh(
        "azure",
        "--input",
        formats / "azure-retail-prices-items-savingsplan.json",
        "--regions",
        "australiacentral",
        "--types",
        "Standard_B16als_v2",
    )
    assert result.code == 2
    assert "--types: Standard_B16als_v2: the price list does not give its size" in result.err


def _write_changed(formats: Path, tmp_path: Path, name: str, change: Callable[[Any], Any]) -> Path:
    data = parse_json(name, (formats / name).read_text())
    change(data)
    path = tmp_path / f"bad-{name}"
    path.write_text(json.dumps(data, default=str))
    return path


def _m5_price(item: dict[str, Any], value: str) -> None:
    term = item["terms"]["OnDemand"]["6C86BEPQVG73ZGGR.JRTCKXETXF"]
    term["priceDimensions"]["6C86BEPQVG73ZGGR.JRTCKXETXF.6YS6EN2CT7"]["pricePerUnit"]["USD"] = value


def _azure_price(page: dict[str, Any], value: str) -> None:
    next(r for r in page["Items"] if r["type"] == "Consumption")["retailPrice"] = Decimal(value)


def _gcp_nanos(page: dict[str, Any]) -> None:
    core = next(s for s in page["skus"] if s["skuId"] == "CF4E-A0C7-E3BF")
    core["pricingInfo"][0]["pricingExpression"]["tieredRates"][0]["unitPrice"] = {"units": "0"}


BAD = [
    (
        "aws",
        ITEM,
        lambda i: _m5_price(i, "0.0000000000"),
        "SKU 6C86BEPQVG73ZGGR: price 0.0000000000 for m5.large in us-east-1 must be positive",
    ),
    ("aws", ITEM, lambda i: _m5_price(i, "-0.01"), "SKU 6C86BEPQVG73ZGGR: price -0.01"),
    ("aws", BULK, lambda o: o.update(formatVersion="v2.0"), "unknown formatVersion 'v2.0'"),
    ("aws", ITEM, lambda i: i.pop("product"), "not an AWS price list"),
    ("azure", AZURE, lambda p: _azure_price(p, "-0.46"), "meterId 4e763e64"),
    ("azure", AZURE, lambda p: _azure_price(p, "0"), "(D8 v4): price 0"),
    ("azure", AZURE, lambda p: p.pop("Items"), 'no "Items" array'),
    ("gcp", GCP, _gcp_nanos, "SKU CF4E-A0C7-E3BF: Core price 0 must be positive"),
    ("gcp", GCP, lambda p: p.pop("skus"), 'no "skus" array'),
]


@pytest.mark.parametrize(("provider", "sample", "change", "message"), BAD)
def test_bad_input_exits_2_names_file_and_entry_and_writes_nothing(
    refresh: Callable[..., Result],
    formats: Path,
    data_dir: Path,
    tmp_path: Path,
    provider: str,
    sample: str,
    change: Callable[[Any], Any],
    message: str,
) -> None:
    bad = _write_changed(formats, tmp_path, sample, change)
    before = {path.name: path.read_bytes() for path in data_dir.iterdir()}
    result = refresh(provider, "--input", bad, "--regions", "asia-southeast1")
    assert result.code == 2
    assert result.err.startswith(f"pricing.refresh: error: {bad}: ")
    assert message in result.err
    assert "nothing was written" in result.err
    assert {path.name: path.read_bytes() for path in data_dir.iterdir()} == before


@pytest.mark.parametrize("provider_sample", [("aws", ITEM), ("azure", AZURE), ("gcp", GCP)])
def test_truncated_json_after_a_good_file(
    refresh: Callable[..., Result],
    formats: Path,
    data_dir: Path,
    tmp_path: Path,
    provider_sample: tuple[str, str],
) -> None:
    provider, sample = provider_sample
    text = (formats / sample).read_text()
    truncated = tmp_path / "truncated.json"
    truncated.write_text(text[: len(text) // 2])
    before = (data_dir / f"{provider}.json").read_bytes()
    result = refresh(provider, "--input", formats / sample, truncated)
    assert result.code == 2
    assert f"{truncated}: not valid JSON (truncated or corrupt?)" in result.err
    assert (data_dir / f"{provider}.json").read_bytes() == before


def test_missing_input_file(refresh: Callable[..., Result], tmp_path: Path) -> None:
    result = refresh("aws", "--input", tmp_path / "nope.json")
    assert result.code == 2
    assert f"{tmp_path / 'nope.json'}: cannot be read" in result.err


def test_invalid_data_file_is_named(
    refresh: Callable[..., Result], formats: Path, data_dir: Path
) -> None:
    path = data_dir / "aws.json"
    path.write_text(path.read_text().replace('"hourly": "0.0052"', '"hourly": "0"'))
    result = refresh("aws", "--input", formats / ITEM)
    assert result.code == 2
    assert f"{path}: entry regions.us-east-1.instances.t3.nano.hourly:" in result.err


@pytest.mark.parametrize(
    "argv",
    [
        ["aws"],
        ["aws", "--input", "x.json", "--download"],
        ["aws", "--input", "x.json", "--as-of", "01/12/2026"],
        ["aws", "--input", "x.json", "--types", "m5.large=two:8"],
        ["aws", "--input", "x.json", "--types", "m5.large=0:8"],
        ["aws", "--input", "x.json", "--save", "pages"],
        ["oracle", "--input", "x.json"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_written_file_keeps_its_permissions_and_leaves_no_temp_file(
    refresh: Callable[..., Result], formats: Path, data_dir: Path
) -> None:
    (data_dir / "aws.json").chmod(0o640)
    assert refresh("aws", "--input", *aws_inputs(formats)).code == 0
    assert (data_dir / "aws.json").stat().st_mode & 0o777 == 0o640
    assert sorted(path.name for path in data_dir.iterdir()) == [
        "aws.json",
        "azure.json",
        "gcp.json",
    ]
