"""Veracity: check what people declare or claim against what records show, with evidence.

For notebooks:

    import veracity
    results = veracity.match("Vladimir Putin", db="lists.duckdb", schema="Person")
    table = veracity.match_batch([{"query_id": "1", "name": "Rosneft"}], db="lists.duckdb")
    table.to_pandas()
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

    from veracity.matching import MatchResult

__all__ = ["match", "match_batch"]


def _matcher(db: str | Path | None) -> Any:
    from veracity.matching import load_matcher
    from veracity.settings import load_settings
    from veracity.store import open_store

    path = Path(db) if db else load_settings().db_path
    return load_matcher(open_store(path), path)


def match(
    name: str,
    db: str | Path | None = None,
    schema: str | None = None,
    country: str | list[str] | None = None,
    birth_date: str | list[str] | None = None,
    id: str | list[str] | None = None,  # the field's name in the batch layout
    limit: int = 10,
    threshold: float | None = None,
) -> list[MatchResult]:
    """Screen one name against every list in the store at `db` (default `$VERACITY_DB`)."""
    from veracity.matching import MatchConfig, MatchQuery

    query = MatchQuery.build(name, schema, country, birth_date, id)
    matcher = _matcher(db)
    results: list[MatchResult] = matcher.match(query, MatchConfig(threshold=threshold, limit=limit))
    return results


def match_batch(
    rows: Iterable[Mapping[str, Any]], db: str | Path | None = None, limit: int = 10
) -> pa.Table:
    """Screen rows of `query_id,name,schema,country,birth_date,id` (dicts, or a DataFrame's
    `to_dict("records")`); one Arrow row per result: `.to_pandas()`, or query it in DuckDB."""
    import pyarrow as pa

    from veracity.matching import MatchConfig
    from veracity.matching.batch import as_rows, match_all, query_from_row

    queries = [query_from_row(dict(row), "-", n) for n, row in enumerate(rows, 1)]
    answers = match_all(_matcher(db), queries, MatchConfig(limit=limit))
    return pa.Table.from_pylist(as_rows(answers))
