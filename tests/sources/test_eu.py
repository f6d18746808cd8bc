"""The EU consolidated financial sanctions list (FSF XML 1.1) reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from veracity.exc import SourceError
from veracity.model import Country, CountryRole, Identifier, NameKind, PartialDate, Party, Reject
from veracity.sources.base import ListInfo, Record, get_source
from veracity.sources.eu import EuFsf

SAMPLE = Path(__file__).parent.parent / "fixtures" / "eu" / "eu_fsf_sample.xml"
NS = "http://eu.europa.ec/fpi/fsd/export"


def read(path: Path) -> list[Record]:
    return list(EuFsf().read(path))


def parties(records: list[Record]) -> dict[str, Party]:
    return {r.id: r for r in records if isinstance(r, Party)}


def doc(tmp_path: Path, *entities: str, ns: str = NS) -> Path:
    """A small FSF export holding `entities`, one per line after the root."""
    path = tmp_path / "eu_fsf.xml"
    root = f'<export xmlns="{ns}" generationDate="2026-01-02T10:00:00.000+01:00">'
    path.write_text("\n".join([root, *entities, "</export>"]), encoding="utf-8")
    return path


def entity(inner: str, logical_id: str = "1", code: str = "person") -> str:
    return (
        f'<sanctionEntity euReferenceNumber="EU.1.{logical_id}" logicalId="{logical_id}">'
        f'<subjectType code="{code}" classificationCode="P"/>{inner}</sanctionEntity>'
    )


@pytest.fixture(scope="module")
def sample() -> dict[str, Party]:
    return parties(read(SAMPLE))


def test_list_date_and_all_entities() -> None:
    records = read(SAMPLE)
    assert records[0] == ListInfo("2026-05-08T14:10:07.123+02:00")
    assert len(records) == 8
    assert not [r for r in records if isinstance(r, Reject)]


def test_subject_types(sample: dict[str, Party]) -> None:
    schemas = {key: p.schema.value for key, p in sample.items()}
    assert schemas == {
        "eu:900101": "Person",
        "eu:900202": "Person",
        "eu:900303": "Organization",
        "eu:900404": "Organization",  # a tanker listed as an enterprise
        "eu:900505": "Organization",
        "eu:900606": "Person",
        "eu:900707": "Organization",
    }


def test_person_names_by_strength_and_script(sample: dict[str, Party]) -> None:
    names = sample["eu:900101"].names
    assert [(n.full, n.kind, n.lang) for n in names] == [
        ("Ivan Petrovich Sidorenkov", NameKind.PRIMARY, None),
        ("Иван Петрович Сидоренков", NameKind.ORIGINAL_SCRIPT, "ru"),
        ("Ivan Sidorenkov", NameKind.ALIAS, "en"),
        ("Vanya", NameKind.WEAK_ALIAS, None),  # strong="false"
    ]
    assert (names[0].given, names[0].middle, names[0].family) == ("Ivan", "Petrovich", "Sidorenkov")
    assert names[1].family == "Сидоренков"


def test_arabic_name_and_low_quality_remark(sample: dict[str, Party]) -> None:
    kinds = {n.full: n.kind for n in sample["eu:900202"].names}
    assert kinds["عبد الرحمن الفاخوري"] == NameKind.ORIGINAL_SCRIPT
    assert kinds["Abdulrahman Fakhoury"] == NameKind.ALIAS
    assert kinds["Abu Omar"] == NameKind.WEAK_ALIAS  # strong="true" but "Low quality alias"
    assert not [e for e in sample["eu:900202"].extra if e[0] == "alias_note"]


def test_birth_dates_full_year_only_and_month(sample: dict[str, Party]) -> None:
    assert sample["eu:900101"].birth_dates == (PartialDate(1965, 3, 14),)
    assert sample["eu:900202"].birth_dates == (PartialDate(1970, circa=True), PartialDate(1971))
    assert sample["eu:900606"].birth_dates == (PartialDate(1980, 5),)
    assert sample["eu:900101"].birth_places == ("Kursk, RUSSIAN FEDERATION",)


def test_countries_with_roles_and_unknown_skipped(sample: dict[str, Party]) -> None:
    person = sample["eu:900202"]
    assert set(person.countries) == {
        Country("SY", CountryRole.BIRTH),
        Country("SY", CountryRole.CITIZENSHIP),
    }
    # countryIso2Code="00" / "UNKNOWN" is the list's "not known", not an unresolved country.
    assert not [e for e in person.extra if e[0] == "country_unresolved"]
    assert sample["eu:900505"].countries == ()
    assert sample["eu:900707"].country_codes() == {"KP"}


def test_identifiers_with_kinds_and_flags(sample: dict[str, Party]) -> None:
    assert sample["eu:900101"].identifiers == (
        Identifier("passport", "720000101", "RU", "National passport; Valid until 2029"),
    )
    assert sample["eu:900202"].identifiers[0].kind == "national_id"
    kinds = [(i.kind, i.value) for i in sample["eu:900303"].identifiers]
    assert kinds == [("registration_number", "1027800001234"), ("tax_id", "7810001234")]
    assert sample["eu:900404"].identifiers == (Identifier("imo", "9187629", "CM", "IMO Number"),)
    note = sample["eu:900606"].identifiers[0].note
    assert note == "National passport; Ministry of Internal Affairs; known expired"


def test_addresses_and_contact_info(sample: dict[str, Party]) -> None:
    company = sample["eu:900303"]
    address = company.addresses[0]
    assert (address.street, address.city, address.postal_code, address.country) == (
        "Ulitsa Promyshlennaya 19",
        "Saint Petersburg",
        "198099",
        "RU",
    )
    assert ("web", "https://severnye-pribory.example") in company.extra
    assert ("phone", "+7 812 000 00 00") in company.extra
    foundation = sample["eu:900505"]
    assert foundation.addresses[0].full == "PO Box 1234, Peshawar area"
    assert foundation.addresses[0].country is None
    assert ("address_note", "Branch office") in foundation.extra


def test_programme_listing_and_references(sample: dict[str, Party]) -> None:
    person = sample["eu:900101"]
    assert person.programs == ("UKR",)
    assert person.listed_on == PartialDate(2022, 2, 23)
    assert person.gender == "male"
    assert sample["eu:900606"].gender == "female"
    assert ("eu_reference", "EU.9001.11") in person.extra
    assert ("regulation", "2022/260 (OJ L42I)") in person.extra
    assert ("function", "Deputy Commander of the Southern Military District") in person.extra
    assert ("title", "Lieutenant General") in person.extra
    assert ("un_reference", "QDe.990") in sample["eu:900505"].extra
    assert sample["eu:900505"].remarks == "UNSC RESOLUTION 1390 (2002)"


def test_vessel_like_enterprise_keeps_former_name(sample: dict[str, Party]) -> None:
    vessel = sample["eu:900404"]
    assert [(n.full, n.kind) for n in vessel.names] == [
        ("GOLDEN HORIZON", NameKind.PRIMARY),
        ("HORIZON STAR", NameKind.FORMER),
    ]
    assert vessel.remarks is not None and "flag: Cameroon" in vessel.remarks


def test_provenance(sample: dict[str, Party]) -> None:
    prov = sample["eu:900606"].provenance
    assert prov is not None
    assert (prov.source, prov.path, prov.line) == ("eu", str(SAMPLE), 84)
    assert prov.element == "/export/sanctionEntity[6]"
    assert prov.list_date == "2026-05-08T14:10:07.123+02:00"


def test_entity_without_a_name_is_rejected_with_path_and_field(tmp_path: Path) -> None:
    good = entity('<nameAlias wholeName="Good Name" strong="true"/>', "1")
    nameless = entity('<nameAlias wholeName="" firstName="" strong="true"/>', "2")
    records = read(doc(tmp_path, good, nameless))
    rejects = [r for r in records if isinstance(r, Reject)]
    assert [(r.line, r.field) for r in rejects] == [
        ("/export/sanctionEntity[2]", "nameAlias/wholeName")
    ]
    assert "line 3" in rejects[0].error
    assert list(parties(records)) == ["eu:1"]


def test_unknown_subject_type_and_missing_id_are_rejected(tmp_path: Path) -> None:
    name = '<nameAlias wholeName="X" strong="true"/>'
    no_id = '<sanctionEntity><subjectType code="person"/>' + name + "</sanctionEntity>"
    records = read(doc(tmp_path, entity(name, "1", code="vessel"), no_id))
    fields = [r.field for r in records if isinstance(r, Reject)]
    assert fields == ["subjectType", "logicalId"]


def test_name_from_parts_and_bad_birth_date_kept(tmp_path: Path) -> None:
    inner = (
        '<nameAlias firstName="Ada" middleName="B" lastName="Lovelace" strong="true"/>'
        '<birthdate birthdate="1965-13-45" circa="false"/>'
    )
    person = parties(read(doc(tmp_path, entity(inner))))["eu:1"]
    assert person.names[0].full == "Ada B Lovelace"
    assert person.birth_dates == ()
    assert ("birth_date_unparsed", "1965-13-45") in person.extra


@pytest.mark.parametrize("ns", ["http://eu.europa.eu/fpi/fsd/export", ""])
def test_namespace_variants_are_read(tmp_path: Path, ns: str) -> None:
    path = doc(tmp_path, entity('<nameAlias wholeName="X Y" strong="true"/>'), ns=ns)
    assert list(parties(read(path))) == ["eu:1"]


def test_truncated_export_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "eu_fsf.xml"
    path.write_bytes(SAMPLE.read_bytes()[:4000])
    with pytest.raises(SourceError, match="malformed XML") as caught:
        read(path)
    assert isinstance(caught.value.line, int) and caught.value.line > 5


def test_external_entity_is_refused(fixtures: Path) -> None:
    with pytest.raises(SourceError, match="unsafe XML refused") as caught:
        read(fixtures / "xmlsafe" / "external_entity.xml")
    assert caught.value.line == 2


def test_another_list_is_refused(fixtures: Path) -> None:
    with pytest.raises(SourceError, match="not an EU FSF export"):
        read(fixtures / "un" / "un_sample.xml")


def test_registered_under_its_name() -> None:
    assert isinstance(get_source("eu"), EuFsf)
    assert list(EuFsf.URLS) == ["eu_fsf.xml"]
    assert "xmlFullSanctionsList_1_1" in EuFsf.URLS["eu_fsf.xml"]
