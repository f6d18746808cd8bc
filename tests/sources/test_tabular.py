"""Strict delimited reading: start lines, blank lines, field counts, quotes, headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from veracity.exc import SourceError
from veracity.sources.tabular import first_lines, read_rows


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_carry_their_start_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'Report\nid,note\n1,"two\nlines"\n\n2, x \n')
    rows = list(read_rows(path, preamble=1))
    assert rows == [(3, {"id": "1", "note": "two\nlines"}), (6, {"id": "2", "note": "x"})]


def test_a_short_row_names_the_missing_field(tmp_path: Path) -> None:
    path = write(tmp_path, "id,name,country\n1,A,GB\n2,B\n")
    with pytest.raises(SourceError) as error:
        list(read_rows(path))
    assert (error.value.line, error.value.field) == (3, "country")


def test_a_long_row_names_the_extra_field(tmp_path: Path) -> None:
    path = write(tmp_path, "id,name\n1,A,GB\n")
    with pytest.raises(SourceError) as error:
        list(read_rows(path))
    assert (error.value.line, error.value.field) == (2, "extra field 3")


def test_an_unterminated_quote(tmp_path: Path) -> None:
    path = write(tmp_path, 'id,name\n1,"ACME\n')
    with pytest.raises(SourceError) as error:
        list(read_rows(path))
    assert error.value.line == 2


def test_a_missing_needed_column(tmp_path: Path) -> None:
    path = write(tmp_path, "id,name\n1,A\n")
    with pytest.raises(SourceError) as error:
        list(read_rows(path, needed=("id", "country")))
    assert (error.value.line, error.value.field) == (1, "country")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"id,name\n1,Soci\xe9t\xe9\n")
    with pytest.raises(SourceError, match="decoded as utf-8"):
        list(read_rows(path))
    with pytest.raises(SourceError, match="decoded as utf-8") as error:
        first_lines(path)
    assert error.value.line == 1
