"""The FollowTheMoney exchange package: real schemata and properties, links, stable ids, and
the round trip through `veracity load ftm`'s reader into a fresh store."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from veracity.load import load_source
from veracity.model import (
    Country,
    CountryRole,
    Identifier,
    Name,
    NameKind,
    PartialDate,
    Party,
    Provenance,
    Schema,
)
from veracity.report.ftm_export import DATASET, entity_id, ftm_entities, listed_props, write_ftm
from veracity.screening.screen import Screened
from veracity.sources.ftm import FtmEntities
from veracity.store import DuckDBStore

# The properties the package uses, by schema, as followthemoney/schema/*.yaml declares them
# (own and inherited: Thing, LegalEntity, Person, Organization, Vessel < Vehicle, Interval,
# Interest, Value, EconomicActivity, Payment, Similar, UnknownLink).
THING = {"name", "alias", "weakAlias", "previousName", "country", "address", "program"}
THING |= {"notes", "publisher", "topics"}
LEGAL = THING | {"jurisdiction", "idNumber", "registrationNumber", "taxNumber", "vatCode"}
LEGAL |= {"innCode", "ogrnCode", "leiCode", "swiftBic", "dunsCode"}
PERSON = {"firstName", "middleName", "lastName", "fatherName", "birthDate", "gender"}
PERSON |= {"nationality", "citizenship", "birthCountry", "passportNumber"}
INTERVAL = {"date", "summary", "description", "recordId"}
PROPERTIES = {
    "LegalEntity": LEGAL,
    "Company": LEGAL | {"imoNumber"},
    "Organization": LEGAL | {"imoNumber"},
    "Person": LEGAL | PERSON,
    "Vessel": THING | {"flag", "imoNumber", "mmsi", "callSign", "registrationNumber"},
    "Airplane": THING | {"registrationNumber"},
    "Similar": {"candidate", "match", "confidenceScore", "criteria", "matcher"},
    "UnknownLink": INTERVAL | {"subject", "object", "role"},
    "EconomicActivity": INTERVAL
    | {"sender", "receiver", "vedCode", "goodsDescription", "directionOfTransportation"}
    | {"departureCountry", "destinationCountry", "invoiceAmount"},
    "Payment": INTERVAL | {"payer", "beneficiary", "amount", "currency", "purpose"},
}
REFERENCES = {"candidate", "match", "subject", "object", "sender", "receiver", "payer"}
REFERENCES |= {"beneficiary"}
FTM_ID = re.compile(r"[0-9a-zA-Z]([0-9a-zA-Z.\-]*[0-9a-zA-Z])?")


@pytest.fixture(scope="module")
def entities(screened: list[Screened], listed: dict[str, Party]) -> list[dict[str, Any]]:
    return ftm_entities(screened, listed.get)


def of(entities: list[dict[str, Any]], schema: str) -> list[dict[str, Any]]:
    return [e for e in entities if e["schema"] == schema]


def named(entities: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(e for e in entities if name in e["properties"].get("name", []))


def test_every_entity_is_valid_ftm(entities: list[dict[str, Any]]) -> None:
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    for e in entities:
        assert FTM_ID.fullmatch(e["id"]) and e["id"].startswith("veracity-")
        assert e["datasets"] == [DATASET] and e["properties"]
        assert set(e["properties"]) <= PROPERTIES[e["schema"]], e["schema"]
        for prop, values in e["properties"].items():
            assert values and all(isinstance(v, str) and v for v in values)
            assert prop not in REFERENCES or set(values) <= ids


def test_parties_listed_entries_and_shipments(entities: list[dict[str, Any]]) -> None:
    assert Counter(e["schema"] for e in entities) == {
        "Company": 8,  # 6 shipment parties with a legal form; the listed KVANT and RADIANT
        "LegalEntity": 1,  # "Vladimir Vladimirovich Putin": the declaration does not say
        "Person": 1,  # the listed PUTIN, Vladimir Vladimirovich
        "Similar": 2,
        "UnknownLink": 1,
        "EconomicActivity": 4,
        "Payment": 1,
    }
    consignee = named(entities, "OOO Kvant Elektronik")
    assert consignee["properties"]["country"] == ["ru"]
    kvant = named(entities, "OOO KVANT ELEKTRONIK")
    assert kvant["properties"]["address"] == [
        "Office 5, 14 Lenin St., Yekaterinburg, 620014, Russia"
    ]
    assert kvant["properties"]["notes"] == ["Listed on t as t:kvant"]
    assert kvant["properties"]["publisher"] == ["t"] and kvant["caption"] == "OOO KVANT ELEKTRONIK"


def test_a_name_match_is_a_similar_link(entities: list[dict[str, Any]]) -> None:
    consignee, kvant = (
        named(entities, "OOO Kvant Elektronik"),
        named(entities, "OOO KVANT ELEKTRONIK"),
    )
    similar = next(e for e in of(entities, "Similar") if e["properties"]["match"] == [kvant["id"]])
    props = similar["properties"]
    assert props["candidate"] == [consignee["id"]] and props["matcher"] == ["veracity party_match"]
    assert float(props["confidenceScore"][0]) > 0.9
    assert "matched 'OOO KVANT ELEKTRONIK'" in props["criteria"][0]


def test_an_address_match_is_an_unknown_link(entities: list[dict[str, Any]]) -> None:
    [link] = of(entities, "UnknownLink")
    falcon, radiant = (
        named(entities, "Falcon Logistics FZE"),
        named(entities, "RADIANT ELECTRONICS TRADING LLC"),
    )
    assert (link["properties"]["subject"], link["properties"]["object"]) == (
        [falcon["id"]],
        [radiant["id"]],
    )
    assert "Al Moosa Tower" in link["properties"]["description"][0]


def test_a_shipment_is_a_customs_declaration(entities: list[dict[str, Any]]) -> None:
    s1 = next(e for e in of(entities, "EconomicActivity") if e["properties"]["recordId"] == ["S-1"])
    props = s1["properties"]
    assert props["sender"] == [named(entities, "Hsinchu Semiconductor Corp.")["id"]]
    assert props["receiver"] == [named(entities, "OOO Kvant Elektronik")["id"]]
    assert (props["vedCode"], props["goodsDescription"], props["date"]) == (
        ["85423190"],
        ["Microcontrollers"],
        ["2024-03-01"],
    )
    assert (props["departureCountry"], props["destinationCountry"]) == (["tw"], ["ru"])
    assert props["invoiceAmount"] == ["1250.00 USD"] and props["directionOfTransportation"] == [
        "export"
    ]
    assert props["summary"][0].startswith("block (score 24.")
    assert (
        "route: TW > RU" in props["description"] and "payer: Horn Group FZE" in props["description"]
    )
    assert any(d.startswith("party_match (weight") for d in props["description"])
    [payment] = of(entities, "Payment")
    assert payment["properties"]["payer"] == [named(entities, "Horn Group FZE")["id"]]
    assert payment["properties"]["beneficiary"] == props["sender"]
    assert (payment["properties"]["amount"], payment["properties"]["currency"]) == (
        ["1250.00"],
        ["USD"],
    )


def test_ids_are_stable(screened: list[Screened], listed: dict[str, Party], tmp_path: Path) -> None:
    one = write_ftm(screened, tmp_path / "a.ftm.json", listed.get).read_bytes()
    two = write_ftm(screened, tmp_path / "b.ftm.json", listed.get).read_bytes()
    assert one == two and entity_id("listed", "t:kvant") == entity_id("listed", "t:kvant")
    assert entity_id("listed", "t:kvant") != entity_id("listed", "t:sino")


def test_without_the_store_a_list_entry_comes_from_the_finding(screened: list[Screened]) -> None:
    entry = next(e for e in ftm_entities(screened) if e["id"] == entity_id("listed", "t:kvant"))
    assert entry["schema"] == "LegalEntity"
    assert entry["properties"] == {
        "name": ["OOO KVANT ELEKTRONIK"],
        "publisher": ["t"],
        "notes": ["Listed as t:kvant"],
    }


def test_listed_properties_follow_the_schema() -> None:
    person = Party(
        "ofac-sdn:1",
        "ofac-sdn",
        Schema.PERSON,
        (
            Name("Ivan PETROV", given="Ivan", family="PETROV"),
            Name("Иван Петров", NameKind.ORIGINAL_SCRIPT),
        ),
        birth_dates=(PartialDate(1971, 3),),
        countries=(Country("RU", CountryRole.NATIONALITY), Country("AE", CountryRole.FLAG)),
        identifiers=(Identifier("passport", "751234567"), Identifier("hin", "X-1")),
        programs=("RUSSIA-EO14024",),
        gender="male",
        provenance=Provenance("t", "l.csv", 1, list_date="2026-01-02"),
    )
    props = listed_props(person)
    assert set(props) <= PROPERTIES["Person"]
    assert (props["name"], props["alias"], props["firstName"], props["lastName"]) == (
        ["Ivan PETROV"], ["Иван Петров"], ["Ivan"], ["PETROV"],
    )  # fmt: skip
    assert (props["nationality"], props["country"], props["birthDate"]) == (
        ["ru"],
        ["ae"],
        ["1971-03"],
    )
    assert props["passportNumber"] == ["751234567"] and props["topics"] == ["sanction"]
    assert props["notes"] == ["Listed on ofac-sdn as ofac-sdn:1 (list of 2026-01-02)", "hin: X-1"]


def test_round_trip_into_a_fresh_store(
    screened: list[Screened], listed: dict[str, Party], tmp_path: Path
) -> None:
    package = write_ftm(screened, tmp_path / "pkg.ftm.json", listed.get)
    store, reader = DuckDBStore(tmp_path / "partner.duckdb"), FtmEntities()
    report = load_source(store, reader, package)
    assert (report.rejected, report.parties) == (0, 10)
    assert reader.skipped == Counter({"EconomicActivity": 4, "Payment": 1})
    parties = {p.caption: p for p in store.parties("ftm")}
    consignee, kvant = parties["OOO Kvant Elektronik"], parties["OOO KVANT ELEKTRONIK"]
    assert consignee.country_codes() == {"RU"} and kvant.schema == Schema.COMPANY
    assert kvant.addresses[0].full.startswith("Office 5, 14 Lenin St.")
    assert parties["PUTIN, Vladimir Vladimirovich"].schema == Schema.PERSON
    assert consignee.linked_to == (kvant.id,) and consignee.id in kvant.linked_to
    assert json.loads(package.read_text().splitlines()[0])["id"].startswith("veracity-")
