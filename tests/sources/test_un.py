"""The UN Security Council Consolidated List reader."""

from __future__ import annotations

import shutil
import time
from collections import Counter
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veracity.exc import SourceError
from veracity.model import Country, CountryRole, Identifier, NameKind, PartialDate, Party, Reject
from veracity.sources.base import ListInfo, Record, get_source
from veracity.sources.un import UnConsolidated

SAMPLE = Path(__file__).parent.parent / "fixtures" / "un" / "un_sample.xml"


def read(path: Path) -> list[Record]:
    return list(UnConsolidated().read(path))


def parties(records: list[Record]) -> dict[str, Party]:
    return {r.id: r for r in records if isinstance(r, Party)}


@pytest.fixture(scope="module")
def sample() -> dict[str, Party]:
    return parties(read(SAMPLE))


def test_list_date_comes_first() -> None:
    assert read(SAMPLE)[0] == ListInfo("2026-01-15T00:00:05.123Z")


def test_individual_names_keep_parts_script_and_alias_quality(sample: dict[str, Party]) -> None:
    names = sample["un:TAi.901"].names
    assert names[0].full == "Karim Abdul Wahid Nazari"
    assert (names[0].kind, names[0].given, names[0].middle, names[0].family) == (
        NameKind.PRIMARY,
        "Karim",
        "Abdul Wahid",
        "Nazari",
    )
    assert [(n.full, n.kind) for n in names[1:]] == [
        ("کریم عبد الواحد نظری", NameKind.ORIGINAL_SCRIPT),
        ("Karim Nazary", NameKind.ALIAS),
        ("Haji Sahib", NameKind.WEAK_ALIAS),
    ]  # the empty INDIVIDUAL_ALIAS is skipped, not rejected


def test_birth_dates_keep_precision_and_circa(sample: dict[str, Party]) -> None:
    person = sample["un:TAi.901"]
    assert person.birth_dates == (
        PartialDate(1966, circa=True),  # APPROXIMATELY + YEAR
        PartialDate(1968, circa=True),  # BETWEEN 1968 and 1969
        PartialDate(1969, circa=True),
        PartialDate(1973, 11),  # date given only in NOTE
        PartialDate(1967, 4, 2),  # EXACT + DATE
    )
    assert ("birth_date_note", "30-35 years old") in person.extra
    assert person.birth_places == ("Maiwand District, Kandahar Province, Afghanistan",)


def test_countries_with_roles_and_unresolved_kept(sample: dict[str, Party]) -> None:
    person = sample["un:TAi.901"]
    assert set(person.countries) == {
        Country("AF", CountryRole.BIRTH),
        Country("AF", CountryRole.ADDRESS),
        Country("AF", CountryRole.NATIONALITY),
    }
    assert ("country_unresolved", "former Soviet Union") in person.extra


def test_documents_become_identifiers_with_normalised_kinds(sample: dict[str, Party]) -> None:
    person = sample["un:TAi.901"]
    assert person.identifiers == (
        Identifier(
            "passport", "OA 123456", "AF", "Passport; issued 2009-03-01; Expires 28 Feb 2014"
        ),
        Identifier("national_id", "1-57-12345", None, "National Identification Number"),
    )
    # A document with no number is not lost.
    note = "National Identification Number; Afghan tazkira, number not known"
    assert ("document", note) in person.extra


def test_other_individual_facts(sample: dict[str, Party]) -> None:
    person = sample["un:TAi.901"]
    assert person.gender == "male"
    assert person.programs == ("Taliban",)
    assert person.listed_on == PartialDate(2001, 1, 31)
    assert person.remarks == (
        "Financier of the group TAe.902. Lived in the former Soviet Union in the 1990s."
    )
    assert person.linked_to == ("un:TAe.902",)
    assert person.addresses[0].full == "Street 4, Wazir Akbar Khan, Kabul, Afghanistan"
    assert person.addresses[0].country == "AF"
    assert ("designation", "Deputy Minister of Finance") in person.extra
    assert ("designation", "na") not in person.extra  # the list's placeholder
    assert ("title", "Maulavi") in person.extra
    assert ("last_updated", "2019-02-11") in person.extra
    assert ("alias_note", "Haji Sahib: nickname") in person.extra


def test_provenance_names_file_line_and_element(sample: dict[str, Party]) -> None:
    prov = sample["un:TAi.901"].provenance
    assert prov is not None
    assert (prov.source, prov.path, prov.line) == ("un", str(SAMPLE), 5)
    assert prov.element == "/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[1]"
    assert prov.list_date == "2026-01-15T00:00:05.123Z"


def test_entity_is_an_organization_with_former_names(sample: dict[str, Party]) -> None:
    entity = sample["un:TAe.902"]
    assert entity.schema == "Organization"
    assert [(n.full, n.kind) for n in entity.names] == [
        ("NAZARI MONEY EXCHANGE", NameKind.PRIMARY),
        ("صرافی نظری", NameKind.ORIGINAL_SCRIPT),
        ("Nazari Hawala", NameKind.ALIAS),
        ("Kabul Exchange Company", NameKind.FORMER),
    ]
    assert entity.names[0].given is None
    assert entity.listed_on == PartialDate(2012, 6, 29)  # written 2012-06-29-04:00
    assert entity.country_codes() == {"AF", "PK"}


