"""Screening as a FollowTheMoney exchange package: JSON lines a partner agency can load.

One entity a line (`id`, `schema`, `properties` {prop: [values]}, `datasets`, `caption`), in
real FtM schemata and property names only (followthemoney/schema/*.yaml):

- a **shipment party** is a `Company` when its name carries a company legal form (LLC, GmbH,
  OOO...), else a `LegalEntity`, which FtM keeps for data that "does not specify if something
  is a person or company": `name`, `country`, `address`; one per name and country;
- a **list entry** a party matched is the listed `Person`, `Organization`, `Company`, `Vessel` or
  `Airplane`: names by kind, countries by role, address, birth date, identifiers where the
  schema has a property for them, `program`, `topics`, the list as `publisher`, the entry id,
  list date, remarks and other identifiers in `notes`;
- a **name match** is a `Similar`, FtM's record-linkage link ("two entities that are presumed
  to be the same"; FtM has no `Match` schema): `candidate` the screened party, `match` the
  list entry, `confidenceScore`, `criteria` (the evidence), `matcher` (the rule). A party at a
  listed address under another name is not presumed the same, so `address_match` is an
  `UnknownLink` (`subject`, `object`, `role`, `description`);
- a **shipment** is an `EconomicActivity`, FtM's "Customs declaration" (an Interval), which is
  what a declaration line is: `sender` the exporter, `receiver` the consignee and end user (the
  goods' destinations), `vedCode` the declared goods code, `goodsDescription`,
  `departureCountry`, `destinationCountry`, `invoiceAmount`, `date`, `recordId`, and the
  decision in `summary`, route, roles and findings in `description` (`Payment`, `Event`, `Note`
  have no goods code, route or declared parties); the **payer** is a `Payment` to the exporter.

Ids are `veracity-` + the SHA-1 of a namespace and key (list entry id; party name and country;
shipment file name and id), so they are stable across exports. `veracity load ftm` reads a
package back: parties and list entries become parties, `Similar` and `UnknownLink` their links,
shipments and payments skipped schemata.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from veracity.model import CountryRole, Finding, NameKind, Party, PartyRole, Schema
from veracity.model.trade import Shipment, ShipmentParty
from veracity.names import normalize, split_org, tokenize
from veracity.screening.screen import Screened

DATASET = "veracity_screening"
PREFIX = "veracity-"
Entity = dict[str, Any]
Props = dict[str, list[str]]
Raw = dict[str, list[str | None]]
"""Properties before `_props` drops empty values and repeats."""
Lookup = Callable[[str], Party | None]
"""A listed party by its id (the store's `party`), for the list entries findings cite."""

_PERSON, _VESSEL = frozenset({"Person"}), frozenset({"Vessel"})
_LEGAL = frozenset({"Person", "Organization", "Company", "LegalEntity"})
_SCHEMATA = {schema: schema.value for schema in Schema} | {Schema.AIRCRAFT: "Airplane"}
_NAMES = {
    NameKind.PRIMARY: "name",
    NameKind.ALIAS: "alias",
    NameKind.ORIGINAL_SCRIPT: "alias",
    NameKind.WEAK_ALIAS: "weakAlias",
    NameKind.FORMER: "previousName",
}
_COUNTRIES = {
    CountryRole.NATIONALITY: ("nationality", _PERSON),
    CountryRole.CITIZENSHIP: ("citizenship", _PERSON),
    CountryRole.BIRTH: ("birthCountry", _PERSON),
    CountryRole.JURISDICTION: ("jurisdiction", _LEGAL),
    CountryRole.FLAG: ("flag", _VESSEL),
}
# Identifier kinds of our readers -> the FtM property and the schemata that have it.
_IDENTIFIERS = {
    "passport": ("passportNumber", _PERSON),
    "national_id": ("idNumber", _LEGAL),
    "registration_number": ("registrationNumber", _LEGAL | {"Vessel", "Airplane"}),
    "registration": ("registrationNumber", _LEGAL | {"Vessel", "Airplane"}),
    "tax_number": ("taxNumber", _LEGAL),
    "tax_id": ("taxNumber", _LEGAL),
    "vat": ("vatCode", _LEGAL),
    "inn": ("innCode", _LEGAL),
    "ogrn": ("ogrnCode", _LEGAL),
    "lei": ("leiCode", _LEGAL),
    "swift_bic": ("swiftBic", _LEGAL),
    "duns": ("dunsCode", _LEGAL),
    "imo": ("imoNumber", _VESSEL | {"Organization", "Company"}),
    "mmsi": ("mmsi", _VESSEL),
    "call_sign": ("callSign", _VESSEL),
}
# FtM topics of the lists we load (OpenSanctions entities bring their own).
_TOPICS = dict.fromkeys(("ofac-sdn", "ofac-cons", "un", "uk", "eu"), "sanction")
_TOPICS["bis-dpl"] = "export.control"


def entity_id(*key: str) -> str:
    """A stable FtM id: `veracity-` and the SHA-1 of the key's parts."""
    return PREFIX + hashlib.sha1("\x1f".join(key).encode(), usedforsecurity=False).hexdigest()


def write_ftm(
    screened: Sequence[Screened], path: Path, listed: Lookup | None = None, dataset: str = DATASET
) -> Path:
    """The exchange package as FtM JSON lines; `listed` looks up the list entries cited."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for entity in ftm_entities(screened, listed, dataset):
            out.write(json.dumps(entity, ensure_ascii=False) + "\n")
    return path


def ftm_entities(
    screened: Iterable[Screened], listed: Lookup | None = None, dataset: str = DATASET
) -> list[Entity]:
    """Every entity of the package, each once, in the order the shipments name them."""
    package = _Package(dataset, listed)
    for item in screened:
        package.shipment(item)
    return list(package.entities.values())


class _Package:
    """The entities built so far, by id; adding an id again merges its property values."""

    def __init__(self, dataset: str, listed: Lookup | None) -> None:
        self.dataset = dataset
        self.listed = listed
        self.entities: dict[str, Entity] = {}

    def add(self, eid: str, schema: str, props: Props, caption: str | None = None) -> str:
        """Add (or merge into) entity `eid`; returns its id."""
        entity = self.entities.setdefault(
            eid, {"id": eid, "schema": schema, "properties": {}, "datasets": [self.dataset]}
        )
        if caption and "caption" not in entity:
            entity["caption"] = caption
        mine: Props = entity["properties"]
        for prop, values in props.items():
            mine[prop] = list(dict.fromkeys([*mine.get(prop, []), *values]))
        return eid

    def shipment(self, item: Screened) -> None:
        """The shipment's parties, the list entries they matched, the shipment, the payment."""
        s = item.shipment
        ids = {p.role: self.party(p) for p in s.parties()}
        for finding in item.decision.findings:
            self.link(finding, ids)
        self.add(
            _shipment_id(s, "shipment"), "EconomicActivity", _activity(item, ids), s.shipment_id
        )
        payer, exporter = ids.get(PartyRole.PAYER), ids.get(PartyRole.EXPORTER)
        if payer and exporter:
            self.add(_shipment_id(s, "payment"), "Payment", _payment(s, payer, exporter))

    def party(self, party: ShipmentParty) -> str:
        """A shipment party: a Company if its name has a legal form, else a LegalEntity."""
        name = " ".join(party.name.split())
        country = (party.country or "").lower()
        eid = entity_id("party", name.casefold(), country)
        known = self.entities.get(eid)
        schema = known["schema"] if known else _party_schema(name)
        props = _props(name=[name], country=[country], address=[party.address])
        return self.add(eid, schema, props, name)

    def link(self, finding: Finding, ids: dict[PartyRole, str]) -> None:
        """A Similar (name match) or UnknownLink (address) from a party to a list entry."""
        target, role = finding.extra.get("entity_id"), finding.extra.get("role")
        if not isinstance(target, str) or role not in ids:
            return
        subject, listed = ids[role], self.listed_entry(target, finding)
        criteria = [e.detail for e in finding.evidence if e.source == target]
        if finding.rule == "address_match":
            about = ["at the address of a listed party"]
            props = _props(subject=[subject], object=[listed], role=about, description=criteria)
            self.add(entity_id("address", subject, listed), "UnknownLink", props)
            return
        score = None if finding.probability is None else f"{finding.probability:.3f}"
        props = _props(
            candidate=[subject],
            match=[listed],
            confidenceScore=[score],
            criteria=criteria,
            matcher=[f"veracity {finding.rule}"],
        )
        self.add(entity_id("similar", subject, listed), "Similar", props)

    def listed_entry(self, target: str, finding: Finding) -> str:
        """The list entry `target` as its FtM entity (from the finding alone if not found)."""
        eid = entity_id("listed", target)
        if eid in self.entities:
            return eid
        party = self.listed(target) if self.listed else None
        if party is not None:
            return self.add(eid, _SCHEMATA[party.schema], listed_props(party), party.caption)
        name, source = finding.extra.get("listed_name"), finding.extra.get("list")
        props = _props(name=[name], publisher=[source], notes=[f"Listed as {target}"])
        return self.add(eid, "LegalEntity", props, name)


def _party_schema(name: str) -> str:
    return "Company" if split_org(tokenize(normalize(name)))[1] else "LegalEntity"


def listed_props(party: Party) -> Props:
    """A listed party's FtM properties (only those its schema has)."""
    schema = _SCHEMATA[party.schema]
    props: Raw = {"name": [party.caption], "notes": [_listing(party), party.remarks]}
    for name in party.names:
        props.setdefault(_NAMES[name.kind], []).append(name.full)
    for country in party.countries:
        prop, schemata = _COUNTRIES.get(country.role, ("country", frozenset()))
        props.setdefault(prop if schema in schemata else "country", []).append(country.code.lower())
    for ident in party.identifiers:
        prop, schemata = _IDENTIFIERS.get(ident.kind, ("", frozenset()))
        if schema in schemata:
            props.setdefault(prop, []).append(ident.value)
        else:
            props["notes"].append(f"{ident.kind}: {ident.value}")
    props |= {
        "address": [a.full for a in party.addresses],
        "program": list(party.programs),
        "topics": [_TOPICS.get(party.source), *(v for k, v in party.extra if k == "topic")],
        "publisher": [party.source],
    }
    return _props(**props, **(_person(party) if schema == "Person" else {}))


def _listing(party: Party) -> str:
    date = party.provenance.list_date if party.provenance else None
    return f"Listed on {party.source} as {party.id}" + (f" (list of {date})" if date else "")


def _person(party: Party) -> Raw:
    primary = next((n for n in party.names if n.kind == NameKind.PRIMARY), None)
    parts = (primary.given, primary.middle, primary.family, primary.patronymic) if primary else ()
    keys = ("firstName", "middleName", "lastName", "fatherName")
    return {
        "birthDate": [d.iso() for d in party.birth_dates],
        "gender": [party.gender],
        **{key: [part] for key, part in zip(keys, parts, strict=False)},
    }


def _activity(item: Screened, ids: dict[PartyRole, str]) -> Props:
    s, d = item.shipment, item.decision
    total = _total(s)
    return _props(
        recordId=[s.shipment_id],
        date=[s.date.iso() if s.date else None],
        directionOfTransportation=["export"],
        sender=[ids.get(PartyRole.EXPORTER)],
        receiver=[ids.get(PartyRole.CONSIGNEE), ids.get(PartyRole.END_USER)],
        vedCode=[s.hs_code],
        goodsDescription=[s.description],
        departureCountry=[(s.exporter_country or "").lower()],
        destinationCountry=[(s.destination_country or s.end_user_country or "").lower()],
        invoiceAmount=[f"{total:.2f} {s.currency or ''}".strip() if total else None],
        summary=[f"{d.risk.value} (score {d.score:g}): {d.reason}"],
        description=[*_route(s), *(_finding_line(f) for f in d.findings)],
    )


def _route(s: Shipment) -> list[str]:
    route = [s.exporter_country or "?", *s.transit_countries, s.destination_country or "?"]
    roles = [f"{p.role.value.replace('_', ' ')}: {p.name}" for p in s.parties()]
    goods = [("manufacturer", s.manufacturer), ("part number", s.part_number)]
    return [f"route: {' > '.join(route)}", *roles, *(f"{k}: {v}" for k, v in goods if v)]


def _finding_line(f: Finding) -> str:
    return f"{f.rule} (weight {f.weight:g}): {f.title}. {f.explanation}"


def _payment(s: Shipment, payer: str, exporter: str) -> Props:
    total = _total(s)
    return _props(
        payer=[payer],
        beneficiary=[exporter],
        amount=[f"{total:.2f}" if total else None],
        currency=[s.currency],
        purpose=[f"shipment {s.shipment_id}" + (f": {s.description}" if s.description else "")],
        date=[s.date.iso() if s.date else None],
        recordId=[s.shipment_id],
    )


def _total(s: Shipment) -> float | None:
    return s.quantity * s.unit_value if s.quantity and s.unit_value else None


def _shipment_id(s: Shipment, kind: str) -> str:
    file = Path(s.provenance.path).name if s.provenance else ""
    return entity_id(kind, file, s.shipment_id)


def _props(**values: Iterable[str | None]) -> Props:
    """FtM properties from keyword lists, without empty values or empty properties."""
    cleaned = {k: [v for v in vs if v] for k, vs in values.items()}
    return {k: list(dict.fromkeys(vs)) for k, vs in cleaned.items() if vs}
