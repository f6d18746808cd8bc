"""The DuckDB store: versions swap atomically, history is kept, failures change nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.factories import party
from veracity.exc import StoreError
from veracity.model import Reject
from veracity.store import DuckDBStore, Staged


def staged(n: int, source: str = "t", checksum: str = "c1") -> Staged:
    s = Staged(source, checksum, "/data/list.csv", "2024-05-03")
    s.parties = [party("Person", f"Person {i}", f"Alias {i}", id=f"{source}:{i}") for i in range(n)]
    s.rejects = [Reject(source, "list.csv", 7, "dob", "not a date", False)]
    return s


def test_replace_makes_a_new_version_and_keeps_history(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "s.duckdb")
    first = store.replace(staged(3))
    second = store.replace(staged(5, checksum="c2"))
    assert (first.version, second.version) == (1, 2)
    assert len(list(store.parties("t"))) == 5
    assert store.counts("t")["names_by_kind"] == {"alias": 5, "primary": 5}
    assert [h["version"] for h in store.history("t")] == [2, 1]
    assert store.rejects("t")[0].field == "dob"


def test_sources_are_independent(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "s.duckdb")
    store.replace(staged(2, "a"))
    store.replace(staged(4, "b"))
    store.replace(staged(1, "a", checksum="c2"))
    assert {v.source: v.parties for v in store.versions()} == {"a": 1, "b": 4}
    assert store.party("b:3") is not None and store.party("a:1") is None


def test_a_failed_swap_leaves_the_previous_version(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "s.duckdb")
    store.replace(staged(3))
    broken = staged(4, checksum="c2")
    # A NULL error breaks the rejects table's NOT NULL constraint, after the parties went in.
    broken.rejects = [Reject("t", "x", 1, "f", None)]  # type: ignore[arg-type]  # on purpose
    with pytest.raises(StoreError, match="INSERT INTO rejects SELECT"):
        store.replace(broken)
    assert store.current("t") is not None and store.current("t").parties == 3  # type: ignore[union-attr]
    assert len(list(store.parties("t"))) == 3 and len(store.history("t")) == 1


def test_parties_round_trip_through_the_store(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "s.duckdb")
    s = staged(2)
    store.replace(s)
    assert store.party("t:1") == s.parties[1]


_WRITER = """
import sys
from tests.store.test_duckdb import staged
from veracity.store import DuckDBStore
store = DuckDBStore(sys.argv[1])
print("ready", flush=True)
i = 0
while True:
    i += 1
    store.replace(staged(20000, checksum=f"k{i}"))
"""


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.4, 0.9, 1.7])
def test_sigkill_during_a_load_leaves_a_readable_version(tmp_path: Path, delay: float) -> None:
    db = tmp_path / "s.duckdb"
    DuckDBStore(db).replace(staged(10))
    root = Path(__file__).parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(db)], stdout=subprocess.PIPE, env=env, cwd=root
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    store = DuckDBStore(db)
    live = store.current("t")
    assert live is not None
    # Whatever version survived is whole: the counts recorded match the rows present.
    assert len(list(store.parties("t"))) == live.parties in {10, 20000}
    assert store.counts("t")["names_by_kind"]["primary"] == live.parties
