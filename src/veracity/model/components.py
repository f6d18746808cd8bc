"""A foreign component recovered from a Russian weapon, as Ukraine's GUR publishes it.

Source: Defence Intelligence of Ukraine, "War & Sanctions" portal, components section
(https://war-sanctions.gur.gov.ua/en/components). Each record is one GUR component page.
"""

from __future__ import annotations

from dataclasses import dataclass

from veracity.model.entity import Provenance

ComponentId = str


@dataclass(frozen=True, slots=True)
class Component:
    """One component GUR found in a weapon: its marking, maker and where it was found."""

    id: ComponentId
    """Stable within the catalogue: `gur-<GUR component number>`."""
    gur_number: int
    """The number in the GUR page address (`/en/components/<number>`)."""
    marking: str | None
    """The part marking as published (often a description with the part number and date
    codes, e.g. "Microcontroller STM32F405RGT6"); None where GUR gives none ("(unspecified)"),
    so the component can name a maker and a weapon but cannot match a part number."""
    manufacturer: str | None
    """The brand as published, parent company in brackets: "Xilinx Inc. (AMD)"; None when
    GUR says "Not identified"."""
    manufacturer_country: str | None
    """ISO alpha-2 of the brand's home country as GUR publishes it (not where it was made)."""
    weapons: tuple[str, ...]
    """The weapon(s) the component was found in, as GUR names them ("Kh-101 Missile")."""
    source_url: str
    """The component's GUR page: the evidence a finding cites."""
    oem_part_number: str | None = None
    """A part number the catalogue copy separated from the marking (often a word, not a number)."""
    category: str | None = None
    """The copy's coarse category ("mcu", "transceiver"); None where it says "unknown"."""
    function: str | None = None
    weapon_ids: tuple[str, ...] = ()
    """The catalogue copy's weapon slugs (`found_in_drones`), e.g. "kh-101-missile"."""
    provenance: Provenance | None = None
