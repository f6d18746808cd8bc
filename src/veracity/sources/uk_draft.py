"""One UK Sanctions List subject being assembled from its rows, whichever layout they come from.

Both UK layouts spread one subject over many rows (the official CSV has a row per name with the
subject's other fields repeated; the normalised tables have a row per fact), so facts are
collected into ordered sets and turned into one `Party` at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from veracity.model import (
    Address,
    Country,
    CountryRole,
    Identifier,
    Name,
    NameKind,
    PartialDate,
    Party,
    Provenance,
    Reject,
    Schema,
)
from veracity.model.countries import country_code
from veracity.sources.heuristics import body_schema, is_latin

SOURCE = "uk"
_KINDS = {"individual": Schema.PERSON, "ship": Schema.VESSEL}
# Name types and alias strengths as either layout writes them, folded to letters only.
_NAME_TYPES = {
    "primary": NameKind.PRIMARY,
    "primaryname": NameKind.PRIMARY,
    "primaryvariation": NameKind.ALIAS,
    "primarynamevariation": NameKind.ALIAS,
    "variation": NameKind.ALIAS,
    "alias": NameKind.ALIAS,
    "aka": NameKind.ALIAS,
    "primealias": NameKind.ALIAS,
    "fka": NameKind.FORMER,
}
_NOT_LETTER = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case letters and digits only: `Name 6` -> `name6`, `Alias Type` -> `aliastype`."""
    return _NOT_LETTER.sub("", text.lower())


def name_kind(name_type: str, strength: str, full: str) -> NameKind:
    """The NameKind of a UK name row: its type, weakened by a low-quality a.k.a., and
    ORIGINAL_SCRIPT for a name written in another script."""
    if not is_latin(full):
        return NameKind.ORIGINAL_SCRIPT
    if fold(strength).startswith("low"):
        return NameKind.WEAK_ALIAS
    return _NAME_TYPES.get(fold(name_type), NameKind.ALIAS)


def make_name(parts: list[str], kind: NameKind, person: bool, full: str = "") -> Name | None:
    """A name from Name 1..Name 6 (`parts` in that order): Name 1 is the given name, Names 2-5
    further given or middle names, Name 6 the family name (or an entity's whole name)."""
    given, middle, family = parts[0], " ".join(p for p in parts[1:5] if p), parts[5]
    full = full or " ".join(p for p in (given, middle, family) if p)
    if not full:
        return None
    if not person or kind == NameKind.ORIGINAL_SCRIPT:
        return Name(full, kind)
    return Name(full, kind, given=given or None, middle=middle or None, family=family or None)


def dob(day: str, month: str, year: str) -> PartialDate:
    """A date of birth from its parts; a placeholder day or month (`dd`, `00`) is unknown."""
    return PartialDate(int(year), _part(month, 12), _part(day, 31) if _part(month, 12) else None)


def _part(text: str, top: int) -> int | None:
    return int(text) if text.isdigit() and 1 <= int(text) <= top else None


@dataclass(slots=True)
class Draft:
    """A subject's facts so far; dicts are used as ordered sets so repeated rows add nothing."""

    uid: str
    kind: str
    """`individual`, `entity` or `ship`, folded."""
    path: Path
    line: int
    names: dict[Name, None] = field(default_factory=dict)
    births: dict[PartialDate, None] = field(default_factory=dict)
    places: dict[str, None] = field(default_factory=dict)
    countries: dict[Country, None] = field(default_factory=dict)
    addresses: dict[Address, None] = field(default_factory=dict)
    identifiers: dict[Identifier, None] = field(default_factory=dict)
    programs: dict[str, None] = field(default_factory=dict)
    remarks: dict[str, None] = field(default_factory=dict)
    linked: dict[str, None] = field(default_factory=dict)
    extra: dict[tuple[str, str], None] = field(default_factory=dict)
    gender: str | None = None
    listed_on: PartialDate | None = None

    @property
    def person(self) -> bool:
        """Whether the subject is an individual (so that its names have parts)."""
        return self.kind == "individual"

    def note(self, label: str, value: str) -> None:
        """Keep a fact as (label, value) in `extra` if it has a value."""
        if value:
            self.extra[(label, value)] = None

    def name(self, parts: list[str], name_type: str, strength: str, full: str = "") -> bool:
        """Add a name from its parts (or its given full form); False if the row has no name."""
        full = full or " ".join(p for p in parts if p)
        kind = name_kind(name_type, strength, full)
        if (name := make_name(parts, kind, self.person, full)) is None:
            return False
        self.names[name] = None
        if name_type and fold(name_type) not in _NAME_TYPES:
            self.note("name_type_unknown", f"{full}: {name_type}")
        return True

    def country(self, raw: str, role: CountryRole, code: str | None = None) -> None:
        """Add a country by code, or by name; a name we cannot resolve is kept in `extra`."""
        code = code or (country_code(raw) if raw else None)
        if code:
            self.countries[Country(code, role)] = None
        elif raw:
            self.note("country_unresolved", f"{role.value}: {raw}")

    def identifier(self, kind: str, value: str, note: str = "") -> None:
        """Add a document or registry number (an `IMO` prefix is dropped from IMO numbers)."""
        if kind == "imo":
            value = value.upper().removeprefix("IMO").strip()
        if value:
            self.identifiers[Identifier(kind, value, None, note or None)] = None

    def schema(self) -> Schema | None:
        """Person, Vessel, Company or Organization; None for a subject type we do not know."""
        if self.kind in _KINDS:
            return _KINDS[self.kind]
        if self.kind != "entity":
            return None
        hints = [value for label, value in self.extra if label == "entity_type"]
        hints.extend(n.full for n in self.names if n.kind == NameKind.PRIMARY)
        found = [body_schema(h) for h in hints]
        return Schema.COMPANY if Schema.COMPANY in found else Schema.ORGANIZATION

    def party(self, list_date: str | None) -> Party | Reject:
        """The finished Party, or a Reject when the subject has no name or an unknown type."""
        schema = self.schema()
        if schema is None:
            return self._reject("subject_type", f"{self.uid}: unknown subject type {self.kind!r}")
        if not self.names:
            return self._reject("name", f"{self.uid}: no name")
        names = sorted(self.names, key=lambda n: n.kind != NameKind.PRIMARY)
        return Party(
            id=f"{SOURCE}:{self.uid}",
            source=SOURCE,
            schema=schema,
            names=tuple(names),
            birth_dates=tuple(self.births),
            birth_places=tuple(self.places),
            countries=tuple(self.countries),
            addresses=tuple(self.addresses),
            identifiers=tuple(self.identifiers),
            programs=tuple(self.programs),
            gender=self.gender,
            remarks="\n".join(self.remarks) or None,
            listed_on=self.listed_on,
            linked_to=tuple(self.linked),
            extra=tuple(self.extra),
            provenance=Provenance(SOURCE, str(self.path), self.line, None, list_date),
        )

    def _reject(self, field_name: str, error: str) -> Reject:
        return Reject(SOURCE, str(self.path), self.line, field_name, error)
