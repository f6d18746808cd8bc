"""The UN Security Council Consolidated List, official XML (schema sc-sanctions.xsd).

Each INDIVIDUAL becomes a Person and each ENTITY an Organization. Names: FIRST_NAME to
FOURTH_NAME joined make the primary name. The UN does not order name parts as given/family
consistently (Arabic and Afghan names are often given in full lineage order), so `given` is
FIRST_NAME and `family` the last non-empty part, a convention the matcher must not over-trust;
the full name is always kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar
from xml.etree.ElementTree import Element

from veracity.exc import SourceError
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
    parse_dates,
)
from veracity.model.countries import country_code
from veracity.sources.base import ListInfo, Record, Source, register
from veracity.sources.xmlsafe import XmlRecord, child, children, iter_records, root_element, text

_SOURCE = "un"
_KINDS = {"INDIVIDUAL": Schema.PERSON, "ENTITY": Schema.ORGANIZATION}
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_QUALITY = {
    "good": NameKind.ALIAS,
    "a.k.a.": NameKind.ALIAS,
    "low": NameKind.WEAK_ALIAS,
    "f.k.a.": NameKind.FORMER,
}
_GENDER = {"male": "male", "female": "female"}
_ISSUED = ("DATE_OF_ISSUE", "CITY_OF_ISSUE")
_PLACEHOLDERS = {"na", "n/a"}
# UN permanent reference numbers (QDi.001, CDe.012, IRe.077) cited in COMMENTS1.
_REFERENCE = re.compile(r"\b[A-Z]{2}[ie]\.\d{3}\b")

Extra = list[tuple[str, str]]


@register
class UnConsolidated(Source):
    """UN Security Council Consolidated List (XML)."""

    NAME = _SOURCE
    TITLE = "UN Security Council Consolidated List"
    URLS: ClassVar[dict[str, str]] = {
        "consolidated.xml": "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
    }

    def read(self, path: Path) -> Iterator[Record]:
        """Yield the list date, then each individual and entity (or a Reject)."""
        for file in self.files(path):
            root = root_element(file)
            if root.tag != "CONSOLIDATED_LIST":
                raise SourceError(f"not a UN consolidated list (root <{root.tag}>)", file, 1)
            list_date = root.get("dateGenerated")
            yield ListInfo(list_date)
            for record in iter_records(file, frozenset(_KINDS)):
                yield _party(record, file, list_date)


def _party(record: XmlRecord, file: Path, list_date: str | None) -> Party | Reject:
    """One INDIVIDUAL or ENTITY element as a Party, or a Reject saying what is missing."""
    el = record.element
    ref = text(child(el, "REFERENCE_NUMBER")) or text(child(el, "DATAID"))
    where = f"{record.path} (line {record.line})"
    if not ref:
        return Reject(_SOURCE, str(file), record.path, "REFERENCE_NUMBER", f"no id at {where}")
    names = _names(el)
    if not names:
        return Reject(_SOURCE, str(file), record.path, "FIRST_NAME", f"no name at {where}")
    extra: Extra = []
    countries: list[Country] = []
    births, places = _births(el, countries, extra)
    return Party(
        id=f"un:{ref}",
        source=_SOURCE,
        schema=_KINDS[el.tag],
        names=tuple(names),
        birth_dates=tuple(births),
        birth_places=tuple(places),
        addresses=tuple(_addresses(el, countries, extra)),
        identifiers=tuple(_documents(el, extra)),
        countries=_nationalities(el, countries, extra),
        programs=tuple(p for p in [text(child(el, "UN_LIST_TYPE"))] if p),
        gender=_gender(el, extra),
        remarks=text(child(el, "COMMENTS1")) or None,
        listed_on=_listed_on(el, extra),
        linked_to=_linked(el, ref),
        extra=tuple(extra + _facts(el)),
        provenance=Provenance(_SOURCE, str(file), record.line, record.path, list_date),
    )


def _names(el: Element) -> list[Name]:
    """The primary name (parts kept), the original-script name and the non-empty aliases."""
    parts = [p for p in (text(child(el, tag)) for tag in _NAME_PARTS) if p]
    if not parts:
        return []
    if el.tag == "INDIVIDUAL" and len(parts) > 1:
        middle = " ".join(parts[1:-1]) or None
        names = [Name(" ".join(parts), given=parts[0], middle=middle, family=parts[-1])]
    else:
        names = [Name(" ".join(parts))]
    for node in children(el, "NAME_ORIGINAL_SCRIPT"):
        if original := text(node):
            names.append(Name(original, NameKind.ORIGINAL_SCRIPT))
    for alias in children(el, f"{el.tag}_ALIAS"):
        # Empty alias elements are how the UN writes "no alias"; they are not bad rows.
        if full := text(child(alias, "ALIAS_NAME")):
            quality = text(child(alias, "QUALITY")).lower()
            names.append(Name(full, _QUALITY.get(quality, NameKind.ALIAS)))
    return names


def _alias_facts(el: Element, countries: list[Country], extra: Extra) -> Iterator[PartialDate]:
    """Alias notes, and the birth dates and places some aliases carry (under that identity)."""
    for alias in children(el, f"{el.tag}_ALIAS"):
        full = text(child(alias, "ALIAS_NAME"))
        quality = text(child(alias, "QUALITY"))
        if full and quality and quality.lower() not in _QUALITY:
            extra.append(("alias_quality_unknown", f"{full}: {quality}"))
        if full and (note := text(child(alias, "NOTE"))):
            extra.append(("alias_note", f"{full}: {note}"))
        if dob := text(child(alias, "DATE_OF_BIRTH")):
            yield from _dates(dob, False, "alias_birth_date_unparsed", extra)
        if city := text(child(alias, "CITY_OF_BIRTH")):
            extra.append(("alias_birth_place", f"{full}: {city}"))
        _country(text(child(alias, "COUNTRY_OF_BIRTH")), CountryRole.BIRTH, countries, extra)


def _births(
    el: Element, countries: list[Country], extra: Extra
) -> tuple[list[PartialDate], list[str]]:
    """Dates of birth (precision and circa kept) and places of birth as written."""
    dates: list[PartialDate] = []
    for node in children(el, "INDIVIDUAL_DATE_OF_BIRTH"):
        dates.extend(_birth_date(node, extra))
    dates.extend(_alias_facts(el, countries, extra))
    places: list[str] = []
    for node in children(el, "INDIVIDUAL_PLACE_OF_BIRTH"):
        tags = ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY", "NOTE")
        if place := ", ".join(v for v in (text(child(node, t)) for t in tags) if v):
            places.append(place)
        _country(text(child(node, "COUNTRY")), CountryRole.BIRTH, countries, extra)
    return list(dict.fromkeys(dates)), list(dict.fromkeys(places))


def _birth_date(node: Element, extra: Extra) -> list[PartialDate]:
    """One INDIVIDUAL_DATE_OF_BIRTH: EXACT / APPROXIMATELY a DATE or YEAR, or BETWEEN two years."""
    kind = text(child(node, "TYPE_OF_DATE")).upper()
    circa = kind == "APPROXIMATELY"
    note = text(child(node, "NOTE"))
    start, end = text(child(node, "FROM_YEAR")), text(child(node, "TO_YEAR"))
    raw = text(child(node, "DATE")) or text(child(node, "YEAR"))
    if start and end:
        raw = f"{start} to {end}"  # parse_dates gives each year, marked circa
    elif start or end:
        raw = start or end
        circa = True
    if not raw:
        # A few entries give the date only in NOTE ("Nov. 1973"); parse it if it is a date.
        return _dates(note, circa, "birth_date_note", extra) if note else []
    if note:
        extra.append(("birth_date_note", f"{raw}: {note}"))
    return _dates(raw, circa, "birth_date_unparsed", extra)


def _dates(raw: str, circa: bool, label: str, extra: Extra) -> list[PartialDate]:
    """Parse a date or range; an unparsable value is kept in `extra` under `label`."""
    try:
        found = parse_dates(raw)
    except ValueError:
        extra.append((label, raw))
        return []
    return [PartialDate(d.year, d.month, d.day, d.circa or circa) for d in found]


def _country(name: str, role: CountryRole, countries: list[Country], extra: Extra) -> str | None:
    """Add a country with its role; an unresolvable name is kept in `extra`."""
    if not name:
        return None
    code = country_code(name)
    if code is None:
        extra.append(("country_unresolved", name))
    elif Country(code, role) not in countries:
        countries.append(Country(code, role))
    return code


def _nationalities(el: Element, countries: list[Country], extra: Extra) -> tuple[Country, ...]:
    """NATIONALITY values, added to the countries already found (birth, address)."""
    for node in children(el, "NATIONALITY"):
        for value in children(node, "VALUE"):
            _country(text(value), CountryRole.NATIONALITY, countries, extra)
    return tuple(countries)


def _addresses(el: Element, countries: list[Country], extra: Extra) -> Iterator[Address]:
    """INDIVIDUAL_ADDRESS / ENTITY_ADDRESS; the NOTE ("as of June 2016") goes to `extra`."""
    for node in children(el, f"{el.tag}_ADDRESS"):
        street, city = text(child(node, "STREET")), text(child(node, "CITY"))
        region, postal = text(child(node, "STATE_PROVINCE")), text(child(node, "ZIP_CODE"))
        country = text(child(node, "COUNTRY"))
        full = ", ".join(v for v in (street, city, region, postal, country) if v)
        note = text(child(node, "NOTE"))
        if not full:
            if note:
                extra.append(("address_note", note))
            continue
        if note:
            extra.append(("address_note", f"{full}: {note}"))
        code = _country(country, CountryRole.ADDRESS, countries, extra)
        yield Address(full, street or None, city or None, region or None, postal or None, code)


def _documents(el: Element, extra: Extra) -> Iterator[Identifier]:
    """INDIVIDUAL_DOCUMENT elements as identifiers (empty ones are how the UN writes "none")."""
    for node in children(el, "INDIVIDUAL_DOCUMENT"):
        if identifier := _document(node, extra):
            yield identifier


def _document(node: Element, extra: Extra) -> Identifier | None:
    """One document; without a NUMBER its type and note are kept in `extra` instead."""
    kind, kind2 = text(child(node, "TYPE_OF_DOCUMENT")), text(child(node, "TYPE_OF_DOCUMENT2"))
    issued = " ".join(v for v in (text(child(node, t)) for t in _ISSUED) if v)
    notes = (kind, kind2, f"issued {issued}" if issued else "", text(child(node, "NOTE")))
    note = "; ".join(v for v in notes if v)
    number = text(child(node, "NUMBER"))
    if not number:
        if note:
            extra.append(("document", note))
        return None
    issuer = text(child(node, "ISSUING_COUNTRY")) or text(child(node, "COUNTRY_OF_ISSUE"))
    code = country_code(issuer) if issuer else None
    if issuer and code is None:
        extra.append(("country_unresolved", issuer))
    return Identifier(_document_kind(f"{kind} {kind2}"), number, code, note or None)


def _document_kind(label: str) -> str:
    """Normalise the UN's document labels (also in French and Spanish) to a small vocabulary."""
    folded = label.lower()
    if any(w in folded for w in ("passport", "passeport", "pasaporte")):
        return "passport"
    if any(w in folded for w in ("identification", "identity", "id card", "national")):
        return "national_id"
    return "other"


