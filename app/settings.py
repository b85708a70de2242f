"""Every operator setting, read from environment variables prefixed ``CALC_``."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ORIGIN_PATTERN = r"^(\*|'self'|https?://[A-Za-z0-9.-]+(:\d{1,5})?)$"


class Settings(BaseSettings):
    """Operator settings; each is documented in the README's settings table."""

    model_config = SettingsConfigDict(env_prefix="CALC_", extra="forbid", frozen=True)

    catalog_override: Path | None = Field(
        None, description="Path of a JSON file merged over the bundled price catalog."
    )
    embed_frame_ancestors: str = Field(
        "*",
        description="Space-separated origins allowed to frame /embed (CSP frame-ancestors); "
        "'*' allows any.",
    )
    cors_origins: str = Field(
        "*", description="Space-separated origins allowed to call GET /api/v1 (CORS); '*' any."
    )
    max_body_bytes: int = Field(
        1_000_000, ge=1024, description="Largest request body accepted, in bytes (batch excepted)."
    )
    batch_max_bytes: int = Field(
        50_000_000, ge=1024, description="Largest batch CSV accepted, in bytes."
    )
    size_max_bytes: int = Field(
        64 * 1024 * 1024,
        ge=1024,
        le=1024 * 1024 * 1024,
        description="Largest Compose file, manifest set or cluster dump (YAML or JSON) accepted "
        "by POST /api/v1/size and the page's sizing form, in bytes.",
    )
    size_concurrency: int = Field(
        1,
        ge=1,
        le=64,
        description="Sizings run at once per worker process, off the event loop; more wait "
        "their turn (each holds up to about 1 GB while reading a 64 MiB dump).",
    )
    batch_max_rows: int = Field(
        100_000, ge=1, description="Most scenario rows accepted in one batch CSV."
    )
    batch_processes: int = Field(
        0,
        ge=0,
        le=64,
        description="Processes that price a large batch in parallel; 0: one per CPU this "
        "process may use (its CPU affinity and container CPU limit), 1: in the server process "
        "itself.",
    )
    workers: int = Field(2, ge=1, le=64, description="Server worker processes (production).")
    log_format: Literal["text", "json"] = Field(
        "text", description="Access-log format: one line per request, text or JSON."
    )
    root_path: str = Field(
        "",
        pattern=r"^(/[A-Za-z0-9._~-]+)*$",
        description="URL prefix when served behind a proxy under a path, e.g. /calculator.",
    )
    mcp_enabled: bool = Field(
        False,
        description="Serve the MCP server for AI assistants (tools estimate, size, compare, "
        "catalog) at /mcp over streamable HTTP; its requests are capped at "
        "CALC_MAX_BODY_BYTES.",
    )

    @field_validator("embed_frame_ancestors", "cors_origins")
    @classmethod
    def _origins(cls, value: str) -> str:
        import re

        for origin in value.split():
            if not re.fullmatch(ORIGIN_PATTERN, origin):
                raise ValueError(f"{origin!r} is not an origin like https://wiki.example.com")
        if not value.split():
            raise ValueError("must list at least one origin (or '*')")
        return value

    @property
    def cors_origin_list(self) -> list[str]:
        return self.cors_origins.split()
