"""--download, with a fake fetcher: URLs, paging, saved pages. Never touches the network."""

from __future__ import annotations

import io
import json
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pricing.refresh import download
from pricing.refresh.cli import main
from pricing.refresh.download import download_aws, download_azure, download_gcp, fetch_https
from pricing.refresh.model import RefreshError

AZURE = "azure-retail-prices-d8v4-westeurope.json"


class FakeWeb:
    """Answers each URL from a dict, and remembers what was asked."""

    def __init__(self, pages: dict[str, Any]) -> None:
        self.pages = pages
        self.asked: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.asked.append(url)
        body = self.pages[url]
        return body if isinstance(body, bytes) else json.dumps(body).encode()


def azure_first_url(region: str) -> str:
    query = urllib.parse.urlencode({"$filter": download.AZURE_FILTER.format(region=region)})
    return f"https://prices.azure.com/api/retail/prices?{query}"


def test_aws_fetches_one_regional_offer_per_region() -> None:
    urls = [download.AWS_REGION_OFFER.format(region=r) for r in ("eu-west-1", "us-east-1")]
    web = FakeWeb({url: {"products": {}, "terms": {}} for url in urls})
    documents = download_aws({"us-east-1", "eu-west-1"}, web)
    assert web.asked == urls
    assert [name for name, _ in documents] == urls


def test_azure_follows_next_page_link_until_null(formats: Path) -> None:
    first = azure_first_url("westeurope")
    second = "https://prices.azure.com/api/retail/prices?$skip=100"
    page = json.loads((formats / AZURE).read_text())
    web = FakeWeb(
        {first: {"Items": [], "NextPageLink": second}, second: page | {"NextPageLink": None}}
    )
    documents = download_azure(["westeurope"], web)
    assert web.asked == [first, second]
    assert "armRegionName eq 'westeurope'" in urllib.parse.unquote_plus(first)
    assert "priceType eq 'Consumption'" in urllib.parse.unquote_plus(first)
    assert len(documents) == 2


def test_paging_stops_at_a_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(download, "MAX_PAGES", 3)
    loop = "https://prices.azure.com/api/retail/prices?$skip=1"
    web = FakeWeb({azure_first_url("r"): {"Items": [], "NextPageLink": loop}})
    web.pages[loop] = {"Items": [], "NextPageLink": loop}
    with pytest.raises(RefreshError, match="more than 3 pages"):
        download_azure(["r"], web)


def test_gcp_needs_an_api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(download.GCP_KEY_VARIABLE, raising=False)
    with pytest.raises(RefreshError, match=f"^{download.GCP_KEY_VARIABLE}: set it"):
        download_gcp(FakeWeb({}))


def test_gcp_follows_next_page_token_and_keeps_the_key_out_of_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(download.GCP_KEY_VARIABLE, "SECRET")
    base = "https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus"
    first = f"{base}?key=SECRET&currencyCode=USD&pageSize=5000"
    second = f"{first}&pageToken=T2"
    web = FakeWeb({first: {"skus": [], "nextPageToken": "T2"}, second: {"skus": []}})
    documents = download_gcp(web)
    assert web.asked == [first, second]
    assert all("SECRET" not in name for name, _ in documents)


def test_only_https_is_fetched() -> None:
    with pytest.raises(RefreshError, match="non-https"):
        fetch_https("http://prices.azure.com/api/retail/prices")


def test_download_refreshes_and_saves_the_pages(
    formats: Path, data_dir: Path, tmp_path: Path
) -> None:
    page = (formats / AZURE).read_bytes()
    web = FakeWeb({azure_first_url("westeurope"): page})
    out, err = io.StringIO(), io.StringIO()
    argv = ["azure", "--download", "--save", str(tmp_path / "pages"), "--data-dir", str(data_dir)]
    assert main(argv, fetch=web, out=out, err=err) == 0, err.getvalue()
    rows = [line.split() for line in out.getvalue().splitlines()]
    assert ["changed", "westeurope", "Standard_D8_v4", "0.4", "0.46", "+15.00%"] in rows
    assert (tmp_path / "pages" / "azure-0001.json").read_bytes() == page


def test_a_failed_download_writes_nothing(data_dir: Path) -> None:
    def offline(url: str) -> bytes:
        raise RefreshError(url, None, "download failed: no network")

    before = (data_dir / "aws.json").read_bytes()
    err = io.StringIO()
    code = main(["aws", "--download", "--data-dir", str(data_dir)], fetch=offline, err=err)
    assert code == 2
    assert "download failed" in err.getvalue()
    assert (data_dir / "aws.json").read_bytes() == before


def test_fake_web_is_strict() -> None:
    fetch: Callable[[str], bytes] = FakeWeb({})
    with pytest.raises(KeyError):
        fetch("https://example.com/")
