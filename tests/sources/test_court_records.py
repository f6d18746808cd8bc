"""Court records and claims files: charges, cases, conflicts; bad rows rejected, the rest read."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veracity.exc import SourceError
from veracity.model import PartialDate, Precision, Provenance, Reject
from veracity.model.justice import Charge, Claim, CourtCase
from veracity.sources.court_records import (
    COLUMNS,
    after,
    case_conflicts,
    group_cases,
    read_claims,
    read_court_records,
    us_state,
)

TODAY = dt.date(2026, 3, 1)


def charges(path: Path) -> list[Charge]:
    out = list(read_court_records(path, today=TODAY))
    assert all(isinstance(r, Charge) for r in out), out
    return [r for r in out if isinstance(r, Charge)]


def rejects(records: Sequence[object]) -> dict[int | str | None, str | None]:
    return {r.line: r.field for r in records if isinstance(r, Reject)}


def charge(name: str, line: int, birth: PartialDate | None = None, docket: str = "D-1") -> Charge:
    return Charge(docket, name, Provenance("court_records", "t.csv", line), birth_date=birth)


def test_a_full_row(fixtures: Path) -> None:
    path = fixtures / "court_records" / "good.csv"
    first, second, *_ = charges(path)
    assert (first.docket, first.full_name, first.person_ref) == (
        "CUMCD-CR-2019-0101",
        "Tomasz Lindqvist",
        "P-17",
    )
    assert first.birth_date == PartialDate(1984, 7)
    assert first.birth_date.precision is Precision.MONTH  # a year-month keeps its precision
    assert (first.birth_country, first.state, first.court) == ("PT", "ME", "Cumberland UCD")
    assert (first.filing_date, first.disposition_date) == (
        PartialDate(2019, 3, 2),
        PartialDate(2019, 6, 10),
    )
    assert (first.charge_statute, first.charge_class) == ("17-A M.R.S. §207(1)(A)", "D")
    assert (first.disposition, first.sentence) == ("Dismissed", None)
    assert first.provenance == Provenance("court_records", str(path), 2)
    # slashed dates are month first, as US courts write them; `me` is Maine
    assert (second.filing_date, second.disposition_date) == (
        PartialDate(2019, 3, 2),
        PartialDate(2019, 6, 10),
    )
    assert (second.state, second.full_name) == ("ME", "TOMASZ  LINDQVIST")
    assert second.sentence == "364 days, all but 30 suspended"


def test_pending_charges_partial_dates_and_lines_after_a_multiline_field(fixtures: Path) -> None:
    _, _, pending, other_court, last = charges(fixtures / "court_records" / "good.csv")
    assert (pending.filing_date, pending.disposition, pending.disposition_date) == (
        PartialDate(2020),
        None,
        None,
    )
    assert (pending.state, pending.birth_country) == ("NH", "BR")  # written "New Hampshire"
    assert other_court.charge_description == "Driving under the influence\r\n(second offense)"
    assert (other_court.disposition_date, other_court.person_ref) == (PartialDate(2021, 3), None)
    assert other_court.provenance.line == 5
    assert last.provenance.line == 7  # the quoted field above spans lines 5 and 6
    assert last.disposition_date == PartialDate(2020, 9, 30)  # written "Sep 30, 2020"


def test_rows_of_a_docket_form_one_case_in_file_order(fixtures: Path) -> None:
    cases = group_cases(charges(fixtures / "court_records" / "good.csv"))
    assert [(c.key, [ch.provenance.line for ch in c.charges]) for c in cases] == [
        ("ME/Cumberland UCD/CUMCD-CR-2019-0101", [2, 3]),
        ("NH/Hillsborough Superior Court North/216-2020-CR-00417", [4, 7]),
        ("NH/Rockingham Superior Court/216-2020-CR-00417", [5]),  # same docket, other court
    ]
    # the name differs only in case and spaces, and 1984 agrees with 1984-07: no conflict
    assert [case_conflicts(c) for c in cases] == [(), (), ()]


def test_rows_of_a_docket_that_disagree_on_the_person_are_kept_and_reported() -> None:
    rows = [
        charge("Ana Quintela", 2, PartialDate(1990, 2, 11)),
        charge("Ana Quintella", 3, PartialDate(1990)),
        charge("ana quintela", 4, PartialDate(1991, 2, 11)),
        charge("Ana Quintela", 5),
    ]
    (case,) = group_cases(rows)
    assert case == CourtCase("D-1", None, None, tuple(rows))
    name, birth = case_conflicts(case)
    assert (name.case, name.field) == ("//D-1", "full_name")
    assert name.values == (("Ana Quintela", (2, 4, 5)), ("Ana Quintella", (3,)))
    assert birth.field == "birth_date"
    assert birth.values == (("1990-02-11", (2,)), ("1990", (3,)), ("1991-02-11", (4,)))


def test_each_kind_of_bad_value_is_a_reject_naming_line_and_field(fixtures: Path) -> None:
    out = list(read_court_records(fixtures / "court_records" / "bad.csv", today=TODAY))
    assert rejects(out) == {
        2: "birth_date",  # 30 February
        3: "birth_country",  # Atlantis
        4: "state",  # Ontario is not a US state
        5: "filing_date",  # filed after the disposition
        6: "birth_date",  # in the future
        7: "birth_date",  # born after the charge was filed
        8: "docket",  # empty
        9: "full_name",  # empty
        10: "disposition_date",  # "soon"
        11: "filing_date",  # 31/12/2019 read month first: no month 31
        12: "filing_date",  # in the future
    }
    errors = {r.line: r.error for r in out if isinstance(r, Reject)}
    assert "Atlantis" in errors[3]
    assert "after the disposition on 2020-04-30" in errors[5]
    assert all(r.source == "court_records" for r in out if isinstance(r, Reject))
    # dates compared at the coarser precision: 2019 is not after 2019-03-02
    assert [c.docket for c in out if isinstance(c, Charge)] == ["B-13", "B-14"]


def test_json_lines(fixtures: Path) -> None:
    path = fixtures / "court_records" / "records.jsonl"
    out = list(read_court_records(path, today=TODAY))
    first, last = (r for r in out if isinstance(r, Charge))
    assert (first.docket, first.state, first.birth_date) == ("20231187", "VT", PartialDate(1979))
    assert first.charge_description == "Retail theft"  # "notes" is ignored, nested or not
    assert first.disposition_date == PartialDate(2023, 9, 1)  # written as a timestamp
    assert (last.docket, last.birth_country, last.disposition) == ("D-3", "TW", None)
    assert last.provenance.line == 7
    assert rejects(out) == {2: "birth_date", 3: None, 4: "docket", 6: None}


def test_extra_and_missing_optional_columns(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("docket;FULL-NAME;Arresting Agency\nX-1;Rui Falcão;Portland PD\n", "utf-8")
    (row,) = charges(path)
    assert row == Charge("X-1", "Rui Falcão", provenance=row.provenance)


@pytest.mark.parametrize(
    ("header", "field"),
    [("full_name,filing_date", "docket"), ("docket,filing_date", "full_name")],
)
def test_a_file_without_a_required_column(tmp_path: Path, header: str, field: str) -> None:
    path = tmp_path / "c.csv"
    path.write_text(f"{header}\nA,2019\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        list(read_court_records(path))
    assert (error.value.path, error.value.line, error.value.field) == (str(path), 1, field)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("c.csv", b"", "empty file"),
        ("c.csv", b"docket,full_name\nD-1,Falc\xe3o\n", "decoded as utf-8"),
        ("c.csv", b"docket,full_name\nD-1,A,B\n", "3 fields where the header has 2"),
        ("c.jsonl", b'{"docket": "D-\xff"}\n', "decoded as utf-8"),
        ("c.xlsx", b"PK", "unknown court-record file type"),
    ],
)
def test_damaged_files_raise_source_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message) as error:
        list(read_court_records(path))
    assert error.value.path == str(path)


def test_states_by_code_or_name() -> None:
    assert [us_state(s) for s in ("ME", "maine", "D.C.", "Washington, DC", "Puerto Rico")] == [
        "ME",
        "ME",
        "DC",
        "DC",
        "PR",
    ]
    with pytest.raises(ValueError, match="not a US state"):
        us_state("XX")


def test_after_compares_at_the_coarser_precision() -> None:
    assert after(PartialDate(2019, 4), PartialDate(2019, 3, 31))
    assert not after(PartialDate(2019), PartialDate(2019, 3, 2))
    assert not after(PartialDate(2019, 3, 2), PartialDate(2019))
    assert after(PartialDate(2020), PartialDate(2019, 12, 31))


def test_claims(fixtures: Path) -> None:
    path = fixtures / "claims_files" / "claims.csv"
    out = list(read_claims(path, today=TODAY))
    first, second = (r for r in out if isinstance(r, Claim))
    assert first == Claim(
        "C-1",
        "Tomasz Lindqvist",
        "ICE arrested Tomasz Lindqvist, a criminal illegal alien convicted of assault.",
        Provenance("claims", str(path), 2),
        birth_year=1984,
        country="PT",
        source="https://example.org/release/1",
    )
    assert (second.birth_year, second.country, second.source) == (None, "BR", None)
    assert rejects(out) == {
        4: "birth_year",  # 84: two digits
        5: "birth_year",  # 1850: no one alive
        6: "birth_year",  # 2031: in the future
        7: "claim_id",  # a repeat of line 2
        8: "country",
        9: "full_name",
        10: "claim_text",
        11: "claim_id",  # empty
        12: "birth_year",  # 1988.0 as text
    }
    assert "first on line 2" in next(r.error for r in out if isinstance(r, Reject) and r.line == 7)


def test_claims_as_json_lines(fixtures: Path) -> None:
    out = list(read_claims(fixtures / "claims_files" / "claims.jsonl", today=TODAY))
    first, second, third = out
    assert isinstance(first, Claim) and isinstance(second, Claim)
    assert (first.country, first.birth_year, second.birth_year) == ("HN", 1984, 1988)
    assert isinstance(third, Reject) and (third.line, third.field) == (3, "birth_year")


@settings(max_examples=150, deadline=None)
@given(values=st.fixed_dictionaries(dict.fromkeys(sorted(COLUMNS), st.text(max_size=12))))
def test_any_text_in_a_row_gives_a_charge_or_a_reject(
    tmp_path_factory: pytest.TempPathFactory, values: dict[str, str]
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "c.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(sorted(COLUMNS))
        writer.writerow([values[c] for c in sorted(COLUMNS)])
    out = list(read_court_records(path))
    assert all(isinstance(r, Charge | Reject) for r in out)
    assert len(out) == (1 if any(v.strip() for v in values.values()) else 0)
