"""The BIS Denied Persons List reader: merging rows, schema guess, typo dates, bad files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from veracity.exc import SourceError
from veracity.model import NameKind, PartialDate, Party, Reject, Schema
from veracity.sources.base import ListInfo, Record
from veracity.sources.bis import BisDeniedPersons


def read(path: Path) -> list[Record]:
    """Every record the reader yields for `path`."""
    return list(BisDeniedPersons().read(path))


def parties(records: list[Record]) -> dict[str, Party]:
    """The parties, by id."""
    return {r.id: r for r in records if isinstance(r, Party)}


def rejects(records: list[Record]) -> list[Reject]:
    """The rejected rows and fields."""
    return [r for r in records if isinstance(r, Reject)]


def test_rows_of_one_party_are_merged(fixtures: Path) -> None:
    found = parties(read(fixtures / "bis"))
    assert sorted(found) == [
        "bis-dpl:al-naser-airlines-2022-05-13",  # one order, two addresses, two spellings
        "bis-dpl:example-trading-co-ltd-2020-01-15",
        "bis-dpl:jane-q-example-2022-02-10",  # one address, two orders
        "bis-dpl:john-roe-2019-11-06",
    ]
    airline = found["bis-dpl:al-naser-airlines-2022-05-13"]
    assert [(n.full, n.kind) for n in airline.names] == [
        ("AL-NASER AIRLINES", NameKind.PRIMARY),
        ("AL NASER AIRLINES", NameKind.ALIAS),
    ]
    assert [a.country for a in airline.addresses] == ["AE", "JO"]
    jane = found["bis-dpl:jane-q-example-2022-02-10"]
    assert jane.listed_on == PartialDate(2022, 2, 10)
    assert ("effective_date", "2024-03-01") in jane.extra
    assert jane.remarks == "87 F.R. 9030 2/17/2022\n89 F.R. 1111 3/5/2024"


def test_schema_is_guessed_from_the_name(fixtures: Path) -> None:
    found = parties(read(fixtures / "bis"))
    schemata = {p.caption: p.schema for p in found.values()}
    assert schemata == {
        "AL-NASER AIRLINES": Schema.COMPANY,
        "EXAMPLE TRADING CO., LTD.": Schema.COMPANY,
        "JANE Q. EXAMPLE": Schema.PERSON,
        "JOHN ROE": Schema.PERSON,
    }


def test_aka_inside_a_name_becomes_an_alias(fixtures: Path) -> None:
    roe = parties(read(fixtures / "bis"))["bis-dpl:john-roe-2019-11-06"]
    assert [(n.full, n.kind) for n in roe.names] == [
        ("JOHN ROE", NameKind.PRIMARY),
        ("JOHNNY ROE", NameKind.ALIAS),
    ]
    assert ("name_as_listed", "JOHN ROE A/K/A JOHNNY ROE") in roe.extra


def test_countries_from_codes_aliases_and_us_states(fixtures: Path) -> None:
    found = parties(read(fixtures / "bis"))
    assert found["bis-dpl:example-trading-co-ltd-2020-01-15"].addresses[0].country == "CN"  # PRC
    jane = found["bis-dpl:jane-q-example-2022-02-10"]
    assert jane.addresses[0].country == "US"  # NM + ZIP, no country given
    assert jane.addresses[0].region == "NM"


def test_typo_date_is_a_field_reject_and_the_party_stays(fixtures: Path) -> None:
    records = read(fixtures / "bis")
    found = {(r.line, r.field): r.error for r in rejects(records)}
    assert set(found) == {(3, "Last_Update"), (8, "Name")}
    assert "2922-09-01" in found[(3, "Last_Update")]
    airline = parties(records)["bis-dpl:al-naser-airlines-2022-05-13"]
    assert ("last_update_raw", "2922-09-01") in airline.extra
    # The typo is not the list's date: the newest valid Last_Update is.
    assert next(r.list_date for r in records if isinstance(r, ListInfo)) == "2024-03-05"


def test_row_with_a_missing_field(fixtures: Path, tmp_path: Path) -> None:
    lines = (fixtures / "bis" / "dpl.txt").read_text().splitlines()
    lines[3] = lines[3].rsplit("\t", 1)[0]
    (tmp_path / "dpl.txt").write_text("\n".join(lines) + "\n")
    with pytest.raises(SourceError) as error:
        read(tmp_path)
    assert (error.value.line, error.value.field) == (4, "FR_Citation")


def test_truncated_inside_a_quoted_field(fixtures: Path, tmp_path: Path) -> None:
    text = (fixtures / "bis" / "dpl.txt").read_text()
    (tmp_path / "dpl.txt").write_text(text[: text.index("ROOM 5") + 3])
    with pytest.raises(SourceError) as error:
        read(tmp_path)
    assert error.value.line == 7


def test_a_file_without_the_columns_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dpl.txt").write_text('"Name"\t"Address"\n"X"\t"Y"\n')
    with pytest.raises(SourceError) as error:
        read(tmp_path)
    assert (error.value.line, error.value.field) == (1, "Street_Address")


@pytest.mark.shared
def test_real_list_counts(shared_data: Path) -> None:
    records = read(shared_data / "sanctions" / "bis")
    found = parties(records)
    # 581 rows, 460 distinct names; merged rows give 460 parties (the same count by chance:
    # "AL-NASER  AIRLINES" joins "AL NASER AIRLINES", while "I. ASH" stays two orders).
    assert len(found) == 460
    assert Counter(p.schema for p in found.values()) == {Schema.PERSON: 352, Schema.COMPANY: 108}
    assert sum(len(p.addresses) for p in found.values()) == 575
    assert [(r.line, r.field) for r in rejects(records)] == [
        (35, "Last_Update"),  # 0222-05-18
        (306, "Last_Update"),  # 2922-09-01
        (343, "Last_Update"),  # 3017-08-22
    ]
    assert next(r.list_date for r in records if isinstance(r, ListInfo)) == "2022-09-02"
    ash = [p for p in found.values() if p.caption == "I. ASH"]
    assert sorted(str(p.listed_on) for p in ash) == ["2002-03-04", "2003-06-19"]


def test_a_windows_1252_file_is_read(fixtures: Path, tmp_path: Path) -> None:
    text = (fixtures / "bis" / "dpl.txt").read_text().replace("JOHN ROE", "JOSÉ ROE")
    (tmp_path / "dpl.txt").write_bytes(text.encode("cp1252"))
    assert "bis-dpl:jose-roe-2019-11-06" in parties(read(tmp_path))
