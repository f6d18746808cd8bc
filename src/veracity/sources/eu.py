"""The EU consolidated financial sanctions list: Financial Sanctions Files (FSF) XML 1.1.

Root `<export generationDate=…>` in the namespace `http://eu.europa.ec/fpi/fsd/export` (read
namespace-blind, so a changed namespace URI does not break loading), one `<sanctionEntity>` per
listed party. Facts are attributes: `nameAlias@wholeName`, `birthdate@year`, `address@city`...

Subject type `person` becomes a Person; `enterprise` an Organization. The FSF does not tell
companies from groups, militias, ministries or ships (a tanker may be listed as an enterprise),
so no guess is made here: IMO and registration numbers are kept as identifiers for the matcher.

The list has no "primary name" flag. The first strong Latin-script alias is taken as primary;
other strong aliases are aliases, `strong="false"` (or a "low quality" remark) weak aliases, and
names in another script (Cyrillic, Arabic, Korean...) original-script names.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import replace
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
)
from veracity.model.countries import country_code
from veracity.sources.base import ListInfo, Record, Source, register
from veracity.sources.xmlsafe import XmlRecord, child, children, iter_records, local, root_element

_SOURCE = "eu"
_SCHEMAS = {"person": Schema.PERSON, "enterprise": Schema.ORGANIZATION}
_GENDER = {"m": "male", "f": "female"}
# identificationTypeCode -> our identifier kinds (codes seen in FSF 1.1 exports).
_ID_KINDS = {
    "passport": "passport",
    "id": "national_id",
    "nationcert": "national_id",
    "ssn": "national_id",
    "fiscalcode": "tax_id",
    "regnumber": "registration_number",
    "tradelic": "registration_number",
    "imo": "imo",
    "swiftbic": "swift_bic",
}
_ID_FLAGS = {
    "knownFalse": "known false",
    "knownExpired": "known expired",
    "reportedLost": "reported lost",
    "revokedByIssuer": "revoked by issuer",
    "diplomatic": "diplomatic",
}
_UNKNOWN_COUNTRY = {"00", "UNKNOWN"}

Extra = list[tuple[str, str]]


@register
class EuFsf(Source):
    """EU consolidated financial sanctions list (FSF XML 1.1)."""

    NAME = _SOURCE
    TITLE = "EU Consolidated Financial Sanctions List (FSF)"
    URLS: ClassVar[dict[str, str]] = {
        "eu_fsf.xml": "https://webgate.ec.europa.eu/fsd/fsf/public/files/"
        "xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw"
    }

    def read(self, path: Path) -> Iterator[Record]:
        """Yield the list date, then each sanctionEntity as a Party (or a Reject)."""
        for file in self.files(path):
            root = root_element(file)
            if local(root.tag) != "export":
                raise SourceError(f"not an EU FSF export (root <{local(root.tag)}>)", file, 1)
            list_date = root.get("generationDate")
            yield ListInfo(list_date)
            for record in iter_records(file, frozenset({"sanctionEntity"})):
                yield _party(record, file, list_date)


def _party(record: XmlRecord, file: Path, list_date: str | None) -> Party | Reject:
    """One sanctionEntity as a Party, or a Reject naming the element and the missing field."""
    el = record.element
    where = f"{record.path} (line {record.line})"
    key = el.get("logicalId") or el.get("euReferenceNumber")
    if not key:
        return _reject(file, record, "logicalId", f"no logicalId or euReferenceNumber at {where}")
    subject = child(el, "subjectType")
    code = subject.get("code", "") if subject is not None else ""
    if code not in _SCHEMAS:
        return _reject(file, record, "subjectType", f"unknown subject type {code!r} at {where}")
    extra: Extra = []
    names = _names(el, extra)
    if not names:
        return _reject(file, record, "nameAlias/wholeName", f"no name at {where}")
    countries: list[Country] = []
    return Party(
        id=f"{_SOURCE}:{key}",
        source=_SOURCE,
        schema=_SCHEMAS[code],
        names=tuple(names),
        birth_dates=tuple(_birth_dates(el, extra)),
        birth_places=tuple(_birth_places(el, countries, extra)),
        addresses=tuple(_addresses(el, countries, extra)),
        identifiers=tuple(_identifiers(el, extra)),
        countries=_citizenships(el, countries, extra),
        programs=tuple(
            dict.fromkeys(p for r in children(el, "regulation") if (p := r.get("programme")))
        ),
        gender=_gender(el),
        remarks="\n".join(t for r in children(el, "remark") if (t := (r.text or "").strip()))
        or None,
        listed_on=_listed_on(el, extra),
        extra=tuple(extra + _facts(el)),
        provenance=Provenance(_SOURCE, str(file), record.line, record.path, list_date),
    )


def _reject(file: Path, record: XmlRecord, field: str, error: str) -> Reject:
    return Reject(_SOURCE, str(file), record.path, field, error)


def _names(el: Element, extra: Extra) -> list[Name]:
    """Every nameAlias with its kind; the first strong Latin-script one is the primary name."""
    names: list[Name] = []
    for alias in children(el, "nameAlias"):
        if name := _name(alias, extra):
            names.append(name)
    primary = next((i for i, n in enumerate(names) if n.kind == NameKind.ALIAS), None)
    if primary is None and names:
        # No strong Latin name: the list still files the party under its first name.
        primary = 0
    if primary is not None:
        names.insert(0, replace(names.pop(primary), kind=NameKind.PRIMARY))
    return names


def _name(alias: Element, extra: Extra) -> Name | None:
    """One nameAlias; its kind comes from `strong`, its remark and its script."""
    given, middle, family = (_attr(alias, a) for a in ("firstName", "middleName", "lastName"))
    full = _attr(alias, "wholeName") or " ".join(p for p in (given, middle, family) if p)
    if not full:
        return None
    remark = " ".join(t for r in children(alias, "remark") if (t := (r.text or "").strip()))
    kind = NameKind.ALIAS
    if alias.get("strong", "true").lower() == "false" or "low quality" in remark.lower():
        kind = NameKind.WEAK_ALIAS
    elif "former" in remark.lower():
        kind = NameKind.FORMER
    elif not _is_latin(full):
        kind = NameKind.ORIGINAL_SCRIPT
    if remark and "quality" not in remark.lower():
        extra.append(("alias_note", f"{full}: {remark}"))
    lang = _attr(alias, "nameLanguage").lower() or None
    return Name(full, kind, given or None, middle or None, family or None, lang=lang)


def _is_latin(text: str) -> bool:
    """Whether every letter of `text` is a Latin letter (with or without diacritics)."""
    return all("LATIN" in unicodedata.name(c, "") for c in text if c.isalpha())


def _attr(el: Element, name: str) -> str:
    return " ".join(el.get(name, "").split())


def _country(el: Element, role: CountryRole, countries: list[Country], extra: Extra) -> str | None:
    """The element's country (countryIso2Code, else countryDescription) added with its role."""
    iso2, described = _attr(el, "countryIso2Code"), _attr(el, "countryDescription")
    raw = iso2 if iso2 and iso2 not in _UNKNOWN_COUNTRY else described
    if not raw or raw.upper() in _UNKNOWN_COUNTRY:
        return None
    code = country_code(raw) or (country_code(described) if described else None)
    if code is None:
        extra.append(("country_unresolved", raw))
    elif Country(code, role) not in countries:
        countries.append(Country(code, role))
    return code


