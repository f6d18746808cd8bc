"""Shipment files (CSV, XLSX, JSON Lines) -> `Shipment` records; bad rows -> `Reject`.

The columns are those of issue 4; only `shipment_id` is required, other known columns may be
missing, and unknown columns are kept in `Shipment.extra`. Column names are matched case- and
space-insensitively (`End User Name` is `end_user_name`). A row with a bad value (a date, number,
country, currency or yes/no that does not parse) or a repeated shipment_id is yielded as a
`Reject` naming its line and field, and reading goes on: a declaration batch is screened even
when a few lines are wrong. A file that cannot be read at all raises `SourceError`; so does a
CSV row with the wrong number of fields, because then no column can be trusted (`tabular.py`).

Lines are the file's line (CSV, JSON Lines) or the spreadsheet's row number (XLSX). Dates are
read day first (`03/04/2024` is 3 April), as declarations outside the US write them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar
from xml.etree.ElementTree import ParseError
from zipfile import BadZipFile

import openpyxl
import pycountry
from openpyxl.utils.exceptions import InvalidFileException

from veracity.exc import SourceError
from veracity.model import PartialDate, Provenance, Reject, Shipment, hs_digits, parse_date
from veracity.model.countries import country_code
from veracity.sources.tabular import first_lines, read_rows

SOURCE = "shipments"
COLUMNS = frozenset(f.name for f in fields(Shipment) if f.name not in {"extra", "provenance"})
"""The known columns: every Shipment field read from the file."""

Row = dict[str, str]
"""Column as the file writes it -> value as text."""
Raw = tuple[int, Row] | Reject
T = TypeVar("T")

_DELIMITERS = (",", ";", "\t", "|")
_YES_NO = {"yes": True, "y": True, "true": True, "1": True}
_YES_NO |= {"no": False, "n": False, "false": False, "0": False}
# Plain decimals, optionally grouped by thousands with commas (1,250.00); a comma decimal mark
# (1.250,00) is refused rather than guessed, since 1,250 would then mean two different numbers.
_NUMBER = re.compile(r"(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?")
_XLSX_ERRORS = (InvalidFileException, BadZipFile, ParseError, KeyError, ValueError, OSError)


class _FieldError(Exception):
    """One field of a row cannot be read: becomes a Reject naming the field."""

    def __init__(self, field: str | None, error: str) -> None:
        super().__init__(error)
        self.field = field
        self.error = error


def read_shipments(path: Path | str) -> Iterator[Shipment | Reject]:
    """Read a shipment file (.csv/.tsv/.txt, .xlsx, .jsonl/.ndjson); bad rows come out as Reject."""
    file = Path(path)
    seen: dict[str, int] = {}
    try:
        for raw in _raw_rows(file):
            yield raw if isinstance(raw, Reject) else _record(file, raw[0], raw[1], seen)
    except OSError as exc:  # permissions, a file that vanished, a disk error
        raise SourceError(f"cannot be read: {exc.strerror or exc}", file) from exc


def _raw_rows(path: Path) -> Iterator[Raw]:
    if not path.is_file():
        raise SourceError("no such file", path)
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return _xlsx_rows(path)
    if suffix in {".jsonl", ".ndjson"}:
        return _jsonl_rows(path)
    if suffix in {".csv", ".tsv", ".txt"}:
        return _csv_rows(path)
    raise SourceError(f"unknown shipment file type {suffix!r}: use .csv, .xlsx or .jsonl", path)


def _canonical(column: str) -> str:
    return "_".join(column.strip().lower().replace("-", " ").split())


def _csv_rows(path: Path) -> Iterator[Raw]:
    header = first_lines(path, 1)
    if not header:
        raise SourceError("empty file", path, 1)
    yield from read_rows(path, delimiter=_delimiter(header[0], path))


def _delimiter(header: str, path: Path) -> str:
    """The delimiter that makes `shipment_id` a column of the header line.

    The header is known, so it decides the dialect more reliably than csv.Sniffer, which guesses
    from character counts and is misled by commas inside quoted descriptions.
    """
    for delimiter in _DELIMITERS:
        columns = next(csv.reader([header], delimiter=delimiter))
        if "shipment_id" in {_canonical(c) for c in columns}:
            return delimiter
    raise SourceError("missing column", path, 1, "shipment_id")


def _xlsx_rows(path: Path) -> Iterator[Raw]:
    # We own the file handle: a read-only workbook's row generator keeps the zip open after
    # book.close() when reading stops early (an error, a consumer that breaks off).
    with path.open("rb") as handle:
        try:
            book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except _XLSX_ERRORS as exc:
            raise SourceError(f"not a readable XLSX workbook: {exc}", path) from exc
        try:
            yield from _sheet_rows(book.worksheets[0], path)
        except _XLSX_ERRORS as exc:
            raise SourceError(f"damaged XLSX workbook: {exc}", path) from exc
        finally:
            book.close()


def _sheet_rows(sheet: Any, path: Path) -> Iterator[Raw]:
    rows = sheet.iter_rows(min_row=1, values_only=True)
    header = [_cell_text(value) for value in next(rows, ())]
    if "shipment_id" not in {_canonical(c) for c in header}:
        raise SourceError("missing column", path, 1, "shipment_id")
    # read-only sheets yield an empty tuple for each missing row, so counting gives row numbers
    for number, values in enumerate(rows, start=2):
        texts = [_cell_text(value) for value in values]
        if any(texts):
            yield number, {_header(header, i): text for i, text in enumerate(texts)}


def _header(header: list[str], index: int) -> str:
    return header[index] if index < len(header) and header[index] else f"column {index + 1}"


def _cell_text(value: object) -> str:
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


def _jsonl_rows(path: Path) -> Iterator[Raw]:
    try:
        # newline="\n": JSON Lines ends records with \n only; a bare \r belongs to the record
        with path.open(encoding="utf-8-sig", newline="\n") as handle:
            for number, text in enumerate(handle, start=1):
                if text.strip():
                    yield _json_row(path, number, text)
    except UnicodeDecodeError as exc:
        raise SourceError(f"cannot be decoded as utf-8: {exc.reason}", path) from exc


def _json_row(path: Path, number: int, text: str) -> Raw:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        return Reject(SOURCE, str(path), number, None, f"not JSON: {exc}")
    if not isinstance(data, dict):
        return Reject(SOURCE, str(path), number, None, "not a JSON object")
    row: Row = {}
    for key, value in data.items():
        try:
            row[key.strip()] = _json_text(value)
        except ValueError as exc:
            return Reject(SOURCE, str(path), number, key, str(exc))
    return number, row


def _json_text(value: object, nested: bool = False) -> str:
    if isinstance(value, list) and not nested:
        return ";".join(_json_text(item, nested=True) for item in value)  # transit countries
    if isinstance(value, list | dict):
        raise ValueError("a nested list or object where a value was expected")
    return _cell_text(value)  # str(int) raises ValueError past 4300 digits: a bad field too


def _record(path: Path, line: int, row: Row, seen: dict[str, int]) -> Shipment | Reject:
    known = {_canonical(c): v.strip() for c, v in row.items() if _canonical(c) in COLUMNS}
    extra = tuple((c, v) for c, v in row.items() if _canonical(c) not in COLUMNS and v.strip())
    try:
        shipment_id = _check_id(known.get("shipment_id", ""), line, seen)
        return _shipment(shipment_id, known, extra, Provenance(SOURCE, str(path), line))
    except _FieldError as bad:
        return Reject(SOURCE, str(path), line, bad.field, bad.error)


def _check_id(shipment_id: str, line: int, seen: dict[str, int]) -> str:
    if not shipment_id:
        raise _FieldError("shipment_id", "no shipment_id")
    first = seen.setdefault(shipment_id, line)
    if first != line:
        raise _FieldError(
            "shipment_id", f"duplicate shipment_id {shipment_id!r}: first on line {first}"
        )
    return shipment_id


def _shipment(
    shipment_id: str, known: Row, extra: tuple[tuple[str, str], ...], provenance: Provenance
) -> Shipment:
    # Longer than our usual 40 lines only because it names each of the 22 columns once.
    def get(name: str, parse: Callable[[str], T]) -> T | None:
        value = known.get(name, "")
        if not value:
            return None
        try:
            return parse(value)
        except ValueError as exc:
            raise _FieldError(name, str(exc)) from exc

    def text(name: str) -> str | None:
        return known.get(name) or None

    try:
        return Shipment(
            shipment_id=shipment_id,
            date=get("date", _date),
            exporter_name=text("exporter_name"),
            exporter_country=get("exporter_country", _country),
            consignee_name=text("consignee_name"),
            consignee_country=get("consignee_country", _country),
            consignee_address=text("consignee_address"),
            end_user_name=text("end_user_name"),
            end_user_country=get("end_user_country", _country),
            destination_country=get("destination_country", _country),
            transit_countries=get("transit_countries", _countries) or (),
            hs_code=get("hs_code", hs_digits),
            description=text("description"),
            manufacturer=text("manufacturer"),
            part_number=text("part_number"),
            quantity=get("quantity", _number),
            unit_value=get("unit_value", _number),
            currency=get("currency", _currency),
            payer_name=text("payer_name"),
            payer_country=get("payer_country", _country),
            end_user_statement=get("end_user_statement", _yes_no),
            no_russia_clause=get("no_russia_clause", _yes_no),
            extra=extra,
            provenance=provenance,
        )
    except ValueError as exc:  # the record's own checks: a backstop, the parsers come first
        raise _FieldError(None, str(exc)) from exc


def _date(text: str) -> PartialDate:
    date = parse_date(text)
    if date.month is not None and date.day is not None:
        try:
            dt.date(date.year, date.month, date.day)  # PartialDate allows 30 February
        except ValueError:
            raise ValueError(f"not a calendar date: {text!r}") from None
    return date


def _country(text: str) -> str:
    code = country_code(text)
    if code is None:
        raise ValueError(f"unknown country {text!r}")
    return code


def _countries(text: str) -> tuple[str, ...]:
    codes = (_country(part.strip()) for part in text.split(";") if part.strip())
    return tuple(dict.fromkeys(codes))  # in route order, each country once


def _number(text: str) -> float:
    if not _NUMBER.fullmatch(text):
        raise ValueError(f"not a number: {text!r}")
    value = float(text.replace(",", ""))
    if not math.isfinite(value):
        raise ValueError(f"number out of range: {text!r}")
    return value


def _currency(text: str) -> str:
    code = text.upper()
    if not (len(code) == 3 and code.isascii() and pycountry.currencies.get(alpha_3=code)):
        raise ValueError(f"not an ISO 4217 currency code: {text!r}")
    return code


def _yes_no(text: str) -> bool:
    try:
        return _YES_NO[text.lower()]
    except KeyError:
        raise ValueError(f"not yes or no: {text!r}") from None
