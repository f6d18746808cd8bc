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

import math
import re
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from zipfile import BadZipFile

import openpyxl
import pycountry
from openpyxl.utils.exceptions import InvalidFileException

from veracity.exc import SourceError
from veracity.model import Provenance, Reject, Shipment, hs_digits
from veracity.sources.rows import (
    FieldError,
    Fields,
    Raw,
    Row,
    calendar_date,
    canonical,
    cell_text,
    country,
    extra_columns,
    raw_rows,
    read_records,
    unique,
)

SOURCE = "shipments"
COLUMNS = frozenset(f.name for f in fields(Shipment) if f.name not in {"extra", "provenance"})
"""The known columns: every Shipment field read from the file."""

_YES_NO = {"yes": True, "y": True, "true": True, "1": True}
_YES_NO |= {"no": False, "n": False, "false": False, "0": False}
# Plain decimals, optionally grouped by thousands with commas (1,250.00); a comma decimal mark
# (1.250,00) is refused rather than guessed, since 1,250 would then mean two different numbers.
_NUMBER = re.compile(r"(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?")
_XLSX_ERRORS = (InvalidFileException, BadZipFile, ParseError, KeyError, ValueError, OSError)


def read_shipments(path: Path | str) -> Iterator[Shipment | Reject]:
    """Read a shipment file (.csv/.tsv/.txt, .xlsx, .jsonl/.ndjson); bad rows come out as Reject."""
    file = Path(path)
    seen: dict[str, int] = {}
    yield from read_records(file, _raw_rows(file), lambda n, row: _record(file, n, row, seen))


def _raw_rows(path: Path) -> Iterator[Raw]:
    if path.suffix.lower() in {".xlsx", ".xlsm"} and path.is_file():
        return _xlsx_rows(path)
    return raw_rows(path, SOURCE, ("shipment_id",), "shipment", ".csv, .xlsx or .jsonl")


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
    header = [cell_text(value) for value in next(rows, ())]
    if "shipment_id" not in {canonical(c) for c in header}:
        raise SourceError("missing column", path, 1, "shipment_id")
    # read-only sheets yield an empty tuple for each missing row, so counting gives row numbers
    for number, values in enumerate(rows, start=2):
        texts = [cell_text(value) for value in values]
        if any(texts):
            yield number, {_header(header, i): text for i, text in enumerate(texts)}


def _header(header: list[str], index: int) -> str:
    return header[index] if index < len(header) and header[index] else f"column {index + 1}"


def _record(path: Path, line: int, row: Row, seen: dict[str, int]) -> Shipment | Reject:
    known = Fields(row, COLUMNS)
    extra = extra_columns(row, COLUMNS)
    try:
        shipment_id = unique(known.text("shipment_id") or "", "shipment_id", line, seen)
        return _shipment(shipment_id, known, extra, Provenance(SOURCE, str(path), line))
    except FieldError as bad:
        return Reject(SOURCE, str(path), line, bad.field, bad.error)


def _shipment(
    shipment_id: str, known: Fields, extra: tuple[tuple[str, str], ...], provenance: Provenance
) -> Shipment:
    # Longer than our usual 40 lines only because it names each of the 22 columns once.
    get, text = known.get, known.text
    try:
        return Shipment(
            shipment_id=shipment_id,
            date=get("date", calendar_date),
            exporter_name=text("exporter_name"),
            exporter_country=get("exporter_country", country),
            consignee_name=text("consignee_name"),
            consignee_country=get("consignee_country", country),
            consignee_address=text("consignee_address"),
            end_user_name=text("end_user_name"),
            end_user_country=get("end_user_country", country),
            destination_country=get("destination_country", country),
            transit_countries=get("transit_countries", _countries) or (),
            hs_code=get("hs_code", hs_digits),
            description=text("description"),
            manufacturer=text("manufacturer"),
            part_number=text("part_number"),
            quantity=get("quantity", _number),
            unit_value=get("unit_value", _number),
            currency=get("currency", _currency),
            payer_name=text("payer_name"),
            payer_country=get("payer_country", country),
            end_user_statement=get("end_user_statement", _yes_no),
            no_russia_clause=get("no_russia_clause", _yes_no),
            extra=extra,
            provenance=provenance,
        )
    except ValueError as exc:  # the record's own checks: a backstop, the parsers come first
        raise FieldError(None, str(exc)) from exc


def _countries(text: str) -> tuple[str, ...]:
    codes = (country(part.strip()) for part in text.split(";") if part.strip())
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
