"""Disposition text -> status: the §2.2 vocabulary, Maine's flags, and the Cook County file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veracity.claims.dispositions import (
    DispositionReading,
    Outcome,
    check_vocabulary,
    classify_disposition,
)
from veracity.claims.vocabulary import read_vocabulary
from veracity.exc import SourceError
from veracity.model.justice import Status

COOK = Path("justice/cook_county_sao_felony_disposition_outcomes_2011_2016.csv")
C, A, D, P = Status.CONVICTED, Status.ACQUITTED, Status.DISMISSED, Status.PENDING


def read(raw: str | None, state: str | None = None) -> DispositionReading:
    return classify_disposition(raw, state)


# Every raw string of the §2.2 table (research/court_records.md), row by row.
@pytest.mark.parametrize(
    "raw",
    [
        "Guilty",
        "Plea of Guilty",
        "Plea of Guilty - Amended Charge",
        "Plea of Guilty - Lesser Included",
        "Plea of Guilty But Mentally Ill",
        "Finding Guilty",
        "Verdict Guilty",
        "Convicted",
        "Nolo contendere - judgment entered",
        "Pled down",
    ],
)
def test_section_2_2_convictions(raw: str) -> None:
    reading = read(raw)
    assert (reading.status, reading.outcome) == (C, Outcome.CONVICTION)
    assert reading.state_law_conviction and reading.immigration_conviction and reading.criminal


@pytest.mark.parametrize(
    "raw",
    ["Not Guilty", "Verdict-Not Guilty", "FNG", "FNG Reason Insanity", "Acquitted", "NCR"],
)
def test_section_2_2_acquittals(raw: str) -> None:
    reading = read(raw)
    assert (reading.status, reading.outcome) == (A, Outcome.ACQUITTAL)
    assert not reading.state_law_conviction and not reading.immigration_conviction


@pytest.mark.parametrize(
    "raw",
    [
        "Dismissed",
        "Case Dismissed",
        "Nolle Prosequi",
        "Nolle Prosecution",
        "Nolle on Remand",
        "Dismissed with prejudice",
        "Dismissed without prejudice",
        "FNPC",
        "Charge Rejected",
        "Charges dropped",
        "Withdrawn",
        "Charge Vacated",
        "SOL",
        "SOLW",
    ],
)
def test_section_2_2_dismissals(raw: str) -> None:
    reading = read(raw)
    assert (reading.status, reading.outcome) == (D, Outcome.DISMISSAL)
    assert not reading.state_law_conviction and not reading.not_disclosable


def test_no_charges_filed_is_a_dismissal_row_with_the_arrest_only_status() -> None:
    """§2.2 groups it with dismissals; §2.1 defines a charge never filed as ARREST_ONLY."""
    reading = read("No charges filed")
    assert (reading.status, reading.outcome) == (Status.ARREST_ONLY, Outcome.DISMISSAL)


def test_prejudice_and_reinstatement_are_recorded() -> None:
    assert read("Dismissed with prejudice").with_prejudice is True
    assert read("DISMISSED W/O PREJ").with_prejudice is False
    assert read("Dismissed").with_prejudice is None
    assert read("Nolle Prosecution").with_prejudice is False
    assert read("SOL").reinstatable is True
    assert read("Stricken off with leave to reinstate").reinstatable is True
    assert "with prejudice" in read("Dismissed by prosecutor with prejudice").rule


def test_maine_filing_is_deferred_and_not_a_conviction() -> None:
    for raw in ("Filed", "Filing agreement"):
        reading = read(raw, "ME")
        assert (reading.status, reading.outcome) == (Status.DEFERRED, Outcome.FILED)
        assert not reading.state_law_conviction and not reading.immigration_conviction


def test_maine_deferred_disposition_is_an_immigration_but_not_a_state_conviction() -> None:
    reading = read("Deferred Disposition", "ME")
    assert reading.status is Status.DEFERRED
    assert reading.immigration_conviction and not reading.state_law_conviction
    assert "1101(a)(48)(A)" in reading.rule and "§§1901-1903" in reading.rule


def test_maine_vocabulary_is_assumed_without_a_state_and_says_so() -> None:
    reading = read("deferred disposition")
    assert reading.immigration_conviction
    assert "the record gave no state" in reading.rule
    assert read("Filed", "IL").status is None  # "Filed" outside Maine is not guessed


def test_deferrals_elsewhere_count_for_immigration_only_when_a_plea_shows() -> None:
    assert not read("Deferred disposition", "TX").immigration_conviction
    assert read("Guilty plea - deferred disposition", "TX").immigration_conviction
    assert read("Deferred adjudication", "TX").immigration_conviction
    assert read("Adjudication withheld", "FL").immigration_conviction
    assert read("Continued without a finding", "MA").immigration_conviction
    for raw in ("Diversion", "Deferred prosecution"):
        reading = read(raw)
        assert reading.status is P and not reading.immigration_conviction


def test_dismissal_after_a_deferred_disposition_still_counts_for_immigration() -> None:
    reading = read("Plea withdrawn, dismissed with prejudice", "ME")
    assert reading.status is D and reading.with_prejudice is True
    assert reading.immigration_conviction and not reading.state_law_conviction
    assert "Roldan" in reading.rule


@pytest.mark.parametrize(
    "raw",
    [
        "Pending",
        "Open",
        "Continued",
        "Warrant issued",
        "BFW",
        "Superseded by Indictment",
        "Transferred - Misd Crt",
        "Mistrial Declared",
    ],
)
def test_section_2_2_pending(raw: str) -> None:
    reading = read(raw)
    assert (reading.status, reading.outcome) == (P, Outcome.PENDING)


@pytest.mark.parametrize("raw", ["Expunged", "Sealed", "Vacated"])
def test_undisclosable_records_infer_neither_guilt_nor_innocence(raw: str) -> None:
    reading = read(raw)
    assert reading.not_disclosable and reading.outcome is Outcome.NOT_DISCLOSABLE
    assert reading.status is Status.ARREST_ONLY
    assert not reading.state_law_conviction and not reading.immigration_conviction


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("Death suggested – cause abated", D),
        ("Finding Not Not Guilty", P),
        ("Sexually Dangerous Person", P),
    ],
)
def test_no_conviction_other(raw: str, status: Status) -> None:
    reading = read(raw)
    assert (reading.status, reading.outcome) == (status, Outcome.NO_CONVICTION_OTHER)
    assert not reading.state_law_conviction and not reading.immigration_conviction


def test_finding_not_not_guilty_is_not_an_acquittal_either() -> None:
    assert read("FINDING NOT NOT GUILTY").status is not A
    assert read("Finding Not Guilty").status is A


@pytest.mark.parametrize(
    "raw", ["Traffic infraction adjudicated", "Civil violation paid", "Infraction"]
)
def test_civil_infractions_are_never_criminal_convictions(raw: str) -> None:
    reading = read(raw, "ME")
    assert not reading.criminal and reading.outcome is Outcome.CIVIL
    assert reading.status is not C
    assert not reading.state_law_conviction and not reading.immigration_conviction


def test_no_disposition_is_pending() -> None:
    for raw in (None, "", "   "):
        reading = read(raw)
        assert reading.status is P and reading.criminal and "no disposition" in reading.rule


def test_unknown_text_is_reported_not_guessed() -> None:
    reading = read("Remanded to the moon")
    assert reading.status is None and reading.outcome is None
    assert "matches no entry" in reading.rule and "not guessed" in reading.rule
    assert not reading.state_law_conviction and not reading.immigration_conviction


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("plea of guilty-amended charge", C),
        ("PLEA  OF   GUILTY / LESSER INCLUDED", C),
        ("F.N.G.", A),
        ("f n g", A),
        ("Nolle Pros. - AONIC", D),
        ("nol pros", D),
        ("Dism'd", D),
        ("Death Suggested - Cause Abated", D),
        ("verdict—not guilty", A),
        ("B.F.W.", P),
        ("TRAN-FAI", P),
    ],
)
def test_spellings_case_and_punctuation(raw: str, status: Status) -> None:
    assert read(raw).status is status


@given(st.text(max_size=40))
def test_any_text_reads_without_error_and_unknown_means_no_status(raw: str) -> None:
    reading = read(raw)
    assert (reading.status is None) == (reading.outcome is None)
    if reading.status is None:
        assert "not guessed" in reading.rule


@given(
    st.sampled_from(["Plea Of Guilty", "Nolle Prosecution", "FNG", "Finding Not Not Guilty"]),
    st.lists(st.booleans(), min_size=30, max_size=30),
    st.sampled_from([" ", "  ", " - ", "."]),
)
def test_case_and_spacing_do_not_change_the_reading(raw: str, upper: list[bool], gap: str) -> None:
    varied = "".join(c.upper() if up else c.lower() for c, up in zip(raw, upper, strict=False))
    varied = varied.replace(" ", gap)
    assert read(varied).status is read(raw).status


def test_every_vocabulary_entry_cites_a_source_and_a_reason() -> None:
    needed = ("pattern", "status", "outcome", "label", "why", "source")
    for line, row in read_vocabulary("dispositions.csv", needed):
        assert row["source"] and row["why"] and row["label"], f"line {line}"


# --- the real Cook County file -----------------------------------------------------------------


def test_cook_county_strings_are_all_known_and_the_split_matches_the_note(
    shared_data: Path,
) -> None:
    report = check_vocabulary(shared_data / COOK)
    # 33 distinct values: 32 strings, all known, and the blank, counted apart
    assert len(report.counts) == 32 and report.unknown == ()
    assert report.total == 228_088
    assert (report.blank_defendants, report.blank_rows) == (246, 127)
    summary = {group: round(share * 100, 1) for group, share in report.summary.items()}
    assert summary == {"convicted": 65.5, "dismissed": 30.4, "acquitted": 3.1, "other": 1.0}
    by_string = {c.reading.raw: c for c in report.counts}
    assert round(report.share(by_string["FNPC"].defendants) * 100, 1) == 13.3
    assert round(report.share(by_string["Nolle Prosecution"].defendants) * 100, 1) == 17.1
    assert by_string["Finding Not Not Guilty"].reading.status is not C


def test_cook_county_shares_by_status_add_up_with_the_blanks(shared_data: Path) -> None:
    report = check_vocabulary(shared_data / COOK)
    shares = report.shares
    assert round(shares[C] * 100, 1) == 65.5
    assert round(shares[D] * 100, 1) == 30.7  # the note's 30.4 plus deaths (cause abated)
    assert sum(shares.values()) + report.share(report.blank_defendants) == pytest.approx(1.0)
    data = report.as_dict()
    assert data["defendants"] == 228_088 and data["unknown"] == []


def test_the_report_counts_unknown_strings(tmp_path: Path) -> None:
    path = _outcomes(tmp_path, [("Plea Of Guilty", "3"), ("Sent to Mars", "1"), ("", "2")])
    report = check_vocabulary(path)
    assert report.unknown == ("Sent to Mars",)
    assert report.summary["other"] == pytest.approx(3 / 6)
    assert report.shares == {C: pytest.approx(3 / 6)}


def test_a_bad_count_names_the_file_line_and_field(tmp_path: Path) -> None:
    path = _outcomes(tmp_path, [("FNG", "1"), ("FNG", "two")])
    with pytest.raises(SourceError) as caught:
        check_vocabulary(path)
    assert (caught.value.line, caught.value.field) == (3, "DEFENDANT COUNT")
    assert str(path) in str(caught.value)


def test_a_missing_column_or_file_is_a_source_error(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("YEAR,OUTCOME\n2011,FNG\n", encoding="utf-8")
    with pytest.raises(SourceError, match="DISPOSITION"):
        check_vocabulary(path)
    with pytest.raises(SourceError, match="cannot be read"):
        check_vocabulary(tmp_path / "missing.csv")


def _outcomes(folder: Path, rows: list[tuple[str, str]]) -> Path:
    path = folder / "outcomes.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["YEAR", "DISPOSITION", "OFFENSE TYPE", "RACE", "DEFENDANT COUNT"])
        writer.writerows([2011, raw, "Theft", "Black", count] for raw, count in rows)
    return path
