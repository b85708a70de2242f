"""The MCP tools: estimate, size, compare and catalog, over one Engine. Each reads its
arguments with the API's parsers (app.mcp.arguments), prices with the engine, and answers with
the API's output models (app.mcp.answers), the permalink among them: absolute, on the address
the MCP request reached (over HTTP) or on ``base_url`` (over stdio)."""

from __future__ import annotations

from typing import Annotated, Any

import anyio
import anyio.to_thread
from mcp.server.mcpserver import Context
from mcp_types import CallToolResult
from starlette.requests import Request

from app.compare.sides import compare_scenarios
from app.mcp.answers import EstimateAnswer, answer, catalog_overview, catalog_region
from app.mcp.arguments import (
    FilesArgument,
    OptionsArgument,
    ScenarioArgument,
    named,
    options_from,
    scenario_from,
    sizing_named,
)
from app.present.changes import change_summary
from app.present.compare import CompareOut, compare_links, compare_source
from app.present.estimate import comparison_source
from app.present.links import Links, permalink_query
from app.present.words import advice_summary, headline, spoken, title
from app.settings import Settings
from app.sizing.report import SizingOut, sizing_source
from app.sizing.text import choice_lines
from app.web.urls import root_of
from pricing import Engine, Estimate, Scenario, SizedEstimate
from pricing.scenario import FieldProblem, InputError

Catalog = dict[str, Any]


class Tools:
    """The tools over ``engine``; ``base_url`` is the calculator's address for links when the
    request does not say it (stdio)."""

    def __init__(self, engine: Engine, settings: Settings, base_url: str) -> None:
        self.engine = engine
        self.settings = settings
        self.base_url = base_url
        self.limiter: anyio.CapacityLimiter | None = None

    def _links(self, ctx: Context[Any, Any], query: str) -> Links:
        request = ctx.request_context.request if ctx.protocol_version is not None else None
        if isinstance(request, Request):
            return Links(root_of(request), str(request.base_url), query)
        return Links("", self.base_url, query)

    def _estimate_answer(self, ctx: Context[Any, Any], result: Estimate) -> CallToolResult:
        comparison = result.comparison
        links = self._links(ctx, permalink_query(comparison.scenario, self.engine.catalog))
        said = spoken(headline(comparison))
        source = {
            "headline": said,
            "permalink": links.permalink,
            "comparison": comparison_source(result),
        }
        words = [title(comparison) + ".", said, advice_summary(result), links.permalink]
        return answer(EstimateAnswer, source, words)

    async def estimate(
        self, ctx: Context[Any, Any], scenario: ScenarioArgument = None
    ) -> Annotated[CallToolResult, EstimateAnswer]:
        """Price running an application on Docker hosts (Compose) and on a managed Kubernetes
        cluster, line by line (each line's price with its source and date), and advise which
        to choose. Every input is optional: start from a preset (see the catalog tool) and
        give only what differs. Answers the figures, the advice and the calculator's
        permalink."""
        return self._estimate_answer(ctx, self._priced(scenario_from(scenario, "scenario")))

    def _priced(self, scenario: Scenario) -> Estimate:
        """The estimate of ``scenario``, or InputError naming ``scenario.<field>``."""
        try:
            return self.engine.estimate(scenario)
        except InputError as exc:
            raise named("scenario", exc) from None

    def _size(
        self, files: list[str], scenario: ScenarioArgument, options: OptionsArgument
    ) -> SizedEstimate:
        priced = scenario_from(scenario, "scenario")
        sizing = options_from(
            options,
            priced,
            max_pods_given="k8s_max_pods" in (scenario or {}),
            max_bytes=self.settings.size_max_bytes,
        )
        try:
            return self.engine.size(files, priced, sizing)
        except InputError as exc:
            raise sizing_named(exc) from None

    async def size(
        self,
        ctx: Context[Any, Any],
        files: FilesArgument,
        scenario: ScenarioArgument = None,
        options: OptionsArgument = None,
    ) -> Annotated[CallToolResult, SizingOut]:
        """Size both setups from an application's own Compose file or Kubernetes manifests:
        the Docker host type, the Kubernetes node type and count after each node's
        reservations, where each pod goes; then price both. The scenario gives the provider,
        region and the rest (a preset first, if named)."""
        if self.limiter is None:  # made in the event loop, on the first sizing
            self.limiter = anyio.CapacityLimiter(self.settings.size_concurrency)
        sized = await anyio.to_thread.run_sync(
            self._size, files, scenario, options, limiter=self.limiter
        )
        links = self._links(ctx, permalink_query(sized.sizing.scenario, self.engine.catalog))
        source = {**sizing_source(sized, self.engine), "permalink": links.permalink}
        said = spoken(headline(sized.estimate.comparison))
        words = [*choice_lines(sized), said, links.permalink]
        return answer(SizingOut, source, words)

    async def compare(
        self, ctx: Context[Any, Any], a: ScenarioArgument = None, b: ScenarioArgument = None
    ) -> Annotated[CallToolResult, CompareOut]:
        """Compare two scenarios, A and B (each like the estimate tool's scenario): the inputs
        that differ, every line item of both setups in A and B with its change (B minus A),
        each setup's totals, and the cheaper setup and the advice in each."""
        change = compare_scenarios(self.engine, scenario_from(a, "a"), scenario_from(b, "b"))
        root_base = self._links(ctx, "")
        links = compare_links(change, self.engine.catalog, root_base.root, root_base.base)
        words = [*change_summary(change), links.permalink]
        return answer(CompareOut, compare_source(change, links), words)

    async def catalog(self, provider: str | None = None, region: str | None = None) -> Catalog:
        """What a scenario can name, with prices: without a provider, every provider's regions,
        defaults and keys, the Docker plans and the presets; with a provider, its prices
        (instance types of one region, its default unless named; control planes, load
        balancers, disks, network), each with its source URL, date read and confidence."""
        if provider is None:
            if region is not None:
                raise InputError([FieldProblem("region", "needs a provider")])
            return catalog_overview(self.engine.catalog)
        return catalog_region(self.engine.catalog, provider, region)
