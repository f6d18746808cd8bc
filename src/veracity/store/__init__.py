"""The embedded store: versioned, atomic loads of list data, and the screened shipments
(DuckDB by default)."""

from pathlib import Path

from veracity.store.base import ScreenedRecord, ScreeningRun, SourceVersion, Staged, Store
from veracity.store.duckdb import DuckDBStore


def open_store(path: Path | str) -> Store:
    """Open (or create) the store at `path`."""
    return DuckDBStore(path)


__all__ = [
    "DuckDBStore",
    "ScreenedRecord",
    "ScreeningRun",
    "SourceVersion",
    "Staged",
    "Store",
    "open_store",
]
