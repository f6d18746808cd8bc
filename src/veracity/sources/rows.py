"""Rows of record files we define ourselves (CSV or JSON Lines), read strictly.

Shared by the shipment, court-record and claim readers, which all work the same way:
- the CSV delimiter is the one that makes the required columns columns of the header (the
  header is known, so it decides more reliably than csv.Sniffer, which guesses from character
  counts and is misled by commas inside quoted text); a missing required column, a row with the
  wrong number of fields or bytes that are not UTF-8 raise `SourceError` (`tabular.py`);
- a JSON Lines line that is not a JSON object is a `Reject`, and reading goes on;
- column names are matched case- and space-insensitively (`End User Name` is `end_user_name`);
- a value that does not parse raises `FieldError` naming its column, which the reader turns
  into a `Reject` for the row.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from veracity.exc import SourceError
from veracity.model import PartialDate, Reject, parse_date
from veracity.model.countries import country_code
from veracity.sources.tabular import first_lines, read_rows

Row = dict[str, str]
"""Column as the file writes it -> value as text."""
Raw = tuple[int, Row] | Reject
"""A row with the line it starts on, or a line that is not a row at all."""
T = TypeVar("T")
R = TypeVar("R")

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_DELIMITERS = (",", ";", "\t", "|")


class FieldError(Exception):
    """One field of a row cannot be read: becomes a Reject naming the field."""

    def __init__(self, field: str | None, error: str) -> None:
        super().__init__(error)
        self.field = field
        self.error = error


def canonical(column: str) -> str:
    """A column name as we compare it: `End-User Name ` -> `end_user_name`."""
    return "_".join(column.strip().lower().replace("-", " ").split())


def raw_rows(
    path: Path,
    source: str,
    needed: tuple[str, ...],
    what: str,
    formats: str = ".csv or .jsonl",
    only: frozenset[str] | None = None,
) -> Iterator[Raw]:
    """The rows of a .csv/.tsv/.txt or .jsonl/.ndjson file; `what` names the file in errors.

    With `only`, a JSON object's other keys are skipped unread, so an ignored key never rejects
    a row (a CSV holds no nested values, so its rows need no such care).
    """
    if not path.is_file():
        raise SourceError("no such file", path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from jsonl_rows(path, source, only)
    elif suffix in CSV_SUFFIXES:
        yield from csv_rows(path, needed)
    else:
        raise SourceError(f"unknown {what} file type {suffix!r}: use {formats}", path)


def read_records(
    path: Path, rows: Iterable[Raw], make: Callable[[int, Row], R | Reject]
) -> Iterator[R | Reject]:
    """Turn each row into a record with `make`; a file that fails while read is a SourceError."""
    try:
        for raw in rows:
            yield raw if isinstance(raw, Reject) else make(raw[0], raw[1])
    except OSError as exc:  # permissions, a file that vanished, a disk error
        raise SourceError(f"cannot be read: {exc.strerror or exc}", path) from exc


def csv_rows(path: Path, needed: tuple[str, ...]) -> Iterator[Raw]:
    """The rows of a delimited file whose header holds the `needed` columns."""
    header = first_lines(path, 1)
    if not header:
        raise SourceError("empty file", path, 1)
    yield from read_rows(path, delimiter=_delimiter(header[0], path, needed))


def _delimiter(header: str, path: Path, needed: tuple[str, ...]) -> str:
    """The delimiter that makes the first needed column a column of the header line."""
    for delimiter in _DELIMITERS:
        columns = {canonical(c) for c in next(csv.reader([header], delimiter=delimiter))}
        if needed[0] in columns:
            for column in needed:
                if column not in columns:
                    raise SourceError("missing column", path, 1, column)
            return delimiter
    raise SourceError("missing column", path, 1, needed[0])


def cell_text(value: object) -> str:
    """A cell as the text a CSV would hold: dates in ISO, whole numbers without `.0`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # Excel stores every number as a float: 85423100.0 is a code
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def jsonl_rows(path: Path, source: str, only: frozenset[str] | None = None) -> Iterator[Raw]:
    """The objects of a JSON Lines file as rows; a line that is not an object is a Reject.

    With `only`, keys whose canonical name is not in it are skipped.
    """
    try:
        # newline="\n": JSON Lines ends records with \n only; a bare \r belongs to the record
        with path.open(encoding="utf-8-sig", newline="\n") as handle:
            for number, text in enumerate(handle, start=1):
                if text.strip():
                    yield _json_row(path, source, number, text, only)
    except UnicodeDecodeError as exc:
        raise SourceError(f"cannot be decoded as utf-8: {exc.reason}", path) from exc


def _json_row(path: Path, source: str, number: int, text: str, only: frozenset[str] | None) -> Raw:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        return Reject(source, str(path), number, None, f"not JSON: {exc}")
    if not isinstance(data, dict):
        return Reject(source, str(path), number, None, "not a JSON object")
    row: Row = {}
    for key, value in data.items():
        if only is not None and canonical(key) not in only:
            continue
        try:
            row[key.strip()] = _json_text(value)
        except ValueError as exc:
            return Reject(source, str(path), number, key, str(exc))
    return number, row


def _json_text(value: object, nested: bool = False) -> str:
    if isinstance(value, list) and not nested:
        return ";".join(_json_text(item, nested=True) for item in value)  # transit countries
    if isinstance(value, list | dict):
        raise ValueError("a nested list or object where a value was expected")
    return cell_text(value)  # str(int) raises ValueError past 4300 digits: a bad field too


class Fields:
    """The known columns of one row by canonical name, each read with a parser."""

    def __init__(self, row: Row, columns: frozenset[str]) -> None:
        self.values = {canonical(c): v.strip() for c, v in row.items() if canonical(c) in columns}

    def text(self, name: str) -> str | None:
        """The column's text, None when empty or absent."""
        return self.values.get(name) or None

    def required(self, name: str) -> str:
        """The column's text; FieldError when empty or absent."""
        if not (value := self.values.get(name)):
            raise FieldError(name, f"no {name}")
        return value

    def get(self, name: str, parse: Callable[[str], T]) -> T | None:
        """The column parsed, None when empty; a ValueError of `parse` names the column."""
        value = self.values.get(name, "")
        if not value:
            return None
        try:
            return parse(value)
        except ValueError as exc:
            raise FieldError(name, str(exc)) from exc


def extra_columns(row: Row, columns: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The row's non-empty columns that are not `columns`, as (name as written, value)."""
    return tuple((c, v) for c, v in row.items() if canonical(c) not in columns and v.strip())


def unique(value: str, column: str, line: int, seen: dict[str, int]) -> str:
    """`value` if no earlier line of the file used it; FieldError when empty or repeated."""
    if not value:
        raise FieldError(column, f"no {column}")
    first = seen.setdefault(value, line)
    if first != line:
        raise FieldError(column, f"duplicate {column} {value!r}: first on line {first}")
    return value


def calendar_date(text: str, day_first: bool = True) -> PartialDate:
    """A date at its own precision that exists in the calendar (not 30 February)."""
    date = parse_date(text, day_first)
    if date.month is not None and date.day is not None:
        try:
            dt.date(date.year, date.month, date.day)  # PartialDate allows 30 February
        except ValueError:
            raise ValueError(f"not a calendar date: {text!r}") from None
    return date


def country(text: str) -> str:
    """The ISO 3166-1 alpha-2 code of a country name or code; ValueError if unknown."""
    code = country_code(text)
    if code is None:
        raise ValueError(f"unknown country {text!r}")
    return code
