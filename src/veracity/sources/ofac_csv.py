"""OFAC's legacy CSV layout: cp1252, no header, `-0- ` for an empty field, a `\\x1a` last row.

OFAC's data specification (dat_spec.txt) describes the files: comma-delimited, fields that hold
commas in double quotes, no header row, `-0-` for "no value", and an ASCII SUB (`\\x1a`) row as
the end-of-file marker. Every file is read whole and checked: an undecodable byte, an unterminated
quoted field or a row with the wrong number of fields raises `SourceError` naming the file, the
line and the field, because a file like that is truncated or not an OFAC file at all.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from veracity.exc import SourceError
from veracity.model import Reject

EMPTY = "-0-"
EOF_MARK = "\x1a"
ENCODING = "cp1252"


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: the line it starts on, its fields as read, and the same fields cleaned."""

    line: int
    fields: list[str]
    """Exactly as read (OFAC's remark overflow continues a field mid-word, spaces included)."""
    values: list[str] = field(init=False)
    """Stripped, with OFAC's `-0-` placeholder read as empty."""

    def __post_init__(self) -> None:
        cleaned = [f.strip() for f in self.fields]
        object.__setattr__(self, "values", ["" if v == EMPTY else v for v in cleaned])

    def value(self, index: int) -> str:
        """The cleaned field at `index`."""
        return self.values[index]


@dataclass(frozen=True, slots=True)
class LegacyFile:
    """A legacy CSV file's rows, and whether it ended with OFAC's end-of-file marker."""

    path: Path
    rows: list[Row]
    terminated: bool


def read_legacy(path: Path, columns: tuple[str, ...]) -> LegacyFile:
    """Read a whole legacy CSV file, checking its encoding, quoting and field counts."""
    text = _decode(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[Row] = []
    terminated = False
    start = 1
    try:
        for fields in reader:
            line, start = start, reader.line_num + 1
            if not fields:
                continue  # a blank line carries nothing
            if len(fields) == 1 and fields[0].strip() == EOF_MARK:
                terminated = True
            elif terminated:
                raise SourceError("data after the end-of-file marker", path, line)
            else:
                _check_width(path, line, fields, columns)
                rows.append(Row(line, fields))
    except csv.Error as exc:
        raw = "\n".join(text.splitlines()[start - 1 : reader.line_num])
        field = columns[min(_quoted_field(raw), len(columns) - 1)]
        raise SourceError(f"malformed CSV ({exc}); truncated file?", path, start, field) from exc
    return LegacyFile(path, rows, terminated)


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode(ENCODING)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"byte {data[exc.start]:#04x} is not {ENCODING}", path, line) from exc


def _check_width(path: Path, line: int, fields: list[str], columns: tuple[str, ...]) -> None:
    if len(fields) == len(columns):
        return
    if len(fields) < len(columns):
        field = columns[len(fields)]
        message = f"{len(fields)} fields, expected {len(columns)}: {field} is missing"
    else:
        field = f"field {len(columns) + 1}"
        message = f"{len(fields)} fields, expected {len(columns)}"
    raise SourceError(message + "; truncated file or not an OFAC legacy CSV?", path, line, field)


def _quoted_field(raw: str) -> int:
    """The index of the field whose double quote was opened last (the unterminated one)."""
    index, opened, quoted, i = 0, 0, False, 0
    while i < len(raw):
        char = raw[i]
        if quoted and char == '"':
            if raw.startswith('"', i + 1):
                i += 1  # a doubled quote inside a quoted field
            else:
                quoted = False
        elif not quoted and char == '"':
            quoted, opened = True, index
        elif not quoted and char == ",":
            index += 1
        i += 1
    return opened


def find_file(folder: Path, name: str) -> Path | None:
    """The file called `name` in `folder`, in any letter case (mirrors serve `CONS_ALT.CSV`)."""
    exact = folder / name
    if exact.is_file():
        return exact
    return next((p for p in folder.iterdir() if p.name.lower() == name and p.is_file()), None)


def missing_eof(source: str, file: LegacyFile) -> list[Reject]:
    """A notice when the file lacks OFAC's end-of-file row: it may have been cut at a row end."""
    if file.terminated:
        return []
    error = "no end-of-file marker (\\x1a): the file may be truncated after its last row"
    return [Reject(source, str(file.path), None, None, error)]
