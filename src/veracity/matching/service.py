"""The matcher over a store: its candidate index is built once per set of list versions and
kept beside the store, so later commands start at once and a new list version rebuilds it."""

from __future__ import annotations

import gc
import hashlib
import pickle
from pathlib import Path

from veracity.matching.index import CandidateIndex
from veracity.matching.matcher import Matcher
from veracity.matching.model import NameModel
from veracity.settings import load_settings
from veracity.store import Store

INDEX_FORMAT = 3


def fingerprint(store: Store) -> str:
    """What the index depends on: each source's version and checksum, and the index format."""
    digest = hashlib.sha256(f"index-format {INDEX_FORMAT}".encode())
    for v in store.versions():
        digest.update(f"{v.source} {v.version} {v.checksum}\n".encode())
    return digest.hexdigest()


def load_index(store: Store, cache: Path | None) -> CandidateIndex:
    """The candidate index of the store's live versions: from `cache` if current, else rebuilt."""
    index = _cached_or_built(store, cache)
    # The index is several hundred thousand objects made at once, which would set off a full
    # garbage collection (a pause of about a second) among the first queries: collect at load.
    gc.collect()
    return index


def _cached_or_built(store: Store, cache: Path | None) -> CandidateIndex:
    wanted = fingerprint(store)
    if cache is not None and cache.is_file():
        # Our own cache file, written below next to the store; never a file from elsewhere.
        with cache.open("rb") as handle:
            index = pickle.load(handle)  # noqa: S301
        if isinstance(index, CandidateIndex) and index.fingerprint == wanted:
            return index
    index = CandidateIndex(list(store.parties()), wanted)
    if cache is not None:
        partial = cache.with_name(cache.name + ".part")
        with partial.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(cache)
    return index


def index_path(db: Path) -> Path:
    """Where the candidate index of the store at `db` is kept."""
    return db.with_name(db.name + ".match-index")


def load_matcher(store: Store, db: Path | None = None, model: Path | None = None) -> Matcher:
    """A matcher over the store's lists (index cached beside `db` when given); the name model is
    `model`, else `$VERACITY_NAME_MODEL`, else the one shipped with Veracity."""
    model = model or load_settings().name_model
    return Matcher(load_index(store, index_path(db) if db else None), NameModel.load(model))
