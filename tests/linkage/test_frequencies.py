"""Name frequencies from Census tables and from the records being linked."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.linkage.factories import person
from veracity.exc import SourceError
from veracity.linkage import NameFrequencies
from veracity.linkage.frequencies import GIVEN, SURNAME

CENSUS = """name,rank,count,prop100k,cum_prop100k
SMITH,1,2442977,828.19,828.19
GARCIA,6,1166120,395.32,2000.0
NAN,40000,300,0.1,90000.0
LOPEZCORTEZ,90000,128,0.04,95000.0
ALL OTHER NAMES,0,29312001,9936.97,100000.0
"""


def census(tmp_path: Path, text: str = CENSUS) -> Path:
    path = tmp_path / "surnames.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(text)
    return path


def test_census_table_keeps_nan_and_drops_the_residual_row(tmp_path: Path) -> None:
    freqs = NameFrequencies.from_census([census(tmp_path)])
    assert freqs.surname("nan") == pytest.approx(1e-6)
    assert freqs.surname("smith") == pytest.approx(0.0082819)
    assert "all other names" not in freqs.tables[SURNAME]
    assert freqs.surname("lopezcortez") < freqs.surname("garcia")


def test_unseen_names_are_rarer_than_the_rarest_listed(tmp_path: Path) -> None:
    freqs = NameFrequencies.from_census([census(tmp_path)])
    assert freqs.surname("zzyzx") == pytest.approx(0.04e-5 / 2)
    assert freqs.frequency(GIVEN, "john") is None  # no given-name table was read


def test_later_census_files_override_earlier(tmp_path: Path) -> None:
    newer = tmp_path / "new"
    newer.mkdir()
    update = "name,rank,count,prop100k,cum_prop100k\nSMITH,1,1,800.0,800.0\n"
    freqs = NameFrequencies.from_census([census(tmp_path), census(newer, update)])
    assert freqs.surname("smith") == pytest.approx(0.008)


def test_a_broken_census_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"surnames\.csv\.gz"):
        NameFrequencies.from_census([census(tmp_path, "name,count\nSMITH,1\n")])


def test_frequencies_of_the_input() -> None:
    records = [
        person("1", "John", "Lopez Cortez", place="Austin"),
        person("2", "John", "Lopez", place="Austin"),
        person("3", "Mary", "Smith", place=""),
        person("4", "", "Smith", place="Waco"),
    ]
    freqs = NameFrequencies.from_records(records)
    assert freqs.given_name("john") == pytest.approx(2 / 3)  # 3 records have a given name
    assert freqs.surname("lopez") == pytest.approx(2 / 4)  # a part counts
    assert freqs.surname("lopezcortez") == pytest.approx(1 / 4)
    assert freqs.frequency("place", "austin") == pytest.approx(2 / 3)
    assert freqs.surname("unseen") == pytest.approx(1 / 4)  # as if seen once


@pytest.mark.shared
def test_real_census_tables(shared_data: Path) -> None:
    justice = shared_data / "justice"
    freqs = NameFrequencies.from_census(
        [justice / "census_2010_surname_frequency.csv.gz"],
        [justice / "census_2020_first_name_frequency.csv.gz"],
    )
    assert freqs.surname("garcia") > 100 * freqs.surname("correia") > 0  # court_records.md §3.5
    assert freqs.surname("nan") > freqs.surname("zzzqx")  # NAN is a real surname
    assert freqs.surname("lopezcortez") > 0
    assert freqs.given_name("maria") > freqs.given_name("zenobia")


def test_tables_can_be_combined(tmp_path: Path) -> None:
    names = NameFrequencies.from_census([census(tmp_path)])
    places = NameFrequencies.from_records([person("1", place="Waco"), person("2", place="Tyler")])
    both = NameFrequencies({}, {}).updated(places).updated(names)
    assert both.surname("smith") == pytest.approx(0.0082819)  # the Census, not the two records
    assert both.frequency("place", "waco") == pytest.approx(0.5)
