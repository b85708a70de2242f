"""Every URL a face shows for one scenario, built here and nowhere else: its permalink (the
query string that carries only what differs from the defaults), the page's own JSON and CSV
(datasette-style: the same query string), the card, the image, oEmbed, the flips, the
sizing form's action, the snippets a wiki embeds; and a comparison's (CompareLinks)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple
from urllib.parse import quote, urlencode

from app.present.cells import decimal_text
from pricing.catalog import Catalog
from pricing.resolve import provider_defaults
from pricing.scenario import DEFAULT_SCENARIO, Scenario
from pricing.versions import catalog_month

# The embed card's size in an iframe snippet (and the most oEmbed offers); the SVG image's.
CARD_WIDTH, CARD_HEIGHT = 640, 460
IMAGE_WIDTH, IMAGE_HEIGHT = 640, 360


def value_text(value: Any) -> str:
    """A Scenario value as text: as the form shows it and the permalink carries it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return decimal_text(value)
    return str(value)


def permalink_fields(scenario: Scenario, catalog: Catalog) -> dict[str, str]:
    """Fields of ``scenario`` that differ from the defaults; a provider's own default region,
    machine types and tiers, and the catalog's month, count as defaults too."""
    provider = catalog.providers.get(scenario.provider)
    own_defaults = provider_defaults(provider) if provider else {}
    own_defaults["start_month"] = catalog_month(catalog.versions)
    changed = {}
    for name, value in scenario.model_dump().items():
        if name in own_defaults and value == own_defaults[name]:
            continue
        if value != getattr(DEFAULT_SCENARIO, name):
            changed[name] = value_text(value)
    return changed


def permalink_query(scenario: Scenario, catalog: Catalog) -> str:
    return urlencode(permalink_fields(scenario, catalog))


def page_path(root: str, query: str) -> str:
    """The calculator's path with a permalink's query string: what the address bar shows."""
    return f"{root}/?{query}" if query else f"{root}/"


def compare_query(a_query: str, b_query: str) -> str:
    """The compare page's query string: each side a permalink's query, URL-encoded."""
    return urlencode({"a": a_query, "b": b_query})


@dataclass(frozen=True, slots=True)
class Links:
    """The URLs of one scenario's faces. ``root`` is the app's path prefix ("" unless served
    under one), ``base`` the app's absolute URL ending in a slash, ``query`` the permalink's
    query string ("" for the defaults)."""

    root: str
    base: str
    query: str

    def _then(self, separator: str) -> str:
        return separator + self.query if self.query else ""

    @property
    def page(self) -> str:
        """The calculator's path with the permalink, for the address bar."""
        return page_path(self.root, self.query)

    @property
    def permalink(self) -> str:
        """The calculator's absolute URL with the permalink, to copy and share."""
        return self.base + self._then("?")

    @property
    def json(self) -> str:
        return f"{self.root}/api/v1/estimate?{self.query}"

    @property
    def csv(self) -> str:
        return f"{self.json}{'&' if self.query else ''}format=csv"

    @property
    def sensitivity(self) -> str:
        """The JSON with the single inputs that flip the answer."""
        return f"{self.json}{'&' if self.query else ''}sensitivity=true"

    @property
    def flips(self) -> str:
        return f"{self.root}/flips?{self.query}"

    @property
    def compare(self) -> str:
        """The compare page with this scenario on both sides, B to be changed."""
        return f"{self.root}/compare?{compare_query(self.query, self.query)}"

    @property
    def size(self) -> str:
        """The sizing form's action: it sizes for this scenario."""
        return f"{self.root}/size{self._then('?')}"

    @property
    def catalog_csv(self) -> str:
        return f"{self.root}/api/v1/catalog?format=csv"

    @property
    def embed(self) -> str:
        return f"{self.base}embed{self._then('?')}"

    @property
    def image(self) -> str:
        return f"{self.base}embed.svg{self._then('?')}"

    @property
    def oembed(self) -> str:
        """The page's oEmbed discovery link (its url ends in "?" for the defaults)."""
        return f"{self.root}/oembed?format=json&url={quote(self.base + '?' + self.query)}"

    @property
    def card_oembed(self) -> str:
        """The card's oEmbed discovery link, absolute: the card is read inside other sites."""
        return f"{self.base}oembed?format=json&url={quote(self.permalink)}"

    def snippets(self) -> tuple[Snippet, ...]:
        """What the page offers to paste into a wiki: the card's iframe and the image's."""
        page, image = self.permalink, self.image
        return (
            Snippet(
                "iframe",
                "Iframe (Confluence iframe or HTML macro, Docusaurus, MkDocs, any HTML page)",
                iframe_snippet(self.embed),
            ),
            Snippet(
                "markdown",
                "Image in Markdown (GitHub, GitLab, MkDocs, Notion)",
                f"[![Docker vs Kubernetes cost]({image})]({page})",
            ),
            Snippet(
                "html",
                "Image in HTML",
                f'<a href="{page}"><img src="{image}" width="{IMAGE_WIDTH}" '
                f'height="{IMAGE_HEIGHT}" alt="Docker vs Kubernetes monthly cost comparison"></a>',
            ),
        )


@dataclass(frozen=True, slots=True)
class CompareLinks:
    """The URLs of a comparison of two scenarios: the page, its JSON and CSV, each side's
    calculator (``a.permalink``, ``b.permalink``) and the page with the sides swapped."""

    a: Links
    b: Links

    @property
    def query(self) -> str:
        return compare_query(self.a.query, self.b.query)

    @property
    def page(self) -> str:
        return f"{self.a.root}/compare?{self.query}"

    @property
    def permalink(self) -> str:
        """The compare page's absolute URL, to copy and share."""
        return f"{self.a.base}compare?{self.query}"

    @property
    def json(self) -> str:
        return f"{self.a.root}/api/v1/compare?{self.query}"

    @property
    def csv(self) -> str:
        return f"{self.json}&format=csv"

    @property
    def swapped(self) -> str:
        """The page with B as A and A as B."""
        return f"{self.a.root}/compare?{compare_query(self.b.query, self.a.query)}"


class Snippet(NamedTuple):
    key: str
    title: str
    code: str


def iframe_snippet(src: str, width: int = CARD_WIDTH, height: int = CARD_HEIGHT) -> str:
    """The iframe a wiki embeds for the card at ``src`` (a URL of ours: its query string is
    percent-encoded, so only its ``&`` may want escaping where strict HTML is needed)."""
    return (
        f'<iframe src="{src}" width="{width}" height="{height}" '
        'style="border:0;max-width:100%" loading="lazy" '
        'title="Docker vs Kubernetes cost comparison"></iframe>'
    )
