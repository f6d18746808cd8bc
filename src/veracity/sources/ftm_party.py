"""One FollowTheMoney entity of a matchable schema as a Party, with what other entities attach.

Property mapping: `name` (the caption is the primary), `alias`, `weakAlias`, `abbreviation`,
`previousName`; `firstName`/`middleName`/`fatherName`/`lastName` become name parts when the
entity has one value of each (otherwise they cannot be paired with a name); dates are FtM's
ISO prefixes (`1988`, `1988-01`, `1988-01-07`); countries are ISO codes in lower case.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
from veracity.sources.heuristics import is_latin

SOURCE = "ftm"
Entity = dict[str, Any]
Extra = dict[tuple[str, str], None]

SCHEMATA = {
    "Person": Schema.PERSON,
    "Organization": Schema.ORGANIZATION,
    "Company": Schema.COMPANY,
    "LegalEntity": Schema.ORGANIZATION,
    "PublicBody": Schema.ORGANIZATION,
    "Vessel": Schema.VESSEL,
    "Airplane": Schema.AIRCRAFT,
    "Aircraft": Schema.AIRCRAFT,
}
_NAMES = (
    ("alias", NameKind.ALIAS),
    ("weakAlias", NameKind.WEAK_ALIAS),
    ("abbreviation", NameKind.WEAK_ALIAS),
    ("previousName", NameKind.FORMER),
)
_COUNTRIES = (
    ("nationality", CountryRole.NATIONALITY),
    ("citizenship", CountryRole.CITIZENSHIP),
    ("birthCountry", CountryRole.BIRTH),
    ("residency", CountryRole.RESIDENCE),
    ("jurisdiction", CountryRole.JURISDICTION),
    ("flag", CountryRole.FLAG),
    ("country", CountryRole.OTHER),
    ("mainCountry", CountryRole.OTHER),
)
# FtM identifier properties -> Identifier.kind (the vocabulary the other readers use).
IDENTIFIERS = {
    "idNumber": "national_id",
    "passportNumber": "passport",
    "socialSecurityNumber": "ssn",
    "registrationNumber": "registration_number",
    "taxNumber": "tax_number",
    "vatCode": "vat",
    "innCode": "inn",
    "ogrnCode": "ogrn",
    "okpoCode": "okpo",
    "kppCode": "kpp",
    "leiCode": "lei",
    "swiftBic": "swift_bic",
    "dunsCode": "duns",
    "permId": "perm_id",
    "uniqueEntityId": "uei",
    "npiCode": "npi",
    "bikCode": "bik",
    "imoNumber": "imo",
    "mmsi": "mmsi",
    "callSign": "call_sign",
    "serialNumber": "serial_number",
    "icaoCode": "icao",
}
# Other facts kept as (label, value) in `extra`.
_FACTS = {
    "topics": "topic",
    "position": "position",
    "title": "title",
    "legalForm": "legal_form",
    "incorporationDate": "incorporation_date",
    "dissolutionDate": "dissolution_date",
    "status": "status",
    "website": "website",
    "email": "email",
    "phone": "phone",
    "sourceUrl": "source_url",
    "type": "type",
    "model": "model",
    "tonnage": "tonnage",
    "grossRegisteredTonnage": "gross_tonnage",
    "buildDate": "build_date",
    "deathDate": "death_date",
}


@dataclass(slots=True)
class Attached:
    """Facts other entities give a party: sanctions, addresses, documents, relations."""

    programs: dict[str, None] = field(default_factory=dict)
    listed: list[PartialDate] = field(default_factory=list)
    identifiers: dict[Identifier, None] = field(default_factory=dict)
    linked: dict[str, None] = field(default_factory=dict)
    extra: Extra = field(default_factory=dict)


def values(props: dict[str, Any], key: str) -> list[str]:
    """A property's values as stripped strings (a lone string counts as one value)."""
    raw = props.get(key)
    items = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    return [v.strip() for v in items if isinstance(v, str) and v.strip()]


def iso_date(raw: str) -> PartialDate:
    """An FtM date (an ISO 8601 prefix); ValueError when it is not one."""
    return PartialDate.from_iso(raw)


