"""Screening many queries at once: CSV in (`query_id,name,schema,country,birth_date,id`),
results out as dicts, JSON Lines or an Arrow table (for pandas and DuckDB)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from veracity.exc import RowError
from veracity.matching.matcher import MatchConfig, Matcher
from veracity.matching.query import MatchQuery, MatchResult

COLUMNS = ("query_id", "name", "schema", "country", "birth_date", "id")


def read_queries(path: Path) -> Iterator[MatchQuery]:
    """Queries from a CSV file with a header; a bad row raises RowError with its line and field."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "name" not in reader.fieldnames:
            raise RowError("the CSV needs a header with at least a 'name' column", path, 1, "name")
        for row in reader:
            yield query_from_row(row, path, reader.line_num)


def query_from_row(row: dict[str, Any], path: Path | str = "-", line: int = 0) -> MatchQuery:
    """One query from a row of the batch layout (multiple values separated by `;`)."""

    def many(key: str) -> list[str]:
        return [v for v in str(row.get(key) or "").split(";") if v.strip()]

    try:
        return MatchQuery.build(
            name=many("name"),
            schema=(row.get("schema") or "").strip() or None,
            country=many("country"),
            birth_date=many("birth_date"),
            identifier=many("id"),
            query_id=(row.get("query_id") or "").strip() or str(line),
        )
    except ValueError as exc:
        field = next((c for c in COLUMNS if c in str(exc)), "name")
        raise RowError(str(exc), path, line, field) from exc


def match_all(
    matcher: Matcher, queries: Iterable[MatchQuery], config: MatchConfig | None = None
) -> Iterator[tuple[MatchQuery, list[MatchResult]]]:
    """Each query with its results."""
    for query in queries:
        yield query, matcher.match(query, config)


def as_rows(answers: Iterable[tuple[MatchQuery, list[MatchResult]]]) -> list[dict[str, Any]]:
    """One flat row per (query, result): ready for `pandas.DataFrame` or `pyarrow.Table`."""
    rows = []
    for query, results in answers:
        for rank, result in enumerate(results, 1):
            flat = {k: v for k, v in result.as_dict().items() if k != "features"}
            rows.append({"query_id": query.query_id, "rank": rank, **flat})
    return rows
