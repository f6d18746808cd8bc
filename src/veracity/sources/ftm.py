"""FollowTheMoney entities as JSON lines (OpenSanctions exports, Veracity exchange packages).

Each line is one entity: `{"id", "schema", "properties": {prop: [values]}, ...}` plus, in
OpenSanctions exports, `caption`, `datasets`, `first_seen`, `last_seen`, `last_change`.
Entities of a matchable schema (Person, Organization, Company, LegalEntity, PublicBody, Vessel,
Airplane) become parties with id `ftm:<entity id>`. Other entities attach to them:

- Sanction (`entity`): programs, listing dates, authority and reason;
- Address (referenced by the party's `addressEntity`): a structured address;
- Passport / Identification (`holder`): a document number;
- Ownership, Directorship, Family, Associate, UnknownLink, Membership, Employment,
  Representation, Succession, and Similar (a record-linkage match, as in Veracity's exchange
  packages, report/ftm_export.py): `linked_to` on both sides (`ftm:<id>` of the other party, or
  the raw id in `extra` as `related_entity` when the other side is not a party in the file).

Entities of any other schema (Article, Document, Security...) are skipped and counted in
`FtmEntities.skipped` (by schema): they are not errors. The file is read twice, streaming: a
first pass keeps only the small attachments and the line numbers of parties, a second builds
each party, so an export of millions of entities is never held in memory as text.

A line that is not a JSON object, or an entity without `id`, `schema` or `properties`, is a
Reject naming the line; a file whose first line is not a JSON object, or whose last line is
cut off, raises SourceError. The list date is the newest `last_change` (or `last_seen`).
"""

from __future__ import annotations

import json
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from veracity.exc import SourceError
from veracity.model import Address, Identifier, Reject
from veracity.model.countries import country_code
from veracity.sources.base import ListInfo, Record, Source, register
from veracity.sources.ftm_party import SCHEMATA, SOURCE, Attached, Entity, build, iso_date, values

_LINKS = {
    "Ownership": ("owner", "asset"),
    "Directorship": ("director", "organization"),
    "Family": ("person", "relative"),
    "Associate": ("person", "associate"),
    "UnknownLink": ("subject", "object"),
    "Membership": ("member", "organization"),
    "Employment": ("employee", "employer"),
    "Representation": ("agent", "client"),
    "Succession": ("predecessor", "successor"),
    "Similar": ("candidate", "match"),
}
_DOCUMENTS = {"Passport": "passport", "Identification": "national_id"}
_SANCTION_FACTS = {
    "authority": "sanction_authority",
    "reason": "sanction_reason",
    "provisions": "sanction_provisions",
    "endDate": "sanction_end",
}


@dataclass(slots=True)
class _Index:
    """What the first pass keeps: party lines and ids, attachments, the list date, counts."""

    lines: array[int] = field(default_factory=lambda: array("Q"))
    parties: set[str] = field(default_factory=set)
    addresses: dict[str, list[Address]] = field(default_factory=dict)
    attached: dict[str, Attached] = field(default_factory=dict)
    list_date: str = ""
    skipped: Counter[str] = field(default_factory=Counter)

    def on(self, entity_id: str) -> Attached:
        """The attachments of `entity_id`, created on first use."""
        return self.attached.setdefault(entity_id, Attached())


@register
class FtmEntities(Source):
    """FollowTheMoney entities (JSON lines), as OpenSanctions publishes them."""

    NAME = "ftm"
    TITLE = "FollowTheMoney entities (OpenSanctions JSON lines)"
    URLS: ClassVar[dict[str, str]] = {
        "entities.ftm.json": "https://data.opensanctions.org/datasets/latest/default/entities.ftm.json"
    }

    def __init__(self) -> None:
        self.skipped: Counter[str] = Counter()
        """Entities of the last read that were neither parties nor attachments, by schema."""

    def files(self, path: Path) -> list[Path]:
        """The official file name in a folder, else every `*.ftm.json` / `*.jsonl` in it."""
        if path.is_dir() and not any((path / name).is_file() for name in self.URLS):
            found = sorted([*path.glob("*.ftm.json"), *path.glob("*.jsonl")])
            if found:
                return found
        return super().files(path)

    def read(self, path: Path) -> Iterator[Record]:
        """Yield rejects and the list date (first pass), then every party (second pass)."""
        self.skipped = Counter()
        for file in self.files(path):
            index = _Index()
            yield from _first_pass(file, index)
            self.skipped.update(index.skipped)
            list_date = index.list_date[:10] or None
            yield ListInfo(list_date)
            yield from _second_pass(file, index, list_date)


