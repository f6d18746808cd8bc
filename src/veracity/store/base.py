"""The store interface: versioned, atomic loads of list data, and queries over the live version;
and the screening runs with the shipments they screened, the history of the history rules.

A backend implements a few `@abstractmethod`s; the `@final` methods around them keep the
behaviour every backend must share (validation before the swap, error wrapping).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, final

from veracity.model import Party, Reject, Shipment


@dataclass(frozen=True, slots=True)
class SourceVersion:
    """The live version of one source in the store."""

    source: str
    version: int
    checksum: str
    path: str
    list_date: str | None
    loaded_at: datetime
    parties: int
    names: int
    rejected: int
    orphans: int


@dataclass(slots=True)
class Staged:
    """A validated list, ready to be swapped in as a source's new version."""

    source: str
    checksum: str
    path: str
    list_date: str | None
    parties: list[Party] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    started_at: datetime = field(default_factory=datetime.now)

    @property
    def orphans(self) -> int:
        """Rejected rows that are orphans (aliases/addresses of entries not on the list)."""
        return sum(1 for r in self.rejects if r.orphan)

    @property
    def names(self) -> int:
        """Every name of every party."""
        return sum(len(p.names) for p in self.parties)


@dataclass(frozen=True, slots=True)
class ScreeningRun:
    """One screening of a shipment file, as the store records it."""

    path: str
    """The shipment file screened."""
    screened_at: datetime
    rejected: int = 0
    """Rows of the file rejected by the reader (not stored; the report lists them)."""
    shipments: int = 0
    """Shipments screened and stored; set by `Store.save_screened`."""
    by_risk: Mapping[str, int] = field(default_factory=dict)
    """Shipments by decision (`block`, `escalate`...); set by `Store.save_screened`."""
    run_id: int | None = None
    """Given by the store, counting up from 1."""


@dataclass(frozen=True, slots=True)
class ScreenedRecord:
    """One screened shipment as plain data: the store does not know the screening pack."""

    shipment: Shipment
    risk: str
    score: float
    findings: Sequence[Mapping[str, Any]] = ()
    """The findings in their JSON shape (`Finding.as_dict`)."""


class Store(ABC):
    """A place that keeps one live version of each source, swapped in atomically."""

    @final
    def replace(self, staged: Staged) -> SourceVersion:
        """Swap `staged` in as the source's new version, in one transaction."""
        return self._replace(staged)

    @final
    def record_unchanged(self, staged: Staged) -> SourceVersion:
        """Note in the history that an identical file was loaded again; change nothing else."""
        current = self.current(staged.source)
        if current is None:
            raise ValueError(f"{staged.source} has no version to keep")
        self._record_history(current, "unchanged", staged.started_at)
        return current

    @final
    def save_screened(self, run: ScreeningRun, items: Sequence[ScreenedRecord]) -> ScreeningRun:
        """Record a run and its screened shipments in one transaction: all of it or nothing.
        A shipment id stored by an earlier run gets a second row, its new version."""
        by_risk = Counter(item.risk for item in items)
        counted = replace(run, shipments=len(items), by_risk=dict(sorted(by_risk.items())))
        return self._save_screened(counted, items)

    @abstractmethod
    def _save_screened(
        self, run: ScreeningRun, items: Sequence[ScreenedRecord]
    ) -> ScreeningRun: ...

    @abstractmethod
    def screened_shipments(self, since: date | None = None) -> Iterator[Shipment]:
        """Every stored shipment version, rebuilt as a `Shipment`, oldest first (by date, then
        run and file order; undated ones last). With `since`, only those dated on or after it,
        and undated ones screened on or after it."""

    @abstractmethod
    def screening_runs(self) -> list[ScreeningRun]:
        """Every recorded screening run, newest first."""

    @abstractmethod
    def current(self, source: str) -> SourceVersion | None:
        """The live version of `source`, or None if it was never loaded."""

    @abstractmethod
    def versions(self) -> list[SourceVersion]:
        """The live version of every loaded source."""

    @abstractmethod
    def _replace(self, staged: Staged) -> SourceVersion: ...

    @abstractmethod
    def _record_history(self, version: SourceVersion, status: str, started: datetime) -> None: ...

    @abstractmethod
    def history(self, source: str | None = None) -> list[dict[str, Any]]:
        """Every load that reached the store, newest first."""

    @abstractmethod
    def parties(self, source: str | None = None) -> Iterator[Party]:
        """The live parties, of one source or of all."""

    @abstractmethod
    def party(self, entity_id: str) -> Party | None:
        """One party by id."""

    @abstractmethod
    def rejects(self, source: str, limit: int | None = None) -> list[Reject]:
        """The rows rejected by the live version's load (the first `limit`, or all)."""

    @abstractmethod
    def counts(self, source: str) -> dict[str, Any]:
        """Counts for one source: by schema, names by kind, identifiers."""

    @abstractmethod
    def close(self) -> None:
        """Release the store."""
