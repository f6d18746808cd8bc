"""The DuckDB backend: one embedded file, each load swapped in within one transaction.

DuckDB writes a transaction to its write-ahead log only at COMMIT, so a load that fails or is
killed (even with SIGKILL) before COMMIT leaves the previous version untouched.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from veracity.exc import StoreError
from veracity.model import Party, Reject, Shipment
from veracity.store.base import ScreenedRecord, ScreeningRun, SourceVersion, Staged, Store
from veracity.store.schema import MIGRATIONS, SCHEMA_VERSION, VERSIONED
from veracity.store.screened import COLUMNS, screened_table, shipment_from_row

_VERSION_COLS = (
    "source, version, checksum, path, list_date, loaded_at, parties, names, rejected, orphans"
)
_RUN_COLS = "path, screened_at, rejected, shipments, by_risk, run_id"
_SHIPMENT_COLS = ", ".join(COLUMNS)
# Look-backs since a day: shipments dated from it on; undated ones by when they were screened.
_SINCE = "date_first >= ? OR (date_first IS NULL AND screened_at >= ?)"


class DuckDBStore(Store):
    """The store in one DuckDB file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._con = duckdb.connect(str(self.path))
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        self._migrate()

    def _migrate(self) -> None:
        """Apply the migrations the store has not had, in one transaction (schema.py)."""
        found = self.schema_version()
        if found > SCHEMA_VERSION:
            newer = f"schema version {found}, newer than {SCHEMA_VERSION}: upgrade Veracity"
            raise StoreError(f"the store {self.path} has {newer}")
        if found == SCHEMA_VERSION:
            return
        with self._transaction():
            for step in range(found + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[step]:
                    self._sql(statement)
            self._sql(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )

    def schema_version(self) -> int:
        """The schema version of the store (0 for a new, empty file)."""
        sql = "SELECT 1 FROM duckdb_tables() WHERE database_name = current_database() AND "
        if not self._sql(sql + "schema_name = 'main' AND table_name = 'meta'"):
            return 0
        rows = self._sql("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """Commit what the block did, or roll all of it back if it raised (even interrupted)."""
        self._sql("BEGIN TRANSACTION")
        try:
            yield
            self._sql("COMMIT")
        except BaseException:
            self._con.rollback()
            raise

    def _sql(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and fetch its rows (DuckDB wants results consumed before the next)."""
        return self._query(sql, params)[1]

    def _query(
        self, sql: str, params: Sequence[Any] = ()
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one statement; its column names and rows. Failures quote the statement."""
        try:
            cursor = self._con.execute(sql, list(params))
            return [d[0] for d in cursor.description or ()], cursor.fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{' '.join(sql.split())!r} failed: {exc}") from exc

    def current(self, source: str) -> SourceVersion | None:
        """The live version of `source`, or None if it was never loaded."""
        rows = self._sql(f"SELECT {_VERSION_COLS} FROM sources WHERE source = ?", [source])
        return SourceVersion(*rows[0]) if rows else None

    def versions(self) -> list[SourceVersion]:
        """The live version of every loaded source."""
        rows = self._sql(f"SELECT {_VERSION_COLS} FROM sources ORDER BY source")
        return [SourceVersion(*row) for row in rows]

    def _replace(self, staged: Staged) -> SourceVersion:
        current = self.current(staged.source)
        version = SourceVersion(
            source=staged.source,
            version=(current.version + 1) if current else 1,
            checksum=staged.checksum,
            path=staged.path,
            list_date=staged.list_date,
            loaded_at=datetime.now(),
            parties=len(staged.parties),
            names=staged.names,
            rejected=len(staged.rejects),
            orphans=staged.orphans,
        )
        tables = _arrow_tables(staged, version.version)
        for table, rows in tables.items():
            self._con.register(f"staged_{table}", rows)
        try:
            with self._transaction():
                self._swap(staged.source, tables, version)
                self._record_history(version, "loaded", staged.started_at)
        finally:
            for table in tables:
                self._con.unregister(f"staged_{table}")
        return version

    def _swap(self, source: str, tables: dict[str, pa.Table], version: SourceVersion) -> None:
        for table in VERSIONED:
            self._sql(f"DELETE FROM {table} WHERE source = ?", [source])
        for table in tables:
            self._sql(f"INSERT INTO {table} SELECT * FROM staged_{table}")
        self._sql("DELETE FROM sources WHERE source = ?", [source])
        self._sql(
            f"INSERT INTO sources ({_VERSION_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _version_row(version),
        )

    def _record_history(self, version: SourceVersion, status: str, started: datetime) -> None:
        row = _version_row(version)
        self._sql(
            "INSERT INTO load_history (source, version, status, checksum, path, list_date, "
            "started_at, finished_at, parties, names, rejected, orphans) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [*row[:2], status, *row[2:5], started, datetime.now(), *row[6:]],
        )

    def history(self, source: str | None = None) -> list[dict[str, Any]]:
        """Every load that reached the store, newest first."""
        sql = "SELECT * FROM load_history WHERE (? IS NULL OR source = ?) ORDER BY finished_at DESC"
        columns, rows = self._query(sql, [source, source])
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def _save_screened(self, run: ScreeningRun, items: Sequence[ScreenedRecord]) -> ScreeningRun:
        # The rows are made before the transaction; within it, the run's row and one bulk insert.
        self._con.register("staged_screened", screened_table(run.screened_at, items))
        try:
            with self._transaction():
                next_id = self._sql("SELECT coalesce(max(run_id), 0) + 1 FROM screening_runs")
                saved = replace(run, run_id=int(next_id[0][0]))
                self._sql(
                    f"INSERT INTO screening_runs ({_RUN_COLS}) VALUES (?, ?, ?, ?, ?, ?)",
                    _run_row(saved),
                )
                self._sql(
                    "INSERT INTO screened_shipments BY NAME "
                    "SELECT ?::INTEGER AS run_id, * FROM staged_screened",
                    [saved.run_id],
                )
        finally:
            self._con.unregister("staged_screened")
        return saved

    def screened_shipments(self, since: date | None = None) -> Iterator[Shipment]:
        """Every stored shipment version (dated on or after `since`), oldest first."""
        where = f"WHERE {_SINCE}" if since is not None else ""
        cursor = self._con.cursor()
        cursor.execute(
            f"SELECT {_SHIPMENT_COLS} FROM screened_shipments {where} "
            "ORDER BY date_first NULLS LAST, run_id, position",
            [since, since] if since is not None else [],
        )
        while batch := cursor.fetchmany(2000):
            yield from map(shipment_from_row, batch)

    def screening_runs(self) -> list[ScreeningRun]:
        """Every recorded screening run, newest first."""
        rows = self._sql(f"SELECT {_RUN_COLS} FROM screening_runs ORDER BY run_id DESC")
        return [
            ScreeningRun(path, at, rejected, n, json.loads(by_risk), run_id)
            for path, at, rejected, n, by_risk, run_id in rows
        ]

    def parties(self, source: str | None = None) -> Iterator[Party]:
        """The live parties, of one source or of all, in id order."""
        cursor = self._con.cursor()
        sql = "SELECT data FROM parties WHERE (? IS NULL OR source = ?) ORDER BY source, id"
        cursor.execute(sql, [source, source])
        while batch := cursor.fetchmany(2000):
            for (data,) in batch:
                yield Party.from_dict(json.loads(data))

    def party(self, entity_id: str) -> Party | None:
        """One party by id."""
        rows = self._sql("SELECT data FROM parties WHERE id = ?", [entity_id])
        return Party.from_dict(json.loads(rows[0][0])) if rows else None

    def rejects(self, source: str, limit: int | None = None) -> list[Reject]:
        """The rows rejected by the live version's load, in file order (the first `limit`)."""
        rows = self._sql(
            "SELECT path, line, field, error, orphan FROM rejects WHERE source = ? "
            "ORDER BY rowid LIMIT ?",
            [source, limit],
        )
        return [Reject(source, p, ln, f, e, o) for p, ln, f, e, o in rows]

    def counts(self, source: str) -> dict[str, Any]:
        """Counts for one source: parties by schema, names by kind, identifiers, rejects by file."""
        return {
            "by_schema": self._group("parties", "schema", source),
            "names_by_kind": self._group("names", "kind", source),
            "identifiers": self._group("identifiers", "kind", source),
            "rejected_by_file": self._group("rejects", "path", source),
        }

    def _group(self, table: str, column: str, source: str) -> dict[str, int]:
        sql = f"SELECT {column}, count(*) FROM {table} WHERE source = ? GROUP BY 1 ORDER BY 1"
        return {str(k): int(n) for k, n in self._sql(sql, [source])}

    def close(self) -> None:
        """Close the DuckDB connection."""
        self._con.close()


def _version_row(v: SourceVersion) -> list[Any]:
    return [
        v.source,
        v.version,
        v.checksum,
        v.path,
        v.list_date,
        v.loaded_at,
        v.parties,
        v.names,
        v.rejected,
        v.orphans,
    ]


def _run_row(run: ScreeningRun) -> tuple[Any, ...]:
    by_risk = json.dumps(dict(run.by_risk))
    return (run.path, run.screened_at, run.rejected, run.shipments, by_risk, run.run_id)


def _arrow_tables(staged: Staged, version: int) -> dict[str, pa.Table]:
    src = staged.source
    parties = staged.parties
    return {
        "parties": _rows(
            ("source", "id", "schema", "caption", "data"),
            [(src, p.id, p.schema.value, p.caption, _json(p)) for p in parties],
        ),
        "names": _rows(
            ("source", "party_id", "name", "kind"),
            [(src, p.id, n.full, n.kind.value) for p in parties for n in p.names],
        ),
        "identifiers": _rows(
            ("source", "party_id", "kind", "value", "country"),
            [(src, p.id, i.kind, i.value, i.country) for p in parties for i in p.identifiers],
        ),
        "rejects": _rows(
            ("source", "version", "path", "line", "field", "error", "orphan"),
            [
                (src, version, r.path, _line(r.line), r.field, r.error, r.orphan)
                for r in staged.rejects
            ],
        ),
    }


def _json(party: Party) -> str:
    return json.dumps(party.to_dict(), ensure_ascii=False)


def _line(line: int | str | None) -> str | None:
    return None if line is None else str(line)


def _rows(columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> pa.Table:
    cols: list[list[Any]] = [[] for _ in columns]
    for row in rows:
        for col, value in zip(cols, row, strict=True):
            col.append(value)
    types = {"version": pa.int32(), "orphan": pa.bool_()}
    return pa.table(
        {c: pa.array(v, type=types.get(c, pa.string())) for c, v in zip(columns, cols, strict=True)}
    )
