"""Strict reading of delimited list files: start line of each row, field counts, SourceError.

Lists are read with `csv` in strict mode so that a truncated quoted field or a stray quote is an
error, and every row must have exactly as many fields as the header: a short or long row means
the file is damaged (or is another format), so reading stops with a `SourceError` naming the
file, the line and the field rather than guessing which column moved.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from veracity.exc import SourceError

Row = dict[str, str]


def first_lines(path: Path, count: int = 2, encoding: str = "utf-8-sig") -> list[str]:
    """The first `count` lines of a text file (without line ends), for sniffing its layout."""
    lines: list[str] = []
    try:
        with path.open(encoding=encoding, newline="") as handle:
            for _ in range(count):
                line = handle.readline()
                if not line:
                    break
                lines.append(line.rstrip("\r\n"))
    except UnicodeDecodeError as exc:
        raise SourceError(f"cannot be decoded as {encoding}: {exc.reason}", path, 1) from exc
    return lines


def read_rows(
    path: Path,
    delimiter: str = ",",
    preamble: int = 0,
    needed: tuple[str, ...] = (),
    encoding: str = "utf-8-sig",
) -> Iterator[tuple[int, Row]]:
    """Yield (line where the row starts, {column: stripped value}) for each non-blank row.

    `preamble` lines (a report date above the header) are skipped; a header lacking one of the
    `needed` columns is a SourceError naming that column.
    """
    try:
        with path.open(encoding=encoding, newline="") as handle:
            for _ in range(preamble):
                handle.readline()
            yield from _rows(handle, delimiter, path, preamble, needed)
    except UnicodeDecodeError as exc:
        raise SourceError(f"cannot be decoded as {encoding}: {exc.reason}", path) from exc


def _rows(
    handle: TextIO, delimiter: str, path: Path, offset: int, needed: tuple[str, ...]
) -> Iterator[tuple[int, Row]]:
    reader = csv.reader(handle, delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise SourceError(f"no readable header ({exc or 'empty file'})", path, offset + 1) from exc
    for column in needed:
        if column not in header:
            raise SourceError("missing column: not this list's layout", path, offset + 1, column)
    while True:
        start = offset + reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise SourceError(f"malformed row: {exc}", path, start) from exc
        if not any(f.strip() for f in fields):
            continue  # a blank line (or a row of empty cells) holds nothing to read
        if len(fields) != len(header):
            raise SourceError(_count_error(fields, header), path, start, _bad_field(fields, header))
        yield start, {h: v.strip() for h, v in zip(header, fields, strict=True)}


def _count_error(fields: list[str], header: list[str]) -> str:
    return f"{len(fields)} fields where the header has {len(header)}"


def _bad_field(fields: list[str], header: list[str]) -> str:
    """The first header column with no value (a short row) or `extra field N` (a long row)."""
    if len(fields) < len(header):
        return header[len(fields)]
    return f"extra field {len(header) + 1}"
