"""Schemathesis against the app's own OpenAPI schema: every check it has."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS
from schemathesis.specs.openapi import checks as openapi_checks

from app.main import create_app
from app.settings import Settings

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings()))
ALL_CHECKS = CHECKS.get_all()
assert openapi_checks.positive_data_acceptance in ALL_CHECKS
# Every key field (provider, region, VM types, tiers, plans) takes the catalog's keys as an
# enum, a preset in both the query and the body is accepted (the body's applies), and a batch
# with a header and no rows is an empty result. What remains refused with a 422 naming the
# field are rules a JSON schema cannot state, so these routes skip the check that schema-valid
# data is accepted (docs/SPREADSHEETS.md, "What the OpenAPI document cannot say"): which keys
# belong to which provider and region; a decimal sent as text within its bounds (a string's
# pattern cannot bound its value); rules across fields (a commitment percent needs a committed
# purchase); a batch header naming a column twice; a sizing body, any text by its schema,
# of which only Compose files and Kubernetes manifests are sized; and a comparison's sides, any
# text by their schema, of which only permalinks' query strings are read.
SCENARIO_PATHS = "^/(api/v1/(estimate|value|size|compare)|embed|embed\\.svg|oembed|api/v1/batch)$"
FUZZ = settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


@schema.exclude(path_regex=SCENARIO_PATHS).parametrize()
@FUZZ
def test_api_conforms_with_every_check(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=ALL_CHECKS)


@schema.include(path_regex=SCENARIO_PATHS).parametrize()
@FUZZ
def test_scenario_routes_conform(case: schemathesis.Case) -> None:
    case.call_and_validate(
        checks=[c for c in ALL_CHECKS if c.__name__ != "positive_data_acceptance"]
    )
