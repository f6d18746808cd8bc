"""Battlefield components: a shipment's manufacturer and part number against parts found in weapons.

The GUR catalogue (`sources.gur_components`) publishes markings as read off recovered boards,
often inside a description with date and lot codes ("Flash memory 25P64V6G 78A61 VS PHL 5464").
We take the part-number-like words of each marking (`marking_parts`), normalise them and a
shipment's ordered part number the same way (`normalise_part`), and match:

- `exact`: the normalised part numbers are equal;
- `base_part`: the ordered part number extends a marking (package, grade and temperature letters
  follow the base part: STM32F405RGT6 orders the STM32F405 GUR found), at a digit boundary.

A manufacturer mismatch forbids a base-part match (a short base part from another maker is more
often a different part than the same one) but not an exact one: the same full part number under
another name is usually a second source, distributor or parent company, and is worth a look; the
match says whether the makers agree (`manufacturer_agrees`) so the decision can weigh it.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from veracity.model.components import Component

MatchKind = Literal["exact", "base_part"]

MIN_PART = 4
"""Shorter normalised tokens ("T92K", "08L") are mostly date or lot codes, not part numbers."""
MIN_BASE = 5
"""A base part must be at least this long to be extended ("LM358" yes, "AD62" no)."""

# Cyrillic letters that look Latin: GUR transcribes markings by hand and sometimes types them
# ("0СDF7FK" with a Cyrillic С), which would otherwise never equal the Latin marking.
_HOMOGLYPHS = str.maketrans("АВСЕНІКМОРТХУЅ", "ABCEHIKMOPTXYS")

# Ordering suffixes that say how a part is packed or finished, not which part it is. Each is only
# stripped after its separator, where it cannot be part of the base number:
_SEPARATED_SUFFIXES = re.compile(
    r"(?:"
    r"[-/]TR|[-/]T&R"  # tape and reel (ST "-TR", many makers "/TR")
    r"|-REEL\d*|-RL\d*|-R7"  # Analog Devices reels: -REEL, -REEL7, -RL7, -R7 (7-inch reel)
    r"|#TR(?:M)?PBF|#PBF|#TR"  # Linear Technology lead-free and reel: #PBF, #TRPBF, #TRMPBF
    r"|/NOPB"  # TI (National) lead-free
    r"|-G?E3"  # Vishay lead-free terminations: -E3, -GE3
    r"|\+T?R?\d*"  # Maxim lead-free "+" and tape-and-reel "+T", "+TR", "+T7"
    r"|-[IEH]/[A-Z0-9]{1,3}"  # Microchip temperature grade and package: -I/SO, -E/ML, -I/P
    r"|(?:-\d)?-ND"  # Digi-Key catalogue numbers: MPN-ND, cut tape MPN-1-ND
    r")$"
)
# Mouser catalogue numbers put a 3-digit maker code before the part: 511-STM32F405RGT6.
_DISTRIBUTOR_PREFIX = re.compile(r"^\d{3}-(?=[A-Z])")
_SEPARATORS = re.compile(r"[\s\-./_,#+()\[\]'\"*]+")
# ST and others append "TR" (tape and reel) straight after the temperature digit: ...RGT6TR.
_TRAILING_REEL = re.compile(r"(?<=\d)TR$")

_TOKEN_SPLIT = re.compile(r"[\s(),;:\[\]\"“”«»]+")
# Words of a marking that look like part numbers but are values, packages or interfaces.
_NOT_A_PART = re.compile(
    r"^(?:\d+(?:V|MV|KV|A|MA|UA|W|MW|HZ|KHZ|MHZ|GHZ|F|UF|ΜF|NF|PF|OHM|K|M|MM|PIN|PINS|CH|BIT|BITS"
    r"|B|KB|MB|GB|MBIT|DB|DBM|C|PR|T|S|X|G|NM|UM|ΜM|CHANNEL|CHANNELS|WAY|PORT|CELL|UH|NH|NS|US|MS"
    r"|MBPS|GBPS|KBPS|BASET|BASETX|Ω|KΩ|ꭥ|OHMS))+$"
    r"|^\d*(?:SOIC|SOP|SSOP|TSSOP|MSOP|QFN|DFN|LQFP|TQFP|QFP|BGA|FBGA|SOT|TO|DIP|PDIP|PLCC)\d*$"
    r"|^(?:RS|USB|DDR|LPDDR|ARM|PCIE|I2C|IIC|SPI|UART|GPS|HDMI|CORTEXM|IP)\d+[A-Z]?$"
)


def normalise_part(text: str) -> str:
    """The part number in upper case without separators or packing suffixes (module docstring)."""
    part = "".join(_pieces(text))
    return _TRAILING_REEL.sub("", part) if len(part) - 2 >= MIN_BASE else part


def _pieces(text: str) -> list[str]:
    """The part number without packing suffixes, split where it had separators."""
    part = _DISTRIBUTOR_PREFIX.sub("", text.strip().upper().translate(_HOMOGLYPHS))
    while (stripped := _SEPARATED_SUFFIXES.sub("", part)) != part:
        part = stripped
    return [piece for piece in _SEPARATORS.split(part) if piece]


def _cuts(text: str) -> set[int]:
    """Positions in the normalised part number where the written one had a separator."""
    ends = itertools.accumulate(len(piece) for piece in _pieces(text))
    return set(ends)


def marking_parts(marking: str) -> tuple[str, ...]:
    """The normalised words of a published marking that look like part numbers."""
    words = [w for w in _TOKEN_SPLIT.split(marking.translate(_HOMOGLYPHS)) if w]
    found: list[str] = []
    for word in [*words, *_joined(words)]:
        if word.startswith("#"):
            continue  # "#2126": a date or lot code printed after the part
        part = normalise_part(word)
        if _is_part(part) and part not in found:
            found.append(part)
    return tuple(found)


def _joined(words: list[str]) -> list[str]:
    # "ADXL 345", "ADG 5434 BRUZ": a capitalised prefix written apart from its number.
    pairs = itertools.pairwise(words)
    return [
        a + b
        for a, b in pairs
        if a.isalpha() and a.isupper() and 2 <= len(a) <= 5 and b[0].isdigit()
    ]


def _is_part(part: str) -> bool:
    has_letter = any(c.isalpha() for c in part)
    has_digit = any(c.isdigit() for c in part)
    return len(part) >= MIN_PART and has_letter and has_digit and not _NOT_A_PART.match(part)


@dataclass(frozen=True, slots=True)
class ComponentMatch:
    """A shipment's part number matched to a component GUR found in a weapon."""

    component: Component
    kind: MatchKind
    part: str
    """The normalised part number of the marking that matched."""
    query: str
    """The shipment's part number, normalised."""
    manufacturer_agrees: bool | None
    """Whether the shipment's maker is the component's (or its group); None if either is unknown."""

    @property
    def explanation(self) -> str:
        """What matched, the weapon(s) and the GUR page, for a finding."""
        how = "is the marking" if self.kind == "exact" else f"extends the marking {self.part}"
        weapons = "; ".join(self.component.weapons)
        text = (
            f"Part {self.query} {how} of a component GUR found in {weapons} "
            f"({self.component.source_url})"
        )
        if self.manufacturer_agrees is False:
            text += f"; GUR names the maker {self.component.manufacturer}, not the shipment's"
        return text


