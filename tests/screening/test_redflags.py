"""Red-flag rules R01-R22: each implemented rule fires and stays silent; weights and coverage."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path
from typing import Any

import pytest

from veracity.model.components import Component
from veracity.model.dates import PartialDate
from veracity.model.trade import Shipment
from veracity.screening.components import ComponentIndex
from veracity.screening.redflags import NOT_IMPLEMENTED, RULES, evaluate
from veracity.screening.redflags_context import (
    InMemoryHistory,
    RuleContext,
    RuleThresholds,
    RuleWeights,
    transshipment_points,
)

CHIP = "85423190"  # CHPL tier 1 (processors and controllers)
COFFEE = "09011100"


def ship(id: str = "S1", **fields: Any) -> Shipment:
    """A shipment with the given fields; `date` may be an ISO string."""
    date = fields.pop("date", None)
    return Shipment(id, PartialDate.from_iso(date) if date else None, **fields)


def fired(rule_id: str, shipment: Shipment, context: RuleContext | None = None) -> bool:
    return RULES[rule_id](shipment, context or RuleContext()) is not None


def with_history(*shipments: Shipment, **thresholds: Any) -> RuleContext:
    return RuleContext(history=InMemoryHistory(shipments), thresholds=RuleThresholds(**thresholds))


# One shipment that fires each record rule, and one that does not.
RECORD_CASES = {
    "R01": (ship(hs_code=CHIP), ship(hs_code=COFFEE)),
    "R02": (ship(destination_country="RU"), ship(destination_country="KZ")),
    "R03": (
        ship(hs_code=CHIP, destination_country="KG"),
        ship(hs_code=CHIP, destination_country="DE"),
    ),
    "R04": (
        ship(transit_countries=("PL", "BY", "RU"), destination_country="KZ"),
        ship(transit_countries=("PL", "LT"), destination_country="KZ"),
    ),
    "R11": (ship(end_user_name="Asia Logistics LLC"), ship(end_user_name="Tashkent Tractor Plant")),
    "R13": (ship(end_user_statement=False), ship(end_user_statement=True)),
    "R14": (
        ship(consignee_name="Alfa Trade LLC", payer_name="Horn Group FZE", payer_country="AE"),
        ship(consignee_name="Alfa Trade LLC", payer_name="ALFA TRADE, L.L.C."),
    ),
}


@pytest.mark.parametrize("rule_id", sorted(RECORD_CASES))
def test_record_rule_fires_and_stays_silent(rule_id: str) -> None:
    hit, miss = RECORD_CASES[rule_id]
    assert fired(rule_id, hit)
    assert not fired(rule_id, miss)


def test_rules_and_not_implemented_cover_the_catalogue_exactly() -> None:
    assert not set(RULES) & set(NOT_IMPLEMENTED)
    assert set(RULES) | set(NOT_IMPLEMENTED) == {f"R{n:02d}" for n in range(1, 23)}
    assert all(rule.id == rule_id for rule_id, rule in RULES.items())


@pytest.mark.shared
def test_rule_ids_are_the_shared_catalogue(shared_data: Path) -> None:
    path = shared_data / "trade" / "reference" / "red_flag_rules.csv"
    with path.open(encoding="utf-8") as file:
        catalogue = {row["rule_id"]: row["name"] for row in csv.DictReader(file)}
    assert set(RULES) | set(NOT_IMPLEMENTED) == set(catalogue)
    assert all(rule.title == catalogue[rule.id] for rule in RULES.values())


@pytest.mark.shared
def test_transshipment_points_are_the_alert_list_and_hong_kong(shared_data: Path) -> None:
    path = shared_data / "trade" / "reference" / "transshipment_jurisdictions.csv"
    with path.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    alert = {r["iso2"] for r in rows if r["fincen_bis_2022_transshipment_list"] == "yes"}
    ours = transshipment_points()
    assert {c for c, p in ours.items() if p.basis == "fincen_bis_2022"} == alert
    assert len(alert) == 18
    assert set(ours) - alert == {"HK"}


def test_chpl_tier_sets_the_weight_and_weights_are_configurable() -> None:
    telecom = ship(hs_code="851762")  # CHPL tier 2
    assert evaluate(ship(hs_code=CHIP))[0].weight == 5.0
    assert evaluate(telecom)[0].weight == 4.0
    context = RuleContext(weights=RuleWeights(chpl_tier1=7.5))
    assert evaluate(ship(hs_code=CHIP), context)[0].weight == 7.5


def test_every_weight_field_reaches_its_finding() -> None:
    names = [f.name for f in dataclasses.fields(RuleWeights)]
    context = RuleContext(weights=RuleWeights(**dict.fromkeys(names, 0.25)))
    findings = evaluate(RECORD_CASES["R14"][0], context) + evaluate(ship(hs_code=CHIP), context)
    assert findings
    assert {f.weight for f in findings} == {0.25}


def test_russia_blocks_priority_goods_and_escalates_others() -> None:
    chips = RULES["R02"](ship(hs_code=CHIP, consignee_country="BY"), RuleContext())
    coffee = RULES["R02"](ship(hs_code=COFFEE, end_user_country="RU"), RuleContext())
    assert chips is not None and chips.extra == {"decision": "block"}
    assert coffee is not None and coffee.extra == {"decision": "escalate"}
    assert [e.field for e in coffee.evidence] == ["end_user_country"]


def test_transshipment_needs_a_priority_item_and_cites_the_alert() -> None:
    assert not fired("R03", ship(hs_code=COFFEE, destination_country="KG"))
    finding = RULES["R03"](ship(hs_code=CHIP, consignee_country="HK"), RuleContext())
    assert finding is not None
    assert finding.evidence[0].source == "CHPL tier 1 (BIS 2024-02-23)"
    assert finding.evidence[1].value == "HK" and "KSE" in (finding.evidence[1].source or "")
    armenia = evaluate(ship(hs_code=CHIP, destination_country="AM"))
    assert [f.rule for f in armenia] == ["R01", "R03"]
    assert "FIN-2022-Alert003" in (armenia[1].evidence[1].source or "")


def test_transit_rule_leaves_direct_russian_exports_to_r02() -> None:
    assert not fired("R04", ship(transit_countries=("KZ",), destination_country="RU"))


@pytest.mark.parametrize(
    "name", ["ООО Логистик Групп", "深圳市华强物流有限公司", "Kargo Ticaret A.S.", "Mir Bank JSC"]
)
def test_intermediaries_are_recognised_in_many_languages(name: str) -> None:
    assert fired("R11", ship(end_user_name=name))


def test_intermediary_rule_reads_the_consignee_when_no_end_user_is_named() -> None:
    finding = RULES["R11"](ship(consignee_name="Swift Freight Forwarding"), RuleContext())
    assert finding is not None and finding.evidence[0].field == "consignee_name"
    assert not fired("R11", ship(consignee_name="Swift Freight", end_user_name="Almaty Mining"))


def test_no_russia_clause_counts_for_priority_goods_outside_partner_countries() -> None:
    assert fired("R13", ship(hs_code=CHIP, destination_country="KZ", no_russia_clause=False))
    assert not fired("R13", ship(hs_code=CHIP, destination_country="US", no_russia_clause=False))
    assert not fired("R13", ship(hs_code=COFFEE, destination_country="KZ", no_russia_clause=False))
    assert not fired("R13", ship(hs_code=CHIP, destination_country="KZ"))  # silent is not "no"


def test_a_russian_payer_fires_even_when_it_is_the_consignee() -> None:
    finding = RULES["R14"](
        ship(consignee_name="Alfa LLC", payer_name="Alfa LLC", payer_country="RU"), RuleContext()
    )
    assert finding is not None and finding.extra == {"payer_in_russia": True}


def prices(*values: float, currency: str = "USD") -> list[Shipment]:
    return [
        ship(f"P{i}", date="2023-05-01", hs_code=CHIP, unit_value=v, currency=currency)
        for i, v in enumerate(values)
    ]


def test_price_outside_the_peers_range_fires() -> None:
    context = with_history(*prices(*range(10, 30)))
    over = ship(date="2023-05-20", hs_code=CHIP, unit_value=95.0, currency="USD")
    finding = RULES["R15"](over, context)
    assert finding is not None and finding.extra == {"price": "over"}
    assert "20 earlier unit values of HS 854231" in (finding.evidence[0].source or "")
    assert fired("R15", dataclasses.replace(over, unit_value=1.0), context)
    assert not fired("R15", dataclasses.replace(over, unit_value=20.0), context)


def test_price_needs_enough_peers_in_the_same_currency_and_window() -> None:
    over = ship(date="2023-05-20", hs_code=CHIP, unit_value=95.0, currency="USD")
    assert not fired("R15", over, with_history(*prices(*range(10, 29))))
    assert not fired("R15", over, with_history(*prices(*range(10, 30), currency="EUR")))
    late = dataclasses.replace(over, date=PartialDate(2024, 5, 20))
    assert not fired("R15", late, with_history(*prices(*range(10, 30))))
    assert not fired("R15", over)  # no history at all


def orders(consignee: str, *quantities: float) -> list[Shipment]:
    return [
        ship(f"O{i}", date=f"2023-0{i + 1}-01", consignee_name=consignee, hs_code=CHIP, quantity=q)
        for i, q in enumerate(quantities)
    ]


def test_quantity_far_above_the_consignee_history_fires() -> None:
    context = with_history(*orders("Alfa LLC", 100, 120, 90, 110, 100))
    big = ship(date="2023-08-01", consignee_name="ALFA, LLC", hs_code=CHIP, quantity=1000)
    assert fired("R16", big, context)
    assert not fired("R16", dataclasses.replace(big, quantity=200), context)
    assert not fired("R16", dataclasses.replace(big, consignee_name="Beta LLC"), context)
    assert not fired("R16", big, with_history(*orders("Alfa LLC", 100, 120, 90, 110)))


def test_an_amended_consignee_away_from_russia_fires() -> None:
    first = ship("S1", date="2023-03-01", exporter_name="Ex GmbH", consignee_name="Ural Trade")
    first = dataclasses.replace(first, consignee_country="RU")
    now = dataclasses.replace(first, date=PartialDate(2023, 3, 3), consignee_name="Bishkek Trade")
    now = dataclasses.replace(now, consignee_country="KG")
    finding = RULES["R17"](now, with_history(first))
    assert finding is not None and finding.extra == {"from_russia": True}
    assert {e.field for e in finding.evidence} == {"consignee_name", "consignee_country"}
    same = dataclasses.replace(now, date=first.date)
    assert not fired("R17", now, with_history(same))


def test_goods_recently_sent_to_russia_now_sent_elsewhere_fire() -> None:
    before = ship(
        "A", date="2023-01-10", exporter_name="Ex GmbH", hs_code=CHIP, destination_country="RU"
    )
    now = ship(
        "B", date="2023-04-10", exporter_name="Ex GmbH", hs_code=CHIP, destination_country="AM"
    )
    assert fired("R17", now, with_history(before))
    assert not fired(
        "R17", now, with_history(dataclasses.replace(before, date=PartialDate(2021, 1)))
    )
    assert not fired("R17", dataclasses.replace(now, hs_code=COFFEE), with_history(before))
    assert not fired("R17", now)


def relay(firm: str, *dates: str) -> list[Shipment]:
    """Shipments to the same buyer in Russia's neighbour KG, through `firm`, on `dates`."""
    route = {"end_user_name": "Ural Buyer", "destination_country": "KG", "consignee_name": firm}
    return [ship(f"{firm}{i}", date=d, **route) for i, d in enumerate(dates)]


