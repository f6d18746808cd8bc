"""The figures `veracity stats` shows: per source, its live version and its counts."""

from __future__ import annotations

from typing import Any

from veracity.store.base import Store

# The kind of listing as the lists themselves count them (OFAC: individual / entity / vessel /
# aircraft): organisations and companies are both "entities".
_KINDS = {
    "Person": "individuals",
    "Organization": "entities",
    "Company": "entities",
    "Vessel": "vessels",
    "Aircraft": "aircraft",
}


def store_stats(store: Store) -> dict[str, Any]:
    """Per source: version, list date, counts by schema and kind, names, identifiers, rejects."""
    sources: dict[str, Any] = {}
    for v in store.versions():
        counts = store.counts(v.source)
        kinds: dict[str, int] = dict.fromkeys(sorted(set(_KINDS.values())), 0)
        for schema, n in counts["by_schema"].items():
            kinds[_KINDS.get(schema, "other")] = kinds.get(_KINDS.get(schema, "other"), 0) + n
        sources[v.source] = {
            "version": v.version,
            "list_date": v.list_date,
            "loaded_at": v.loaded_at.isoformat(timespec="seconds"),
            "path": v.path,
            "checksum": v.checksum,
            "parties": v.parties,
            "by_schema": counts["by_schema"],
            "by_kind": kinds,
            "names": v.names,
            "names_by_kind": counts["names_by_kind"],
            "identifiers": counts["identifiers"],
            "rejected": v.rejected,
            "orphans": v.orphans,
            "rejected_by_file": counts["rejected_by_file"],
        }
    total = {
        "parties": sum(s["parties"] for s in sources.values()),
        "names": sum(s["names"] for s in sources.values()),
    }
    return {"sources": sources, "total": total}
