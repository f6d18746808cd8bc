"""Loading a list: read it with its source's reader, validate, and swap it into the store.

The reader runs to the end before the store is touched (staging), so a file that turns out to be
truncated or malformed half-way leaves the store exactly as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from veracity.model import Party, Reject
from veracity.sources import ListInfo, Record, Source, checksum
from veracity.store import Staged, Store

Progress = Callable[[int], None]
SAMPLE = 20
"""Rejected rows a load report shows; `veracity rejects` lists them all."""


@dataclass(slots=True)
class LoadReport:
    """What one load did, for people and for `--json`."""

    source: str
    status: str
    """`loaded` (a new version is live) or `unchanged` (the same files were already live)."""
    version: int
    path: str
    list_date: str | None
    parties: int
    names: int
    rejected: int
    orphans: int
    by_schema: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    rejects_sample: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


def load_source(
    store: Store, source: Source, path: Path, progress: Progress | None = None
) -> LoadReport:
    """Load the list at `path` as `source`'s new version, unless the same files are live already."""
    started = time.perf_counter()
    files = source.files(path)
    staged = Staged(source.NAME, checksum(files), str(path.resolve()), None)
    current = store.current(source.NAME)
    if current is not None and current.checksum == staged.checksum:
        version = store.record_unchanged(staged)
        rejects = store.rejects(source.NAME, SAMPLE)
        status = "unchanged"
    else:
        _stage(staged, source.read(path), progress)
        version = store.replace(staged)
        rejects = staged.rejects
        status = "loaded"
    return LoadReport(
        source=source.NAME,
        status=status,
        version=version.version,
        path=version.path,
        list_date=version.list_date,
        parties=version.parties,
        names=version.names,
        rejected=version.rejected,
        orphans=version.orphans,
        by_schema=store.counts(source.NAME)["by_schema"],
        seconds=round(time.perf_counter() - started, 3),
        rejects_sample=[_reject_dict(r) for r in rejects[:SAMPLE]],
    )


def _stage(staged: Staged, records: Iterable[Record], progress: Progress | None) -> None:
    seen: set[str] = set()
    for n, record in enumerate(records, 1):
        if isinstance(record, ListInfo):
            staged.list_date = record.list_date or staged.list_date
        elif isinstance(record, Reject):
            staged.rejects.append(record)
        elif (problem := _invalid(record, seen)) is not None:
            staged.rejects.append(problem)
        else:
            seen.add(record.id)
            staged.parties.append(record)
        if progress is not None and n % 1000 == 0:
            progress(n)


def _invalid(party: Party, seen: set[str]) -> Reject | None:
    prov = party.provenance
    where = (prov.path if prov else "?", (prov.line or prov.element) if prov else None)
    if party.id in seen:
        return Reject(party.source, where[0], where[1], "id", f"duplicate id {party.id!r}")
    if not any(n.full.strip() for n in party.names):
        return Reject(party.source, where[0], where[1], "name", f"{party.id} has no name")
    return None


def _reject_dict(r: Reject) -> dict[str, Any]:
    return {"path": r.path, "line": r.line, "field": r.field, "error": r.error, "orphan": r.orphan}
