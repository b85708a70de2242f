"""A small Dockerfile reader for the checks hadolint does not make."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = REPO / "Dockerfile"


@dataclass(frozen=True)
class Instruction:
    stage: int
    keyword: str
    args: str

    def exec_form(self) -> list[str]:
        """The JSON-array form of CMD/HEALTHCHECK arguments (after any --flags)."""
        start = self.args.index("[")
        value = json.loads(self.args[start:])
        assert isinstance(value, list)
        return [str(part) for part in value]


def read_instructions(path: Path = DOCKERFILE) -> list[Instruction]:
    """Every instruction with its stage number (0 = first FROM), continuation lines joined."""
    logical: list[str] = []
    pending = ""
    for line in path.read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1].strip() + " "
            continue
        logical.append(pending + stripped)
        pending = ""
    stage = -1
    out = []
    for text in logical:
        keyword, _, args = text.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            stage += 1
        out.append(Instruction(stage, keyword, args.strip()))
    return out


def stage_names(instructions: list[Instruction]) -> dict[int, str]:
    """Stage number -> name given by ``FROM image AS name``."""
    names = {}
    for item in instructions:
        if item.keyword == "FROM":
            match = re.search(r"\s+AS\s+(\S+)$", item.args, re.IGNORECASE)
            if match:
                names[item.stage] = match.group(1)
    return names


def final_stage(instructions: list[Instruction]) -> list[Instruction]:
    """The instructions of the last stage (the image that runs)."""
    last = max(item.stage for item in instructions)
    return [item for item in instructions if item.stage == last]


def copy_sources(instructions: list[Instruction]) -> list[str]:
    """Build-context paths the Dockerfile copies or bind-mounts (not from other stages)."""
    sources: list[str] = []
    for item in instructions:
        if item.keyword == "COPY" and "--from=" not in item.args:
            parts = [p for p in item.args.split() if not p.startswith("--")]
            sources.extend(parts[:-1])
        if item.keyword == "RUN":
            for mount in re.findall(r"--mount=(\S+)", item.args):
                fields = dict(f.split("=", 1) for f in mount.split(",") if "=" in f)
                if fields.get("type") == "bind" and "from" not in fields:
                    sources.append(fields["source"])
    return sources
