"""Typed, immutable records: listed parties, shipments, court cases and findings."""

from veracity.model.dates import PartialDate, Precision, parse_date, parse_dates
from veracity.model.entity import (
    Address,
    Country,
    CountryRole,
    EntityId,
    Identifier,
    Name,
    NameKind,
    Party,
    Provenance,
    ReadResult,
    Reject,
    Schema,
)
from veracity.model.finding import Evidence, Finding, Risk
from veracity.model.trade import PartyRole, Shipment, ShipmentParty, hs_digits

__all__ = [
    "Address",
    "Country",
    "CountryRole",
    "EntityId",
    "Evidence",
    "Finding",
    "Identifier",
    "Name",
    "NameKind",
    "PartialDate",
    "Party",
    "PartyRole",
    "Precision",
    "Provenance",
    "ReadResult",
    "Reject",
    "Risk",
    "Schema",
    "Shipment",
    "ShipmentParty",
    "hs_digits",
    "parse_date",
    "parse_dates",
]
