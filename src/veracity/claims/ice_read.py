"""Readers of the ICE criminality series: the wide CSV and the long parquet (see `ice.py`).

Every bad cell is a `RowError` naming file, line and field; all of them are gathered into one
`SeriesError` so a user fixes a file in one pass.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from veracity.claims.ice import Quality, Series, Snapshot, flag
from veracity.exc import RowError, SourceError, VeracityError


def read_series(path: Path) -> Series:
    """Read the ICE criminality series from the wide CSV or the long parquet (by extension)."""
    if not path.is_file():
        raise SourceError("no such file", path)
    if path.suffix.lower() == ".parquet":
        tables, notes = _read_parquet(path)
        return Series(str(path), tuple(flag(tables)), tuple(notes))
    tables, notes = _read_csv(path)
    derived = flag(tables)
    notes += [
        f"line {s.line}: the file flags {s.quality}, the rules give {d.quality}"
        for s, d in zip(tables, derived, strict=True)
        if s.quality != d.quality
    ]
    return Series(str(path), tuple(tables), tuple(notes))


class SeriesError(RowError):
    """Rows of an ICE series file are invalid: located at the first one, all in `errors`."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        first = errors[0]
        n = len(errors) - 1
        more = f" (and {n} more invalid row{'s' * (n > 1)})" if n else ""
        VeracityError.__init__(self, first.message + more)  # already located: skip _locate
        self.path, self.line, self.field = first.path, first.line, first.field
        self.errors = tuple(errors)


@dataclass(frozen=True, slots=True)
class _Cell:
    """Where a value was read, so a bad one can be named by file, line and field."""

    path: Path
    line: int | str

    def error(self, field: str, message: str) -> RowError:
        return RowError(message, self.path, self.line, field)

    def number(self, row: Mapping[str, object], field: str) -> float | None:
        value = row.get(field)
        if value is None or value == "":
            return None
        try:
            number = float(str(value))  # "50922.0" in the CSV, a double in the parquet
        except (TypeError, ValueError):
            raise self.error(field, f"not a number: {value!r}") from None
        if not math.isfinite(number) or number < 0:
            raise self.error(field, f"not a non-negative number: {value!r}")
        return number

    def count(self, row: Mapping[str, object], field: str, required: bool = True) -> int | None:
        number = self.number(row, field)
        if number is None and required:
            raise self.error(field, "missing")
        if number is not None and number != int(number):
            raise self.error(field, f"not a whole number of people: {row.get(field)!r}")
        return None if number is None else int(number)

    def day(self, row: Mapping[str, object], field: str) -> date:
        value = row.get(field)
        if isinstance(value, datetime):  # a timestamp column: keep the day
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.error(field, f"not a date (YYYY-MM-DD): {value!r}") from None

    def year(self, row: Mapping[str, object], field: str) -> int:
        year = self.count(row, field)
        if year is None or not 2000 <= year <= 2100:
            raise self.error(field, f"not a fiscal year: {row.get(field)!r}")
        return year


def _snapshot(
    cell: _Cell, row: Mapping[str, object], names: Sequence[str], **extra: Any
) -> Snapshot:
    """The table in `row`, whose date, year and count fields are `names`; checks the counts."""
    pull, file, year, total_f, convicted_f, pending_f = names
    total, convicted, pending = (cell.count(row, f) or 0 for f in (total_f, convicted_f, pending_f))
    if total == 0:
        raise cell.error(total_f, "the total is zero: no shares can be computed")
    if convicted > total:
        raise cell.error(convicted_f, f"convicted {convicted:,} exceed the total {total:,}")
    if convicted + pending > total:
        message = f"convicted {convicted:,} + pending {pending:,} exceed the total {total:,}"
        raise cell.error(pending_f, message)
    return Snapshot(
        pull_date=cell.day(row, pull), file_date=cell.day(row, file),
        fiscal_year=cell.year(row, year), total=total, convicted=convicted, pending=pending,
        line=cell.line, **extra,
    )  # fmt: skip


_CSV_NAMES = ("pull_date", "file_date", "fiscal_year", "total_detained", "convicted_criminal",
              "pending_criminal_charges")  # fmt: skip
_CSV_PCT = {"pct_convicted": "pct_convicted", "pct_pending_only": "pct_pending_only",
            "pct_no_conviction": "pct_no_conviction",
            "pct_no_conviction_no_pending": "pct_other"}  # fmt: skip


def _read_csv(path: Path) -> tuple[list[Snapshot], list[str]]:
    tables, notes, errors = [], [], []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in _CSV_NAMES if c not in (reader.fieldnames or ())]
        if missing:
            raise SourceError(f"not the ICE series CSV: no column {', '.join(missing)}", path)
        for row in reader:
            cell = _Cell(path, reader.line_num)
            try:
                table = _csv_table(cell, row)
                notes += _csv_disagreements(cell, row, table)
            except RowError as exc:
                errors.append(exc)
                continue
            tables.append(table)
    if errors:
        raise SeriesError(errors)
    return tables, notes


