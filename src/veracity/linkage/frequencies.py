"""How common a name (or any field value) is: the term frequencies that weigh an agreement.

Two people agreeing on GARCIA (rank 6 in the 2010 Census, 1.17 M people) is weak evidence that
they are one person; agreeing on CORREIA (rank about 3,500) is strong (court_records.md §3.5).
Under Fellegi–Sunter the Bayes factor of an exact agreement on value v is m / P(v), where P(v)
is the chance that a random other person has that value; this is Splink's term-frequency
adjustment. The frequencies come from one of two places:

- the US Census tables (`from_census`): what the court-record checker uses, since the people in
  a docket are drawn from the US population;
- the records being linked (`from_records`): what Splink does, and what fits data whose
  population no table describes (the British and Australian synthetic sets of the benchmark).

Keys are the comparison keys of `records.prepare`: lower case, accents stripped, spaces and
hyphens removed (the Census writes `LOPEZCORTEZ` and `DELAROSA`).
"""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from veracity.exc import SourceError
from veracity.linkage.records import TEXT_FIELDS, PersonRecord, prepare

GIVEN = "given"
"""The table of given names."""
SURNAME = "surname"
"""The table of surnames (whole joined surnames and each surname part)."""

_CENSUS_RESIDUAL = "ALL OTHER NAMES"  # the 2010 table's remainder row, not a name


@dataclass(frozen=True)
class NameFrequencies:
    """Relative frequencies of given names, surnames and other field values, with defaults."""

    tables: Mapping[str, Mapping[str, float]]
    """Table name (`given`, `surname`, a text field) → value key → relative frequency."""
    unseen: Mapping[str, float] = field(default_factory=dict)
    """Table name → the frequency assumed for a value the table does not hold."""

    def frequency(self, table: str, key: str) -> float | None:
        """The relative frequency of `key` in `table`; None when there is no such table."""
        values = self.tables.get(table)
        if values is None:
            return None
        found = values.get(key)
        return found if found is not None else self.unseen.get(table, 1.0 / max(len(values), 1))

    def surname(self, key: str) -> float:
        """The relative frequency of a surname (joined key or one part); 1 without a table."""
        found = self.frequency(SURNAME, key)
        return 1.0 if found is None else found

    def given_name(self, key: str) -> float:
        """The relative frequency of a given name; 1 without a table."""
        found = self.frequency(GIVEN, key)
        return 1.0 if found is None else found

    def updated(self, other: NameFrequencies) -> NameFrequencies:
        """These tables with `other`'s added, `other`'s preferred where both have one (Census
        names with the places of the docket being checked, say)."""
        return NameFrequencies({**self.tables, **other.tables}, {**self.unseen, **other.unseen})

    @classmethod
    def from_census(
        cls, surnames: Sequence[Path] = (), given_names: Sequence[Path] = ()
    ) -> NameFrequencies:
        """Read US Census frequency tables (name, rank, count, prop100k, cum_prop100k).

        Several files of one kind are read in order, later ones overriding earlier ones (pass
        the 2010 table, then the 2020 one). A name no table lists is taken to be half as common
        as the rarest listed one (the tables list names held by at least 100 people).
        """
        tables: dict[str, Mapping[str, float]] = {}
        unseen: dict[str, float] = {}
        for name, paths in ((SURNAME, surnames), (GIVEN, given_names)):
            if paths:
                values: dict[str, float] = {}
                for path in paths:
                    values.update(read_census(path))
                tables[name] = values
                unseen[name] = min(values.values(), default=1e-6) / 2
        return cls(tables, unseen)

    @classmethod
    def from_records(
        cls, records: Iterable[PersonRecord], extra_fields: Sequence[str] = ()
    ) -> NameFrequencies:
        """Term frequencies of the records themselves (each value counted once a record)."""
        fields = (*TEXT_FIELDS, *extra_fields)
        counts: dict[str, Counter[str]] = {name: Counter() for name in (GIVEN, SURNAME, *fields)}
        holders: Counter[str] = Counter()
        for record in records:
            prepared = prepare(record, tuple(extra_fields))
            keyed = [
                (GIVEN, _keys(prepared.given.key, prepared.given.tokens[:1])),
                (SURNAME, _keys(prepared.surname.key, prepared.surname.tokens)),
                *(
                    (name, {value} - {""})
                    for name, value in zip(fields, prepared.texts, strict=True)
                ),
            ]
            for name, keys in keyed:
                counts[name].update(keys)
                holders[name] += bool(keys)
        # Each table is divided by the records that hold a value in it; a value never seen is
        # taken as seen once, the rarest a value of the input can be.
        totals = {name: max(holders[name], 1) for name in counts}
        tables = {
            n: {k: c / totals[n] for k, c in counter.items()} for n, counter in counts.items()
        }
        return cls(tables, {name: 1.0 / total for name, total in totals.items()})


def _keys(joined: str, parts: Iterable[str]) -> set[str]:
    """A record's keys in a name table: the joined name and each part, each counted once."""
    return {joined, *parts} - {""} if joined else set()


def read_census(path: Path) -> dict[str, float]:
    """One Census frequency table: lower-case name → share of the population."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8", newline="") as handle:
            # csv.DictReader keeps every value a string: the surname NAN stays `NAN`.
            rows = csv.DictReader(handle)
            return {
                row["name"].strip().lower(): float(row["prop100k"]) / 100_000
                for row in rows
                if row["name"] and row["name"] != _CENSUS_RESIDUAL and row["prop100k"]
            }
    except (OSError, KeyError, ValueError, csv.Error) as exc:
        raise SourceError(f"cannot read Census name frequencies: {exc}", path) from exc
