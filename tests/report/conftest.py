"""A small real screening run for the report tests: four shipments against the listed parties
of the party-screening tests, and one rejected row."""

from __future__ import annotations

import pytest

from tests.screening.test_parties import PARTIES, RADIANT_ADDRESS
from veracity.matching import CandidateIndex, Matcher, NameModel
from veracity.model import PartialDate, Party, Provenance, Reject, Shipment
from veracity.screening.screen import Screened, Screener

PROVENANCE = Provenance("shipments", "/data/ships.csv", 2)
SHIPMENTS = (
    Shipment(
        "S-1",
        PartialDate(2024, 3, 1),
        exporter_name="Hsinchu Semiconductor Corp.",
        exporter_country="TW",
        consignee_name="OOO Kvant Elektronik",
        consignee_country="RU",
        destination_country="RU",
        hs_code="85423190",
        description="Microcontrollers",
        quantity=100,
        unit_value=12.5,
        currency="USD",
        payer_name="Horn Group FZE",
        payer_country="AE",
        provenance=PROVENANCE,
    ),
    Shipment(
        "S-2",
        exporter_name="Rheinland Präzisionstechnik GmbH",
        exporter_country="DE",
        consignee_name="Usinage Bourguignon SARL",
        consignee_country="FR",
        hs_code="09011100",
        description="=1+1 roasted coffee",  # a formula-looking text stays text in the workbook
        provenance=PROVENANCE,
    ),
    Shipment(
        "S-3",
        consignee_name="Falcon Logistics FZE",
        consignee_country="AE",
        consignee_address=RADIANT_ADDRESS,
        transit_countries=("TR",),
        destination_country="AE",
        provenance=PROVENANCE,
    ),
    Shipment(
        "S-4",
        end_user_name="Vladimir Vladimirovich Putin",
        end_user_country="RU",
        provenance=PROVENANCE,
    ),
)
REJECTS = (Reject("shipments", "/data/ships.csv", 6, "date", "not a calendar date: '2024-02-30'"),)


@pytest.fixture(scope="session")
def listed() -> dict[str, Party]:
    """The listed parties, by id (what the store's `party` looks up)."""
    return {p.id: p for p in PARTIES}


@pytest.fixture(scope="session")
def screened(listed: dict[str, Party]) -> list[Screened]:
    """The four shipments screened in order."""
    screener = Screener(Matcher(CandidateIndex(list(listed.values()), "test"), NameModel.load()))
    return [screener.screen(s) for s in SHIPMENTS]


@pytest.fixture(scope="session")
def rejects() -> list[Reject]:
    """The rejected row of the run."""
    return list(REJECTS)