def _gender(el: Element, extra: Extra) -> str | None:
    raw = text(child(el, "GENDER"))
    if raw and raw.lower() not in _GENDER:
        extra.append(("gender", raw))
    return _GENDER.get(raw.lower())


def _listed_on(el: Element, extra: Extra) -> PartialDate | None:
    raw = text(child(el, "LISTED_ON"))
    if not raw:
        return None
    try:
        return PartialDate.from_iso(raw)  # some carry a zone: 2015-04-07-04:00
    except ValueError:
        extra.append(("listed_on_unparsed", raw))
        return None


def _linked(el: Element, ref: str) -> tuple[str, ...]:
    """Other UN entries cited in the comments ("…founder, Jamil Mukulu (CDi.015)…")."""
    found = _REFERENCE.findall(text(child(el, "COMMENTS1")))
    return tuple(f"un:{r}" for r in dict.fromkeys(found) if r != ref)


def _facts(el: Element) -> Extra:
    """DESIGNATION and TITLE values, and the date the entry was last updated."""
    facts: Extra = []
    for tag, label in (("DESIGNATION", "designation"), ("TITLE", "title")):
        for node in children(el, tag):
            values = (text(x) for x in children(node, "VALUE"))
            facts.extend((label, v) for v in values if v and v.lower() not in _PLACEHOLDERS)
    updated = [text(v) for n in children(el, "LAST_DAY_UPDATED") for v in children(n, "VALUE")]
    if updated := [u for u in updated if u]:
        facts.append(("last_updated", max(updated)))
    return facts
