"""The shipments screened so far in a run, indexed so that a rule's look-back is a bisect.

Each index key (a party, an HS-6 code) keeps its shipments sorted by date, with the date's day
number beside it, so "earlier shipments of these goods in the last 92 days" is two bisections
and a slice, not a sort of everything seen so far. Undated shipments are kept apart: a question
with no date (`until=None`) sees them, a dated one cannot place them and does not.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence

from veracity.model import PartialDate
from veracity.model.trade import Shipment
from veracity.screening.redflags_context import as_date, party_key

PEER_WINDOW = 2000
"""Earlier shipments of the same goods the price rule compares with (the latest ones)."""


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


class RunHistory:
    """The run's shipments by party (any role) and by HS-6: the rules' `History`."""

    def __init__(self) -> None:
        self.by_party: defaultdict[str, DatedShipments] = defaultdict(DatedShipments)
        self.by_hs6: defaultdict[str, DatedShipments] = defaultdict(DatedShipments)

    def add(self, shipment: Shipment) -> None:
        """Remember a screened shipment."""
        for key in {party_key(p.name) for p in shipment.parties()}:
            self.by_party[key].add(shipment)
        if shipment.hs6:
            self.by_hs6[shipment.hs6].add(shipment)

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
