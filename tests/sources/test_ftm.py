"""The FollowTheMoney JSON-lines reader: parties, attachments, skipped schemata, bad lines."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from veracity.exc import SourceError
from veracity.model import CountryRole, NameKind, PartialDate, Party, Reject, Schema
from veracity.sources.base import ListInfo, Record
from veracity.sources.ftm import FtmEntities

FILE = "entities.ftm.json"


def read(path: Path, reader: FtmEntities | None = None) -> list[Record]:
    """Every record the reader yields for `path`."""
    return list((reader or FtmEntities()).read(path))


def parties(records: list[Record]) -> dict[str, Party]:
    """The parties, by id."""
    return {r.id: r for r in records if isinstance(r, Party)}


def rejects(records: list[Record]) -> list[Reject]:
    """The rejected lines and fields."""
    return [r for r in records if isinstance(r, Reject)]


def test_matchable_schemata_become_parties(fixtures: Path) -> None:
    reader = FtmEntities()
    records = read(fixtures / "ftm", reader)
    found = parties(records)
    assert {p.id: p.schema for p in found.values()} == {
        "ftm:NK-test-person": Schema.PERSON,
        "ftm:NK-test-company": Schema.COMPANY,
        "ftm:NK-test-vessel": Schema.VESSEL,
        "ftm:NK-test-plane": Schema.AIRCRAFT,
        "ftm:NK-test-baddate": Schema.PERSON,
    }
    assert reader.skipped == Counter({"Article": 1})
    assert next(r.list_date for r in records if isinstance(r, ListInfo)) == "2026-04-01"


def test_person_names_dates_and_documents(fixtures: Path) -> None:
    person = parties(read(fixtures / "ftm" / FILE))["ftm:NK-test-person"]
    assert [(n.full, n.kind) for n in person.names] == [
        ("Ivan Sergeyevich PETROV", NameKind.PRIMARY),
        ("Иван Сергеевич Петров", NameKind.ORIGINAL_SCRIPT),
        ("Ivan PETROFF", NameKind.ALIAS),
        ("Vanya", NameKind.WEAK_ALIAS),
        ("Ivan SIDOROV", NameKind.FORMER),
    ]
    primary = person.names[0]
    assert (primary.given, primary.patronymic, primary.family) == ("Ivan", "Sergeyevich", "PETROV")
    assert person.birth_dates == (PartialDate(1971, 3),)
    assert person.countries[0].code == "RU"
    assert person.countries[0].role == CountryRole.NATIONALITY
    assert {(i.kind, i.value, i.country) for i in person.identifiers} == {
        ("passport", "751234567", None),
        ("inn", "770000000000", None),
        ("passport", "P9990001", "RU"),  # from the Passport entity
    }
    assert person.gender == "male"
    assert person.remarks == "Fictitious test subject."


def test_attachments_sanction_address_and_links(fixtures: Path) -> None:
    found = parties(read(fixtures / "ftm" / FILE))
    person, company = found["ftm:NK-test-person"], found["ftm:NK-test-company"]
    assert person.programs == ("GB-RUS", "Russia")
    assert person.listed_on == PartialDate(2022, 2, 24)
    assert ("sanction_authority", "Foreign, Commonwealth and Development Office") in person.extra
    assert person.addresses[0].city == "Moscow" and person.addresses[0].country == "RU"
    assert person.linked_to == ("ftm:NK-test-company",)
    assert company.linked_to == ("ftm:NK-test-person",)
    assert ("related_entity", "NK-not-in-file") in person.extra
    assert company.programs == ("EU-UKR",)
    assert ("dataset", "eu_fsf") in company.extra
    assert ("country_unresolved", "other: zz") in company.extra


def test_bad_entities_are_rejected_by_line(fixtures: Path) -> None:
    records = read(fixtures / "ftm" / FILE)
    assert [(r.line, r.field) for r in rejects(records)] == [(12, "name"), (13, "birthDate")]
    kept = parties(records)["ftm:NK-test-baddate"]
    assert ("birthDate_unparsed", "circa 1970s") in kept.extra


def test_a_bad_line_mid_file_is_a_reject(fixtures: Path, tmp_path: Path) -> None:
    lines = (fixtures / "ftm" / FILE).read_text(encoding="utf-8").splitlines()
    lines[2] = '{"id": "x", "schema": "Person", "prop'
    lines[4] = '{"id": "y", "properties": {}}'
    (tmp_path / FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = read(tmp_path)
    assert [(r.line, r.field) for r in rejects(records)][:2] == [(3, None), (5, "schema")]
    assert "ftm:NK-test-company" not in parties(records)
    assert "ftm:NK-test-person" in parties(records)


def test_a_file_that_is_not_json_lines(tmp_path: Path) -> None:
    (tmp_path / FILE).write_text("id,name\n1,ACME\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        read(tmp_path)
    assert error.value.line == 1


def test_a_truncated_file(fixtures: Path, tmp_path: Path) -> None:
    text = (fixtures / "ftm" / FILE).read_text(encoding="utf-8")
    (tmp_path / FILE).write_text(text[: text.index('"Jane ROE"')], encoding="utf-8")
    with pytest.raises(SourceError, match="truncated") as error:
        read(tmp_path)
    assert error.value.line == 13


@pytest.mark.shared
def test_real_opensanctions_cluster(shared_data: Path) -> None:
    reader = FtmEntities()
    records = read(
        shared_data / "sanctions" / "opensanctions_ftm" / "zala_entities.ftm.json", reader
    )
    found = parties(records)
    # 91 entities: 17 parties; 41 Sanction, 14 Ownership, 11 Address, 4 Family, 3 Directorship
    # and 1 Passport attach to them; nothing is skipped or rejected.
    assert Counter(p.schema for p in found.values()) == {Schema.COMPANY: 11, Schema.PERSON: 6}
    assert reader.skipped == Counter()
    assert rejects(records) == []
    assert next(r.list_date for r in records if isinstance(r, ListInfo)) == "2026-04-29"
    zakharov = found["ftm:NK-aU5ybkbRFJucf8YMwsJvDw"]
    assert zakharov.caption == "Alexander Vyacheslavovich ZAKHAROV"
    assert len(zakharov.linked_to) == 13
    assert "GB-RUS" in zakharov.programs
    assert sum(len(p.linked_to) for p in found.values()) == 34


@pytest.mark.shared
def test_real_multilingual_fixture(shared_data: Path) -> None:
    records = read(shared_data / "sanctions" / "opensanctions_ftm" / "t1_entities.ftm.json")
    found = parties(records)
    assert Counter(p.schema for p in found.values()) == {
        Schema.PERSON: 4,
        Schema.ORGANIZATION: 2,
    }
    inter = found["ftm:NK-2GdmHtZTeNXjNVrBGEXZNj"]
    assert Counter(n.kind for n in inter.names)[NameKind.ORIGINAL_SCRIPT] == 4  # Greek, Cyrillic


def test_a_folder_of_other_ftm_files_is_read(fixtures: Path, tmp_path: Path) -> None:
    (tmp_path / "zala.ftm.json").write_bytes((fixtures / "ftm" / FILE).read_bytes())
    assert len(parties(read(tmp_path))) == 5
