"""Party screening: list matches, near misses, shared addresses, countries, evidence, the cache."""

from __future__ import annotations

import pytest

from veracity.matching import CandidateIndex, Matcher, NameModel
from veracity.model import Address, Country, Finding, Name, Party, Provenance, Schema
from veracity.model.trade import PartyRole, Shipment
from veracity.screening import parties
from veracity.screening.addresses import AddressIndex, address_tokens
from veracity.screening.parties import (
    MATCH_WEIGHT,
    PartyConfig,
    PartyScreener,
    screen_parties,
)

RADIANT_ADDRESS = "Office 1204, Al Moosa Tower 2, Sheikh Zayed Rd, Dubai"
KVANT_ADDRESS = "Office 5, 14 Lenin St., Yekaterinburg, 620014, Russia"
SINO_ADDRESS = "Room 1203, 12/F, Tower A, 88 Queen's Road Central, Hong Kong"


def listed(pid: str, schema: str, name: str, country: str, address: str | None = None) -> Party:
    addresses = (Address(address, country=country),) if address else ()
    prov = Provenance("t", "list.csv", 1)
    return Party(
        f"t:{pid}",
        "t",
        Schema(schema),
        (Name(name),),
        countries=(Country(country),),
        addresses=addresses,
        provenance=prov,
    )