def _entities(path: Path) -> Iterator[tuple[int, Entity | Reject]]:
    """Each non-blank line as an entity dict, or a Reject saying why it is not one."""
    seen_one = False
    try:
        with path.open(encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                entity = _parse(line, number, path, first=not seen_one)
                seen_one = True
                yield number, entity
    except UnicodeDecodeError as exc:
        raise SourceError(f"not UTF-8 text: {exc.reason}", path) from exc


def _parse(line: str, number: int, path: Path, first: bool) -> Entity | Reject:
    try:
        entity = json.loads(line)
    except json.JSONDecodeError as exc:
        if first or not line.endswith("\n"):
            problem = "not JSON lines" if first else "last line cut off (truncated file)"
            raise SourceError(f"{problem}: {exc.msg}", path, number) from exc
        return Reject(SOURCE, str(path), number, None, f"not JSON: {exc.msg}")
    if not isinstance(entity, dict):
        if first:
            raise SourceError("not JSON lines: a line is not an entity object", path, number)
        return Reject(SOURCE, str(path), number, None, "not a JSON object")
    for key, kind in (("id", str), ("schema", str), ("properties", dict)):
        if not isinstance(entity.get(key), kind) or not entity[key]:
            return Reject(SOURCE, str(path), number, key, f"entity without a valid {key!r}")
    return entity


def _first_pass(path: Path, index: _Index) -> Iterator[Reject]:
    for number, entity in _entities(path):
        if isinstance(entity, Reject):
            yield entity
            continue
        stamp = entity.get("last_change") or entity.get("last_seen")
        if isinstance(stamp, str):
            index.list_date = max(index.list_date, stamp)
        schema = entity["schema"]
        if schema in SCHEMATA:
            index.lines.append(number)
            index.parties.add(entity["id"])
        elif not _attach(entity, index):
            index.skipped[schema] += 1
        if schema == "Sanction":
            yield from _sanction(entity, index, path, number)


def _attach(entity: Entity, index: _Index) -> bool:
    """File an attachment entity's facts under the entities it names; False if it is none."""
    schema, props = entity["schema"], entity["properties"]
    if schema == "Address":
        index.addresses[entity["id"]] = _address(props)
    elif schema in _DOCUMENTS:
        code = next((country_code(c) for c in values(props, "country")), None)
        documents = [Identifier(_DOCUMENTS[schema], n, code) for n in values(props, "number")]
        for holder in values(props, "holder"):
            index.on(holder).identifiers.update(dict.fromkeys(documents))
    elif schema in _LINKS:
        one, other = (values(props, role) for role in _LINKS[schema])
        for a in one:
            for b in other:
                index.on(a).linked[b] = None
                index.on(b).linked[a] = None
    return schema in ("Address", "Sanction", *_DOCUMENTS, *_LINKS)


def _sanction(entity: Entity, index: _Index, path: Path, number: int) -> Iterator[Reject]:
    """Programs, listing dates and the authority's facts, filed under the sanctioned entity."""
    props = entity["properties"]
    for target in values(props, "entity"):
        att = index.on(target)
        att.programs.update(dict.fromkeys(values(props, "programId") + values(props, "program")))
        for key, label in _SANCTION_FACTS.items():
            att.extra.update(dict.fromkeys((label, v) for v in values(props, key)))
    for key in ("startDate", "listingDate"):
        for raw in values(props, key):
            try:
                date = iso_date(raw)
            except ValueError as exc:
                yield Reject(SOURCE, str(path), number, key, f"{exc}; sanction date ignored")
                continue
            for target in values(props, "entity"):
                index.on(target).listed.append(date)


def _address(props: dict[str, Any]) -> list[Address]:
    """One Address per `full` spelling (or one built from the parts)."""
    first = {
        k: next(iter(values(props, k)), None) for k in ("street", "city", "region", "postalCode")
    }
    code = next((country_code(c) for c in values(props, "country")), None)
    fulls = values(props, "full") or [", ".join(v for v in first.values() if v)]
    return [
        Address(full, first["street"], first["city"], first["region"], first["postalCode"], code)
        for full in fulls
        if full
    ]


def _second_pass(path: Path, index: _Index, list_date: str | None) -> Iterator[Record]:
    """Parse only the party lines again (the first pass checked them) and build each party."""
    wanted = iter(index.lines)
    target = next(wanted, None)
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if number != target:
                continue
            target = next(wanted, None)
            entity: Entity = json.loads(line)
            att = _resolve(index.attached.get(entity["id"]), index.parties)
            yield from build(entity, (path, number, list_date), index.addresses, att)


def _resolve(att: Attached | None, parties: set[str]) -> Attached | None:
    """Linked ids become `ftm:<id>` for parties in the file, else an extra `related_entity`."""
    if att is None or not att.linked:
        return att
    linked = {f"{SOURCE}:{i}": None for i in att.linked if i in parties}
    extra = {**att.extra, **{("related_entity", i): None for i in att.linked if i not in parties}}
    return Attached(att.programs, att.listed, att.identifiers, linked, extra)
