"""The US Commerce BIS Denied Persons List (dpl.txt: tab-separated, quoted header).

The list has one row per (denied party, address) with the order's dates and Federal Register
citation on each row, and no id of its own. Rows are merged into one party when they have the
same name (folded to letters and digits) and share an address or an order's effective date,
transitively: the same order at several addresses, or the same person at one address under
several orders, is one party. A party's id is `bis-dpl:<folded name>-<earliest effective date>`
(unique: two groups with the same name and effective date would have been merged).

The list does not say person or company: a name with a legal form or business word is a
Company (see `heuristics.body_schema`), anything else a Person. `A/K/A`, `D/B/A` and `F/K/A`
inside a name are split into an alias (or former name). A US state with a ZIP code and no
country is a US address. Dates are MM/DD/YYYY (Last_Update is ISO); a date before 1900 or an
effective or update date after today is a typo (the list has `2922-09-01`, `3017-08-22`,
`0222-05-18`): the party is kept, the raw value goes to `extra` and a field-level Reject names
the line and column. The list date is the newest valid Last_Update.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import ClassVar

from veracity.model import Name, NameKind, PartialDate, Party, Provenance, Schema
from veracity.sources.base import ListInfo, Record, Source, register
from veracity.sources.bis_rows import COLUMNS, SOURCE, DplRow, parse_row
from veracity.sources.heuristics import body_schema
from veracity.sources.tabular import read_rows


@register
class BisDeniedPersons(Source):
    """US BIS Denied Persons List (tab-separated text)."""

    NAME = SOURCE
    TITLE = "US BIS Denied Persons List"
    URLS: ClassVar[dict[str, str]] = {"dpl.txt": "https://www.bis.doc.gov/dpl/dpl.txt"}

    def read(self, path: Path) -> Iterator[Record]:
        """Yield the list date, row and field rejects, then one Party per denied party."""
        for file in self.files(path):
            rows: list[DplRow] = []
            today = date.today().isoformat()
            for line, raw in read_rows(file, "\t", needed=COLUMNS, encoding=_encoding(file)):
                row = parse_row(raw, line, file, today)
                yield from row.rejects
                if row.names:
                    rows.append(row)
            list_date = max((r.last_update.iso() for r in rows if r.last_update), default=None)
            yield ListInfo(list_date)
            for group in _groups(rows):
                yield _party(group, file, list_date)


def _encoding(path: Path) -> str:
    """UTF-8 when the file is UTF-8, else Windows-1252 (US government text files often are)."""
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _groups(rows: list[DplRow]) -> list[list[DplRow]]:
    """Rows of one party: same folded name and a shared address or effective date (union-find)."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, str], int] = {}
    for i, row in enumerate(rows):
        keys = [(row.key, "address:" + row.address_key)]
        if row.effective_raw:
            keys.append((row.key, "effective:" + row.effective_raw))
        for key in keys:
            if key in first:
                parent[root(i)] = root(first[key])
            else:
                first[key] = i
    groups: dict[int, list[DplRow]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(root(i), []).append(row)
    return list(groups.values())


def _party(group: list[DplRow], file: Path, list_date: str | None) -> Party:
    """One party from its rows: every name, address, date and citation, each once."""
    head = group[0]
    names: dict[str, Name] = {}
    for name in (n for row in group for n in row.names):
        # The first row's name is the primary; other spellings of it are aliases.
        kind = NameKind.ALIAS if name.kind == NameKind.PRIMARY and names else name.kind
        names.setdefault(name.full, Name(name.full, kind))
    effective = sorted({r.effective for r in group if r.effective}, key=PartialDate.iso)
    facts = [(f"{k}_date", d.iso()) for r in group for k, d in _dates(r) if d] + [
        fact for row in group for fact in row.facts
    ]
    citations = dict.fromkeys(v for k, v in facts if k == "fr_citation")
    primary = next(iter(names.values())).full
    return Party(
        id=f"{SOURCE}:{_slug(head.key)}-{_suffix(effective, head)}",
        source=SOURCE,
        schema=body_schema(primary) or Schema.PERSON,
        names=tuple(names.values()),
        countries=tuple(dict.fromkeys(r.country for r in group if r.country)),
        addresses=tuple(dict.fromkeys(r.address for r in group if r.address)),
        remarks="\n".join(citations) or None,
        listed_on=effective[0] if effective else None,
        extra=tuple(dict.fromkeys(f for f in facts if f[0] != "fr_citation")),
        provenance=Provenance(SOURCE, str(file), head.line, None, list_date),
    )


def _dates(row: DplRow) -> list[tuple[str, PartialDate | None]]:
    return [
        ("effective", row.effective),
        ("expiration", row.expiration),
        ("last_update", row.last_update),
    ]


def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


def _suffix(effective: list[PartialDate], head: DplRow) -> str:
    """The earliest effective date, or (none readable) a short hash of the first address."""
    if effective:
        return effective[0].iso()
    return hashlib.sha1(head.address_key.encode(), usedforsecurity=False).hexdigest()[:8]
