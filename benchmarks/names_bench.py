"""How long `names.prepare` takes, on real list names and on unseen query names.

Three figures, µs per call:
- `index cold`: every name of the OFAC SDN (names and aliases), UN and UK lists, all caches
  empty: what building the matcher's index costs per name.
- `query`: 50,000 synthetic person names (yente's candidate-generation negatives, many in
  Arabic, Cyrillic and CJK scripts) never prepared before, after the index: a new query meets
  warm per-token caches but a cold per-name cache.
- `cached`: the same query again (an `lru_cache` hit).

Run: `.venv/bin/python benchmarks/names_bench.py`. Prints a table, then one JSON line.
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Callable
from pathlib import Path

import defusedxml.ElementTree as ElementTree

from veracity.names import prepare
from veracity.names.prepare import clear_caches
from veracity.settings import load_settings

Named = tuple[str, str]  # (name, kind)


def _ofac(folder: Path) -> list[Named]:
    kinds: dict[str, str] = {}
    names: list[Named] = []
    with (folder / "sdn.csv").open(encoding="latin-1", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) > 3:
                kinds[row[0]] = "person" if row[2].strip() == "individual" else "org"
                names.append((row[1], kinds[row[0]]))
    with (folder / "alt.csv").open(encoding="latin-1", newline="") as handle:
        names += [(row[3], kinds.get(row[0], "any")) for row in csv.reader(handle) if len(row) > 3]
    return names


def _un(path: Path) -> list[Named]:
    names: list[Named] = []
    root = ElementTree.parse(path).getroot()
    for tag, kind in (("INDIVIDUAL", "person"), ("ENTITY", "org")):
        for record in root.iter(tag):
            parts = (record.findtext(f"{n}_NAME") or "" for n in ("FIRST", "SECOND", "THIRD"))
            names.append((" ".join(p for p in parts if p), kind))
            names += [(a.findtext("ALIAS_NAME") or "", kind) for a in record.iter(f"{tag}_ALIAS")]
            names.append((record.findtext("NAME_ORIGINAL_SCRIPT") or "", kind))
    return [(name, kind) for name, kind in names if name.strip()]


def _uk(folder: Path) -> list[Named]:
    with (folder / "subjects.csv").open(encoding="utf-8", newline="") as handle:
        kinds = {
            row["unique_id"]: "person" if row["subject_type"] == "individual" else "org"
            for row in csv.DictReader(handle)
        }
    with (folder / "subject_names.csv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        return [(row["full_name"], kinds.get(row["unique_id"], "any")) for row in rows]


def _queries(path: Path) -> list[Named]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["full_name"], "person") for row in csv.DictReader(handle)]


def _time(names: list[Named], call: Callable[[str, str], object]) -> float:
    start = time.perf_counter()
    for name, kind in names:
        call(name, kind)
    return (time.perf_counter() - start) / len(names) * 1e6


def main() -> None:
    """Print the table, then one JSON line with the figures."""
    data = load_settings().shared_data / "sanctions"
    index = _ofac(data / "ofac_sdn") + _un(data / "un" / "UN_consolidated.xml") + _uk(data / "uk")
    queries = _queries(data / "eval" / "yente_cgb_negatives_global.csv")
    seen = set(index)
    queries = [(name, kind) for name, kind in queries if (name, kind) not in seen]
    clear_caches()
    figures = {
        "index_names": len(index),
        "index_cold_us": _time(index, prepare),
        "query_names": len(queries),
        "query_us": _time(queries, prepare),
        "cached_us": _time(queries, prepare),
    }
    print(f"{'what':<12} {'names':>7} {'µs/prepare':>11}")
    print(f"{'index cold':<12} {figures['index_names']:>7} {figures['index_cold_us']:>11.1f}")
    print(f"{'query':<12} {figures['query_names']:>7} {figures['query_us']:>11.1f}")
    print(f"{'cached':<12} {figures['query_names']:>7} {figures['cached_us']:>11.2f}")
    print(json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in figures.items()}))


if __name__ == "__main__":
    main()
