"""One OFAC legacy entry, with what its companion files add, built into a Party.

Names: individuals are written `FAMILY, Given Names`; the part before the first comma is kept as
`family` and the rest as `given` (OFAC does not mark middle names). The name is kept as written.
Addresses: OFAC puts city, state/province and postal code in one column; it is kept whole as the
address's `city`. Vessel columns become identifiers (call sign), a FLAG country, the owner in
`linked_to`, and type and tonnages in `extra`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from veracity.model import (
    Address,
    Country,
    CountryRole,
    Identifier,
    Name,
    NameKind,
    Party,
    Provenance,
    Schema,
)
from veracity.sources.heuristics import LEGAL_FORMS
from veracity.sources.ofac_csv import Row
from veracity.sources.ofac_remarks import RemarkFacts, parse_remarks, resolve_country

TYPES = {
    "individual": Schema.PERSON,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
    "": Schema.ORGANIZATION,
}
"""SDN_Type -> schema; `-0-` (empty) is an entity, refined to Company by `_entity_schema`."""

_PROGRAM = re.compile(r"[^\[\]]+")
_REGISTRY_KINDS = frozenset({"registration", "tax_id", "vat", "lei", "swift_bic", "isin", "duns"})
_NOT_COMPANY = ("Registered Charity No.",)
_COMPANY_TARGETS = frozenset(
    {"Financial Institution", "State-Owned Enterprise", "Private Company", "Public Company"}
)
_TOKEN = re.compile(r"[^A-Z0-9]+")
_VESSEL_EXTRA = ((6, "vessel_type"), (7, "tonnage"), (8, "gross_registered_tonnage"))

T = TypeVar("T")


@dataclass(slots=True)
class Entry:
    """An entry row of the main file and what the companion files add to it."""

    row: Row
    remarks: str = ""
    """The Remarks with their overflow from the comments file joined on."""
    aliases: list[tuple[str, NameKind]] = field(default_factory=list)
    addresses: list[Row] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    """Facts found while joining (alias remarks, a truncated remark), for `Party.extra`."""


def build_party(source: str, entry: Entry, provenance: Provenance) -> Party:
    """The Party for one entry; `entry.row` has already been checked (id, name, type)."""
    row = entry.row
    kind = TYPES[row.value(2).lower()]
    facts = parse_remarks(entry.remarks) if entry.remarks else RemarkFacts()
    names = [_name(row.value(1), NameKind.PRIMARY, kind)]
    names += [_name(full, alias_kind, kind) for full, alias_kind in entry.aliases]
    names += facts.names
    countries, identifiers = list(facts.countries), list(facts.identifiers)
    linked, extra = list(facts.linked_to), [*entry.notes]
    if title := row.value(4):
        extra.append(("title", title))
    _vessel(row, countries, identifiers, linked, extra)
    found = (_address(a, countries, extra) for a in entry.addresses)
    addresses = [a for a in found if a is not None]
    extra += facts.extra
    return Party(
        id=f"{source}:{row.value(0)}",
        source=source,
        schema=_entity_schema(names, identifiers, extra) if kind == Schema.ORGANIZATION else kind,
        names=_unique(names),
        birth_dates=_unique(facts.birth_dates),
        birth_places=_unique(facts.birth_places),
        countries=_unique(countries),
        addresses=_unique(addresses),
        identifiers=_unique(identifiers),
        programs=_unique(p.strip() for p in _PROGRAM.findall(row.value(3)) if p.strip()),
        gender=facts.gender,
        remarks=entry.remarks or None,
        listed_on=min(facts.listing_dates, default=None),
        linked_to=_unique(linked),
        extra=_unique(extra),
        provenance=provenance,
    )


def _name(full: str, kind: NameKind, schema: Schema) -> Name:
    if schema != Schema.PERSON:
        return Name(full, kind)
    family, comma, given = full.partition(",")
    if not comma:
        return Name(full, kind)
    return Name(full, kind, given=given.strip() or None, family=family.strip() or None)


def _entity_schema(
    names: list[Name], identifiers: list[Identifier], extra: list[tuple[str, str]]
) -> Schema:
    """Company when a registry number, a company target type or a legal form says so."""
    targets = {value for key, value in extra if key == "target_type"}
    if targets:
        return Schema.COMPANY if targets & _COMPANY_TARGETS else Schema.ORGANIZATION
    if any(
        i.kind in _REGISTRY_KINDS and not (i.note or "").startswith(_NOT_COMPANY)
        for i in identifiers
    ):
        return Schema.COMPANY
    for name in names:
        if LEGAL_FORMS.intersection(_TOKEN.split(name.full.upper().replace(".", ""))):
            return Schema.COMPANY
    return Schema.ORGANIZATION


def _vessel(
    row: Row,
    countries: list[Country],
    identifiers: list[Identifier],
    linked: list[str],
    extra: list[tuple[str, str]],
) -> None:
    """The vessel columns (empty for every other kind of entry)."""
    if call_sign := row.value(5):
        identifiers.append(Identifier("call_sign", call_sign))
    extra += [(key, row.value(i)) for i, key in _VESSEL_EXTRA if row.value(i)]
    if flag := row.value(9):
        code = resolve_country(flag)
        if code:
            countries.append(Country(code, CountryRole.FLAG))
        else:
            extra.append(("country_unresolved", flag))
    if owner := row.value(10):
        linked.append(owner)
        extra.append(("vessel_owner", owner))


def _address(row: Row, countries: list[Country], extra: list[tuple[str, str]]) -> Address | None:
    """An add.csv row as an Address; None when every field is `-0-` (nothing to keep)."""
    street, city, country_name, remark = row.value(2), row.value(3), row.value(4), row.value(5)
    if remark:
        extra.append(("address_remarks", remark))
    if not (street or city or country_name):
        return None
    code = resolve_country(country_name) if country_name else None
    if code:
        countries.append(Country(code, CountryRole.ADDRESS))
    elif country_name:
        extra.append(("country_unresolved", country_name))
    full = ", ".join(part for part in (street, city, country_name) if part)
    return Address(full, street=street or None, city=city or None, country=code)


def _unique(items: Iterable[T]) -> tuple[T, ...]:
    return tuple(dict.fromkeys(items))
