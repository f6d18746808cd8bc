"""Load speed: each real list loaded into a fresh store, against a bare parse of the same files.

Prints a table, then one JSON object (last line) with seconds and parties/s per source, and the
baseline: the time to merely read the files' bytes and split them into lines.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from _lists import LISTS, shared_data
from veracity.load import load_source
from veracity.sources import get_source
from veracity.store import open_store


def bare_read(paths: list[Path]) -> float:
    """Seconds to read the files and split them into lines: the floor any reader pays."""
    start = time.perf_counter()
    for path in paths:
        path.read_bytes().splitlines()
    return time.perf_counter() - start


def main() -> None:
    """Measure and print."""
    shared = shared_data()
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.duckdb")
        for name, rel in LISTS.items():
            source, path = get_source(name), shared / rel
            baseline = bare_read(source.files(path))
            start = time.perf_counter()
            report = load_source(store, source, path)
            seconds = time.perf_counter() - start
            figures[name] = {
                "seconds": round(seconds, 3),
                "parties": report.parties,
                "parties_per_s": round(report.parties / seconds),
                "bare_read_seconds": round(baseline, 4),
            }
            print(
                f"{name:<10} {report.parties:>7,} parties in {seconds:6.2f} s "
                f"(bare read {baseline:.3f} s)"
            )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
