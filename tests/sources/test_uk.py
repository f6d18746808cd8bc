"""The UK Sanctions List reader: official CSV, OFSI ConList, normalised tables, bad input."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from veracity.exc import NotFoundError, SourceError
from veracity.model import CountryRole, NameKind, PartialDate, Party, Reject, Schema
from veracity.sources.base import ListInfo, Record
from veracity.sources.uk import UkSanctionsList

OFFICIAL = "UK-Sanctions-List.csv"


def read(path: Path) -> list[Record]:
    """Every record the reader yields for `path`."""
    return list(UkSanctionsList().read(path))


def parties(records: list[Record]) -> dict[str, Party]:
    """The parties, by id."""
    return {r.id: r for r in records if isinstance(r, Party)}


def rejects(records: list[Record]) -> list[Reject]:
    """The rejected rows and fields."""
    return [r for r in records if isinstance(r, Reject)]


def list_date(records: list[Record]) -> str | None:
    """The list date the reader reported."""
    return next(r.list_date for r in records if isinstance(r, ListInfo))


def kinds(party: Party) -> dict[str, NameKind]:
    """Each name of a party and its kind."""
    return {n.full: n.kind for n in party.names}


# --- the official FCDO CSV -------------------------------------------------------------------


def test_official_csv_gives_one_party_per_subject(fixtures: Path) -> None:
    records = read(fixtures / "uk" / OFFICIAL)
    found = parties(records)
    assert sorted(found) == ["uk:AFG9004", "uk:RUS9001", "uk:RUS9002", "uk:RUS9003"]
    assert list_date(records) == "2026-04-29"  # from the "Report Date" line above the header
    assert rejects(records) == []


def test_official_csv_names_keep_kinds_parts_and_script(fixtures: Path) -> None:
    person = parties(read(fixtures / "uk"))["uk:RUS9001"]
    assert person.schema == Schema.PERSON
    assert kinds(person) == {
        "Ivan Sergeyevich PETROV": NameKind.PRIMARY,
        "Иван Сергеевич Петров": NameKind.ORIGINAL_SCRIPT,
        "Ivan Sergeevich PETROV": NameKind.ALIAS,  # primary name variation
        "Ivan PETROFF": NameKind.ALIAS,  # good quality a.k.a.
        "Vanya": NameKind.WEAK_ALIAS,  # low quality a.k.a.
    }
    primary = person.names[0]
    assert (primary.given, primary.middle, primary.family) == ("Ivan", "Sergeyevich", "PETROV")
    assert person.names[1].lang == "Russian"


def test_official_csv_subject_fields_are_read_once(fixtures: Path) -> None:
    person = parties(read(fixtures / "uk"))["uk:RUS9001"]
    assert person.birth_dates == (PartialDate(1971, 3, 14),)
    assert person.birth_places == ("Kazan",)
    assert {(c.code, c.role) for c in person.countries} == {
        ("RU", CountryRole.BIRTH),
        ("RU", CountryRole.NATIONALITY),
        ("RU", CountryRole.ADDRESS),
    }
    assert [(i.kind, i.value, i.note) for i in person.identifiers] == [
        ("passport", "751234567", "Russian passport")
    ]
    assert person.gender == "male"
    assert person.listed_on == PartialDate(2022, 2, 24)
    assert person.programs == ("The Russia (Sanctions) (EU Exit) Regulations 2019",)
    assert ("sanctions_imposed", "Asset freeze|Travel Ban") in person.extra
    assert person.provenance is not None and person.provenance.line == 3


def test_official_csv_entity_and_ship(fixtures: Path) -> None:
    found = parties(read(fixtures / "uk"))
    company, ship = found["uk:RUS9002"], found["uk:RUS9003"]
    assert company.schema == Schema.COMPANY  # "Type of entity: Limited Liability Company"
    assert company.identifiers[0].kind == "registration_number"
    assert company.addresses[0].full == "12 Tverskaya Street, Moscow, 125009, Russia"
    assert company.addresses[0].country == "RU"
    assert company.linked_to == ("STATE HOLDING EXAMPLE",)
    assert ship.schema == Schema.VESSEL
    assert [(i.kind, i.value) for i in ship.identifiers] == [("imo", "9123456")]
    assert ship.countries[0].code == "CM" and ship.countries[0].role == CountryRole.FLAG
    assert ("vessel_type", "Crude Oil Tanker") in ship.extra


def test_official_csv_placeholder_birth_date_keeps_the_year(fixtures: Path) -> None:
    afg = parties(read(fixtures / "uk"))["uk:AFG9004"]
    assert afg.birth_dates == (PartialDate(1968),)  # "dd/mm/1968"
    assert kinds(afg)["عبد الرحمن خان"] == NameKind.ORIGINAL_SCRIPT
    assert ("un_reference", "TAi.999") in afg.extra


def test_official_csv_bad_date_is_a_field_reject_and_the_party_stays(
    fixtures: Path, tmp_path: Path
) -> None:
    text = (fixtures / "uk" / OFFICIAL).read_text(encoding="utf-8")
    (tmp_path / OFFICIAL).write_text(text.replace("16/03/2022", "sometime 2022"), "utf-8")
    records = read(tmp_path)
    # The subject's two rows both carry the bad value: each is reported.
    assert [(r.line, r.field) for r in rejects(records)] == [
        (7, "Date Designated"),
        (8, "Date Designated"),
    ]
    company = parties(records)["uk:RUS9002"]
    assert company.listed_on is None
    assert ("designated_unparsed", "sometime 2022") in company.extra


def test_official_csv_truncated_inside_a_quoted_field(fixtures: Path, tmp_path: Path) -> None:
    text = (fixtures / "uk" / OFFICIAL).read_text(encoding="utf-8")
    cut = text.index('"Fictitious test subject') + 10
    (tmp_path / OFFICIAL).write_text(text[:cut], encoding="utf-8")
    with pytest.raises(SourceError) as error:
        read(tmp_path)
    assert error.value.line == 3


def test_official_csv_row_with_a_missing_field(fixtures: Path, tmp_path: Path) -> None:
    lines = (fixtures / "uk" / OFFICIAL).read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].rsplit(",", 2)[0]  # drop the last two fields of the third data row
    (tmp_path / OFFICIAL).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        read(tmp_path)
    assert (error.value.line, error.value.field) == (5, "Year Built")
    assert "56 fields where the header has 58" in str(error.value)


def test_official_csv_without_a_needed_column(fixtures: Path, tmp_path: Path) -> None:
    text = (fixtures / "uk" / OFFICIAL).read_text(encoding="utf-8")
    (tmp_path / OFFICIAL).write_text(text.replace("Name 6", "Surname"), encoding="utf-8")
    with pytest.raises(SourceError) as error:
        read(tmp_path)
    assert (error.value.line, error.value.field) == (2, "name6")


def test_a_file_of_another_format_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("id,name\n1,ACME\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        read(other)
    assert error.value.line == 1


def test_a_missing_path_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        read(tmp_path / "nowhere.csv")


# --- OFSI ConList.csv ------------------------------------------------------------------------


def test_conlist_layout_reads_the_same_shapes(fixtures: Path) -> None:
    records = read(fixtures / "uk" / "ConList.csv")
    found = parties(records)
    # A group citing its UK Sanctions List ref takes that id; one that does not keeps Group ID.
    assert sorted(found) == ["uk:90005", "uk:RUS9001"]
    assert list_date(records) == "2026-01-28"
    person = found["uk:RUS9001"]
    assert kinds(person)["Ivan PETROFF"] == NameKind.ALIAS
    assert kinds(person)["Иван Сергеевич Петров"] == NameKind.ORIGINAL_SCRIPT
    assert ("ofsi_group_id", "90001") in person.extra
    assert found["uk:90005"].schema == Schema.ORGANIZATION
    assert found["uk:90005"].listed_on == PartialDate(2011, 12, 2)


# --- normalised tables -----------------------------------------------------------------------


def test_tables_orphans_are_rejected_as_orphans(fixtures: Path) -> None:
    records = read(fixtures / "uk" / "tables")
    orphans = [(Path(r.path).name, r.line) for r in rejects(records) if r.orphan]
    assert orphans == [("subject_names.csv", 9), ("subject_identifiers.csv", 6)]


def test_tables_bad_fields_and_nameless_subjects(fixtures: Path) -> None:
    records = read(fixtures / "uk" / "tables")
    others = {(Path(r.path).name, r.line, r.field) for r in rejects(records) if not r.orphan}
    assert others == {
        ("subjects.csv", 4, "last_updated"),
        ("subject_dobs.csv", 5, "year"),
        ("subjects.csv", 5, "name"),  # CYB9001 has no name row
    }
    assert sorted(parties(records)) == ["uk:AFG9006", "uk:DPR9075", "uk:RUS9010"]
    assert list_date(records) == "2026-04-29"


def test_tables_facts_are_joined_and_deduplicated(fixtures: Path) -> None:
    found = parties(read(fixtures / "uk" / "tables" / "subjects.csv"))
    person = found["uk:AFG9006"]
    assert person.birth_dates == (PartialDate(1967, 1, 1), PartialDate(1968), PartialDate(1969, 6))
    assert len(person.identifiers) == 1  # the same passport row twice
    assert kinds(person)["Mullah Sahib"] == NameKind.WEAK_ALIAS
    assert kinds(person)["Abdul Hasan KARIMI"] == NameKind.ALIAS
    assert ("XK", CountryRole.NATIONALITY) in {(c.code, c.role) for c in person.countries}
    assert ("country_unresolved", "address: Occupied Golan Heights") in person.extra
    assert found["uk:RUS9010"].schema == Schema.COMPANY
    assert found["uk:DPR9075"].identifiers[0].value == "9000001"


def test_tables_need_all_five_files(fixtures: Path, tmp_path: Path) -> None:
    for name in ("subjects.csv", "subject_names.csv"):
        (tmp_path / name).write_bytes((fixtures / "uk" / "tables" / name).read_bytes())
    with pytest.raises(SourceError, match=r"subject_dobs\.csv"):
        read(tmp_path)


# --- the real list ---------------------------------------------------------------------------


@pytest.mark.shared
def test_real_tables_counts(shared_data: Path) -> None:
    records = read(shared_data / "sanctions" / "uk")
    found = list(parties(records).values())
    assert len(found) == 6046
    schemata = Counter(p.schema for p in found)
    assert schemata[Schema.PERSON] == 3883
    assert schemata[Schema.VESSEL] == 632
    assert schemata[Schema.COMPANY] + schemata[Schema.ORGANIZATION] == 1531
    assert sum(len(p.names) for p in found) == 15050
    assert sum(n.kind == NameKind.WEAK_ALIAS for p in found for n in p.names) == 605
    assert sum(len(p.birth_dates) for p in found) == 3538
    assert rejects(records) == []
    assert list_date(records) == "2026-04-29"


@pytest.mark.shared
def test_real_tables_known_subjects(shared_data: Path) -> None:
    found = parties(read(shared_data / "sanctions" / "uk"))
    akhund = found["uk:AFG0006"]
    primary = akhund.names[0]
    assert (primary.given, primary.middle, primary.family) == ("MOHAMMAD", "HASSAN", "AKHUND")
    assert PartialDate(1958) in akhund.birth_dates
    assert akhund.listed_on == PartialDate(2001, 1, 25)
    assert found["uk:DPR0075"].schema == Schema.VESSEL
    assert ("imo", "9562233") in {(i.kind, i.value) for i in found["uk:DPR0075"].identifiers}


def test_tables_unknown_subject_type_is_rejected(fixtures: Path, tmp_path: Path) -> None:
    shutil.copytree(fixtures / "uk" / "tables", tmp_path / "tables")
    subjects = tmp_path / "tables" / "subjects.csv"
    subjects.write_text(subjects.read_text().replace("DPR9075,ship", "DPR9075,aircraft"))
    records = read(tmp_path / "tables")
    assert "uk:DPR9075" not in parties(records)
    assert ("subjects.csv", 4, "subject_type") in {
        (Path(r.path).name, r.line, r.field) for r in rejects(records)
    }
