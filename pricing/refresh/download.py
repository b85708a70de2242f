"""``--download``: fetch the price lists from the providers' public endpoints.

Every function takes the fetcher as an argument, so the paging logic is tested offline with a
fake one; only :func:`fetch_https` touches the network. The DigitalOcean and Hetzner APIs need
a token, sent as an ``Authorization: Bearer`` header and only to their own API host; it never
appears in messages, URLs or saved files.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

from pricing.refresh import azure, digitalocean, gcp, hetzner, linode
from pricing.refresh.jsonio import parse_json
from pricing.refresh.model import RefreshError

Document = tuple[str, Any]


class Fetch(Protocol):
    """GET a URL and return the body; ``headers`` only for the APIs that need a token."""

    def __call__(self, url: str, headers: Mapping[str, str] | None = None, /) -> bytes: ...


AWS_REGION_OFFER = (
    "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/{region}/index.json"
)
AZURE_FILTER = (
    "serviceName eq 'Virtual Machines' and priceType eq 'Consumption' "
    "and armRegionName eq '{region}'"
)
GCP_KEY_VARIABLE = "GCP_BILLING_API_KEY"
DIGITALOCEAN_VARIABLE = "DIGITALOCEAN_TOKEN"
HCLOUD_VARIABLE = "HCLOUD_TOKEN"
MAX_PAGES = 2000
TIMEOUT_SECONDS = 300


def fetch_https(url: str, headers: Mapping[str, str] | None = None, /) -> bytes:
    """GET an https URL (nothing else) and return the body."""
    if not url.startswith("https://"):
        raise RefreshError(url, None, "refusing to download from a non-https URL")
    request = urllib.request.Request(url, headers=dict(headers or {}))  # noqa: S310  # nosec B310
    try:
        # The scheme is checked above: https only, never file:// or custom schemes.
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310  # nosec B310
            body: bytes = response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise RefreshError(_public(url), None, f"download failed: {exc}") from None
    return body


def _public(url: str) -> str:
    """The URL without its API key, for messages and file names."""
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "key"]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _get(url: str, fetch: Fetch, headers: Mapping[str, str] | None = None) -> Document:
    name = _public(url)
    return name, parse_json(name, fetch(url, headers) if headers else fetch(url))


def _token(variable: str, what: str) -> str:
    value = os.environ.get(variable, "").strip()
    if not value:
        problem = f"set it to {what} to download (or read a saved response with --input)"
        raise RefreshError(variable, None, problem)
    return value


def download_linode(fetch: Fetch) -> list[Document]:
    """GET /v4/linode/types (public, no token), page by page until ``pages``."""
    pages = [_get(linode.SOURCE, fetch)]
    while (following := linode.next_page(linode.SOURCE, pages[-1][1])) is not None:
        _guard(len(pages), following)
        pages.append(_get(following, fetch))
    return pages


def _download_with_token(
    url: str, secret: str, next_page: Callable[[str, Any], str | None], fetch: Fetch
) -> list[Document]:
    """Every page of a price list that needs a bearer token, following ``next_page``."""
    headers = {"Authorization": f"Bearer {secret}", "Accept": "application/json"}
    following: str | None = url
    pages: list[Document] = []
    while following is not None:
        pages.append(_get(following, fetch, headers))
        following = next_page(pages[-1][0], pages[-1][1])
        _guard(len(pages), following)
    return pages


def download_digitalocean(fetch: Fetch, token: str | None = None) -> list[Document]:
    """GET /v2/sizes with a token (DIGITALOCEAN_TOKEN), following links.pages.next."""
    secret = token or _token(DIGITALOCEAN_VARIABLE, "a DigitalOcean API token")
    url = f"{digitalocean.SOURCE}?per_page=200"
    return _download_with_token(url, secret, digitalocean.next_page, fetch)


def download_hetzner(fetch: Fetch, token: str | None = None) -> list[Document]:
    """GET /v1/server_types with a token (HCLOUD_TOKEN), following meta.pagination."""
    secret = token or _token(HCLOUD_VARIABLE, "a Hetzner Cloud API token")
    url = f"{hetzner.SOURCE}?per_page=50"
    return _download_with_token(url, secret, hetzner.next_page, fetch)


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

    def fetch_and_keep(url: str, headers: Mapping[str, str] | None = None, /) -> bytes:
        body = fetch(url, headers) if headers else fetch(url)
        raw.append(body)
        return body

    return fetch_and_keep
