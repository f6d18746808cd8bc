"""Shipment files: CSV dialects, XLSX, JSON Lines; bad rows rejected, the rest still read."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veracity.exc import SourceError
from veracity.model import PartialDate, Reject, Shipment
from veracity.sources.shipments import COLUMNS, read_shipments


def shipments(path: Path) -> list[Shipment]:
    out = list(read_shipments(path))
    assert all(isinstance(r, Shipment) for r in out), out
    return [r for r in out if isinstance(r, Shipment)]


def rejects(path: Path) -> dict[int | str | None, tuple[str | None, str]]:
    return {r.line: (r.field, r.error) for r in read_shipments(path) if isinstance(r, Reject)}


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_full_csv_row(fixtures: Path) -> None:
    first = shipments(fixtures / "shipments" / "good.csv")[0]
    assert (first.shipment_id, first.date) == ("S-001", PartialDate(2024, 3, 14))
    assert (first.exporter_country, first.consignee_country, first.payer_country) == (
        "DE",
        "KG",  # written "Kyrgyzstan"
        "HK",  # written "Hong Kong"
    )
    assert first.transit_countries == ("KZ", "RU")
    assert (first.hs_code, first.hs6) == ("85423100", "854231")
    assert first.consignee_address == "12 Chui Ave, Bishkek"
    assert (first.quantity, first.unit_value, first.currency) == (1200.0, 4.75, "EUR")
    assert (first.end_user_statement, first.no_russia_clause) == (False, False)
    assert first.extra == (("incoterm", "DAP"),)
    assert first.provenance is not None
    assert (first.provenance.source, first.provenance.line) == ("shipments", 2)


def test_empty_cells_and_day_first_dates(fixtures: Path) -> None:
    _, second, third = shipments(fixtures / "shipments" / "good.csv")
    assert second.date == PartialDate(2024, 3, 14)  # written 14/03/2024
    assert (second.currency, second.end_user_statement, second.extra) == ("EUR", True, ())
    assert (second.end_user_name, second.transit_countries) == (None, ())
    assert third.date == PartialDate(2024, 3)  # a month keeps its precision
    assert (third.hs_code, third.quantity, third.no_russia_clause) == (None, None, None)


def test_semicolons_a_bom_crlf_and_free_form_column_names(fixtures: Path) -> None:
    (row,) = shipments(fixtures / "shipments" / "semicolon_bom.csv")
    assert (row.shipment_id, row.exporter_name) == ("X-1", "Smith; Jones & Co")
    assert (row.destination_country, row.hs6, row.consignee_name) == ("AM", "847130", None)


def test_each_kind_of_bad_field_is_a_reject_and_the_rest_is_read(fixtures: Path) -> None:
    path = fixtures / "shipments" / "bad.csv"
    found = rejects(path)
    assert {line: field for line, (field, _) in found.items()} == {
        2: "date",  # 30 February
        3: "exporter_country",  # Atlantis
        4: "hs_code",
        5: "quantity",  # a comma decimal mark is refused, not guessed
        6: "unit_value",  # negative
        7: "currency",
        8: "end_user_statement",
        9: "transit_countries",
        10: "shipment_id",  # empty
        12: "shipment_id",  # a repeat of line 11
        13: "date",
    }
    assert "Narnia" in found[9][1]
    assert "line 11" in found[12][1]
    assert [s.shipment_id for s in shipments_of(path)] == ["B-09"]


def shipments_of(path: Path) -> list[Shipment]:
    return [r for r in read_shipments(path) if isinstance(r, Shipment)]


def test_json_lines(fixtures: Path) -> None:
    path = fixtures / "shipments" / "shipments.jsonl"
    (first,) = shipments_of(path)
    assert first.transit_countries == ("TR", "GE")  # a JSON list
    assert (first.hs_code, first.quantity, first.unit_value) == ("85423990", 10.0, 12.5)
    assert (first.end_user_statement, first.no_russia_clause) == (True, False)
    assert first.extra == (("broker", "Delta Customs"),)
    assert {line: field for line, (field, _) in rejects(path).items()} == {
        3: "quantity",
        4: None,  # not JSON
        5: None,  # not an object
        6: "description",  # nested
        7: "shipment_id",  # missing
    }


def test_xlsx_rows_are_numbered_as_the_spreadsheet_shows_them(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "s.xlsx",
        [
            ["Shipment ID", "Date", "HS code", "Quantity", "End user statement", "Port"],
            ["X-1", "2024-06-01", 85423100, 3.0, True, "Poti"],
            [],
            ["X-2", "2024-06-02", "85.42", "3", "no", None],
        ],
    )
    first, second = read_shipments(path)
    assert isinstance(first, Shipment) and first.provenance is not None
    assert (first.provenance.line, first.hs_code, first.quantity) == (2, "85423100", 3.0)
    assert (first.end_user_statement, first.extra) == (True, (("Port", "Poti"),))
    assert isinstance(second, Reject)
    assert (second.line, second.field) == (4, "hs_code")  # a heading (4 digits) is not HS-6


def test_xlsx_dates_from_date_cells(tmp_path: Path) -> None:
    from datetime import datetime

    path = write_xlsx(tmp_path / "s.xlsx", [["shipment_id", "date"], ["X-1", datetime(2024, 6, 1)]])
    (row,) = shipments(path)
    assert row.date == PartialDate(2024, 6, 1)


def test_missing_optional_columns_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("shipment_id\nS-1\n", encoding="utf-8")
    (row,) = shipments(path)
    assert row == Shipment("S-1", provenance=row.provenance)


@pytest.mark.parametrize("name", ["s.csv", "s.xlsx"])
def test_a_file_without_a_shipment_id_column(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".csv"):
        path.write_text("id,date\nS-1,2024-01-01\n", encoding="utf-8")
    else:
        write_xlsx(path, [["id", "date"], ["S-1", "2024-01-01"]])
    with pytest.raises(SourceError) as error:
        list(read_shipments(path))
    assert (error.value.path, error.value.line, error.value.field) == (str(path), 1, "shipment_id")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("s.csv", b"", "empty file"),
        ("s.csv", b"shipment_id,date\nS-1,Soci\xe9t\xe9\n", "decoded as utf-8"),
        ("s.csv", b"shipment_id,date\nS-1\n", "fields where the header has"),
        ("s.xlsx", b"PK\x03\x04 not really a zip", "not a readable XLSX"),
        ("s.jsonl", b'{"shipment_id": "S-\xff"}\n', "decoded as utf-8"),
        ("s.pdf", b"%PDF", "unknown shipment file type"),
    ],
)
def test_unreadable_files_raise_source_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message) as error:
        list(read_shipments(path))
    assert error.value.path == str(path)


def test_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "s.tsv"
    path.write_text("shipment_id\tdestination_country\nT-1\tGeorgia\n", encoding="utf-8")
    assert [(s.shipment_id, s.destination_country) for s in shipments(path)] == [("T-1", "GE")]


def test_a_file_that_cannot_be_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.csv"
    path.write_text("shipment_id\nS-1\n", encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)  # root reads any file, so chmod cannot show this
    with pytest.raises(SourceError, match="cannot be read: Permission denied") as error:
        list(read_shipments(path))
    assert error.value.path == str(path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        list(read_shipments(tmp_path / "nothing.csv"))


# Hypothesis: whatever text a declaration holds, one row gives one Shipment or one Reject.
_COLUMNS = [*sorted(COLUMNS), "remarks"]
_text = st.text(max_size=20)
_json = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), _text, st.lists(_text, max_size=3)
)


@settings(max_examples=150, deadline=None)
@given(values=st.fixed_dictionaries(dict.fromkeys(_COLUMNS, _text)))
def test_any_text_in_a_csv_row_gives_a_shipment_or_a_reject(
    tmp_path_factory: pytest.TempPathFactory, values: dict[str, str]
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "s.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(_COLUMNS)
        writer.writerow([values[c] for c in _COLUMNS])
    out = list(read_shipments(path))
    assert all(isinstance(r, Shipment | Reject) for r in out)
    assert len(out) == (1 if any(v.strip() for v in values.values()) else 0)


@settings(max_examples=150, deadline=None)
@given(values=st.dictionaries(st.sampled_from(_COLUMNS) | _text, _json, max_size=8))
def test_any_value_in_a_json_line_gives_a_shipment_or_a_reject(
    tmp_path_factory: pytest.TempPathFactory, values: dict[str, object]
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "s.jsonl"
    path.write_text(json.dumps(values) + "\n", encoding="utf-8")
    (out,) = read_shipments(path)
    assert isinstance(out, Shipment | Reject)


_FREE_TEXT = ["shipment_id", "exporter_name", "consignee_address", "description", "part_number"]


@settings(max_examples=100, deadline=None)
@given(values=st.lists(_text, min_size=len(_FREE_TEXT), max_size=len(_FREE_TEXT)))
def test_free_text_is_kept_as_written_apart_from_outer_spaces(
    tmp_path_factory: pytest.TempPathFactory, values: list[str]
) -> None:
    values[0] = "S-" + values[0]  # a shipment_id is never blank, so the row is never rejected
    path = tmp_path_factory.mktemp("fuzz") / "s.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([_FREE_TEXT, values])
    (row,) = shipments(path)
    assert [row.shipment_id, row.exporter_name, row.consignee_address] == [
        values[0].strip(),
        values[1].strip() or None,
        values[2].strip() or None,
    ]
    assert (row.description, row.part_number) == (
        values[3].strip() or None,
        values[4].strip() or None,
    )
