"""The OFAC legacy CSV readers (SDN and Consolidated), on small fixtures and on the real files."""

from __future__ import annotations

import re
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

from veracity.exc import NotFoundError, SourceError
from veracity.model import Country, CountryRole, NameKind, PartialDate, Party, Reject, Schema
from veracity.sources.base import Record
from veracity.sources.ofac import OfacConsolidated, OfacSdn


def _split(records: list[Record]) -> tuple[dict[str, Party], list[Reject]]:
    parties = {r.id: r for r in records if isinstance(r, Party)}
    return parties, [r for r in records if isinstance(r, Reject)]


def _sdn(path: Path) -> tuple[dict[str, Party], list[Reject]]:
    return _split(list(OfacSdn().read(path)))


def _ent_nums(rejects: list[Reject]) -> set[str]:
    return {m[1] for r in rejects if (m := re.search(r"entry '(\d+)'", r.error))}


def test_every_entry_gets_its_schema(fixtures: Path) -> None:
    parties, _ = _sdn(fixtures / "ofac" / "sdn")
    assert {k: p.schema for k, p in parties.items()} == {
        "ofac-sdn:306": Schema.ORGANIZATION,
        "ofac-sdn:90001": Schema.PERSON,
        "ofac-sdn:90002": Schema.COMPANY,
        "ofac-sdn:90003": Schema.VESSEL,
        "ofac-sdn:90004": Schema.AIRCRAFT,
        "ofac-sdn:90005": Schema.ORGANIZATION,
        "ofac-sdn:90006": Schema.ORGANIZATION,
    }


def test_individual_is_parsed_into_fields(fixtures: Path) -> None:
    person = _sdn(fixtures / "ofac" / "sdn")[0]["ofac-sdn:90001"]
    primary, alias, weak = person.names
    assert (primary.full, primary.family, primary.given) == (
        "NÚÑEZ ROJAS, José Luis",
        "NÚÑEZ ROJAS",
        "José Luis",
    )
    assert (alias.kind, alias.family) == (NameKind.ALIAS, "NUNEZ ROJAS")
    assert (weak.full, weak.kind) == ("EL PROFE", NameKind.WEAK_ALIAS)
    assert person.birth_dates[0] == PartialDate(1961, 3, 12)
    assert [d.year for d in person.birth_dates[1:]] == [1960, 1961, 1962]
    assert person.gender == "male"
    assert Country("CO", CountryRole.CITIZENSHIP) in person.countries
    assert Country("MX", CountryRole.ADDRESS) in person.countries
    assert [(i.kind, i.country) for i in person.identifiers] == [
        ("passport", "MX"),
        ("national_id", "MX"),
    ]
    assert person.programs == ("SDNTK", "ILLICIT-DRUGS-EO14059")
    assert person.linked_to == ("EXAMPLE CARTEL",)
    assert ("title", "Commander") in person.extra
    assert person.remarks is not None and "Commander of the Example Plaza" in person.remarks
    assert person.provenance is not None
    assert (person.provenance.path.endswith("sdn.csv"), person.provenance.line) == (True, 2)


def test_vessel_columns(fixtures: Path) -> None:
    vessel = _sdn(fixtures / "ofac" / "sdn")[0]["ofac-sdn:90003"]
    assert Country("PA", CountryRole.FLAG) in vessel.countries
    assert [(i.kind, i.value) for i in vessel.identifiers] == [
        ("imo", "9000001"),
        ("mmsi", "356000001"),
        ("call_sign", "9HXX1"),
    ]
    assert "Example Shipping Co" in vessel.linked_to
    assert ("tonnage", "99,030") in vessel.extra
    assert ("vessel_type", "Crude Oil Tanker") in vessel.extra
    assert [(n.full, n.kind) for n in vessel.names[1:]] == [
        ("SEA EXAMPLE II", NameKind.ALIAS),
        ("OLD EXAMPLE", NameKind.WEAK_ALIAS),
    ]


def test_aircraft_and_company_details(fixtures: Path) -> None:
    parties, _ = _sdn(fixtures / "ofac" / "sdn")
    aircraft, company = parties["ofac-sdn:90004"], parties["ofac-sdn:90002"]
    assert {i.kind for i in aircraft.identifiers} == {
        "aircraft_construction_number",
        "aircraft_msn",
        "aircraft_tail_number",
    }
    assert ("aircraft_model", "A300B4-622R") in aircraft.extra
    assert company.names[1].kind == NameKind.FORMER
    assert {(i.kind, i.value) for i in company.identifiers} == {
        ("tax_id", "7700000001"),
        ("registration", "1027700000001"),
    }
    assert company.listed_on == PartialDate(2022, 2, 24)
    assert company.addresses[0].city == "Moscow 101000"


