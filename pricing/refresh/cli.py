"""``python -m pricing.refresh {aws,azure,gcp,linode,digitalocean,hetzner}``: refresh one
provider's data file.

Exit codes: 0 done (or nothing to change), 1 ``--check`` found changes, 2 bad input or usage;
on any error nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TextIO

from pricing.refresh import aws, azure, digitalocean, gcp, hetzner, linode
from pricing.refresh.diff import render as render_diff
from pricing.refresh.download import (
    Document,
    Fetch,
    download_aws,
    download_azure,
    download_digitalocean,
    download_gcp,
    download_hetzner,
    download_linode,
    fetch_https,
    recording,
    save,
)
from pricing.refresh.jsonio import parse_json
from pricing.refresh.model import Quote, RefreshError, Request, TypeSpec
from pricing.refresh.update import apply, build_request, select
from pricing.refresh.writer import load_provider, render, write_atomic

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
Parser = Callable[[list[Document], Request], list[Quote]]


def _aws(documents: list[Document], request: Request) -> list[Quote]:
    return [quote for file, data in documents for quote in aws.parse_aws(file, data, request)]


def _azure(documents: list[Document], request: Request) -> list[Quote]:
    return [quote for file, data in documents for quote in azure.parse_azure(file, data, request)]


def _each(parse: Callable[[str, object, Request], list[Quote]]) -> Parser:
    """A parser of all documents from a parser of one."""

    def parse_all(documents: list[Document], request: Request) -> list[Quote]:
        return [quote for file, data in documents for quote in parse(file, data, request)]

    return parse_all


PARSERS: dict[str, Parser] = {
    "aws": _aws,
    "azure": _azure,
    "gcp": gcp.parse_gcp,
    "linode": _each(linode.parse_linode),
    "digitalocean": _each(digitalocean.parse_digitalocean),
    "hetzner": _each(hetzner.parse_hetzner),
}
CURRENCIES = {"hetzner": "EUR"}  # the currency of each price list; the others are USD
HELP = {
    "aws": "AWS Price List: EC2 bulk offer files or GetProducts pages",
    "azure": "Azure Retail Prices API pages",
    "gcp": "Google Cloud Billing Catalog API SKU pages (Compute Engine)",
    "linode": "Linode API GET /v4/linode/types pages (public; --download needs no token)",
    "digitalocean": "DigitalOcean API GET /v2/sizes pages (--download needs DIGITALOCEAN_TOKEN)",
    "hetzner": "Hetzner Cloud API GET /v1/server_types pages (--download needs HCLOUD_TOKEN)",
}


def type_argument(value: str) -> tuple[str, TypeSpec | None]:
    """``NAME`` or ``NAME=VCPU:MEMORY_GIB[:FAMILY]`` (the size of a type new to the catalog)."""
    name, has_size, size = value.partition("=")
    parts = size.split(":")
    if not name or (has_size and len(parts) not in (2, 3)):
        raise argparse.ArgumentTypeError(
            f"{value!r}: expected NAME or NAME=VCPU:MEMORY_GIB[:FAMILY]"
        )
    if not has_size:
        return name, None
    try:
        vcpu, memory = int(parts[0]), Decimal(parts[1])
    except (ValueError, InvalidOperation):
        raise argparse.ArgumentTypeError(
            f"{value!r}: VCPU and MEMORY_GIB must be numbers"
        ) from None
    if vcpu <= 0 or not memory.is_finite() or memory <= 0:
        raise argparse.ArgumentTypeError(f"{value!r}: VCPU and MEMORY_GIB must be positive")
    family = parts[2] if len(parts) == 3 else "general purpose"
    return name, TypeSpec(vcpu=vcpu, memory_gib=memory, family=family)


def _date_argument(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _add_options(sub: argparse.ArgumentParser) -> None:
    where = sub.add_mutually_exclusive_group(required=True)
    where.add_argument("--input", nargs="+", type=Path, metavar="FILE", help="price-list files")
    where.add_argument("--download", action="store_true", help="fetch from the public endpoints")
    sub.add_argument("--save", type=Path, metavar="DIR", help="with --download: keep the pages")
    sub.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, metavar="DIR")
    sub.add_argument("--regions", nargs="+", default=[], metavar="REGION", help="regions to add")
    sub.add_argument(
        "--types", nargs="+", type=type_argument, default=[], metavar="TYPE[=VCPU:GIB[:FAMILY]]"
    )
    sub.add_argument("--check", action="store_true", help="write nothing; exit 1 on changes")
    sub.add_argument("--as-of", type=_date_argument, metavar="YYYY-MM-DD")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pricing.refresh",
        description="Refresh a provider's catalog prices from its official price list.",
    )
    subparsers = parser.add_subparsers(dest="provider", required=True, metavar="PROVIDER")
    for name, text in HELP.items():
        _add_options(subparsers.add_parser(name, help=text, description=text))
    return parser


def _read_inputs(paths: list[Path]) -> list[Document]:
    documents = []
    for path in paths:
        try:
            body = path.read_bytes()
        except OSError as exc:
            raise RefreshError(str(path), None, f"cannot be read: {exc}") from None
        documents.append((str(path), parse_json(str(path), body)))
    return documents


def _download(args: argparse.Namespace, request: Request, fetch: Fetch) -> list[Document]:
    raw: list[bytes] = []
    keeping = recording(fetch, raw)
    if args.provider == "aws":
        documents = download_aws(request.regions, keeping)
    elif args.provider == "azure":
        documents = download_azure(request.regions, keeping)
    elif args.provider == "linode":
        documents = download_linode(keeping)
    elif args.provider == "digitalocean":
        documents = download_digitalocean(keeping)
    elif args.provider == "hetzner":
        documents = download_hetzner(keeping)
    else:
        documents = download_gcp(keeping)
    if args.save is not None:
        save(raw, args.save, args.provider)
    return documents


def run(args: argparse.Namespace, fetch: Fetch, out: TextIO) -> int:
    path: Path = args.data_dir / f"{args.provider}.json"
    old_text, data = load_provider(path)
    expected, actual = CURRENCIES.get(args.provider, "USD"), data.get("currency", "USD")
    if actual != expected:
        problem = f"is {actual}, but the {args.provider} price list gives {expected} prices"
        raise RefreshError(str(path), "currency", problem)
    request = build_request(data, args.regions, dict(args.types))
    documents = _download(args, request, fetch) if args.download else _read_inputs(args.input)
    quotes = PARSERS[args.provider](documents, request)
    updated, diff = apply(data, request, select(quotes), args.as_of or date.today())
    new_text = render(path, updated)
    out.write(render_diff(diff))
    if new_text == old_text:
        out.write(f"no change: {path} left as it was\n")
        return 0
    if not diff.changes_file:
        out.write(f"{path}: only the layout differs from the standard one\n")
    if args.check:
        out.write(f"--check: {path} would change; nothing written\n")
        return 1
    write_atomic(path, new_text)
    out.write(f"wrote {path}\n")
    return 0


def main(
    argv: list[str] | None = None,
    fetch: Fetch = fetch_https,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.save is not None and not args.download:
        parser.error("--save goes with --download")
    try:
        return run(args, fetch, out or sys.stdout)
    except RefreshError as exc:
        print(f"pricing.refresh: error: {exc}\nnothing was written", file=err or sys.stderr)
        return 2
