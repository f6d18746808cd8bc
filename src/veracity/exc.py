"""Veracity's one error tree.

    VeracityError                 every error we raise on purpose (HTTP 500)
    ├── ConfigError               a setting or option is invalid (HTTP 400)
    ├── SourceError               an input file cannot be read (HTTP 422)
    │   └── RowError              one row or element is invalid; carries path, line, field
    ├── StoreError                the DuckDB store failed; carries the failing statement (HTTP 500)
    ├── NotFoundError             a source, entity or file does not exist (HTTP 404)
    └── UpdateError               downloading an official file failed (HTTP 502)

Errors carry their context so that a person can find the bad input: the file, the line (or XML
element path) and the field.
"""

from __future__ import annotations

from pathlib import Path


class VeracityError(Exception):
    """Base of every error Veracity raises on purpose."""

    status: int = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(VeracityError):
    """A setting or an option has an invalid value."""

    status = 400


class SourceError(VeracityError):
    """An input file cannot be read: it is missing, truncated or in the wrong format."""

    status = 422

    def __init__(
        self,
        message: str,
        path: Path | str | None = None,
        line: int | str | None = None,
        field: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        super().__init__(self._locate(message))

    def _locate(self, message: str) -> str:
        where = [self.path] if self.path else []
        if self.line is not None:
            where.append(f"line {self.line}" if isinstance(self.line, int) else str(self.line))
        if self.field:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {message}" if where else message

    def as_dict(self) -> dict[str, str | int | None]:
        """The structured payload, for JSON output and the rejects table."""
        return {"path": self.path, "line": self.line, "field": self.field, "error": self.message}


class RowError(SourceError):
    """One row (or XML element) of an input file is invalid; the rest can still be read."""


class StoreError(VeracityError):
    """The store failed; the message quotes the statement that failed."""


class NotFoundError(VeracityError):
    """A source, entity or file that was asked for does not exist."""

    status = 404


class UpdateError(VeracityError):
    """Downloading an official list from its publisher failed."""

    status = 502