def _citizenships(el: Element, countries: list[Country], extra: Extra) -> tuple[Country, ...]:
    for node in children(el, "citizenship"):
        _country(node, CountryRole.CITIZENSHIP, countries, extra)
    return tuple(countries)


def _birth_dates(el: Element, extra: Extra) -> Iterator[PartialDate]:
    """birthdate@birthdate (a full date), else year / monthOfYear / dayOfMonth; circa kept."""
    for node in children(el, "birthdate"):
        circa = node.get("circa", "").lower() == "true"
        full, year = _attr(node, "birthdate"), _attr(node, "year")
        month, day = _attr(node, "monthOfYear"), _attr(node, "dayOfMonth")
        try:
            if full:
                yield PartialDate.from_iso(full, circa=circa)
            elif year:
                yield PartialDate(int(year), int(month) if month else None, _day(day, month), circa)
        except ValueError:
            extra.append(
                ("birth_date_unparsed", full or "-".join(v for v in (year, month, day) if v))
            )


def _day(day: str, month: str) -> int | None:
    return int(day) if day and month else None


def _birth_places(el: Element, countries: list[Country], extra: Extra) -> Iterator[str]:
    for node in children(el, "birthdate"):
        _country(node, CountryRole.BIRTH, countries, extra)
        parts = [_attr(node, a) for a in ("place", "city", "zipCode", "region")]
        described = _attr(node, "countryDescription")
        parts.append("" if described.upper() in _UNKNOWN_COUNTRY else described)
        if place := ", ".join(p for p in parts if p):
            yield place


