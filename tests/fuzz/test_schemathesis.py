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
# A Scenario's region, machine types and plans must exist in the catalog for the chosen
# provider, and some fields rule others out (a commitment percent needs a committed purchase):
# rules a JSON schema cannot state, so schema-valid Scenarios may be refused with a 422 naming
# the field; and a sizing body is schema-valid as any text, but only Compose files and
# Kubernetes manifests are sized; a comparison's sides are schema-valid as any text, but only
# permalinks' query strings are read. Everything else must accept every schema-valid request.
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
