"""The shipments screened so far in a run, indexed so that a rule's look-back is a bisect.

A run starts from the shipments earlier runs kept in the store (`RunHistory.seed`), read back as
far as `look_back_days` says, less those the run screens again (`earlier_versions`).

Each index key (a party, an HS-6 code) keeps its shipments sorted by date, with the date's day
number beside it, so "earlier shipments of these goods in the last 92 days" is two bisections
and a slice, not a sort of everything seen so far. Undated shipments are kept apart: a question
with no date (`until=None`) sees them, a dated one cannot place them and does not.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import fields
from operator import attrgetter

from veracity.model import PartialDate
from veracity.model.trade import Shipment
from veracity.screening.redflags_context import RuleThresholds, as_date, party_key

PEER_WINDOW = 2000
"""Earlier shipments of the same goods the price rule compares with (the latest ones)."""

HISTORY_DAYS = 730
"""Days of stored shipments a run reads by default, before its first shipment's date. R16
wants every earlier order of the consignee and R20 every earlier intermediary of the buyer, so
no rule window bounds them; two years holds two yearly ordering cycles (a seasonal order is
compared with last year's) and covers the 15-20 months from a relay firm's first activity to its
listing (Trace the Unseen, 2026), while keeping the history a run loads in memory bounded."""

# A shipment's content: every field but where it was read from, so a row stored from an earlier
# run of the same file equals the shipment read again.
_CONTENT = attrgetter(*(f.name for f in fields(Shipment) if f.name != "provenance"))


class DatedShipments:
    """Shipments sorted by date (ties in arrival order), plus the undated ones."""

    __slots__ = ("days", "shipments", "undated")

    def __init__(self) -> None:
        self.days: list[int] = []
        self.shipments: list[Shipment] = []
        self.undated: list[Shipment] = []

    def add(self, shipment: Shipment) -> None:
        """Insert after every shipment of the same day or earlier."""
        if shipment.date is None:
            self.undated.append(shipment)
            return
        day = as_date(shipment.date).toordinal()
        at = bisect_right(self.days, day)
        self.days.insert(at, day)
        self.shipments.insert(at, shipment)

    def until(
        self, until: PartialDate | None, window_days: int | None = None, latest: int | None = None
    ) -> list[Shipment]:
        """Shipments dated on or before `until` (and within `window_days` of it), oldest first;
        only the `latest` ones if given. With no `until`, every shipment, undated included."""
        if until is None:
            everything = self.shipments + self.undated
            return everything[-latest:] if latest else everything
        end = as_date(until).toordinal()
        stop = bisect_right(self.days, end)
        start = 0 if window_days is None else bisect_left(self.days, end - window_days)
        if latest:
            start = max(start, stop - latest)
        return self.shipments[start:stop]


class PricedShipments(DatedShipments):
    """Dated shipments with their unit values beside them, for the price look-back."""

    __slots__ = ("values",)

    def __init__(self) -> None:
        super().__init__()
        self.values: list[float] = []

    def add(self, shipment: Shipment) -> None:
        """Insert a dated shipment with a unit value (others are not priced peers)."""
        if shipment.date is None or shipment.unit_value is None:
            return
        day = as_date(shipment.date).toordinal()
        at = bisect_right(self.days, day)
        self.days.insert(at, day)
        self.shipments.insert(at, shipment)
        self.values.insert(at, shipment.unit_value)

    def values_until(self, until: PartialDate, window_days: int, latest: int) -> list[float]:
        """The unit values of the latest `latest` shipments within `window_days` of `until`."""
        end = as_date(until).toordinal()
        stop = bisect_right(self.days, end)
        start = max(bisect_left(self.days, end - window_days), stop - latest)
        return self.values[start:stop]


class RunHistory:
    """The run's shipments by party (any role) and by HS-6: the rules' `History`."""

    def __init__(self) -> None:
        self.by_party: defaultdict[str, DatedShipments] = defaultdict(DatedShipments)
        self.by_hs6: defaultdict[str, DatedShipments] = defaultdict(DatedShipments)
        self.by_price: defaultdict[tuple[str, str | None], PricedShipments] = defaultdict(
            PricedShipments
        )

    def seed(self, shipments: Iterable[Shipment]) -> int:
        """Start from shipments screened before the run, in any order; how many there were."""
        # Sorted first, every insertion lands at the end of its index: no list shifting.
        ordered = sorted(shipments, key=lambda s: as_date(s.date) if s.date else dt.date.max)
        for shipment in ordered:
            self.add(shipment)
        return len(ordered)

    def add(self, shipment: Shipment) -> None:
        """Remember a screened shipment."""
        for key in {party_key(p.name) for p in shipment.parties()}:
            self.by_party[key].add(shipment)
        if shipment.hs6:
            self.by_hs6[shipment.hs6].add(shipment)
            if shipment.unit_value is not None:
                self.by_price[shipment.hs6, shipment.currency].add(shipment)

    def previous(self, party_name: str, until: PartialDate | None) -> Sequence[Shipment]:
        """Earlier shipments naming this party (see redflags_context.History)."""
        found = self.by_party.get(party_key(party_name))
        return found.until(until) if found else []

    def peers(
        self, hs6: str, until: PartialDate | None, window_days: int | None = None
    ) -> Sequence[Shipment]:
        """Earlier shipments of goods under this HS-6: at most the latest PEER_WINDOW, which
        are sample enough for the price percentiles of R15 and keep the look-back constant."""
        found = self.by_hs6.get(hs6)
        return found.until(until, window_days, PEER_WINDOW) if found else []

    def priced(
        self, hs6: str, currency: str | None, until: PartialDate, window_days: int
    ) -> Sequence[Shipment]:
        """Earlier shipments of these goods with a unit value in `currency`: at most the latest
        PEER_WINDOW, which are sample enough for the price percentiles of R15."""
        found = self.by_price.get((hs6, currency))
        return found.until(until, window_days, PEER_WINDOW) if found else []

    def unit_values(
        self, hs6: str, currency: str | None, until: PartialDate, window_days: int
    ) -> Sequence[float]:
        """The unit values of `priced`, read from the index without touching the shipments (the
        history holds only shipments screened before the one at hand)."""
        found = self.by_price.get((hs6, currency))
        return found.values_until(until, window_days, PEER_WINDOW) if found else []


def look_back_days(thresholds: RuleThresholds, history_days: int = HISTORY_DAYS) -> int:
    """Days of stored history a run reads: `history_days`, never fewer than the longest window
    a rule uses (R15 peer prices, R17 redirects, R20 churn)."""
    windows = (thresholds.price_window_days, thresholds.redirect_window_days, thresholds.churn_days)
    return max(history_days, *windows)


def history_since(shipments: Iterable[Shipment], days: int, today: dt.date) -> dt.date:
    """The first day of stored history a run needs: `days` before its earliest shipment (or
    before `today` if that is earlier, or if no shipment is dated)."""
    dated = [as_date(s.date) for s in shipments if s.date is not None]
    return min([today, *dated]) - dt.timedelta(days=days)


def earlier_versions(stored: Iterable[Shipment], current: Iterable[Shipment]) -> list[Shipment]:
    """The stored shipments a run compares with: one of each content, none the run screens again.

    Rules tell a shipment from itself by identity (`others`), and rows read from the store are
    new objects: a file screened a second time would meet its own earlier rows and count every
    order twice (R16, R20). So a stored row with the same fields as a shipment of the run (its
    provenance aside) is left out, and so are repeats of one content stored by several runs.
    A stored row that differs, such as the same shipment id with another consignee, is kept: it
    is the earlier version R17 compares with.
    """
    seen = {_CONTENT(s) for s in current}
    kept = []
    for shipment in stored:
        content = _CONTENT(shipment)
        if content not in seen:
            seen.add(content)
            kept.append(shipment)
    return kept
