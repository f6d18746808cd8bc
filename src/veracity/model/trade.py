"""A shipment as an export declaration describes it, and the parties it names.

Countries are ISO 3166-1 alpha-2 codes; the goods code keeps its national length (CN-8, HTS-10,
Taiwan CCC-11) and exposes its HS-6 (ARCHITECTURE.md, data conventions), because the Common High
Priority List is published at HS-6 while declarations carry the longer national code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from veracity.model.dates import PartialDate
from veracity.model.entity import Provenance

_COUNTRY = re.compile(r"[A-Z]{2}")
_HS_DIGITS = re.compile(r"[0-9]{6,14}")
# Declarations and spreadsheets write codes as 8542.31.00, 8542 31 00 or 8542-31-00.
_HS_SEPARATORS = re.compile(r"[\s.\-]+")


class PartyRole(StrEnum):
    """The part a party plays in a shipment."""

    EXPORTER = "exporter"
    CONSIGNEE = "consignee"
    END_USER = "end_user"
    PAYER = "payer"


@dataclass(frozen=True, slots=True)
class ShipmentParty:
    """One party named on a shipment, with its role, for screening against the lists."""

    role: PartyRole
    name: str
    country: str | None = None
    """ISO 3166-1 alpha-2 code."""
    address: str | None = None


@dataclass(frozen=True, slots=True)
class Shipment:
    """One export declaration line: who sends what to whom, by which route, paid by whom."""

    shipment_id: str
    date: PartialDate | None = None
    exporter_name: str | None = None
    exporter_country: str | None = None
    consignee_name: str | None = None
    consignee_country: str | None = None
    consignee_address: str | None = None
    end_user_name: str | None = None
    end_user_country: str | None = None
    destination_country: str | None = None
    transit_countries: tuple[str, ...] = ()
    """ISO codes in route order."""
    hs_code: str | None = None
    """The national goods code as declared, digits only (6 to 14 of them)."""
    description: str | None = None
    manufacturer: str | None = None
    part_number: str | None = None
    quantity: float | None = None
    unit_value: float | None = None
    currency: str | None = None
    """ISO 4217 code."""
    payer_name: str | None = None
    payer_country: str | None = None
    end_user_statement: bool | None = None
    """Whether an end-user statement was supplied; None when the declaration does not say."""
    no_russia_clause: bool | None = None
    """Whether the contract has a 'no re-export to Russia' clause (EU Reg. 833/2014 Art. 12g)."""
    extra: tuple[tuple[str, str], ...] = ()
    """Columns the shipment file has beyond the known ones, as (column, value)."""
    provenance: Provenance | None = None

    def __post_init__(self) -> None:
        if not self.shipment_id.strip():
            raise ValueError("a shipment needs a shipment_id")
        if self.hs_code is not None and not _HS_DIGITS.fullmatch(self.hs_code):
            raise ValueError(f"hs_code {self.hs_code!r} is not 6 to 14 digits")
        for code in (*self._countries(), *self.transit_countries):
            if not _COUNTRY.fullmatch(code):
                raise ValueError(f"country {code!r} is not an ISO 3166-1 alpha-2 code")

    def _countries(self) -> list[str]:
        found = (
            self.exporter_country,
            self.consignee_country,
            self.end_user_country,
            self.destination_country,
            self.payer_country,
        )
        return [code for code in found if code is not None]

    @property
    def hs6(self) -> str | None:
        """The international HS-6 subheading of the declared goods code."""
        return self.hs_code[:6] if self.hs_code else None

    def parties(self) -> tuple[ShipmentParty, ...]:
        """Every named party of the shipment: exporter, consignee, end user, payer."""
        found = (
            (PartyRole.EXPORTER, self.exporter_name, self.exporter_country, None),
            (
                PartyRole.CONSIGNEE,
                self.consignee_name,
                self.consignee_country,
                self.consignee_address,
            ),
            (PartyRole.END_USER, self.end_user_name, self.end_user_country, None),
            (PartyRole.PAYER, self.payer_name, self.payer_country, None),
        )
        return tuple(
            ShipmentParty(role, name, country, address)
            for role, name, country, address in found
            if name
        )


def hs_digits(text: str) -> str:
    """The digits of a goods code written with dots, spaces or dashes; ValueError if not one."""
    digits = _HS_SEPARATORS.sub("", text)
    if not _HS_DIGITS.fullmatch(digits):
        raise ValueError(f"not an HS code of 6 to 14 digits: {text!r}")
    return digits