def _csv_table(cell: _Cell, row: Mapping[str, str]) -> Snapshot:
    flag_text = (row.get("quality_flag") or "").split(" (")[0].strip()
    try:
        quality = Quality(flag_text or Quality.OK)
    except ValueError:
        raise cell.error("quality_flag", f"unknown quality flag: {flag_text!r}") from None
    return _snapshot(
        cell, row, _CSV_NAMES, quality=quality, note=row.get("file_date_note") or "",
        ice_arrested=cell.count(row, "ice_arrested_total", required=False),
        cbp_arrested=cell.count(row, "cbp_arrested_total", required=False),
    )  # fmt: skip


def _csv_disagreements(cell: _Cell, row: Mapping[str, str], s: Snapshot) -> list[str]:
    """The file's own figures (other, percentages, agencies) that disagree with the counts."""
    found = []
    for column, attribute in _CSV_PCT.items():
        theirs, ours = cell.number(row, column), getattr(s, attribute)
        if theirs is not None and abs(theirs - ours) > 0.006:  # the file rounds to 2 decimals
            found.append(f"line {cell.line}: {column} is {theirs} in the file, {ours:.2f} computed")
    other = cell.count(row, "other_immigration_violator", required=False)
    if other is not None and other != s.other:
        found.append(f"line {cell.line}: other_immigration_violator is {other}, {s.other} computed")
    return found + _agency_disagreement(s)


def _agency_disagreement(s: Snapshot) -> list[str]:
    if (
        s.ice_arrested is None
        or s.cbp_arrested is None
        or s.ice_arrested + s.cbp_arrested == s.total
    ):
        return []
    return [f"line {s.line}: arrested by ICE {s.ice_arrested} + CBP {s.cbp_arrested} != {s.total}"]


# The long file has one row per criminality: pivot each table's rows into one wide row, named by
# column and criminality so that an error points at the cell. The path is bound with `?`.
_PIVOT = """
SELECT fiscal_year, file_date, pull_date,
  min(file_row_number) + 1 AS first_row, max(file_row_number) + 1 AS last_row,
  count(*) FILTER (criminality NOT IN ('Total', 'Convicted Criminal',
    'Pending Criminal Charges', 'Other Immigration Violator')) AS unknown,
  count(*) FILTER (criminality = 'Total') AS n_total,
  count(*) FILTER (criminality = 'Convicted Criminal') AS n_convicted,
  count(*) FILTER (criminality = 'Pending Criminal Charges') AS n_pending,
  any_value(total) FILTER (criminality = 'Total') AS "total (Total)",
  any_value(total) FILTER (criminality = 'Convicted Criminal') AS "total (Convicted Criminal)",
  any_value(total) FILTER (criminality = 'Pending Criminal Charges')
    AS "total (Pending Criminal Charges)",
  any_value(total) FILTER (criminality = 'Other Immigration Violator')
    AS "total (Other Immigration Violator)",
  any_value(ice) FILTER (criminality = 'Total') AS ice,
  any_value(cbp) FILTER (criminality = 'Total') AS cbp
FROM read_parquet(?, file_row_number = true)
GROUP BY fiscal_year, file_date, pull_date
ORDER BY first_row
"""
_PARQUET_NAMES = ("pull_date", "file_date", "fiscal_year", "total (Total)",
                  "total (Convicted Criminal)", "total (Pending Criminal Charges)")  # fmt: skip


def _parquet_rows(path: Path) -> list[dict[str, object]]:
    try:
        with duckdb.connect() as con:
            cursor = con.execute(_PIVOT, [str(path)])
            names = [d[0] for d in cursor.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    except duckdb.Error as exc:
        raise SourceError(f"not the ICE criminality parquet ({exc})", path) from exc


def _read_parquet(path: Path) -> tuple[list[Snapshot], list[str]]:
    tables, notes, errors = [], [], []
    for row in _parquet_rows(path):
        cell = _Cell(path, f"rows {row['first_row']}-{row['last_row']}")
        try:
            _check_labels(cell, row)
            table = _snapshot(
                cell, row, _PARQUET_NAMES,
                ice_arrested=cell.count(row, "ice", required=False),
                cbp_arrested=cell.count(row, "cbp", required=False),
            )  # fmt: skip
        except RowError as exc:
            errors.append(exc)
            continue
        tables.append(table)
        other = cell.count(row, "total (Other Immigration Violator)", required=False)
        if other is not None and other != table.other:
            notes.append(f"{cell.line}: Other Immigration Violator {other}, {table.other} computed")
    if errors:
        raise SeriesError(errors)
    return tables, notes


def _check_labels(cell: _Cell, row: Mapping[str, object]) -> None:
    if row["unknown"]:
        raise cell.error("criminality", "a row of an unknown criminality")
    for label, column in _LABELS.items():
        if row[column] != 1:
            raise cell.error("criminality", f"{row[column]} '{label}' rows instead of one")


_LABELS = {"Total": "n_total", "Convicted Criminal": "n_convicted",
           "Pending Criminal Charges": "n_pending"}  # fmt: skip
