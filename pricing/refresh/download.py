"""``--download``: fetch the price lists from the providers' public endpoints.

Every function takes the fetcher as an argument, so the paging logic is tested offline with a
fake one; only :func:`fetch_https` touches the network.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pricing.refresh import azure, gcp
from pricing.refresh.jsonio import parse_json
from pricing.refresh.model import RefreshError

Fetch = Callable[[str], bytes]
Document = tuple[str, Any]

AWS_REGION_OFFER = (
    "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/{region}/index.json"
)
AZURE_FILTER = (
    "serviceName eq 'Virtual Machines' and priceType eq 'Consumption' "
    "and armRegionName eq '{region}'"
)
GCP_KEY_VARIABLE = "GCP_BILLING_API_KEY"
MAX_PAGES = 2000
TIMEOUT_SECONDS = 300


def fetch_https(url: str) -> bytes:
    """GET an https URL (nothing else) and return the body."""
    if not url.startswith("https://"):
        raise RefreshError(url, None, "refusing to download from a non-https URL")
    try:
        # The scheme is checked above: https only, never file:// or custom schemes.
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310  # nosec B310
            body: bytes = response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise RefreshError(_public(url), None, f"download failed: {exc}") from None
    return body


def _public(url: str) -> str:
    """The URL without its API key, for messages and file names."""
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "key"]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _get(url: str, fetch: Fetch) -> Document:
    name = _public(url)
    return name, parse_json(name, fetch(url))


def download_aws(regions: Iterable[str], fetch: Fetch) -> list[Document]:
    """One regional EC2 bulk offer file per region (public, no credentials needed)."""
    return [_get(AWS_REGION_OFFER.format(region=region), fetch) for region in sorted(regions)]


def download_azure(regions: Iterable[str], fetch: Fetch) -> list[Document]:
    """Retail Prices API pages per region, following NextPageLink until it is null."""
    pages = []
    for region in sorted(regions):
        query = urllib.parse.urlencode({"$filter": AZURE_FILTER.format(region=region)})
        url: str | None = f"{azure.SOURCE}?{query}"
        while url is not None:
            pages.append(_get(url, fetch))
            url = azure.next_page(pages[-1][1])
            _guard(len(pages), url)
    return pages


def download_gcp(fetch: Fetch, api_key: str | None = None) -> list[Document]:
    """Compute Engine SKU pages in USD, following nextPageToken (needs an API key)."""
    api_key = api_key or os.environ.get(GCP_KEY_VARIABLE)
    if not api_key:
        raise RefreshError(GCP_KEY_VARIABLE, None, "set it to a Google Cloud API key to download")
    base = gcp.SOURCE.format(service=gcp.COMPUTE_SERVICE)
    pages: list[Document] = []
    # A paging token of the price API, not a secret.
    token = ""  # nosec B105
    while True:
        query = {"key": api_key, "currencyCode": "USD", "pageSize": "5000"}
        query |= {"pageToken": token} if token else {}
        pages.append(_get(f"{base}?{urllib.parse.urlencode(query)}", fetch))
        data = pages[-1][1]
        token = data.get("nextPageToken", "") if isinstance(data, dict) else ""
        if not token:
            return pages
        _guard(len(pages), token)


def _guard(count: int, following: str | None) -> None:
    if following is not None and count >= MAX_PAGES:
        raise RefreshError(following, None, f"more than {MAX_PAGES} pages; stopping")


def save(raw: list[bytes], folder: Path, provider: str) -> None:
    """Keep the downloaded pages, so the same refresh can be rerun offline with --input."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, body in enumerate(raw, start=1):
        (folder / f"{provider}-{number:04d}.json").write_bytes(body)


def recording(fetch: Fetch, raw: list[bytes]) -> Fetch:
    """A fetcher that also keeps every body it returns in ``raw``."""

    def fetch_and_keep(url: str) -> bytes:
        body = fetch(url)
        raw.append(body)
        return body

    return fetch_and_keep
