"""What a handler needs, as FastAPI dependencies: the engine, and the scenario its query
string describes (with the route's control parameters)."""

from __future__ import annotations

from typing import Annotated, NamedTuple

from fastapi import Depends, Request
from starlette.templating import Jinja2Templates

from app.inputs import parse_query
from app.settings import Settings
from app.web.state import catalog_of, engine_of, settings_of, templates_of
from pricing import Catalog, Engine, Scenario


class QueryScenario(NamedTuple):
    """The Scenario in the query string, the route's control parameters it carried, and the
    engine that prices it (one dependency, not two: FastAPI spends about 90 µs solving each
    dependency of a request, a tenth of a JSON estimate's time)."""

    scenario: Scenario
    controls: dict[str, str]
    engine: Engine


class ScenarioFromQuery:
    """A dependency reading the query string of a route whose own parameters are ``controls``."""

    def __init__(self, *controls: str) -> None:
        self.controls = frozenset(controls)

    async def __call__(self, request: Request) -> QueryScenario:
        scenario, controls = parse_query(request.query_params.multi_items(), self.controls)
        return QueryScenario(scenario, controls, engine_of(request))


# Dependencies are ``async def``: FastAPI runs a plain ``def`` one in the thread pool, which
# cost about 100 µs a request for each (four hand-offs on the calculator page).
async def _engine(request: Request) -> Engine:
    return engine_of(request)


async def _catalog(request: Request) -> Catalog:
    return catalog_of(request)


async def _settings(request: Request) -> Settings:
    return settings_of(request)


async def _templates(request: Request) -> Jinja2Templates:
    return templates_of(request)


EngineDep = Annotated[Engine, Depends(_engine)]
CatalogDep = Annotated[Catalog, Depends(_catalog)]
SettingsDep = Annotated[Settings, Depends(_settings)]
TemplatesDep = Annotated[Jinja2Templates, Depends(_templates)]
ScenarioDep = Annotated[QueryScenario, Depends(ScenarioFromQuery())]
EstimateQueryDep = Annotated[
    QueryScenario, Depends(ScenarioFromQuery("format", "shape", "sensitivity"))
]
ValueQueryDep = Annotated[QueryScenario, Depends(ScenarioFromQuery("field"))]
