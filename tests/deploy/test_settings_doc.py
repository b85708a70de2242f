"""docs/DEPLOY.md documents every setting, exactly as `dockerk8s-cost settings` prints them."""

from __future__ import annotations

import re

import pytest

from app.cli import env_name, main, settings_table
from app.settings import Settings
from tests.deploy.dockerfile import REPO

DOC = REPO / "docs" / "DEPLOY.md"
BLOCK = re.compile(r"<!-- settings-table:[^>]*-->\n(.*?)\n<!-- end settings-table -->", re.DOTALL)


def documented_table() -> str:
    match = BLOCK.search(DOC.read_text())
    assert match, "docs/DEPLOY.md lost its settings-table markers"
    return match.group(1)


@pytest.mark.parametrize("field", list(Settings.model_fields))
def test_every_setting_has_a_row(field: str) -> None:
    rows = [line for line in documented_table().splitlines() if f"`{env_name(field)}`" in line]
    assert len(rows) == 1, f"{env_name(field)} is not in docs/DEPLOY.md's settings table"


def test_table_matches_the_settings_class() -> None:
    assert documented_table() == settings_table(), (
        "docs/DEPLOY.md's settings table is stale: paste the output of "
        "`dockerk8s-cost settings` between its settings-table markers"
    )


def test_settings_command_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings"]) == 0
    assert capsys.readouterr().out.strip() == settings_table()