def _addresses(el: Element, countries: list[Country], extra: Extra) -> Iterator[Address]:
    """address elements; contactInfo (web, phone, email) and remarks go to `extra`."""
    for node in children(el, "address"):
        street = ", ".join(p for p in (_attr(node, "street"), _attr(node, "poBox")) if p)
        city = ", ".join(p for p in (_attr(node, "place"), _attr(node, "city")) if p)
        region, postal = _attr(node, "region"), _attr(node, "zipCode")
        code = _country(node, CountryRole.ADDRESS, countries, extra)
        described = _attr(node, "countryDescription")
        country = "" if described.upper() in _UNKNOWN_COUNTRY else described
        for info in children(node, "contactInfo"):
            if value := _attr(info, "value"):
                extra.append((_attr(info, "key").lower() or "contact", value))
        for remark in children(node, "remark"):
            if note := (remark.text or "").strip():
                extra.append(("address_note", note))
        if full := ", ".join(p for p in (street, city, region, postal, country) if p):
            yield Address(full, street or None, city or None, region or None, postal or None, code)


def _identifiers(el: Element, extra: Extra) -> Iterator[Identifier]:
    """identification elements; the type description, remarks and flags become the note."""
    for node in children(el, "identification"):
        type_code = _attr(node, "identificationTypeCode")
        notes = [_attr(node, "identificationTypeDescription"), _attr(node, "issuedBy")]
        notes += [(r.text or "").strip() for r in children(node, "remark")]
        notes += [label for a, label in _ID_FLAGS.items() if node.get(a, "").lower() == "true"]
        note = "; ".join(n for n in notes if n) or None
        number = _attr(node, "number") or _attr(node, "latinNumber")
        if not number:
            extra.append(("document", note or type_code))
            continue
        code = _country(node, CountryRole.OTHER, [], extra)
        yield Identifier(_ID_KINDS.get(type_code.lower(), "other"), number, code, note)


def _gender(el: Element) -> str | None:
    for alias in children(el, "nameAlias"):
        if gender := _GENDER.get(_attr(alias, "gender").lower()):
            return gender
    return None


def _listed_on(el: Element, extra: Extra) -> PartialDate | None:
    """designationDate when given, else the earliest regulation publication date."""
    dates = [_attr(el, "designationDate")]
    dates += sorted(_attr(r, "publicationDate") for r in children(el, "regulation"))
    for raw in (d for d in dates if d):
        try:
            return PartialDate.from_iso(raw)
        except ValueError:
            extra.append(("listed_on_unparsed", raw))
    return None


def _facts(el: Element) -> Extra:
    """Reference numbers, regulations, and functions and titles from the name aliases."""
    facts: Extra = []
    for attr, label in (("euReferenceNumber", "eu_reference"), ("unitedNationId", "un_reference")):
        if value := _attr(el, attr):
            facts.append((label, value))
    if details := _attr(el, "designationDetails"):
        facts.append(("designation_details", details))
    facts += [
        ("regulation", t) for r in children(el, "regulation") if (t := _attr(r, "numberTitle"))
    ]
    for attr, label in (("function", "function"), ("title", "title")):
        values = (_attr(a, attr) for a in children(el, "nameAlias"))
        facts += [(label, v) for v in dict.fromkeys(values) if v]
    return facts
