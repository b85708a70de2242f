"""The README and docs/DEPLOY.md document every setting, exactly as `dockerk8s-cost settings`
prints them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.cli.main import main
from app.cli.settings import env_name, settings_table
from app.settings import Settings
from tests.deploy.dockerfile import REPO

DOCS = [REPO / "docs" / "DEPLOY.md", REPO / "README.md"]
BLOCK = re.compile(r"<!-- settings-table:[^>]*-->\n(.*?)\n<!-- end settings-table -->", re.DOTALL)


def documented_table(doc: Path) -> str:
    match = BLOCK.search(doc.read_text())
    assert match, f"{doc.name} lost its settings-table markers"
    return match.group(1)


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.name)
@pytest.mark.parametrize("field", list(Settings.model_fields))
def test_every_setting_has_a_row(field: str, doc: Path) -> None:
    rows = [line for line in documented_table(doc).splitlines() if f"`{env_name(field)}`" in line]
    assert len(rows) == 1, f"{env_name(field)} is not in {doc.name}'s settings table"


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.name)
def test_table_matches_the_settings_class(doc: Path) -> None:
    assert documented_table(doc) == settings_table(), (
        f"{doc.name}'s settings table is stale: paste the output of "
        "`dockerk8s-cost settings` between its settings-table markers"
    )


def test_settings_command_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings"]) == 0
    assert capsys.readouterr().out.strip() == settings_table()
