"""Shared by the benchmarks: a store of every real list, built in a temporary folder."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from veracity.load import load_source
from veracity.matching import Matcher, load_matcher
from veracity.sources import get_source
from veracity.store import Store, open_store

LISTS = {
    "ofac-sdn": "sanctions/ofac_sdn",
    "ofac-cons": "sanctions/ofac_consolidated",
    "un": "sanctions/un/UN_consolidated.xml",
    "uk": "sanctions/uk",
    "bis-dpl": "sanctions/bis/dpl.txt",
    "ftm": "sanctions/opensanctions_ftm/zala_entities.ftm.json",
}


def shared_data() -> Path:
    """The real data folder, or exit with a clear message."""
    path = Path(os.environ.get("VERACITY_SHARED_DATA", "../shared/data"))
    if not (path / "sanctions").is_dir():
        sys.exit(f"no real data at {path}; set VERACITY_SHARED_DATA")
    return path


def all_lists_store() -> tuple[Store, Path]:
    """A new store in a temporary folder with every real list loaded."""
    shared = shared_data()
    db = Path(tempfile.mkdtemp(prefix="veracity-bench-")) / "lists.duckdb"
    store = open_store(db)
    for name, rel in LISTS.items():
        load_source(store, get_source(name), shared / rel)
    return store, db


def all_lists_matcher() -> Matcher:
    """A matcher over every real list."""
    store, db = all_lists_store()
    return load_matcher(store, db)
