"""Screened shipments in the store: every field back as it went in, runs all or nothing, and
stores of the previous schema version upgraded in place."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from tests.store.test_duckdb import staged
from veracity.exc import StoreError
from veracity.model import PartialDate, Provenance, Shipment
from veracity.store import DuckDBStore, ScreenedRecord, ScreeningRun
from veracity.store.schema import MIGRATIONS, SCHEMA_VERSION
from veracity.store.screened import PLAIN, SPECIAL

FULL = Shipment(
    shipment_id="S-1",
    date=PartialDate(2024, 3),
    exporter_name="Rheinland Präzisionstechnik GmbH",
    exporter_country="DE",
    consignee_name="Almaty Components LLP",
    consignee_country="KZ",
    consignee_address="Abay Ave 10, Almaty",
    end_user_name="Almaty Components LLP",
    end_user_country="KZ",
    destination_country="KZ",
    transit_countries=("PL", "LT"),
    hs_code="85423190",
    description="Processors",
    manufacturer="STMicroelectronics",
    part_number="STM32F405RGT6",
    quantity=1250.5,
    unit_value=3.75,
    currency="EUR",
    payer_name="Silk Road Trading FZE",
    payer_country="AE",
    end_user_statement=True,
    no_russia_clause=False,
    extra=(("incoterms", "FCA"), ("Примечание", "срочно")),
    provenance=Provenance("shipments", "/in/batch.csv", 7),
)


def record(shipment: Shipment, risk: str = "clear", score: float = 0.0) -> ScreenedRecord:
    return ScreenedRecord(shipment, risk, score, [{"rule": "R13", "weight": 2.0}] if score else [])


def run(path: str = "batch.csv", at: datetime = datetime(2024, 6, 1, 9, 30)) -> ScreeningRun:
    return ScreeningRun(path, at, rejected=1)


def test_every_shipment_field_has_a_column() -> None:
    assert sorted(PLAIN + SPECIAL) == sorted(f.name for f in fields(Shipment))


def test_shipments_round_trip_with_every_field_and_partial_dates(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "s.duckdb")
    year = Shipment("S-2", date=PartialDate(2023, circa=True), quantity=1.0)
    day = Shipment("S-3", date=PartialDate(2024, 3, 1), transit_countries=("KG",))
    undated = Shipment("S-4")
    store.save_screened(
        run(), [record(FULL, "review", 6.5), record(year), record(day), record(undated)]
    )
    # Oldest first: 2023, then March 2024 before 1 March 2024 (both start that day; file order).
    assert list(store.screened_shipments()) == [year, FULL, day, undated]
    store.close()
    with duckdb.connect(str(tmp_path / "s.duckdb")) as con:
        dates = con.execute("SELECT date, date_circa FROM screened_shipments ORDER BY position")
        assert dates.fetchall() == [
            ("2024-03", False),
            ("2023", True),
            ("2024-03-01", False),
            (None, None),
        ]
        extra, findings, risk = con.execute(
            "SELECT extra, findings, risk FROM screened_shipments WHERE shipment_id = 'S-1'"
        ).fetchone()  # type: ignore[misc]  # the row is there
    assert extra == '{"incoterms": "FCA", "Примечание": "срочно"}' and risk == "review"
    assert findings == '[{"rule": "R13", "weight": 2.0}]'


def test_runs_are_listed_with_their_counts_and_versions_are_kept(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "s.duckdb")
    first = store.save_screened(run("a.csv"), [record(FULL, "review", 6.5), record(Shipment("X"))])
    amended = Shipment("S-1", date=PartialDate(2024, 3), consignee_name="Bishkek Trade LLC")
    second = store.save_screened(run("b.csv", datetime(2024, 6, 2)), [record(amended)])
    assert (first.run_id, second.run_id) == (1, 2)
    assert store.screening_runs() == [
        ScreeningRun("b.csv", datetime(2024, 6, 2), 1, 1, {"clear": 1}, 2),
        ScreeningRun("a.csv", datetime(2024, 6, 1, 9, 30), 1, 2, {"clear": 1, "review": 1}, 1),
    ]
    # Same date: the earlier run's version first.
    assert [s for s in store.screened_shipments() if s.shipment_id == "S-1"] == [FULL, amended]


def test_since_keeps_recent_dated_and_recently_screened_undated_shipments(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "s.duckdb")
    old, new = (
        Shipment("OLD", date=PartialDate(2022, 5, 1)),
        Shipment("NEW", date=PartialDate(2024)),
    )
    store.save_screened(run(at=datetime(2024, 6, 1)), [record(old), record(new)])
    store.save_screened(run(at=datetime(2021, 1, 1)), [record(Shipment("UNDATED-OLD"))])
    store.save_screened(run(at=datetime(2024, 6, 1)), [record(Shipment("UNDATED-NEW"))])
    since = [s.shipment_id for s in store.screened_shipments(date(2023, 1, 1))]
    assert since == ["NEW", "UNDATED-NEW"]
    assert len(list(store.screened_shipments())) == 4


def test_a_failed_save_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "s.duckdb")
    store.save_screened(run(), [record(FULL)])
    # A NULL score breaks the NOT NULL constraint after the run's own row went in.
    bad = ScreenedRecord(Shipment("S-10"), "clear", None)  # type: ignore[arg-type]  # on purpose
    broken = [record(Shipment("S-9")), bad]
    with pytest.raises(StoreError, match="INSERT INTO screened_shipments"):
        store.save_screened(run("broken.csv"), broken)
    assert [r.path for r in store.screening_runs()] == ["batch.csv"]
    assert list(store.screened_shipments()) == [FULL]
    assert store.save_screened(run("next.csv"), [record(Shipment("S-9"))]).run_id == 2


def _version_1_store(path: Path) -> None:
    """A store as Veracity left it before screened shipments were kept: schema version 1."""
    with duckdb.connect(str(path)) as con:
        for statement in MIGRATIONS[1]:
            con.execute(statement)
        con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
        con.execute("INSERT INTO sources VALUES ('t', 3, 'c3', '/l.csv', NULL, now(), 2, 2, 0, 0)")


def test_a_version_1_store_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _version_1_store(db)
    store = DuckDBStore(db)
    assert store.schema_version() == SCHEMA_VERSION == 2
    live = store.current("t")
    assert live is not None and live.version == 3
    assert store.screening_runs() == [] and list(store.screened_shipments()) == []
    store.save_screened(run(), [record(FULL)])
    assert store.replace(staged(2, checksum="c4")).version == 4
    store.close()
    assert list(DuckDBStore(db).screened_shipments()) == [FULL]


def test_a_store_from_a_newer_veracity_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    DuckDBStore(db).close()
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99, newer"):
        DuckDBStore(db)