@dataclass(frozen=True, slots=True)
class ComponentIndex:
    """Components by the normalised part numbers of their markings."""

    parts: dict[str, tuple[Component, ...]]

    @classmethod
    def build(cls, components: Iterable[Component]) -> ComponentIndex:
        """Index every part-number-like word of every component's marking and OEM part number."""
        parts: defaultdict[str, list[Component]] = defaultdict(list)
        for component in components:
            for part in component_parts(component):
                parts[part].append(component)
        return cls({part: tuple(found) for part, found in parts.items()})

    def __len__(self) -> int:
        return len(self.parts)

    def match(self, manufacturer: str | None, part_number: str) -> list[ComponentMatch]:
        """Exact matches first, then base parts from the longest; one match per component."""
        query = normalise_part(part_number)
        if not _is_part(query):
            return []
        found: dict[str, ComponentMatch] = {}
        for part, kind in _keys(query, _cuts(part_number)):
            for component in self.parts.get(part, ()):
                agrees = manufacturers_agree(manufacturer, component.manufacturer)
                if kind == "base_part" and agrees is False:
                    continue  # module docstring: a mismatch forbids a base-part match
                if component.id not in found:
                    found[component.id] = ComponentMatch(component, kind, part, query, agrees)
        return list(found.values())


def _keys(query: str, cuts: set[int]) -> list[tuple[str, MatchKind]]:
    """The exact key, then every base part the query can extend, longest first."""
    keys: list[tuple[str, MatchKind]] = [(query, "exact")]
    for end in range(len(query) - 1, MIN_BASE - 1, -1):
        # The extension must not continue a number (LM358 + "DR" is the LM358; + "0" is not)
        # unless the writer separated it: XC7Z020-1CLG400C is an XC7Z020 of speed grade 1.
        if end in cuts or not (query[end - 1].isdigit() and query[end].isdigit()):
            keys.append((query[:end], "base_part"))
    return keys


