"""Output models write a body exactly as pydantic would: validated from the engine's objects
and dumped, byte for byte, on estimates of every kind and on sizings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import Field

from app.present.estimate import ComparisonOut, comparison_source, estimate_json
from app.present.output import Number, Output
from app.sizing.options import parse_sizing_query
from app.sizing.report import SizingOut, sizing_json, sizing_source
from app.web.responses import ErrorResponse, problems_json
from pricing import Catalog, Engine, FieldProblem, new_memo
from pricing.presets import PRESETS, build_scenario

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sizing"
SCENARIOS = [
    *({"preset": name} for name in PRESETS),
    {"provider": "gcp", "currency": "EUR", "exchange_rate": "0.92"},
    {"provider": "hetzner", "currency": "EUR", "exchange_rate": "0.92"},
    {"provider": "azure", "workload_vcpu": "3.5", "workload_memory_gib": "12"},
    {"k8s_nodes": "4", "k8s_nodes_min": "2", "k8s_nodes_max": "9", "docker_hourly_price": "0.2"},
    {"horizon_months": "1", "devops_hourly_rate": "0"},
]


@pytest.fixture(scope="module")
def engine(catalog: Catalog) -> Engine:
    return Engine(catalog, new_memo())


def pydantic_json(model: type[Output], source: object) -> bytes:
    """What pydantic itself writes: the source validated from its attributes, then dumped."""
    return model.model_validate(source).model_dump_json(exclude_unset=True).encode()


@pytest.mark.parametrize("values", SCENARIOS, ids=lambda values: "&".join(values.values()))
def test_an_estimate_is_written_as_pydantic_writes_it(
    engine: Engine, values: dict[str, str]
) -> None:
    fields = dict(values)
    result = engine.estimate(build_scenario(fields, fields.pop("preset", None)))
    assert estimate_json(result) == pydantic_json(ComparisonOut, comparison_source(result))
    flips = engine.sensitivity(result.comparison)
    with_flips = comparison_source(result, flips)
    assert estimate_json(result, flips) == pydantic_json(ComparisonOut, with_flips)
    assert b'"sensitivity"' not in estimate_json(result)


@pytest.mark.parametrize("name", ["article-compose.yml", "shop-manifests.yaml"])
@pytest.mark.parametrize("query", ["", "provider=hetzner&currency=EUR&exchange_rate=0.92"])
def test_a_sizing_is_written_as_pydantic_writes_it(engine: Engine, name: str, query: str) -> None:
    pairs = [tuple(pair.split("=")) for pair in query.split("&") if pair]
    scenario, options, _ = parse_sizing_query(pairs, 1 << 20)
    sized = engine.size((FIXTURES / name).read_text(), scenario, options)
    source = sizing_source(sized, engine, "/calc")
    assert sizing_json(sized, engine, "/calc") == pydantic_json(SizingOut, source)


def test_an_error_is_written_as_pydantic_writes_it() -> None:
    problems = [FieldProblem("k8s_nodes", "must be at least 1"), FieldProblem("body", 'é\n"')]
    assert problems_json(problems) == pydantic_json(ErrorResponse, {"detail": problems})


def test_numbers_are_integers_when_whole_and_keys_keep_their_order() -> None:
    class Line(Output):
        label: str
        monthly: Number
        unit_price: Number | None
        range: list[Number] | None = Field(None)

    source = {"unit_price": Decimal("0.041600"), "monthly": Decimal("443.00"), "label": "a"}
    # 443.00 is whole: 443; 0.041600 is not: 0.0416; range, absent, is left out.
    assert Line.to_json(source) == b'{"label":"a","monthly":443,"unit_price":0.0416}'
    with_range = {**source, "range": (Decimal("1.50"), Decimal(2))}
    assert Line.to_json(with_range).endswith(b',"range":[1.5,2]}')


def test_a_key_with_a_default_must_come_last() -> None:
    class Misordered(Output):
        note: str = "none"
        total: Number

    with pytest.raises(TypeError, match="keys with defaults must come last"):
        Misordered.plain({"total": Decimal(1)})