def test_element_without_a_name_is_rejected_with_path_and_field() -> None:
    rejects = [r for r in read(SAMPLE) if isinstance(r, Reject)]
    assert len(rejects) == 1
    reject = rejects[0]
    assert (reject.source, reject.path, reject.field) == ("un", str(SAMPLE), "FIRST_NAME")
    assert reject.line == "/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[2]"
    assert "line 102" in reject.error


def test_truncated_file_raises_source_error_naming_the_line(fixtures: Path) -> None:
    with pytest.raises(SourceError) as caught:
        read(fixtures / "un" / "un_truncated.xml")
    assert caught.value.line == 61
    assert "un_truncated.xml" in str(caught.value)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=SAMPLE.stat().st_size - len("</CONSOLIDATED_LIST>\n")))
def test_any_truncation_is_a_source_error(
    tmp_path_factory: pytest.TempPathFactory, cut: int
) -> None:
    path = tmp_path_factory.mktemp("cut") / "consolidated.xml"
    path.write_bytes(SAMPLE.read_bytes()[:cut])
    with pytest.raises(SourceError):
        read(path)


def test_billion_laughs_is_refused(fixtures: Path) -> None:
    with pytest.raises(SourceError, match="unsafe XML refused"):
        read(fixtures / "xmlsafe" / "billion_laughs.xml")


def test_another_list_is_refused(fixtures: Path) -> None:
    with pytest.raises(SourceError, match="not a UN consolidated list") as caught:
        read(fixtures / "eu" / "eu_fsf_sample.xml")
    assert caught.value.line == 1


def test_folder_holding_the_official_file_name(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "consolidated.xml")
    assert set(parties(read(tmp_path))) == {"un:TAi.901", "un:TAe.902"}


def test_registered_under_its_name() -> None:
    assert isinstance(get_source("un"), UnConsolidated)
    assert UnConsolidated.URLS == {
        "consolidated.xml": "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
    }


def _alias_elements(path: Path) -> Counter[str]:
    """Non-empty alias elements counted straight from the XML, as an independent oracle."""
    root = SafeET.parse(str(path)).getroot()
    found: Counter[str] = Counter()
    for tag in ("INDIVIDUAL_ALIAS", "ENTITY_ALIAS"):
        elements = root.iter(tag)
        found[tag] = sum(1 for a in elements if (a.findtext("ALIAS_NAME") or "").strip())
    return found


@pytest.mark.shared
def test_real_list_counts(shared_data: Path) -> None:
    path = shared_data / "sanctions" / "un" / "UN_consolidated.xml"
    started = time.perf_counter()
    records = read(path)
    assert time.perf_counter() - started < 3.0
    assert records[0] == ListInfo("2026-02-27T00:00:09.554Z")
    assert not [r for r in records if isinstance(r, Reject)]
    found = parties(records)
    assert Counter(p.schema.value for p in found.values()) == {"Person": 730, "Organization": 273}
    kinds = Counter(
        (p.schema.value, n.kind) for p in found.values() for n in p.names if n.kind != "primary"
    )
    # 2,308 INDIVIDUAL_ALIAS elements of which 169 are empty; 735 ENTITY_ALIAS with 122 empty.
    assert kinds[("Person", NameKind.ALIAS)] + kinds[("Person", NameKind.WEAK_ALIAS)] == 2308 - 169
    assert kinds[("Person", NameKind.WEAK_ALIAS)] == 615
    assert kinds[("Organization", NameKind.ALIAS)] + kinds[("Organization", NameKind.FORMER)] == (
        735 - 122
    )
    assert _alias_elements(path) == {"INDIVIDUAL_ALIAS": 2308 - 169, "ENTITY_ALIAS": 735 - 122}
    assert kinds[("Person", NameKind.ORIGINAL_SCRIPT)] == 336
    assert kinds[("Organization", NameKind.ORIGINAL_SCRIPT)] == 42


@pytest.mark.shared
def test_real_list_known_entry(shared_data: Path) -> None:
    found = parties(read(shared_data / "sanctions" / "un" / "UN_consolidated.xml"))
    person = found["un:LYi.023"]
    assert person.caption == "Ahmad Oumar Imhamad al-Fitouri"
    assert ("احمد عمر امحمد الفيتوري", NameKind.ORIGINAL_SCRIPT) in [
        (n.full, n.kind) for n in person.names
    ]
    assert sum(n.kind == NameKind.WEAK_ALIAS for n in person.names) == 5
    assert person.identifiers[0] == Identifier(
        "passport", "LY53FP76", "LY", "Passport; issued 2015-09-29 Tripoli"
    )
    assert person.identifiers[1].kind == "national_id"
    assert person.birth_dates == (PartialDate(1988, 5, 7),)
    assert person.programs == ("Libya",)
    assert Country("LY", CountryRole.NATIONALITY) in person.countries
    assert person.provenance is not None
    assert person.provenance.line == 13403
    assert person.provenance.element == "/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[287]"