def component_parts(component: Component) -> tuple[str, ...]:
    """The normalised part numbers a component can be matched on (none without a marking)."""
    texts = (component.marking or "", component.oem_part_number or "")
    return tuple(dict.fromkeys(part for text in texts for part in marking_parts(text)))


# Manufacturers. GUR writes the brand with its parent in brackets ("Xilinx Inc. (AMD)",
# "Maxim Integrated Products (Analog Devices)"); shipments write a short form ("ST", "TI", "ADI").
# A name's keys are its folded brand and parents, through this alias table; two names agree when
# they share a key or one's words begin the other's ("Microchip" / "Microchip Technology").
MANUFACTURER_ALIASES: dict[str, str] = {
    "st": "stmicroelectronics",
    "stm": "stmicroelectronics",
    "st micro": "stmicroelectronics",
    "stmicro": "stmicroelectronics",
    "st microelectronics": "stmicroelectronics",
    "sgs thomson": "stmicroelectronics",  # ST's name until 1998: old stock still says so
    "ti": "texas instruments",
    "adi": "analog devices",
    "maxim integrated products": "maxim integrated",
    "maxim": "maxim integrated",
    "xilinx": "amd",  # AMD bought Xilinx (2022) and sells its parts under its own name
    "advanced micro devices": "amd",
    "on semi": "onsemi",
    "on semiconductor": "onsemi",
    "nxp semiconductors": "nxp",
    "infineon technologies": "infineon",
    "microchip technology": "microchip",
}
"""Folded short form or old name -> the key GUR's names fold to."""

# Legal forms and filler words that differ between writings of one maker's name.
_NAME_NOISE = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc"}
    | {"gmbh", "ag", "sa", "bv", "nv", "plc", "kk", "the", "group", "holdings"}
)
_UNKNOWN = frozenset({"", "not identified", "unknown", "n a", "na", "none"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


@cache
def manufacturer_keys(name: str) -> frozenset[str]:
    """The folded brand and parent names a manufacturer's name stands for (none if unknown)."""
    keys: set[str] = set()
    for part in re.split(r"[(),]", name.casefold().replace("&", " and ")):
        words = [w for w in _NON_WORD.sub(" ", part).split() if w not in _NAME_NOISE]
        folded = " ".join(words)
        if folded not in _UNKNOWN:
            keys.add(MANUFACTURER_ALIASES.get(folded, folded))
    return frozenset(keys)


def manufacturers_agree(first: str | None, second: str | None) -> bool | None:
    """Whether two manufacturer names stand for the same maker or group; None if one is unknown."""
    a, b = manufacturer_keys(first or ""), manufacturer_keys(second or "")
    if not a or not b:
        return None
    return any(x == y or _starts(x, y) or _starts(y, x) for x in a for y in b)


def _starts(short: str, long: str) -> bool:
    return long.startswith(short + " ")
