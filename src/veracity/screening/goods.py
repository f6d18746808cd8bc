"""Goods codes: any national tariff code -> HS-6 -> Common High Priority List (CHPL) entry.

National codes extend the 6-digit Harmonized System subheading: EU CN-8 and TARIC-10, US HTS-10,
Taiwan CCC-11 (10 digits and a check digit). The first six digits are the HS-6 subheading,
common to every WCO member, so an HS-6 match is how the CHPL is meant to be applied (BIS,
"Common High Priority List", 23 Feb 2024). It is a risk signal, not a legal classification.

HS-version drift: the list is written in HS 2022. Heading 8807 ("parts of goods of 8801 to 8806")
exists only from HS 2022; declarations still coded in HS 2017 put the same parts under 880330
(parts of aeroplanes or helicopters) and 880390 (other parts of 8801-8802). `chpl` maps those two
HS 2017 codes to the 880730 entry, and HS 2017 854890 (8548 "other", once 854810 waste moved to
the new heading 8549) to 854800, so an old-nomenclature declaration is not missed. Other CHPL
subheadings new in HS 2022 (852589, 854149, 854151, 854159) are not mapped back: their HS 2017
predecessors (852580, 854140, 854150) also hold goods that are not on the list (LEDs, solar
cells), so a mapping would over-flag; an HS 2017 code there simply finds no entry.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from veracity.exc import ConfigError

Hs6 = str
Tier = str

TIER_DEFINITIONS: dict[Tier, str] = {
    "1": "Highest concern: critical to Russian precision-guided weapons; Russia has no domestic "
    "production and there are few manufacturers worldwide.",
    "2": "Other electronic items: Russia has some domestic production but prefers Western sources.",
    "3.A": "Further electronic components, with a broader range of suppliers.",
    "3.B": "Mechanical and other components.",
    "4.A": "Manufacturing, production and quality-testing equipment for electronic components, "
    "printed circuit boards and modules.",
    "4.B": "Computer numerically controlled (CNC) machine tools and their components.",
}
"""The six CHPL tiers as BIS defines them (bis.gov/node/6280), in our words."""

HS2017_TO_HS2022: dict[Hs6, Hs6] = {"880330": "880730", "880390": "880730", "854890": "854800"}
"""HS 2017 subheadings whose goods all fall under a CHPL HS 2022 subheading (module docstring)."""

# Separators people and systems put inside codes: "8542.31.00", "8542 31 90", "8542-31".
_SEPARATORS = re.compile(r"[\s.\-_/]+")
_CHPL_FILE = "chpl_hs6.csv"


@dataclass(frozen=True, slots=True)
class ChplItem:
    """One HS-6 code of the Common High Priority List."""

    hs6: Hs6
    """The list's own HS 2022 subheading (880730 also for HS 2017 880330/880390)."""
    tier: Tier
    """1, 2, 3.A, 3.B, 4.A or 4.B."""
    tier_definition: str
    description: str
    """The HS subheading, in short."""
    highest_priority: bool
    """One of the nine Tier 1 and 2 codes of BIS's best-practice guidance."""


def digits(code: str) -> str | None:
    """The code without separators, or None when what is left is not all digits."""
    bare = _SEPARATORS.sub("", code.strip())
    return bare if bare.isdecimal() and bare.isascii() else None


def hs6(code: str) -> Hs6 | None:
    """The HS-6 subheading of a national goods code, or None when it has fewer than 6 digits.

    National lengths differ (CN-8, HTS-10, CCC-11, some 12), so any length of 6 to 12 digits is
    accepted. Codes must keep their leading zeros: pass strings, not numbers.
    """
    bare = digits(code)
    if bare is None or not 6 <= len(bare) <= 12:
        return None
    return bare[:6]


def chpl(code: str) -> ChplItem | None:
    """The CHPL entry a national goods code falls under, or None."""
    subheading = hs6(code)
    if subheading is None:
        return None
    return chpl_items().get(HS2017_TO_HS2022.get(subheading, subheading))


@cache
def chpl_items() -> dict[Hs6, ChplItem]:
    """All 50 CHPL entries by HS-6, read once from the package data."""
    text = resources.files("veracity.screening").joinpath("data", _CHPL_FILE).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    items: dict[Hs6, ChplItem] = {}
    for number, row in enumerate(csv.DictReader(lines, strict=True), start=2):
        item = _item(row, number)
        if item.hs6 in items:
            raise ConfigError(f"{_CHPL_FILE}: data row {number}: duplicate HS-6 {item.hs6}")
        items[item.hs6] = item
    return items


def _item(row: dict[str, str], number: int) -> ChplItem:
    # The file ships with the package, so a bad row is our bug: fail loudly, never skip it.
    code, tier = row["hs6"], row["tier"]
    if digits(code) != code or len(code) != 6 or tier not in TIER_DEFINITIONS:
        raise ConfigError(f"{_CHPL_FILE}: data row {number}: bad code or tier {code!r} {tier!r}")
    return ChplItem(
        hs6=code,
        tier=tier,
        tier_definition=TIER_DEFINITIONS[tier],
        description=row["description"],
        highest_priority=row["highest_priority"] == "yes",
    )