def build(
    entity: Entity,
    where: tuple[Path, int, str | None],
    addresses: dict[str, list[Address]],
    attached: Attached | None,
) -> Iterator[Party | Reject]:
    """Yield the Party (or a Reject), preceded by a Reject for each unreadable date."""
    path, line, list_date = where
    props: dict[str, Any] = entity["properties"]
    extra: Extra = {}
    rejects: list[Reject] = []
    names = _names(entity, props)
    if not names:
        yield Reject(SOURCE, str(path), line, "name", f"{entity['id']}: no name")
        return
    births = _dates(props, "birthDate", (path, line), extra, rejects)
    att = attached or Attached()
    listed = att.listed + _dates(props, "createdAt", (path, line), extra, rejects)
    identifiers = _facts(entity, extra)
    yield from rejects
    yield Party(
        id=f"{SOURCE}:{entity['id']}",
        source=SOURCE,
        schema=SCHEMATA[entity["schema"]],
        names=tuple(names),
        birth_dates=tuple(births),
        birth_places=tuple(values(props, "birthPlace")),
        countries=tuple(_countries(props, extra)),
        addresses=tuple(_addresses(props, addresses)),
        identifiers=tuple({**identifiers, **att.identifiers}),
        programs=tuple({**dict.fromkeys(values(props, "programId")), **att.programs}),
        gender=_gender(props, extra),
        remarks="\n".join(values(props, "notes")) or None,
        listed_on=min(listed, key=PartialDate.iso, default=None),
        linked_to=tuple(att.linked),
        extra=tuple({**extra, **att.extra}),
        provenance=Provenance(SOURCE, str(path), line, None, list_date),
    )


def _names(entity: Entity, props: dict[str, Any]) -> list[Name]:
    """Every name: the caption first as PRIMARY, other `name` values as ALIAS, non-Latin
    spellings as ORIGINAL_SCRIPT, then aliases, weak aliases and former names."""
    found: dict[str, Name] = {}
    main = values(props, "name")
    caption = entity.get("caption") if isinstance(entity.get("caption"), str) else None
    primary = caption if caption in main else (main[0] if main else _from_parts(props))
    if primary:
        found[primary] = _with_parts(Name(primary), props, entity["schema"])
    pairs = [(n, NameKind.ALIAS) for n in main] + [
        (n, k) for key, k in _NAMES for n in values(props, key)
    ]
    for full, kind in pairs:
        if full not in found:
            found[full] = Name(full, NameKind.ORIGINAL_SCRIPT if not is_latin(full) else kind)
    return list(found.values())


def _from_parts(props: dict[str, Any]) -> str:
    parts = [values(props, key)[:1] for key in ("firstName", "middleName", "lastName")]
    return " ".join(p[0] for p in parts if p)


def _with_parts(name: Name, props: dict[str, Any], schema: str) -> Name:
    """The primary name with its parts, when each part has exactly one value."""
    parts = {k: values(props, k) for k in ("firstName", "middleName", "fatherName", "lastName")}
    if schema != "Person" or any(len(v) > 1 for v in parts.values()) or not any(parts.values()):
        return name
    one = {k: (v[0] if v else None) for k, v in parts.items()}
    return Name(
        name.full,
        name.kind,
        one["firstName"],
        one["middleName"],
        one["lastName"],
        one["fatherName"],
    )


def _dates(
    props: dict[str, Any], key: str, where: tuple[Path, int], extra: Extra, rejects: list[Reject]
) -> list[PartialDate]:
    found: list[PartialDate] = []
    for raw in values(props, key):
        try:
            found.append(iso_date(raw))
        except ValueError as exc:
            extra[(f"{key}_unparsed", raw)] = None
            rejects.append(Reject(SOURCE, str(where[0]), where[1], key, f"{exc}; kept in extra"))
    return found


def _countries(props: dict[str, Any], extra: Extra) -> Iterator[Country]:
    seen: set[Country] = set()
    for key, role in _COUNTRIES:
        for raw in values(props, key):
            code = country_code(raw)
            if code is None:
                extra[("country_unresolved", f"{role.value}: {raw}")] = None
            elif (country := Country(code, role)) not in seen:
                seen.add(country)
                yield country


def _addresses(props: dict[str, Any], linked: dict[str, list[Address]]) -> list[Address]:
    found = {a.full: a for ref in values(props, "addressEntity") for a in linked.get(ref, [])}
    for full in values(props, "address"):
        found.setdefault(full, Address(full))
    return list(found.values())


def _facts(entity: Entity, extra: Extra) -> dict[Identifier, None]:
    """Identifiers, and the other facts and datasets (into `extra`), in one pass."""
    props: dict[str, Any] = entity["properties"]
    datasets = entity.get("datasets")
    if isinstance(datasets, list):
        extra.update(dict.fromkeys(("dataset", d) for d in datasets if isinstance(d, str)))
    identifiers: dict[Identifier, None] = {}
    for key in props:
        if key in IDENTIFIERS:
            identifiers.update(
                dict.fromkeys(Identifier(IDENTIFIERS[key], v) for v in values(props, key))
            )
        elif key in _FACTS:
            extra.update(dict.fromkeys((_FACTS[key], v) for v in values(props, key)))
    return identifiers


def _gender(props: dict[str, Any], extra: Extra) -> str | None:
    genders = values(props, "gender")
    for raw in genders:
        if raw.lower() not in ("male", "female"):
            extra[("gender", raw)] = None
    known = [g.lower() for g in genders if g.lower() in ("male", "female")]
    return known[0] if len(set(known)) == 1 else None
