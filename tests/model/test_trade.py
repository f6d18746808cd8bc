"""The shipment record: HS-6 from national codes, its parties, and the checks it makes itself."""

from __future__ import annotations

import dataclasses

import pytest

import veracity.model
from veracity.model import PartyRole, Shipment, ShipmentParty, hs_digits


def test_hs6_is_the_first_six_digits_of_any_national_code() -> None:
    # CN-8 (EU), HTS-10 (US) and CCC-11 (Taiwan) of the same microcontroller subheading
    for code in ("85423100", "8542310000", "85423100001"):
        assert Shipment("S-1", hs_code=code).hs6 == "854231"
    assert Shipment("S-1").hs6 is None


@pytest.mark.parametrize(
    ("written", "digits"),
    [("8542.31.00", "85423100"), ("8542 31 00", "85423100"), ("8542-31-00-00", "8542310000")],
)
def test_hs_digits_drops_separators_and_keeps_the_national_length(
    written: str, digits: str
) -> None:
    assert hs_digits(written) == digits


@pytest.mark.parametrize("written", ["8542", "85X231", "8542/31", "", "123456789012345", "٨٥٤٢٣١"])
def test_hs_digits_refuses_what_is_not_a_code(written: str) -> None:
    with pytest.raises(ValueError, match="HS code"):
        hs_digits(written)


def test_parties_lists_each_named_party_with_its_role() -> None:
    shipment = Shipment(
        "S-1",
        exporter_name="Elektron Handel GmbH",
        exporter_country="DE",
        consignee_name="Tianshan Trade LLC",
        consignee_country="KG",
        consignee_address="12 Chui Ave, Bishkek",
        payer_name="Silk Road Payments Ltd",
        payer_country="HK",
    )
    assert shipment.parties() == (
        ShipmentParty(PartyRole.EXPORTER, "Elektron Handel GmbH", "DE"),
        ShipmentParty(PartyRole.CONSIGNEE, "Tianshan Trade LLC", "KG", "12 Chui Ave, Bishkek"),
        ShipmentParty(PartyRole.PAYER, "Silk Road Payments Ltd", "HK"),
    )


def test_an_end_user_is_a_party_even_without_a_country() -> None:
    parties = Shipment("S-1", end_user_name="Unknown Works").parties()
    assert [(p.role, p.country) for p in parties] == [(PartyRole.END_USER, None)]


@pytest.mark.parametrize(
    "fields",
    [
        {"shipment_id": " "},
        {"shipment_id": "S-1", "hs_code": "8542.31"},
        {"shipment_id": "S-1", "destination_country": "Kyrgyzstan"},
        {"shipment_id": "S-1", "transit_countries": ("kz",)},
    ],
)
def test_the_record_refuses_values_the_reader_should_have_normalised(
    fields: dict[str, object],
) -> None:
    with pytest.raises(ValueError):
        Shipment(**fields)  # type: ignore[arg-type]  # the dict's values are checked at run time


def test_shipments_are_immutable() -> None:
    shipment = Shipment("S-1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        shipment.hs_code = "854231"  # type: ignore[misc]  # assigning is what is tested


def test_the_trade_names_are_exported() -> None:
    for name in ("PartyRole", "Shipment", "ShipmentParty", "hs_digits"):
        assert name in veracity.model.__all__
        assert hasattr(veracity.model, name)
