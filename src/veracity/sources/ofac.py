"""OFAC's SDN list and Consolidated (non-SDN) list, in the legacy CSV files.

Each list is four files joined on `ent_num`: the entries (sdn.csv / cons_prim.csv), addresses
(add.csv), strong aliases (alt.csv) and the overflow of remarks longer than 1,000 characters
(sdn_comments.csv). The overflow continues the Remarks mid-word and is joined to them before they
are parsed (`ofac_remarks`); weak aliases are in the remarks only. The legacy files carry no list
date, so no `ListInfo` is yielded.

Schema: `individual` is a Person, `vessel` a Vessel, `aircraft` an Aircraft. OFAC does not say
whether an entity (`-0-`) is a company, so an entity is a Company when something marks it as one:
a company `Target Type`, a registry, tax, LEI, SWIFT or ISIN number, or a legal-form word (LLC,
LTD, OOO, JSC, GMBH, S.A. ...) in one of its names; otherwise it is an Organization.

Companion rows whose entry is not in the main file (the files were published on different days,
or the entry was removed) are yielded as orphan `Reject`s, one per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

from veracity.exc import NotFoundError, SourceError
from veracity.model import NameKind, Provenance, Reject
from veracity.sources.base import Record, Source, register
from veracity.sources.ofac_csv import Row, find_file, missing_eof, read_legacy
from veracity.sources.ofac_party import TYPES, Entry, build_party

MAIN_COLUMNS = (
    "ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage",
    "GRT", "Vess_flag", "Vess_owner", "Remarks",
)  # fmt: skip
ADD_COLUMNS = (
    "ent_num", "Add_num", "Address", "City/State/Province/Postal Code", "Country", "Add_remarks",
)  # fmt: skip
ALT_COLUMNS = ("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks")
COMMENT_COLUMNS = ("ent_num", "Remarks_Extended")
REMARKS_WIDTH = 1000
"""OFAC cuts Remarks at this many characters and continues them in the comments file."""

_ALT_TYPES = {"aka": NameKind.ALIAS, "fka": NameKind.FORMER, "nka": NameKind.ALIAS}
Problem = tuple[str, str] | None
"""(field, error) when a row cannot be used."""


class OfacLegacy(Source):
    """The four-file legacy CSV layout that the SDN and the Consolidated list share."""

    MAIN: ClassVar[str]
    ADDRESSES: ClassVar[str]
    ALIASES: ClassVar[str]
    COMMENTS: ClassVar[str]

    def files(self, path: Path) -> list[Path]:
        """The main file (`path`, or the one in folder `path`) and the companions beside it."""
        main = self._main(path)
        companions = (find_file(main.parent, n) for n in self._companion_names())
        return [main, *(p for p in companions if p)]

    def read(self, path: Path) -> Iterator[Record]:
        """Yield each entry as a Party (or a Reject), then the rejected companion rows."""
        main = read_legacy(self._main(path), MAIN_COLUMNS)
        if not main.rows:
            raise SourceError("no entries: empty, or not an OFAC legacy CSV", main.path, 1)
        entries: dict[str, Entry] = {}
        rejected: set[str] = set()
        for row in main.rows:
            problem = _check_entry(row, entries)
            if problem:
                rejected.add(row.value(0))
                yield Reject(self.NAME, str(main.path), row.line, *problem)
            else:
                entries[row.value(0)] = Entry(row, _remarks(row.fields[11]))
        yield from missing_eof(self.NAME, main)
        rejects = self._join(main.path, entries, rejected)
        for entry in entries.values():
            provenance = Provenance(self.NAME, str(main.path), entry.row.line)
            yield build_party(self.NAME, entry, provenance)
        yield from rejects

    def _companion_names(self) -> tuple[str, str, str]:
        return (self.ALIASES, self.ADDRESSES, self.COMMENTS)

    def _main(self, path: Path) -> Path:
        if not path.exists():
            raise NotFoundError(f"{path}: no such file or folder")
        if path.is_dir():
            main = find_file(path, self.MAIN)
            if main is None:
                raise SourceError(f"no {self.MAIN} in folder", path)
            return main
        if path.name.lower() in self._companion_names():
            raise SourceError(f"a companion file: give the folder or {self.MAIN}", path)
        return path

    def _join(self, main: Path, entries: dict[str, Entry], rejected: set[str]) -> list[Reject]:
        """Join the companion files onto the entries; the rows that could not be joined."""
        joiners: tuple[tuple[tuple[str, ...], Callable[[Entry, Row], Problem]], ...] = (
            (ALT_COLUMNS, _join_alias),
            (ADD_COLUMNS, _join_address),
            (COMMENT_COLUMNS, _join_comment),
        )
        rejects: list[Reject] = []
        for name, (columns, join) in zip(self._companion_names(), joiners, strict=True):
            path = find_file(main.parent, name)
            if path is None:
                continue  # a list published without aliases, addresses or overflow is complete
            companion = read_legacy(path, columns)
            for row in companion.rows:
                ent_num = row.value(0)
                entry = entries.get(ent_num)
                orphan = entry is None and ent_num not in rejected
                if entry is None:
                    where = "is not in" if orphan else "was rejected in"
                    problem: Problem = ("ent_num", f"entry {ent_num!r} {where} {main.name}")
                else:
                    problem = join(entry, row)
                if problem:
                    rejects.append(Reject(self.NAME, str(path), row.line, *problem, orphan=orphan))
            rejects += missing_eof(self.NAME, companion)
        _finish_remarks(entries)
        return rejects


@register
class OfacSdn(OfacLegacy):
    """OFAC Specially Designated Nationals and Blocked Persons list (legacy CSV)."""

    NAME = "ofac-sdn"
    TITLE = "OFAC Specially Designated Nationals (SDN) list"
    MAIN, ADDRESSES, ALIASES, COMMENTS = "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"
    URLS: ClassVar[dict[str, str]] = {
        name: f"https://www.treasury.gov/ofac/downloads/{name}"
        for name in ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")
    }


@register
class OfacConsolidated(OfacLegacy):
    """OFAC Consolidated list of the non-SDN lists (SSI, NS-MBS, CMIC...), legacy CSV."""

    NAME = "ofac-cons"
    TITLE = "OFAC Consolidated (non-SDN) Sanctions List"
    MAIN, ADDRESSES, ALIASES = "cons_prim.csv", "cons_add.csv", "cons_alt.csv"
    COMMENTS = "cons_comments.csv"
    URLS: ClassVar[dict[str, str]] = {
        name: f"https://www.treasury.gov/ofac/downloads/consolidated/{name}"
        for name in ("cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv")
    }


def _check_entry(row: Row, entries: dict[str, Entry]) -> Problem:
    """Why a main-file row cannot become a party, if it cannot."""
    ent_num, kind = row.value(0), row.value(2)
    if not ent_num.isdigit():
        return "ent_num", f"not an entry number: {ent_num!r}"
    if ent_num in entries:
        return (
            "ent_num",
            f"entry {ent_num} listed twice (first on line {entries[ent_num].row.line})",
        )
    if not row.value(1):
        return "SDN_Name", "no name"
    if kind.lower() not in TYPES:
        return "SDN_Type", f"unknown type {kind!r}"
    return None


def _remarks(raw: str) -> str:
    """The Remarks field as read, unstripped: its overflow continues it mid-word."""
    return "" if raw.strip() == "-0-" else raw


def _join_alias(entry: Entry, row: Row) -> Problem:
    alt_type, name, remark = row.value(2), row.value(3), row.value(4)
    kind = _ALT_TYPES.get(alt_type.lower())
    if kind is None:
        return "alt_type", f"unknown alias type {alt_type!r}"
    if not name:
        return "alt_name", "no name"
    if "weak" in remark.lower():
        kind = NameKind.WEAK_ALIAS
    elif remark:
        entry.notes.append(("alias_remarks", f"{name}: {remark}"))
    entry.aliases.append((name, kind))
    return None


def _join_address(entry: Entry, row: Row) -> Problem:
    entry.addresses.append(row)
    return None


def _join_comment(entry: Entry, row: Row) -> Problem:
    if len(entry.remarks) < REMARKS_WIDTH:
        return "Remarks_Extended", (
            f"continues remarks that are not cut ({len(entry.remarks)} < {REMARKS_WIDTH} "
            f"characters), so it belongs to another version of the entry; not joined: "
            f"{row.fields[1][:60]!r}..."
        )
    entry.remarks += row.fields[1]
    return None


def _finish_remarks(entries: dict[str, Entry]) -> None:
    """Strip the joined remarks, and note the ones still cut at the field width."""
    for entry in entries.values():
        if len(entry.remarks) == REMARKS_WIDTH and not entry.remarks.rstrip().endswith("."):
            entry.notes.append(("remarks_truncated", f"cut at {REMARKS_WIDTH} characters"))
        entry.remarks = entry.remarks.strip()
