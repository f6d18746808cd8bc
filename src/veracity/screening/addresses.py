"""Addresses shared with listed parties: the front-company red flag.

A consignee with a clean name at a listed party's address is the classic front company (BIS
"Know Your Customer" red flags, 15 CFR 732 Supp. 3: "customer or address similar to a listed
party"; red_flag_rules.csv R10). Addresses are compared after normalisation (`address_tokens`):
case, diacritics and punctuation folded, apostrophes dropped, digits split from letters (`12/F`,
`12F` and `12 F` agree), common abbreviations spelled out (St/Street, Rd/Road, Bldg/Building...),
the words "No"/"Number" dropped, and a trailing country name dropped when it names the country.

Two addresses match when their countries do not contradict (equal when both are known; the text
decides when a side has none) and either:

- `exact`: the normalised words are equal, in order; or
- `overlap`: the words are the same set or nearly (at least `MIN_OVERLAP` of the shorter
  address's words appear in the longer), the shorter has at least `MIN_OVERLAP_TOKENS` words,
  and the number tokens (house, suite and postcode numbers) are exactly the same. Words may move
  (writers order street, building and office differently) but numbers may not: a different suite
  in the same business tower is a different firm (R10: "business towers host many firms").

An address with no number or fewer than `MIN_TOKENS` words ("Moscow, Russia", as lists often give)
locates a city, not a door, so it never matches.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from veracity.model import Address, Party
from veracity.model.countries import country_code
from veracity.names import normalize

AddressRule = Literal["exact", "overlap"]

MIN_TOKENS = 3
MIN_OVERLAP_TOKENS = 5
MIN_OVERLAP = 0.8

# Both sides are expanded the same way, so an ambiguous abbreviation ("St" for Saint) only
# matters when one writer spelled it out and the other did not.
ABBREVIATIONS = {
    "st": "street",
    "str": "street",
    "rd": "road",
    "ave": "avenue",
    "av": "avenue",
    "blvd": "boulevard",
    "bldg": "building",
    "bld": "building",
    "fl": "floor",
    "flr": "floor",
    "rm": "room",
    "ste": "suite",
    "apt": "apartment",
    "off": "office",
    "ln": "lane",
    "dr": "drive",
    "sq": "square",
    "hwy": "highway",
    "pl": "place",
    "dist": "district",
    "ctr": "center",
    "centre": "center",
    "ul": "ulitsa",
    "ул": "улица",
    "pr": "prospekt",
    "prosp": "prospekt",
}
FILLER = frozenset({"no", "nr", "number", "num"})
_APOSTROPHES = re.compile(r"['’`´]")
_DIGIT_LETTER = re.compile(r"(?<=\d)(?=[^\d\s])|(?<=[^\d\s])(?=\d)")


@lru_cache(maxsize=65536)
def address_tokens(text: str, country: str | None = None) -> tuple[str, ...]:
    """The normalised words of an address, abbreviations spelled out, country name dropped."""
    folded = normalize(_DIGIT_LETTER.sub(" ", _APOSTROPHES.sub("", text)))
    words = [ABBREVIATIONS.get(w, w) for w in folded.split() if w not in FILLER]
    return tuple(_drop_country(words, country))


def _drop_country(words: list[str], country: str | None) -> list[str]:
    # Only at the end: "Kazakhstan" closing a KZ address is noise, but "Jordan Road" keeps its
    # word. With no country known, any country's full name goes, but not a two-letter word
    # ("st" is also São Tomé's code).
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        if not all(w.isalpha() for w in words[-size:]):
            continue
        tail = " ".join(words[-size:])
        code = country_code(tail)
        if code is not None and (code == country or (country is None and len(tail) > 3)):
            return words[:-size]
    return words


def numbers(tokens: Iterable[str]) -> frozenset[str]:
    """The tokens that are numbers: house, suite and postcode numbers."""
    return frozenset(t for t in tokens if t.isdigit())


@dataclass(frozen=True, slots=True)
class ListedAddress:
    """One address of one listed party, normalised for comparison."""

    party: Party
    address: Address
    country: str | None
    tokens: tuple[str, ...]
    words: frozenset[str]
    numbers: frozenset[str]


@dataclass(frozen=True, slots=True)
class AddressMatch:
    """A listed party at the queried address, and why the two addresses count as one."""

    party: Party
    address: Address
    rule: AddressRule
    overlap: float
    """Share of the shorter address's words found in the other (1.0 for `exact`)."""

    @property
    def explanation(self) -> str:
        """Why the addresses count as the same place."""
        if self.rule == "exact":
            return "the addresses are equal once case, punctuation and abbreviations are folded"
        return (
            f"{self.overlap:.0%} of the words agree and every number (house, suite, postcode) "
            "is the same"
        )


def _usable(tokens: tuple[str, ...]) -> bool:
    return len(tokens) >= MIN_TOKENS and bool(numbers(tokens))


def _listed_country(party: Party, address: Address) -> str | None:
    # A list that gives the address's country settles it; otherwise a party tied to one
    # country is at an address there. Several countries leave it open.
    if address.country:
        return address.country
    codes = party.country_codes()
    return next(iter(codes)) if len(codes) == 1 else None


class AddressIndex:
    """The listed parties' street-level addresses, blocked on their number tokens."""

    def __init__(self, entries: list[ListedAddress]) -> None:
        self.entries = entries
        # Both rules need the same numbers, so the numbers are the blocking key.
        self._by_numbers: dict[frozenset[str], list[ListedAddress]] = defaultdict(list)
        for entry in entries:
            self._by_numbers[entry.numbers].append(entry)

    @classmethod
    def build(cls, parties: Iterable[Party]) -> AddressIndex:
        """Index every street-level address of the parties."""
        entries = []
        for party in parties:
            for address in party.addresses:
                country = _listed_country(party, address)
                tokens = address_tokens(address.full, country)
                if _usable(tokens):
                    words = frozenset(tokens)
                    entries.append(
                        ListedAddress(party, address, country, tokens, words, numbers(tokens))
                    )
        return cls(entries)

    def match(self, address: str, country: str | None = None) -> list[AddressMatch]:
        """The listed parties at this address, best agreement first, one match per party."""
        tokens = address_tokens(address, country)
        if not _usable(tokens):
            return []
        best: dict[str, AddressMatch] = {}
        for found in self._candidates(tokens, country):
            held = best.get(found.party.id)
            if held is None or found.overlap > held.overlap:
                best[found.party.id] = found
        return sorted(best.values(), key=lambda m: (-m.overlap, m.party.id))

    def _candidates(self, tokens: tuple[str, ...], country: str | None) -> Iterable[AddressMatch]:
        words = frozenset(tokens)
        for entry in self._by_numbers.get(numbers(tokens), []):
            if country and entry.country and country != entry.country:
                continue
            if entry.tokens == tokens:
                yield AddressMatch(entry.party, entry.address, "exact", 1.0)
                continue
            shorter = min(len(words), len(entry.words))
            overlap = len(words & entry.words) / shorter
            if shorter >= MIN_OVERLAP_TOKENS and overlap >= MIN_OVERLAP:
                yield AddressMatch(entry.party, entry.address, "overlap", overlap)