def test_remarks_overflow_is_joined_before_parsing(fixtures: Path) -> None:
    foundation = _sdn(fixtures / "ofac" / "sdn")[0]["ofac-sdn:90005"]
    assert foundation.remarks is not None and len(foundation.remarks) > 1000
    assert foundation.remarks.endswith("Linked To: EXAMPLE ARMED GROUP.")
    assert foundation.linked_to == ("EXAMPLE ARMED GROUP",)
    assert len([n for n in foundation.names if n.kind == NameKind.WEAK_ALIAS]) == 59
    assert foundation.addresses[0].country == "PS"


def test_weak_alias_row_and_empty_address(fixtures: Path) -> None:
    group = _sdn(fixtures / "ofac" / "sdn")[0]["ofac-sdn:90006"]
    assert [(n.full, n.kind) for n in group.names[1:]] == [("EAG", NameKind.WEAK_ALIAS)]
    assert group.addresses == ()
    assert group.programs == ("SDGT", "FTO")


def test_orphan_rows_are_rejected_one_by_one(fixtures: Path) -> None:
    _, rejects = _sdn(fixtures / "ofac" / "sdn")
    assert all(r.orphan and r.field == "ent_num" for r in rejects)
    assert sorted((Path(r.path).name, r.line) for r in rejects) == [
        ("add.csv", 6),
        ("alt.csv", 6),
        ("alt.csv", 7),
        ("sdn_comments.csv", 2),
    ]
    assert _ent_nums(rejects) == {"99997", "99998", "99999"}


def test_main_file_path_reads_its_companions(fixtures: Path) -> None:
    folder = fixtures / "ofac" / "sdn"
    by_file = list(OfacSdn().read(folder / "sdn.csv"))
    assert by_file == list(OfacSdn().read(folder))
    assert [p.name for p in OfacSdn().files(folder / "sdn.csv")] == [
        "sdn.csv",
        "alt.csv",
        "add.csv",
        "sdn_comments.csv",
    ]


def test_wrong_paths(fixtures: Path, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="companion file"):
        list(OfacSdn().read(fixtures / "ofac" / "sdn" / "alt.csv"))
    with pytest.raises(SourceError, match=r"no sdn\.csv in folder"):
        list(OfacSdn().read(tmp_path))
    with pytest.raises(NotFoundError):
        list(OfacSdn().read(tmp_path / "missing"))


def test_truncated_file_names_line_and_field(fixtures: Path) -> None:
    with pytest.raises(SourceError) as caught:
        list(OfacSdn().read(fixtures / "ofac" / "truncated" / "sdn.csv"))
    error = caught.value
    assert (Path(error.path or "").name, error.line, error.field) == ("sdn.csv", 2, "Remarks")
    assert "truncated" in error.message


def test_wrong_field_count_names_line_and_field(fixtures: Path) -> None:
    with pytest.raises(SourceError) as caught:
        list(OfacSdn().read(fixtures / "ofac" / "wrong_count" / "sdn.csv"))
    assert (caught.value.line, caught.value.field) == (2, "Remarks")
    assert "11 fields, expected 12" in caught.value.message


def test_bad_rows_are_rejected_and_reading_goes_on(fixtures: Path) -> None:
    parties, rejects = _sdn(fixtures / "ofac" / "bad_field")
    assert list(parties) == ["ofac-sdn:306"]
    assert [(Path(r.path).name, r.line, r.field, r.orphan) for r in rejects] == [
        ("sdn.csv", 2, "ent_num", False),
        ("sdn.csv", 3, "SDN_Name", False),
        ("sdn.csv", 4, "SDN_Type", False),
        ("sdn.csv", 5, "ent_num", False),
        ("alt.csv", 1, "alt_type", False),
        ("alt.csv", 2, "alt_name", False),
        ("alt.csv", 3, "ent_num", False),
    ]
    assert "listed twice" in rejects[3].error
    assert "was rejected" in rejects[6].error


def test_missing_eof_marker_is_reported_not_fatal(fixtures: Path, tmp_path: Path) -> None:
    data = (fixtures / "ofac" / "sdn" / "sdn.csv").read_bytes()
    (tmp_path / "sdn.csv").write_bytes(data.removesuffix(b"\x1a"))
    parties, rejects = _sdn(tmp_path)
    assert len(parties) == 7
    assert [(r.line, r.field) for r in rejects] == [(None, None)]
    assert "end-of-file marker" in rejects[0].error


