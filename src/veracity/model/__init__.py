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

__all__ = [
    "Address",
    "Country",
    "CountryRole",
    "EntityId",
    "Identifier",
    "Name",
    "NameKind",
    "PartialDate",
    "Party",
    "Precision",
    "Provenance",
    "ReadResult",
    "Reject",
    "Schema",
    "parse_date",
    "parse_dates",
]
