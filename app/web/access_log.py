"""One access-log line per request: method, path, status, duration and bytes sent.

The line never holds the query string, the body or any header, so no secret or scenario
reaches the logs. ``CALC_LOG_FORMAT`` picks logfmt-style text or one JSON object a line.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.web.metrics import observe

LOGGER_NAME = "dockerk8s_cost.access"
PLAIN_PATH = re.compile(rb"[\x21\x23-\x7e]*")  # printable ASCII but the double quote
MAX_PATH_CHARS = 1024
LogFormat = Literal["text", "json"]


class BareLines(logging.StreamHandler):  # type: ignore[type-arg]
    """The default handler: each message as one line on stdout, nothing added."""

    def __init__(self) -> None:
        super().__init__(sys.stdout)
        self.setFormatter(logging.Formatter("%(message)s"))


def access_logger() -> logging.Logger:
    """The access logger: bare lines on stdout, unless the operator gave it handlers."""
    logger = logging.getLogger(LOGGER_NAME)
    if not logger.handlers:
        logger.addHandler(BareLines())
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def line_writer(logger: logging.Logger) -> Callable[[str], None]:
    """How to emit one line: straight to the stream when only the default handler is there
    (the same bytes, without building a log record per request), else through logging."""
    handlers = logger.handlers
    if len(handlers) == 1 and type(handlers[0]) is BareLines and not logger.filters:
        stream = handlers[0].stream

        def write(line: str) -> None:
            stream.write(line + "\n")
            stream.flush()

        return write

    def handle(line: str) -> None:
        logger.handle(logger.makeRecord(LOGGER_NAME, logging.INFO, __file__, 0, line, (), None))

    return handle


def loggable_path(scope: Scope) -> str:
    """The path as received, without the query string, printable ASCII only (rest %-escaped)."""
    raw = scope.get("raw_path") or scope["path"].encode("utf-8")
    path = raw.partition(b"?")[0][:MAX_PATH_CHARS]
    if PLAIN_PATH.fullmatch(path):
        return str(path, "ascii")
    return "".join(chr(b) if 0x21 <= b <= 0x7E and b != 0x22 else f"%{b:02X}" for b in path)


def format_line(record: dict[str, Any], log_format: LogFormat) -> str:
    """One line: JSON object, or ``key=value`` pairs (logfmt) for text."""
    if log_format == "json":
        return orjson.dumps(record).decode()
    return " ".join(f"{key}={value}" for key, value in record.items())


class RequestLog:
    """Writes the access-log line of a request and records its metrics."""

    def __init__(self, log_format: LogFormat = "text") -> None:
        self.log_format = log_format
        self.logger = access_logger()
        self.write = line_writer(self.logger)

    def done(self, scope: Scope, status: int, seconds: float, sent: int) -> None:
        observe(scope, status, seconds)
        if not self.logger.isEnabledFor(logging.INFO):
            return
        record = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "method": scope["method"],
            "path": loggable_path(scope),
            "status": status,
            "duration_ms": round(seconds * 1000, 2),
            "bytes": sent,
        }
        self.write(format_line(record, self.log_format))


class AccessLog:
    """Logs one line per HTTP request once its response is sent (or the app failed)."""

    def __init__(self, app: ASGIApp, log: RequestLog) -> None:
        self.app = app
        self.log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets when the app raises before answering
        sent = 0

        async def send_counting(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_counting)
        finally:
            self.log.done(scope, status, time.perf_counter() - started, sent)