def test_data_after_eof_and_bad_bytes_raise(fixtures: Path, tmp_path: Path) -> None:
    data = (fixtures / "ofac" / "sdn" / "sdn.csv").read_bytes()
    (tmp_path / "sdn.csv").write_bytes(data + b"\r\n1,2")
    with pytest.raises(SourceError, match="after the end-of-file marker"):
        list(OfacSdn().read(tmp_path))
    lines = data.split(b"\r\n")
    lines[1] = lines[1].replace(b"Commander", b"Comm\x81nder", 1)
    (tmp_path / "sdn.csv").write_bytes(b"\r\n".join(lines))
    with pytest.raises(SourceError, match="not cp1252") as caught:
        list(OfacSdn().read(tmp_path))
    assert caught.value.line == 2


def test_consolidated_list(fixtures: Path, tmp_path: Path) -> None:
    shutil.copytree(fixtures / "ofac" / "cons", tmp_path / "cons")
    parties, rejects = _split(list(OfacConsolidated().read(tmp_path / "cons")))
    person, company = parties["ofac-cons:9639"], parties["ofac-cons:32001"]
    assert rejects == []
    assert [n.full for n in person.names] == ["EXAMPLE, Person Abdul", "EXAMPLE, Person"]
    assert person.birth_dates == (PartialDate(1962),)
    assert company.schema == Schema.COMPANY
    assert company.listed_on == PartialDate(2021, 6, 3)
    assert OfacConsolidated.URLS["cons_alt.csv"].endswith("/consolidated/cons_alt.csv")


def test_sources_are_named_and_point_at_treasury() -> None:
    assert (OfacSdn.NAME, OfacConsolidated.NAME) == ("ofac-sdn", "ofac-cons")
    assert set(OfacSdn.URLS) == {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}
    assert all(
        u.startswith("https://www.treasury.gov/ofac/downloads/") for u in OfacSdn.URLS.values()
    )


@pytest.mark.shared
def test_real_sdn_counts(shared_data: Path) -> None:
    start = time.perf_counter()
    parties, rejects = _sdn(shared_data / "sanctions" / "ofac_sdn")
    elapsed = time.perf_counter() - start
    schemas = Counter(p.schema for p in parties.values())
    assert len(parties) == 14_965
    assert (schemas[Schema.PERSON], schemas[Schema.VESSEL], schemas[Schema.AIRCRAFT]) == (
        6_854,
        851,
        376,
    )
    assert schemas[Schema.ORGANIZATION] + schemas[Schema.COMPANY] == 6_884
    by_file = {
        name: [r for r in rejects if Path(r.path).name == name]
        for name in ("alt.csv", "add.csv", "sdn_comments.csv")
    }
    assert (len(by_file["alt.csv"]), len(_ent_nums(by_file["alt.csv"]))) == (1_468, 945)
    assert (len(by_file["add.csv"]), len(_ent_nums(by_file["add.csv"]))) == (2_474, 2_111)
    assert [r.orphan for r in by_file["sdn_comments.csv"]] == [True, False, True]
    assert len(rejects) == 1_468 + 2_474 + 3
    assert elapsed < 6  # target 3 s; doubled so that a loaded machine does not fail it


@pytest.mark.shared
def test_real_sdn_entries(shared_data: Path) -> None:
    parties, _ = _sdn(shared_data / "sanctions" / "ofac_sdn")
    bank = parties["ofac-sdn:306"]
    assert [(n.full, n.kind) for n in bank.names] == [
        ("BANCO NACIONAL DE CUBA", NameKind.PRIMARY),
        ("NATIONAL BANK OF CUBA", NameKind.ALIAS),
        ("BNC", NameKind.WEAK_ALIAS),
    ]
    sberbank = parties["ofac-sdn:17018"]  # remarks joined with sdn_comments.csv
    assert sberbank.remarks is not None and len(sberbank.remarks) > 1000
    assert "SBERBANK MUMBAI" in {n.full for n in sberbank.names}
    assert sum(len(p.birth_dates) > 0 for p in parties.values()) > 5_000


@pytest.mark.shared
def test_real_consolidated_counts(shared_data: Path) -> None:
    parties, rejects = _split(
        list(OfacConsolidated().read(shared_data / "sanctions" / "ofac_consolidated"))
    )
    assert len(parties) == 442
    assert sum(p.schema == Schema.PERSON for p in parties.values()) == 79
    assert rejects == []
