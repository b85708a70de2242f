"""The sizing, exactly (tests/goldens/; ``pytest --update-goldens`` rewrites them on purpose):
its JSON (the API's, which the CLI prints too) and the CLI's terminal table, for the article's
Compose file and a shop's Kubernetes manifests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.cli import main as cli
from tests.conftest import Goldens

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sizing"
CASES = {
    "compose": ("article-compose.yml", {}),
    "manifests-gcp": ("shop-manifests.yaml", {"provider": "gcp", "headroom_percent": "30"}),
}


@pytest.mark.parametrize("case", CASES)
def test_the_sizing_json_is_as_it_was(client: TestClient, goldens: Goldens, case: str) -> None:
    name, params = CASES[case]
    answer = client.post(
        "/api/v1/size",
        content=(FIXTURES / name).read_bytes(),
        headers={"content-type": "application/yaml"},
        params=params,
    )
    assert answer.status_code == 200
    # Indented for a readable diff; the keys keep their order, the numbers their types.
    text = json.dumps(answer.json(), indent=1, ensure_ascii=False) + "\n"
    goldens.check(f"sizing-{case}.json", text)


@pytest.mark.parametrize("case", CASES)
def test_the_sizing_table_is_as_it_was(
    goldens: Goldens, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    name, params = CASES[case]
    flags = [
        item for key, value in params.items() for item in ("--" + key.replace("_", "-"), value)
    ]
    assert cli.main(["size", str(FIXTURES / name), *flags]) == 0
    goldens.check(f"sizing-{case}.txt", capsys.readouterr().out)
