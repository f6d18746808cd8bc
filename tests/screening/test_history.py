"""The run history: look-backs by date window, latest peers, undated shipments."""

from __future__ import annotations

from veracity.model import PartialDate
from veracity.model.trade import Shipment
from veracity.screening.history import DatedShipments, RunHistory
from veracity.screening.redflags_context import InMemoryHistory


def _ship(n: int, day: int | None, month: int = 1, hs: str = "854231") -> Shipment:
    date = PartialDate(2024, month, day) if day is not None else None
    return Shipment(f"S{n}", date=date, hs_code=hs, consignee_name=f"Firm {n % 3}")


def test_dated_shipments_sort_by_date_and_keep_arrival_order_on_ties() -> None:
    index = DatedShipments()
    for n, day in enumerate([5, 1, 5, 3]):
        index.add(_ship(n, day))
    assert [s.shipment_id for s in index.until(PartialDate(2024, 1, 31))] == [
        "S1",
        "S3",
        "S0",
        "S2",
    ]
    assert [s.shipment_id for s in index.until(PartialDate(2024, 1, 4))] == ["S1", "S3"]


def test_window_and_latest_bound_the_look_back() -> None:
    index = DatedShipments()
    for day in range(1, 29):
        index.add(_ship(day, day))
    last_week = index.until(PartialDate(2024, 1, 20), window_days=6)
    assert [s.shipment_id for s in last_week] == [f"S{d}" for d in range(14, 21)]
    assert [s.shipment_id for s in index.until(PartialDate(2024, 1, 20), latest=2)] == [
        "S19",
        "S20",
    ]


def test_undated_shipments_only_answer_undated_questions() -> None:
    index = DatedShipments()
    index.add(_ship(1, None))
    index.add(_ship(2, 3))
    assert [s.shipment_id for s in index.until(None)] == ["S2", "S1"]
    assert [s.shipment_id for s in index.until(PartialDate(2024, 2, 1))] == ["S2"]


def test_run_history_agrees_with_the_in_memory_history() -> None:
    shipments = [_ship(n, (n * 7) % 28 + 1, month=1 + n % 3) for n in range(60)]
    run = RunHistory()
    for s in shipments:
        run.add(s)
    plain = InMemoryHistory(tuple(shipments))
    until = PartialDate(2024, 2, 15)
    assert list(run.peers("854231", until, 30)) == list(plain.peers("854231", until, 30))
    assert list(run.previous("FIRM 1", until)) == list(plain.previous("Firm 1", until))
