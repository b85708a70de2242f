"""Response helpers: orjson bodies, ETags on GETs, problems in the user's format."""

from __future__ import annotations

import hashlib
from typing import Any

import orjson
from pydantic import Field
from starlette.requests import Request
from starlette.responses import Response

from app.present.output import Output
from pricing.scenario import FieldProblem

CACHE_CONTROL = "public, max-age=300"
CSV_TYPE = "text/csv; charset=utf-8"
TSV_TYPE = "text/tab-separated-values; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"
JSON_TYPE = "application/json"


def json_bytes(data: Any) -> bytes:
    return orjson.dumps(data)


def cached(request: Request, body: bytes, media_type: str, **headers: str) -> Response:
    """A GET response with a strong ETag; a matching If-None-Match gets 304 with no body."""
    etag = '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'
    common = {"ETag": etag, "Cache-Control": CACHE_CONTROL, **headers}
    if request.method == "GET" and etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=common)
    if request.method != "GET":
        common = headers
    return Response(body, media_type=media_type, headers=common)


class Problem(Output):
    field: str = Field(description="The input field (or 'body', 'preset', 'columns') at fault.")
    message: str = Field(description="What is wrong, in words.")


class ErrorResponse(Output):
    detail: list[Problem]


def problems_json(problems: list[FieldProblem]) -> bytes:
    """The JSON body of a 4xx: every problem, each naming its field."""
    return ErrorResponse.to_json({"detail": problems})


def problems_response(problems: list[FieldProblem], status: int, as_text: bool) -> Response:
    """422/400/413 with every problem: JSON detail, or plain lines for spreadsheet callers."""
    if as_text:
        text = "\n".join(f"error: {p.field}: {p.message}" for p in problems)
        return Response(text, status_code=status, media_type=TEXT_TYPE)
    return Response(problems_json(problems), status_code=status, media_type=JSON_TYPE)