def test_a_short_lived_intermediary_replaced_by_a_new_one_fires() -> None:
    now = relay("Beta LLC", "2023-04-01")[0]
    quick = relay("Alfa LLC", "2023-01-05", "2023-01-20", "2023-02-10")
    finding = RULES["R20"](now, with_history(*quick))
    assert finding is not None and "'alfa' to the same end user, 36 days" in (
        finding.evidence[0].source or ""
    )
    slow = relay("Alfa LLC", "2022-10-05", "2022-12-20", "2023-02-10")
    assert not fired("R20", now, with_history(*slow))
    assert not fired("R20", now, with_history(*quick[:2]))
    assert not fired(
        "R20", dataclasses.replace(now, destination_country="KZ"), with_history(*quick)
    )


GUR = Component(
    "gur-1",
    1,
    "Microcontroller STM32F765VIT6",
    "STMicroelectronics",
    None,
    ("Shahed-136",),
    "https://war-sanctions.gur.gov.ua/en/components/1",
)


def test_a_part_found_in_a_russian_weapon_fires_with_the_gur_page() -> None:
    context = RuleContext(components=ComponentIndex.build([GUR]))
    part = ship(manufacturer="ST", part_number="STM32F765VIT6")
    finding = RULES["R19"](part, context)
    assert finding is not None and finding.evidence[0].source == GUR.source_url
    assert not fired("R19", dataclasses.replace(part, part_number="ATMEGA328P-AU"), context)
    assert not fired("R19", part)  # no component catalogue loaded


def test_every_finding_has_evidence_naming_the_shipment_and_quotes_its_docstring() -> None:
    worst = ship(
        "X9",
        hs_code=CHIP,
        destination_country="RU",
        consignee_name="Asia Cargo",
        payer_name="P",
        transit_countries=("BY",),
        end_user_statement=False,
    )
    findings = evaluate(worst) + [f for hit, _ in RECORD_CASES.values() for f in evaluate(hit)]
    assert {f.rule for f in findings} >= set(RECORD_CASES)
    for finding in findings:
        assert finding.evidence and finding.explanation == RULES[finding.rule].check.__doc__
        assert all(e.record.startswith("shipment ") and e.field for e in finding.evidence)


def test_history_returns_only_earlier_shipments_of_the_party() -> None:
    history = InMemoryHistory(tuple(orders("Alfa LLC", 1, 2, 3)))
    assert [s.shipment_id for s in history.previous("ALFA L.L.C.", PartialDate(2023, 2, 1))] == [
        "O0",
        "O1",
    ]
    assert history.previous("Beta", None) == []
