"""Schemathesis against the app's own OpenAPI schema: no server errors, responses conform."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.main import create_app
from app.settings import Settings

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings()))


@schema.parametrize()
@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms(case: schemathesis.Case) -> None:
    # positive_data_acceptance is left out on purpose: a region or machine type must exist in
    # the catalog for the chosen provider, which a JSON schema cannot express.
    case.call_and_validate(
        checks=[
            not_a_server_error,
            response_schema_conformance,
            status_code_conformance,
            content_type_conformance,
            response_headers_conformance,
            negative_data_rejection,
        ]
    )
