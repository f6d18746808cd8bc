"""The run history: look-backs by date window, latest peers, undated shipments; and the
shipments of earlier runs it starts from."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from veracity.matching import CandidateIndex, Matcher, NameModel
from veracity.model import PartialDate, Provenance
from veracity.model.trade import Shipment
from veracity.screening.history import (
    HISTORY_DAYS,
    DatedShipments,
    RunHistory,
    earlier_versions,
    history_since,
    look_back_days,
)
from veracity.screening.redflags_context import InMemoryHistory, RuleThresholds
from veracity.screening.screen import Screened, Screener


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


def test_price_look_back_reads_values_of_one_currency_only() -> None:
    shipments = [
        replace(
            _ship(n, (n * 7) % 28 + 1, month=1 + n % 3),
            unit_value=None if n % 5 == 0 else float(n),
            currency="EUR" if n % 4 == 0 else "USD",
        )
        for n in range(60)
    ]
    run = RunHistory()
    for s in shipments:
        run.add(s)
    plain = InMemoryHistory(tuple(shipments))
    until = PartialDate(2024, 3, 10)
    for currency in ("USD", "EUR", "CHF"):
        expected = plain.unit_values("854231", currency, until, 40)
        assert list(run.unit_values("854231", currency, until, 40)) == list(expected)
        assert list(run.priced("854231", currency, until, 40)) == list(
            plain.priced("854231", currency, until, 40)
        )
    assert run.unit_values("854231", "USD", until, 40)  # not vacuous
    assert run.unit_values("854231", "CHF", until, 40) == []


def _order(n: int, quantity: float, **fields: object) -> Shipment:
    """An order of HS 854231 by one consignee, on day `n` of March 2024."""
    values: dict[str, Any] = {"consignee_name": "Almaty Components LLP", "hs_code": "85423190"}
    return Shipment(f"H-{n}", PartialDate(2024, 3, n), quantity=quantity, **(values | fields))


def test_seeded_shipments_come_before_the_runs_own_on_the_same_day() -> None:
    run = RunHistory()
    assert run.seed([_order(9, 1), _order(2, 1), _ship(7, None)]) == 3
    run.add(replace(_order(2, 5), shipment_id="NEW"))
    found = run.previous("Almaty Components", PartialDate(2024, 3, 31))
    assert [s.shipment_id for s in found] == ["H-2", "NEW", "H-9"]


def test_look_back_is_the_option_but_never_shorter_than_a_rule_window() -> None:
    assert look_back_days(RuleThresholds()) == HISTORY_DAYS == 730
    assert look_back_days(RuleThresholds(), 30) == 180  # R17's redirect window
    shipments = [_order(5, 1), _ship(1, None)]
    assert history_since(shipments, 10, dt.date(2026, 1, 1)) == dt.date(2024, 2, 24)
    assert history_since([_ship(1, None)], 10, dt.date(2026, 1, 1)) == dt.date(2025, 12, 22)


def test_earlier_versions_leave_out_the_runs_own_shipments_and_repeats() -> None:
    current = [_order(1, 10), _order(2, 20)]
    stored_again = replace(current[0], provenance=Provenance("shipments", "old.csv", 2))
    amended = _order(2, 20, consignee_name="Bishkek Trade LLC")
    older = _order(3, 30)
    stored = [stored_again, amended, older, replace(older, provenance=None)]
    assert earlier_versions(stored, current) == [amended, older]


def test_the_screener_compares_with_earlier_runs_shipments() -> None:
    matcher = Matcher(CandidateIndex([], "none"), NameModel.load())
    past = [_order(n, 100 + n) for n in range(1, 7)]
    big = _order(20, 1500)
    assert "R16" not in _rules(Screener(matcher).screen(big))
    assert "R16" in _rules(Screener(matcher, earlier=past).screen(big))


def _rules(screened: Screened) -> set[str]:
    return {f.rule for f in screened.decision.findings}