FILLER = ["ALFA TRADING LLC", "BETA HOLDING LLC", "GAMMA IMPEX LLC", "DELTA GROUP LTD"]
PARTIES = [
    listed("radiant", "Company", "RADIANT ELECTRONICS TRADING LLC", "AE", RADIANT_ADDRESS),
    listed("kvant", "Company", "OOO KVANT ELEKTRONIK", "RU", KVANT_ADDRESS),
    listed("sino", "Company", "SINO GLOBAL TECH LIMITED", "HK", SINO_ADDRESS),
    listed("putin", "Person", "PUTIN, Vladimir Vladimirovich", "RU"),
    listed("city", "Company", "MOSCOW CITY HOLDING", "RU", "Moscow, Russia"),
    *(listed(f"c{i}", "Company", n, "CY") for i, n in enumerate(FILLER)),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(CandidateIndex(PARTIES, "test"), NameModel.load())


@pytest.fixture
def screener(matcher: Matcher) -> PartyScreener:
    return PartyScreener(matcher)


def shipment(sid: str = "S-1", **fields: str) -> Shipment:
    return Shipment(sid, **fields)  # type: ignore[arg-type]  # fields are Shipment's str fields


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_listed_consignee_found(screener: PartyScreener) -> None:
    s = shipment(consignee_name="Radiant Electronics Trading L.L.C.", consignee_country="AE")
    [found] = screener.screen(s)
    assert found.rule == "party_match"
    assert found.extra["role"] == "consignee" and found.extra["entity_id"] == "t:radiant"
    assert found.probability is not None and found.probability > 0.8
    assert found.weight == pytest.approx(MATCH_WEIGHT * found.probability, abs=1e-3)
    evidence = found.evidence[0]
    assert (evidence.record, evidence.field, evidence.source) == (
        "shipment S-1",
        "consignee_name",
        "t:radiant",
    )
    assert evidence.value == "Radiant Electronics Trading L.L.C."
    assert evidence.detail and "RADIANT ELECTRONICS TRADING LLC" in evidence.detail


def test_clean_exporter_not_flagged(screener: PartyScreener) -> None:
    s = shipment(exporter_name="Siemens AG", exporter_country="DE", consignee_name="Bosch GmbH")
    assert screener.screen(s) == []


def test_near_miss_is_possible_match(matcher: Matcher) -> None:
    config = PartyConfig(match_threshold=0.8, review_threshold=0.3)
    strict = PartyScreener(matcher, config)
    [found] = strict.screen(shipment(end_user_name="Kvant", end_user_country="RU"))
    assert found.rule == "party_possible_match"
    assert found.probability is not None and 0.3 <= found.probability < 0.8
    assert found.extra["entity_id"] == "t:kvant"
    assert found.weight < MATCH_WEIGHT * found.probability


def test_below_review_threshold_dropped(matcher: Matcher) -> None:
    lenient = PartyScreener(matcher, PartyConfig(match_threshold=0.9, review_threshold=0.8))
    assert lenient.screen(shipment(end_user_name="Kvant", end_user_country="RU")) == []


def test_different_name_at_listed_address(screener: PartyScreener) -> None:
    s = shipment(
        consignee_name="Falcon Logistics FZE",
        consignee_country="AE",
        consignee_address="OFFICE 1204 - Al Moosa Tower 2, Sheikh Zayed Road, Dubai, UAE",
    )
    [found] = screener.screen(s)
    assert found.rule == "address_match"
    assert found.extra["entity_id"] == "t:radiant" and found.extra["address_rule"] == "exact"
    evidence = found.evidence[0]
    assert (evidence.field, evidence.source) == ("consignee_address", "t:radiant")
    assert evidence.detail and RADIANT_ADDRESS in evidence.detail


def test_address_of_the_matched_party_corroborates(screener: PartyScreener) -> None:
    s = shipment(
        consignee_name="Radiant Electronics Trading LLC",
        consignee_country="AE",
        consignee_address=RADIANT_ADDRESS,
    )
    [found] = screener.screen(s)
    assert found.rule == "party_match"
    assert [e.field for e in found.evidence] == ["consignee_name", "consignee_address"]


def test_address_elsewhere_not_flagged(screener: PartyScreener) -> None:
    s = shipment(
        consignee_name="Falcon Logistics FZE",
        consignee_country="KZ",
        consignee_address="Office 1204, Al Moosa Tower 2, Sheikh Zayed Rd, Dubai",
    )
    assert screener.screen(s) == []


@pytest.mark.parametrize(
    ("address", "country", "listed_id", "rule"),
    [
        ("office 1204 al moosa tower 2 sheikh zayed road dubai", "AE", "t:radiant", "exact"),
        ("Office 1204, Al-Moosa Tower 2, Sheikh Zayed Rd., DUBAI", None, "t:radiant", "exact"),
        ("Off. No. 1204, Al Moosa Tower 2, Sheikh Zayed Road, Dubai", "AE", "t:radiant", "exact"),
        ("Office 5, 14 Lenin Street, Yekaterinburg 620014", "RU", "t:kvant", "exact"),
        (
            "14 Lenin Str, Office 5, Yekaterinburg, 620014, Russian Federation",
            "RU",
            "t:kvant",
            "overlap",
        ),
        ("Rm 1203, 12F, Tower A, No. 88 Queens Rd Central, Hong Kong", "HK", "t:sino", "exact"),
        ("Bldg A Tower, Rm 1203 12/F, 88 Queen's Road Central", "HK", "t:sino", "overlap"),
    ],
)
def test_address_normalisation_matches(
    address: str, country: str | None, listed_id: str, rule: str
) -> None:
    [found] = AddressIndex.build(PARTIES).match(address, country)
    assert (found.party.id, found.rule) == (listed_id, rule)


@pytest.mark.parametrize(
    ("address", "country"),
    [
        ("Office 1205, Al Moosa Tower 2, Sheikh Zayed Rd, Dubai", "AE"),  # another suite
        ("Office 1204, Al Moosa Tower 2, Sheikh Zayed Rd, Dubai", "OM"),  # another country
        ("Moscow, Russia", "RU"),  # a city is not a door
        ("Office 5, 14 Gagarin Street, Samara, 620014", "RU"),  # numbers alone
    ],
)
def test_address_non_matches(address: str, country: str | None) -> None:
    assert AddressIndex.build(PARTIES).match(address, country) == []


def test_address_tokens_spell_out_and_drop_country() -> None:
    assert address_tokens("12/F, 5 Main St., Bldg 3, Jordan", "JO") == (
        "12", "f", "5", "main", "street", "building", "3",
    )  # fmt: skip
    assert address_tokens("1 Jordan Rd, Amman, Jordan", "JO") == ("1", "jordan", "road", "amman")


def test_country_used(screener: PartyScreener) -> None:
    def probability(country: str) -> float:
        s = shipment(consignee_name="Radiant Electronics Trading LLC", consignee_country=country)
        [found] = screener.screen(s)
        assert found.probability is not None
        return found.probability

    assert probability("AE") > probability("DE")


def test_roles_weigh_differently(screener: PartyScreener) -> None:
    name = "OOO Kvant Elektronik"
    s = shipment(exporter_name=name, exporter_country="RU", consignee_name=name)
    exporter, consignee = screener.screen(s)
    assert (exporter.extra["role"], consignee.extra["role"]) == ("exporter", "consignee")
    assert exporter.weight < consignee.weight
    assert PartyConfig().role_weight(PartyRole.EXPORTER) < PartyConfig().role_weight(
        PartyRole.END_USER
    )


def test_every_finding_has_evidence(screener: PartyScreener) -> None:
    s = shipment(
        exporter_name="Sino Global Tech Ltd",
        exporter_country="HK",
        consignee_name="Falcon Logistics FZE",
        consignee_country="AE",
        consignee_address=RADIANT_ADDRESS,
        end_user_name="OOO Kvant Elektronik",
        end_user_country="RU",
        payer_name="Vladimir Putin",
    )
    findings = screener.screen(s)
    assert {f.rule for f in findings} == {"party_match", "address_match"}
    assert len(findings) == 4
    for f in findings:
        assert f.evidence and f.explanation and f.weight > 0
        for e in f.evidence:
            assert e.record == "shipment S-1" and e.field and e.value and e.source


def test_results_cached_across_roles(screener: PartyScreener) -> None:
    screener.screen(shipment("S-1", consignee_name="Radiant Electronics", consignee_country="AE"))
    screener.screen(shipment("S-2", end_user_name="RADIANT  electronics", end_user_country="AE"))
    assert screener.lookup.cache_info().hits == 1


def test_screen_parties_keeps_one_screener(matcher: Matcher) -> None:
    s = shipment(consignee_name="Radiant Electronics Trading LLC", consignee_country="AE")
    first = screen_parties(s, matcher)
    assert screen_parties(s, matcher) == first
    assert first[0].rule == "party_match"
    # The second call must have come from the first call's screener and its cache.
    kept = parties._SCREENERS[matcher][PartyConfig()]
    assert kept.lookup.cache_info().hits == 1
