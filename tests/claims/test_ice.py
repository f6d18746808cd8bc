"""The ICE criminality series: reading, quality rules, shares, claims (claims/ice.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest

from veracity.claims.ice import Counts, Quality, Series, Snapshot, flag, percent
from veracity.claims.ice_claims import NOT_CRIMINAL, Definition, check_claim
from veracity.claims.ice_read import SeriesError, read_series
from veracity.exc import NotFoundError, RowError, SourceError

CSV = "justice/ice_dtm_currently_detained_by_criminality_series.csv"
PARQUET = "justice/ice_dtm_currently_detained_by_criminality.parquet"


def table(pull: str, total: int, convicted: int, pending: int = 0, **kw: object) -> Snapshot:
    """A table pulled on `pull` (ISO), filed ten days later, in the fiscal year of the pull."""
    day = date.fromisoformat(pull)
    fields: dict[str, object] = {
        "file_date": date.fromordinal(day.toordinal() + 10),
        "fiscal_year": day.year + (day.month >= 10),
        "ice_arrested": None, "cbp_arrested": None, "line": 0,
    } | kw  # fmt: skip
    return Snapshot(day, total=total, convicted=convicted, pending=pending, **fields)  # type: ignore[arg-type]


def series(*tables: Snapshot) -> Series:
    return Series("test", tuple(flag(tables)))


def to_parquet(csv_path: Path, tmp_path: Path) -> Path:
    out = tmp_path / (csv_path.stem + ".parquet")
    pq.write_table(pa_csv.read_csv(csv_path), out)
    return out


# The real series: the research note's figures (research/court_records.md §5).


@pytest.fixture(scope="module", params=[CSV, PARQUET], ids=["csv", "parquet"])
def real(request: pytest.FixtureRequest, shared_data: Path) -> Series:
    return read_series(shared_data / request.param)


@pytest.mark.shared
def test_latest_table_is_2026_04_02(real: Series) -> None:
    s = real.latest
    assert (s.as_of, s.total, s.convicted, s.pending, s.other) == (
        date(2026, 4, 2), 60_311, 17_589, 18_731, 23_991
    )  # fmt: skip
    assert percent(s.pct_no_conviction) == 70.8
    assert (percent(s.pct_pending_only), percent(s.pct_other)) == (31.1, 39.8)
    assert percent(s.pct_convicted) == 29.2


@pytest.mark.shared
def test_peak_is_2026_01_22_with_74_19_percent_unconvicted(real: Series) -> None:
    assert real.peak == real.at(date(2026, 1, 22))
    assert real.peak.total == 70_766
    assert percent(real.peak.pct_no_conviction, 2) == 74.19
    assert percent(real.peak.pct_no_conviction, 1) == 74.2  # TRAC, 25 Jan 2026


@pytest.mark.shared
@pytest.mark.parametrize(
    ("day", "total", "no_conviction", "pending_only"),
    [(date(2025, 1, 6), 39_703, 73.6, 13.5), (date(2025, 9, 15), 59_762, 71.5, 25.1)],
)
def test_research_note_figures(
    real: Series, day: date, total: int, no_conviction: float, pending_only: float
) -> None:
    s = real.at(day)
    assert s.total == total
    assert percent(s.pct_no_conviction) == no_conviction
    assert percent(s.pct_pending_only) == pending_only


@pytest.mark.shared
def test_drops_the_duplicates_and_the_outlier_and_marks_the_suspects(real: Series) -> None:
    dropped = sorted((s.quality, s.file_date) for s in real.dropped)
    assert dropped == [
        (Quality.DUPLICATE, date(2021, 10, 28)), (Quality.DUPLICATE, date(2022, 12, 6)),
        (Quality.DUPLICATE, date(2026, 1, 8)), (Quality.OUTLIER, date(2021, 6, 9)),
    ]  # fmt: skip
    assert [s.file_date for s in real.suspect] == [date(2022, 8, 4), date(2022, 8, 9)]
    assert len(real.tables) == 134
    assert not any(s.quality.dropped for s in real.timeline)
    assert 19_068 not in {s.total for s in real.timeline if s.fiscal_year > 2020}
    assert all(s.quality is Quality.OK for s in real.trusted)


@pytest.mark.shared
def test_the_rules_find_what_the_csv_flags_and_its_percentages_agree(shared_data: Path) -> None:
    from_csv = read_series(shared_data / CSV)
    from_parquet = read_series(shared_data / PARQUET)
    assert from_csv.discrepancies == ()

    def flags(series: Series) -> list[tuple[date, date, Counts, Quality]]:
        return sorted((s.pull_date, s.file_date, s.counts, s.quality) for s in series.tables)

    assert flags(from_csv) == flags(from_parquet)
    assert len({q for *_, q in flags(from_parquet)}) == 4  # the parquet has no flags: the rules


@pytest.mark.shared
def test_a_70_percent_criminal_claim_matches_neither_definition(real: Series) -> None:
    check = check_claim(real, 70, date(2026, 4, 2))
    assert check.matches == ()
    assert percent(check.shares[Definition.CONVICTED]) == 29.2
    assert percent(check.shares[Definition.CONVICTED_OR_PENDING]) == 60.2
    assert "exceeds every definition" in check.verdict and "2026-04-02" in check.verdict


# Small files: validation names file, line and field.


def test_reads_a_small_csv_and_drops_the_flagged_row(fixtures: Path) -> None:
    s = read_series(fixtures / "ice_series" / "small.csv")
    assert len(s.tables) == 5 and len(s.timeline) == 4
    assert [t.line for t in s.dropped] == [4]
    assert s.discrepancies == ()
    assert s.latest.total == 60_311


def test_the_files_percentages_are_cross_checked_not_echoed(fixtures: Path) -> None:
    s = read_series(fixtures / "ice_series" / "wrong_pct.csv")
    assert percent(s.latest.pct_convicted, 2) == 29.16  # from the counts, not the file's 70.84
    assert len(s.discrepancies) == 3
    assert any("pct_convicted is 70.84 in the file, 29.16 computed" in d for d in s.discrepancies)
    assert any("other_immigration_violator is 23990" in d for d in s.discrepancies)


def test_a_bad_number_names_file_line_and_field(fixtures: Path) -> None:
    path = fixtures / "ice_series" / "bad_number.csv"
    with pytest.raises(RowError) as caught:
        read_series(path)
    assert (caught.value.line, caught.value.field) == (3, "convicted_criminal")
    assert str(path) in str(caught.value) and "'17,589'" in str(caught.value)


def test_every_bad_row_is_reported(fixtures: Path) -> None:
    with pytest.raises(SeriesError) as caught:
        read_series(fixtures / "ice_series" / "over_total.csv")
    errors = caught.value.errors
    assert [(e.line, e.field) for e in errors] == [
        (3, "pending_criminal_charges"), (4, "total_detained")
    ]  # fmt: skip
    assert "exceed the total 30,311" in errors[0].message
    assert "(and 1 more invalid row)" in caught.value.message


def test_an_unknown_quality_flag_is_an_error(fixtures: Path) -> None:
    with pytest.raises(RowError, match="unknown quality flag: 'looks_odd'"):
        read_series(fixtures / "ice_series" / "unknown_flag.csv")


def test_a_file_without_the_columns_is_refused(fixtures: Path, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no column file_date, convicted_criminal"):
        read_series(fixtures / "ice_series" / "no_columns.csv")
    with pytest.raises(SourceError, match="no such file"):
        read_series(tmp_path / "missing.csv")
    (tmp_path / "x.parquet").write_text("not parquet")
    with pytest.raises(SourceError, match="not the ICE criminality parquet"):
        read_series(tmp_path / "x.parquet")


def test_reads_the_long_parquet(fixtures: Path, tmp_path: Path) -> None:
    s = read_series(to_parquet(fixtures / "ice_series" / "long_good.csv", tmp_path))
    assert [(t.total, t.convicted, t.pending, t.other) for t in s.tables] == [
        (60_311, 17_589, 18_731, 23_991)
    ]
    assert (s.tables[0].ice_arrested, s.tables[0].line) == (51_428, "rows 1-4")
    assert s.discrepancies == ()


def test_a_parquet_table_without_its_pending_row_is_an_error(
    fixtures: Path, tmp_path: Path
) -> None:
    with pytest.raises(RowError) as caught:
        read_series(to_parquet(fixtures / "ice_series" / "long_bad.csv", tmp_path))
    assert (caught.value.line, caught.value.field) == ("rows 4-5", "criminality")
    assert "0 'Pending Criminal Charges' rows" in str(caught.value)


# Dates, rules and claims on tables built in the test.


def test_as_of_is_the_pull_date_unless_it_is_implausible() -> None:
    assert table("2025-03-03", 10, 1).as_of == date(2025, 3, 3)
    late = table("2020-02-24", 10, 1, file_date=date(2022, 9, 15), fiscal_year=2022)
    assert late.as_of == date(2022, 9, 15) and "implausible" in late.date_note
    year_end = table("2021-02-22", 10, 1, file_date=date(2021, 12, 31), fiscal_year=2021)
    assert year_end.as_of == date(2021, 2, 22) and year_end.date_note == ""
    typo = table("2022-01-09", 10, 1, file_date=date(2022, 1, 19), fiscal_year=2023)
    assert typo.as_of == date(2023, 1, 9) and "year typo" in typo.date_note


def test_the_rules_flag_a_repeat_an_outlier_and_a_reused_total() -> None:
    s = series(
        table("2020-09-30", 19_068, 10_221, 3_187, fiscal_year=2020),
        table("2021-05-17", 21_000, 4_300, 900),
        table("2021-05-31", 23_000, 11_500, 3_000),  # 50% against about 20%
        table("2021-06-14", 26_000, 4_400, 1_100),
        table("2021-06-28", 19_068, 10_221, 3_187),  # the FY2020 table again
        table("2021-07-12", 21_000, 4_000, 700),  # the total of 2021-05-17, other counts
    )
    assert [t.quality for t in s.tables] == [
        Quality.OK, Quality.OK, Quality.OUTLIER, Quality.OK, Quality.DUPLICATE, Quality.SUSPECT
    ]  # fmt: skip
    assert [t.as_of.isoformat() for t in s.trusted] == ["2020-09-30", "2021-05-17", "2021-06-14"]


def test_a_republished_table_counts_once_and_lookups_find_the_nearest() -> None:
    first = table("2025-03-03", 100, 30, 20)
    s = series(first, replace(first, file_date=date(2025, 3, 20)), table("2025-03-17", 110, 30))
    assert len(s.timeline) == 2
    assert s.nearest(date(2025, 3, 12)).as_of == date(2025, 3, 17)
    with pytest.raises(NotFoundError, match="2025-03-10"):
        s.at(date(2025, 3, 10))


@pytest.mark.parametrize(
    ("claimed", "definitions", "expected"),
    [
        (30, None, (Definition.CONVICTED,)),
        (50, None, (Definition.CONVICTED_OR_PENDING,)),
        (40, None, ()),
        (70, NOT_CRIMINAL, (Definition.NO_CONVICTION,)),
        (49, NOT_CRIMINAL, (Definition.NEITHER,)),
    ],
)
def test_a_claimed_share_names_the_definition_it_must_use(
    claimed: float, definitions: tuple[Definition, ...] | None, expected: tuple[Definition, ...]
) -> None:
    s = series(table("2025-03-03", 1000, 300, 200))
    check = (
        check_claim(s, claimed, date(2025, 3, 1))
        if definitions is None
        else check_claim(s, claimed, date(2025, 3, 1), definitions)
    )
    assert check.matches == expected
    assert check.snapshot.as_of == date(2025, 3, 3)
    assert ("matches the share" in check.verdict) == bool(expected)


def test_percent_rounds_half_up_as_published() -> None:
    assert percent(70.8361658735554) == 70.8
    assert percent(74.19382189186898, 2) == 74.19
    assert percent(0.25) == 0.3 and percent(60_311.0, 0) == 60_311
