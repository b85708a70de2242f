"""Refresh the catalog's instance prices from the providers' official price lists.

``python -m pricing.refresh {aws,azure,gcp,linode,digitalocean,hetzner} --input FILE ...`` (or
``--download``) reads the price lists, keeps on-demand Linux hourly prices (and, for Linode,
DigitalOcean and Hetzner, monthly caps) for the catalog's regions and instance types, prints
what changed and rewrites ``pricing/data/<provider>.json``. See "Refreshing
prices" in docs/PRICING.md.
"""

from pricing.refresh.cli import main
from pricing.refresh.model import Quote, RefreshError, Request, TypeSpec

__all__ = ["Quote", "RefreshError", "Request", "TypeSpec", "main"]
