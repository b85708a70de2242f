"""One error for everything wrong with an uploaded Compose file or manifest set."""

from __future__ import annotations

from pricing.scenario import FieldProblem, InputError


class SizingError(InputError):
    """Input that cannot be sized. ``field`` is "body" (the uploaded text) or an option name;
    ``line``/``column`` are 1-based and ``document`` 0-based, when known. ``too_large`` marks
    input refused for its size (kind "too_large", which the edge answers with 413)."""

    def __init__(
        self,
        message: str,
        *,
        field: str = "body",
        line: int | None = None,
        column: int | None = None,
        document: int | None = None,
        too_large: bool = False,
    ) -> None:
        where = []
        if document is not None:
            where.append(f"document {document + 1}")
        if line is not None:
            where.append(f"line {line}" + (f", column {column}" if column is not None else ""))
        text = f"{message} ({'; '.join(where)})" if where else message
        super().__init__([FieldProblem(field, text)], "too_large" if too_large else "invalid")
        self.line = line
        self.column = column
        self.document = document
        self.too_large = too_large
