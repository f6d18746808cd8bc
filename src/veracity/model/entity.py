"""A listed party and its parts: names, dates, countries, addresses, identifiers, provenance.

Records are immutable. A party never holds one "the" name: it carries every name the list gives,
each with its kind, so that the matcher can compare them all (ARCHITECTURE.md, data conventions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from veracity.model.dates import PartialDate

EntityId = str
SourceName = str


class Schema(StrEnum):
    """What kind of thing a listed party is (FollowTheMoney schema names)."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    COMPANY = "Company"
    VESSEL = "Vessel"
    AIRCRAFT = "Aircraft"

    @property
    def is_legal_entity(self) -> bool:
        """Persons, organisations and companies (not vessels or aircraft)."""
        return self in {Schema.PERSON, Schema.ORGANIZATION, Schema.COMPANY}


class NameKind(StrEnum):
    """The role of a name on the list."""

    PRIMARY = "primary"
    """The name the list files the party under."""
    ALIAS = "alias"
    """A good-quality a.k.a.: strong enough to screen on its own."""
    WEAK_ALIAS = "weak_alias"
    """A low-quality a.k.a. (OFAC 'weak', UN 'Low'): a nickname or generic name, weak evidence."""
    FORMER = "former"
    """A former name (f.k.a.)."""
    ORIGINAL_SCRIPT = "original_script"
    """The name in its own script (Arabic, Cyrillic, Chinese...)."""


class CountryRole(StrEnum):
    """How a country relates to a party."""

    NATIONALITY = "nationality"
    CITIZENSHIP = "citizenship"
    BIRTH = "birth"
    RESIDENCE = "residence"
    ADDRESS = "address"
    JURISDICTION = "jurisdiction"
    FLAG = "flag"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Name:
    """One name of a party, with its kind and, where the list splits it, its parts."""

    full: str
    kind: NameKind = NameKind.PRIMARY
    given: str | None = None
    middle: str | None = None
    family: str | None = None
    patronymic: str | None = None
    lang: str | None = None
    """ISO 639 language or script hint when the list gives one."""


@dataclass(frozen=True, slots=True)
class Country:
    """A country (ISO 3166-1 alpha-2) and its role for the party."""

    code: str
    role: CountryRole = CountryRole.OTHER


@dataclass(frozen=True, slots=True)
class Address:
    """A postal address as the list gives it; `full` is always set."""

    full: str
    street: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = None
    """ISO 3166-1 alpha-2 code."""


@dataclass(frozen=True, slots=True)
class Identifier:
    """A document or registry number (passport, national ID, tax ID, IMO, LEI...)."""

    kind: str
    value: str
    country: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a record came from: source, file, line or element, list date."""

    source: SourceName
    path: str
    line: int | None = None
    element: str | None = None
    list_date: str | None = None


@dataclass(frozen=True, slots=True)
class Party:
    """A party on a sanctions or export-control list."""

    id: EntityId
    """Stable within a source: `<source>:<list's own id>`."""
    source: SourceName
    schema: Schema
    names: tuple[Name, ...]
    birth_dates: tuple[PartialDate, ...] = ()
    birth_places: tuple[str, ...] = ()
    countries: tuple[Country, ...] = ()
    addresses: tuple[Address, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    programs: tuple[str, ...] = ()
    gender: str | None = None
    """`male`, `female` or None."""
    remarks: str | None = None
    listed_on: PartialDate | None = None
    linked_to: tuple[str, ...] = ()
    """Names or ids of related listed parties ('Linked To:', ownership)."""
    extra: tuple[tuple[str, str], ...] = ()
    """Other facts as (label, value): title, vessel type, tonnage, aircraft model..."""
    provenance: Provenance | None = None

    @property
    def caption(self) -> str:
        """The primary name (or the first name) for display."""
        for name in self.names:
            if name.kind == NameKind.PRIMARY:
                return name.full
        return self.names[0].full if self.names else self.id

    def country_codes(self) -> frozenset[str]:
        """Every country linked to the party, whatever its role."""
        return frozenset(c.code for c in self.countries)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; `Party.from_dict` reads it back."""
        return _party_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Party:
        """Rebuild a party from `to_dict` output."""
        return _party_from(data)


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None and v != [] and v != ()}


def _party_dict(p: Party) -> dict[str, Any]:
    return _drop_none(
        {
            "id": p.id,
            "source": p.source,
            "schema": p.schema.value,
            "names": [_drop_none(_slots(n)) for n in p.names],
            "birth_dates": [str(d) for d in p.birth_dates],
            "birth_places": list(p.birth_places),
            "countries": [[c.code, c.role.value] for c in p.countries],
            "addresses": [_drop_none(_slots(a)) for a in p.addresses],
            "identifiers": [_drop_none(_slots(i)) for i in p.identifiers],
            "programs": list(p.programs),
            "gender": p.gender,
            "remarks": p.remarks,
            "listed_on": str(p.listed_on) if p.listed_on else None,
            "linked_to": list(p.linked_to),
            "extra": [list(e) for e in p.extra],
            "provenance": _drop_none(_slots(p.provenance)) if p.provenance else None,
        }
    )


def _slots(obj: Any) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in obj.__slots__}


def _date(text: str) -> PartialDate:
    circa = text.startswith("circa ")
    return PartialDate.from_iso(text.removeprefix("circa "), circa=circa)


def _party_from(d: dict[str, Any]) -> Party:
    prov = d.get("provenance")
    return Party(
        id=d["id"],
        source=d["source"],
        schema=Schema(d["schema"]),
        names=tuple(Name(**{**n, "kind": NameKind(n.get("kind", "primary"))}) for n in d["names"]),
        birth_dates=tuple(_date(x) for x in d.get("birth_dates", ())),
        birth_places=tuple(d.get("birth_places", ())),
        countries=tuple(Country(c, CountryRole(r)) for c, r in d.get("countries", ())),
        addresses=tuple(Address(**a) for a in d.get("addresses", ())),
        identifiers=tuple(Identifier(**i) for i in d.get("identifiers", ())),
        programs=tuple(d.get("programs", ())),
        gender=d.get("gender"),
        remarks=d.get("remarks"),
        listed_on=_date(d["listed_on"]) if d.get("listed_on") else None,
        linked_to=tuple(d.get("linked_to", ())),
        extra=tuple((a, b) for a, b in d.get("extra", ())),
        provenance=Provenance(**prov) if prov else None,
    )


@dataclass(frozen=True, slots=True)
class Reject:
    """A row a reader could not turn into a record, and why."""

    source: SourceName
    path: str
    line: int | str | None
    field: str | None
    error: str
    orphan: bool = False
    """An alias/address row whose parent entry is not in the list (OFAC add/alt files)."""


@dataclass(slots=True)
class ReadResult:
    """What a reader returns: the parties, the rows it rejected, the list's own date."""

    parties: list[Party] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    list_date: str | None = None
    files: list[str] = field(default_factory=list)
    """Every file read, for the load's checksum."""
